import Crypto
public import Foundation

/// 签名类型 — C2SP signed-note signature type bytes supported here.
public enum NoteSignatureType: UInt8, Sendable, Hashable, Codable, CustomStringConvertible {
    /// Ed25519 over the note text (c2sp.org/signed-note).
    case ed25519 = 0x01
    /// Timestamped Ed25519 witness cosignature (c2sp.org/tlog-cosignature, cosignature/v1).
    case cosignatureV1 = 0x04

    public var description: String {
        switch self {
        case .ed25519: "Ed25519"
        case .cosignatureV1: "cosignature/v1"
        }
    }
}

/// 密钥标识 — the 32-bit key ID: SHA-256(name ‖ 0x0A ‖ type ‖ public key)[:4], big-endian.
public enum NoteKeyID {
    /// Computes the key ID of a named public key of the given type.
    public static func compute(name: String, type: NoteSignatureType, publicKey: some DataProtocol) -> UInt32 {
        self.compute(name: name, typeByte: type.rawValue, publicKey: publicKey)
    }

    /// Key ID over a raw type byte, so keys of unknown type can still be checked.
    static func compute(name: String, typeByte: UInt8, publicKey: some DataProtocol) -> UInt32 {
        var hasher = SHA256()
        hasher.update(data: Array(name.utf8))
        hasher.update(data: [0x0A, typeByte])
        hasher.update(data: publicKey)
        return hasher.finalize().withUnsafeBytes { raw in
            raw.prefix(4).reduce(UInt32(0)) { $0 << 8 | UInt32($1) }
        }
    }

    /// Eight lowercase hex digits, as in key strings.
    public static func hex(_ keyID: UInt32) -> String {
        let digits = String(keyID, radix: 16)
        return String(repeating: "0", count: 8 - digits.count) + digits
    }

    /// Parses exactly eight hex digits (either case).
    static func parse(_ text: Substring) -> UInt32? {
        guard text.utf8.count == 8, text.utf8.allSatisfy({ $0 < 0x80 && ($0 as UInt8).isHexDigit }) else {
            return nil
        }
        return UInt32(text, radix: 16)
    }

    /// The four key ID bytes, big-endian.
    static func bytes(_ keyID: UInt32) -> [UInt8] {
        [UInt8(keyID >> 24), UInt8(truncatingIfNeeded: keyID >> 16), UInt8(truncatingIfNeeded: keyID >> 8),
         UInt8(truncatingIfNeeded: keyID)]
    }
}

/// Key-name rule shared by keys and signature lines: non-empty, no Unicode space, no '+'.
enum NoteKeyName {
    static func isValid(_ name: some StringProtocol) -> Bool {
        !name.isEmpty && !name.unicodeScalars.contains { $0 == "+" || $0.properties.isWhitespace }
    }
}

extension UInt8 {
    fileprivate var isHexDigit: Bool {
        (0x30...0x39).contains(self) || (0x41...0x46).contains(self) || (0x61...0x66).contains(self)
    }
}

extension StringProtocol {
    /// Splits at the first ASCII `separator` byte; the second part is empty if absent.
    func chop(_ separator: UInt8) -> (Substring, Substring) {
        let whole = self[...]
        guard let index = whole.utf8.firstIndex(of: separator) else { return (Substring(whole), "") }
        return (Substring(whole[..<index]), Substring(whole[whole.utf8.index(after: index)...]))
    }
}
