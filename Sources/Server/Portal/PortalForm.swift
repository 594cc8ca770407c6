import Foundation
import Hummingbird
import MultipartKit
import TradingCore

/// The fields of a submitted HTML form: `application/x-www-form-urlencoded`, or `multipart/form-data` with files.
struct PortalForm: Sendable {
    /// One uploaded file.
    struct File: Sendable {
        var filename: String
        var bytes: [UInt8]
    }

    private(set) var fields: [String: String] = [:]
    private(set) var files: [String: File] = [:]

    subscript(_ name: String) -> String? {
        self.fields[name]
    }

    /// A trimmed field that must be present and non-empty.
    func required(_ name: String, label: String) throws -> String {
        let value = (self.fields[name] ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        guard !value.isEmpty else {
            throw TradingError.invalid("missing-field", zh: "请填写“\(label)”", en: "The field '\(name)' is required")
        }
        return value
    }

    /// A checkbox: present (with any value but "false") means checked.
    func checked(_ name: String) -> Bool {
        guard let value = self.fields[name] else { return false }
        return value != "false" && value != "0"
    }

    func file(_ name: String, label: String) throws -> File {
        guard let file = self.files[name], !file.bytes.isEmpty else {
            throw TradingError.invalid("file-missing", zh: "请选择要上传的\(label)", en: "Choose a file to upload (\(name))")
        }
        return file
    }

    /// Reads the request body (at most `limit` bytes) as a form.
    static func read(_ request: Request, limit: Int) async throws -> PortalForm {
        let buffer: ByteBuffer
        do {
            buffer = try await request.body.collect(upTo: limit)
        } catch let error as HTTPError where error.status == .contentTooLarge {
            throw TradingError(.tooLarge, code: "file-too-large", zh: "提交的内容超过大小上限（\(limit)字节）", en: "The upload exceeds the size limit of \(limit) bytes")
        }
        let contentType = request.headers[.contentType] ?? ""
        if contentType.lowercased().hasPrefix("multipart/form-data") {
            guard let boundary = Self.parameter("boundary", in: contentType) else {
                throw TradingError.invalid("multipart", zh: "表单格式错误：缺少分隔符", en: "Malformed multipart form: no boundary")
            }
            return try Self.multipart(Array(buffer.readableBytesView), boundary: boundary)
        }
        return Self.urlEncoded(String(decoding: buffer.readableBytesView, as: UTF8.self))
    }

    static func urlEncoded(_ text: String) -> PortalForm {
        var form = PortalForm()
        for pair in text.split(separator: "&") {
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            let decode = { (part: Substring) in String(part).replacingOccurrences(of: "+", with: " ").removingPercentEncoding ?? "" }
            guard let name = parts.first.map(decode), !name.isEmpty else { continue }
            form.fields[name] = parts.count == 2 ? decode(parts[1]) : ""
        }
        return form
    }

    static func multipart(_ bytes: [UInt8], boundary: String) throws -> PortalForm {
        final class Collector {
            var form = PortalForm()
            var disposition = ""
            var body: [UInt8] = []
        }
        let collector = Collector()
        let parser = MultipartParser(boundary: boundary)
        parser.onHeader = { name, value in
            if name.lowercased() == "content-disposition" { collector.disposition = value }
        }
        parser.onBody = { buffer in collector.body += buffer.readableBytesView }
        parser.onPartComplete = {
            if let name = Self.parameter("name", in: collector.disposition) {
                if let filename = Self.parameter("filename", in: collector.disposition) {
                    collector.form.files[name] = File(filename: filename, bytes: collector.body)
                } else {
                    collector.form.fields[name] = String(decoding: collector.body, as: UTF8.self)
                }
            }
            collector.disposition = ""
            collector.body = []
        }
        do {
            try parser.execute(bytes)
        } catch {
            throw TradingError.invalid("multipart", zh: "上传的表单格式错误", en: "Malformed multipart form")
        }
        return collector.form
    }

    /// `key=value` or `key="value"` out of a header such as `form-data; name="file"; filename="标书.pdf"`.
    static func parameter(_ key: String, in header: String) -> String? {
        for part in header.split(separator: ";") {
            let item = part.trimmingCharacters(in: .whitespaces)
            guard item.lowercased().hasPrefix(key + "=") else { continue }
            var value = item.dropFirst(key.count + 1)
            if value.hasPrefix("\""), value.hasSuffix("\""), value.count >= 2 { value = value.dropFirst().dropLast() }
            return String(value)
        }
        return nil
    }
}
