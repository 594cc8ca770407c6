/// 文档创建者 — the creator fields a PDF's document information dictionary carries (/Author, /Creator, /Producer),
/// read from a bid file after the opening for the 条例40 "same document creator" indicator.
enum DocumentCreator {
    static let fields = ["Author", "Creator", "Producer"]
    /// The information dictionary sits near the start or, after incremental saves, near the end.
    static let window = 64 * 1024

    static func read(_ bytes: [UInt8]) -> String? {
        guard bytes.starts(with: Array("%PDF".utf8)) else { return nil }
        let head = bytes.prefix(Self.window)
        let tail = bytes.count > Self.window ? bytes.suffix(Self.window) : ArraySlice<UInt8>()
        var parts: [String] = []
        for field in Self.fields {
            if let value = Self.value(of: field, in: head) ?? Self.value(of: field, in: tail) {
                parts.append("\(field)=\(value)")
            }
        }
        return parts.isEmpty ? nil : parts.joined(separator: "; ")
    }

    /// The literal string after `/field`, optional white space and `(`, up to `)` (at most 200 bytes).
    static func value(of field: String, in bytes: ArraySlice<UInt8>) -> String? {
        let name = Array("/\(field)".utf8)
        var index = bytes.startIndex
        while let found = Self.firstIndex(of: name, in: bytes, from: index) {
            var cursor = found + name.count
            while cursor < bytes.endIndex, [0x20, 0x09, 0x0A, 0x0D].contains(bytes[cursor]) { cursor += 1 }
            if cursor < bytes.endIndex, bytes[cursor] == UInt8(ascii: "(") {
                let start = cursor + 1
                if let end = bytes[start..<min(bytes.endIndex, start + 201)].firstIndex(of: UInt8(ascii: ")")), end > start {
                    return String(decoding: bytes[start..<end], as: UTF8.self)
                }
            }
            index = found + 1
        }
        return nil
    }

    static func firstIndex(of needle: [UInt8], in bytes: ArraySlice<UInt8>, from start: Int) -> Int? {
        guard let first = needle.first, bytes.endIndex - start >= needle.count else { return nil }
        var index = start
        while index <= bytes.endIndex - needle.count {
            if bytes[index] == first, bytes[index..<index + needle.count].elementsEqual(needle) { return index }
            index += 1
        }
        return nil
    }
}
