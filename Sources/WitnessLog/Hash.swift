public import Crypto
public import Foundation

/// 哈希值 — a 32-byte SHA-256 hash: a Merkle leaf, node or root.
///
/// Stored inline (no heap allocation), so trees of millions of hashes stay cheap.
/// Encodes in `Codable` as a standard base64 string, the form used by C2SP formats.
public struct Hash: Sendable {
    /// Number of bytes in a hash.
    public static let byteCount = 32

    @usableFromInline
    var storage: (UInt64, UInt64, UInt64, UInt64)

    /// Creates a hash from exactly 32 bytes; `nil` for any other length.
    public init?(bytes: some Collection<UInt8>) {
        guard bytes.count == Hash.byteCount else { return nil }
        self.storage = (0, 0, 0, 0)
        withUnsafeMutableBytes(of: &self.storage) { raw in
            raw.copyBytes(from: bytes)
        }
    }

    /// Creates a hash from a SHA-256 digest.
    public init(_ digest: SHA256.Digest) {
        self.storage = (0, 0, 0, 0)
        withUnsafeMutableBytes(of: &self.storage) { raw in
            digest.withUnsafeBytes { raw.copyMemory(from: $0) }
        }
    }

    /// Creates a hash from 64 hexadecimal digits (either case); `nil` if malformed.
    public init?(hex: String) {
        let utf8 = Array(hex.utf8)
        guard utf8.count == 2 * Hash.byteCount else { return nil }
        var bytes = [UInt8]()
        bytes.reserveCapacity(Hash.byteCount)
        var index = 0
        while index < utf8.count {
            guard let high = Hash.nibble(utf8[index]), let low = Hash.nibble(utf8[index + 1]) else { return nil }
            bytes.append(high << 4 | low)
            index += 2
        }
        self.init(bytes: bytes)
    }

    /// Creates a hash from standard, padded base64 of 32 bytes; `nil` if malformed.
    public init?(base64: String) {
        guard let data = Data(base64Encoded: base64) else { return nil }
        self.init(bytes: data)
    }

    /// SHA-256 of `data` (no RFC 6962 domain prefix; see `Merkle` for tree hashes).
    public static func sha256(_ data: some DataProtocol) -> Hash {
        Hash(SHA256.hash(data: data))
    }

    /// The 32 bytes.
    public var bytes: [UInt8] {
        self.withUnsafeBytes { Array($0) }
    }

    /// The 32 bytes as `Data`.
    public var data: Data {
        self.withUnsafeBytes { Data($0) }
    }

    /// Lowercase hexadecimal, 64 characters.
    public var hex: String {
        let digits: [UInt8] = Array("0123456789abcdef".utf8)
        var out = [UInt8]()
        out.reserveCapacity(2 * Hash.byteCount)
        self.withUnsafeBytes { raw in
            for byte in raw {
                out.append(digits[Int(byte >> 4)])
                out.append(digits[Int(byte & 0x0f)])
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// Standard padded base64, 44 characters.
    public var base64: String {
        self.data.base64EncodedString()
    }

    /// Calls `body` with the 32 bytes, without copying.
    @inlinable
    public func withUnsafeBytes<R>(_ body: (UnsafeRawBufferPointer) throws -> R) rethrows -> R {
        try Swift.withUnsafeBytes(of: self.storage, body)
    }

    private static func nibble(_ c: UInt8) -> UInt8? {
        switch c {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): c - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): c - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): c - UInt8(ascii: "A") + 10
        default: nil
        }
    }
}

extension Hash: Hashable {
    public static func == (lhs: Hash, rhs: Hash) -> Bool {
        lhs.storage.0 == rhs.storage.0 && lhs.storage.1 == rhs.storage.1
            && lhs.storage.2 == rhs.storage.2 && lhs.storage.3 == rhs.storage.3
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(self.storage.0)
        hasher.combine(self.storage.1)
        hasher.combine(self.storage.2)
        hasher.combine(self.storage.3)
    }
}

extension Hash: Codable {
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        guard let hash = Hash(base64: text) else {
            throw DecodingError.dataCorruptedError(
                in: container, debugDescription: "expected base64 of 32 bytes, got \"\(text)\"")
        }
        self = hash
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(self.base64)
    }
}

extension Hash: CustomStringConvertible {
    public var description: String { self.hex }
}
