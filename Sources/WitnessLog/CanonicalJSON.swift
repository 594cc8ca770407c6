public import Foundation

/// 规范化 JSON — RFC 8785 JSON Canonicalization Scheme (JCS) for witness log entries.
///
/// Objects have their keys sorted by UTF-16 code units; strings use the minimal
/// ECMAScript escaping; doubles use ECMAScript's shortest round-trip form.
/// Limitation: `.integer` values are written exactly, while RFC 8785 treats every number
/// as an IEEE double, so integers beyond ±2^53 would canonicalize differently in a
/// double-based implementation; keep entry integers within that range.
public enum CanonicalJSON {
    /// The canonical UTF-8 bytes of a JSON value; NaN and infinities are refused.
    public static func canonical(_ value: JSONValue) throws(CanonicalJSONError) -> [UInt8] {
        var out: [UInt8] = []
        try self.write(value, to: &out)
        return out
    }

    /// The canonical bytes of an `Encodable` value, via `JSONEncoder` and `JSONValue`.
    public static func canonical<T: Encodable>(
        _ value: T, encoder: JSONEncoder = JSONEncoder()
    ) throws(CanonicalJSONError) -> [UInt8] {
        let data: Data
        do {
            data = try encoder.encode(value)
        } catch {
            throw .encodingFailed(reason: String(describing: error))
        }
        return try self.canonical(json: data)
    }

    /// Canonicalizes JSON text (parsed with `JSONDecoder`).
    public static func canonical(json: some DataProtocol) throws(CanonicalJSONError) -> [UInt8] {
        let value: JSONValue
        do {
            value = try JSONDecoder().decode(JSONValue.self, from: Data(json))
        } catch {
            throw .invalidJSON(reason: String(describing: error))
        }
        return try self.canonical(value)
    }

    private static func write(_ value: JSONValue, to out: inout [UInt8]) throws(CanonicalJSONError) {
        switch value {
        case .null: out.append(contentsOf: "null".utf8)
        case .bool(let flag): out.append(contentsOf: (flag ? "true" : "false").utf8)
        case .integer(let number): out.append(contentsOf: String(number).utf8)
        case .double(let number): out.append(contentsOf: try ECMAScriptNumber.format(number).utf8)
        case .string(let text): self.writeString(text, to: &out)
        case .array(let elements):
            out.append(UInt8(ascii: "["))
            for (index, element) in elements.enumerated() {
                if index > 0 { out.append(UInt8(ascii: ",")) }
                try self.write(element, to: &out)
            }
            out.append(UInt8(ascii: "]"))
        case .object(let members):
            out.append(UInt8(ascii: "{"))
            let sorted = members.sorted { $0.key.utf16.lexicographicallyPrecedes($1.key.utf16) }
            for (index, member) in sorted.enumerated() {
                if index > 0 { out.append(UInt8(ascii: ",")) }
                self.writeString(member.key, to: &out)
                out.append(UInt8(ascii: ":"))
                try self.write(member.value, to: &out)
            }
            out.append(UInt8(ascii: "}"))
        }
    }

    /// JSON string with RFC 8785 escaping: only `"`, `\` and control characters are escaped.
    private static func writeString(_ text: String, to out: inout [UInt8]) {
        let hex: [UInt8] = Array("0123456789abcdef".utf8)
        out.append(UInt8(ascii: "\""))
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "\""): out.append(contentsOf: #"\""#.utf8)
            case UInt8(ascii: "\\"): out.append(contentsOf: #"\\"#.utf8)
            case 0x08: out.append(contentsOf: #"\b"#.utf8)
            case 0x09: out.append(contentsOf: #"\t"#.utf8)
            case 0x0A: out.append(contentsOf: #"\n"#.utf8)
            case 0x0C: out.append(contentsOf: #"\f"#.utf8)
            case 0x0D: out.append(contentsOf: #"\r"#.utf8)
            case 0x00..<0x20:
                out.append(contentsOf: #"\u00"#.utf8)
                out.append(hex[Int(byte >> 4)])
                out.append(hex[Int(byte & 0x0f)])
            default: out.append(byte)
            }
        }
        out.append(UInt8(ascii: "\""))
    }
}

/// 规范化错误 — why a value has no canonical JSON form.
public enum CanonicalJSONError: Error, Sendable, Hashable, CustomStringConvertible {
    /// NaN or an infinity, which JSON cannot express.
    case nonFiniteNumber(Double)
    /// `JSONEncoder` failed on the value.
    case encodingFailed(reason: String)
    /// The input is not JSON.
    case invalidJSON(reason: String)

    public var description: String {
        switch self {
        case .nonFiniteNumber(let value): "\(value) has no JSON representation"
        case .encodingFailed(let reason): "value could not be encoded as JSON: \(reason)"
        case .invalidJSON(let reason): "input is not valid JSON: \(reason)"
        }
    }
}
