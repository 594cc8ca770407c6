#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// The one-line text form of keys and shares: `<label> <base64>` followed by an optional newline.
enum KeyText {
    /// `label base64(bytes)` with a trailing newline, ready to be written as a file.
    static func format(label: String, bytes: [UInt8]) -> String {
        "\(label) \(Data(bytes).base64EncodedString())\n"
    }

    /// The bytes of a `label base64` line, or a ``KeyTextError``.
    static func parse(_ text: String, label: String, byteCount: Int) throws(KeyTextError) -> [UInt8] {
        let parts = text.split(whereSeparator: \.isWhitespace)
        guard parts.count == 2, parts[0] == label else {
            throw .wrongLabel(expected: label)
        }
        guard let data = Data(base64Encoded: String(parts[1])), data.count == byteCount else {
            throw .badBase64(expected: label, byteCount: byteCount)
        }
        return Array(data)
    }
}

/// Why a key or share text could not be read.
public enum KeyTextError: SealedBidError, Equatable {
    /// The text does not start with the expected label, e.g. `yiwang-custodian-pub-v1`.
    case wrongLabel(expected: String)
    /// The base64 part is not valid or does not hold the expected number of bytes.
    case badBase64(expected: String, byteCount: Int)
    /// The bytes decode but are not a valid key or share.
    case invalidContent(expected: String)

    public var code: String {
        switch self {
        case .wrongLabel: "key-text-wrong-label"
        case .badBase64: "key-text-bad-base64"
        case .invalidContent: "key-text-invalid-content"
        }
    }

    public var en: String {
        switch self {
        case .wrongLabel(let expected):
            "The text is not a \(expected) line (expected `\(expected) <base64>`)"
        case .badBase64(let expected, let byteCount):
            "The base64 part of the \(expected) line is not valid or not \(byteCount) bytes long"
        case .invalidContent(let expected):
            "The \(expected) line does not hold a valid value"
        }
    }

    public var zh: String {
        switch self {
        case .wrongLabel(let expected):
            "文本不是 \(expected) 格式（应为“\(expected) <base64>”）"
        case .badBase64(let expected, let byteCount):
            "\(expected) 的 base64 部分无效或长度不是\(byteCount)字节"
        case .invalidContent(let expected):
            "\(expected) 的内容无效"
        }
    }
}
