import Crypto
import Foundation

/// A 32-byte value of a draw: a SHA-256 or HMAC-SHA256 output (roots, seed, tickets, commitments).
///
/// Stored as four big-endian words so tickets compare quickly; ordered as byte strings. Coded as lowercase hex.
public struct DrawDigest: Sendable, Hashable, Comparable, Codable, CustomStringConvertible {
    private var words: (UInt64, UInt64, UInt64, UInt64)

    /// The number of bytes.
    public static let byteCount = 32

    /// A digest from exactly 32 bytes; nil for any other length.
    public init?(bytes: some Collection<UInt8>) {
        guard bytes.count == Self.byteCount else { return nil }
        var words: [UInt64] = [0, 0, 0, 0]
        for (index, byte) in bytes.enumerated() {
            words[index / 8] = words[index / 8] << 8 | UInt64(byte)
        }
        self.words = (words[0], words[1], words[2], words[3])
    }

    /// A digest from its lowercase or uppercase hex text; nil when it is not 64 hex digits.
    public init?(hex: String) {
        guard let bytes = Hex.decode(hex) else { return nil }
        self.init(bytes: bytes)
    }

    /// The digest of a SHA-256 hash.
    init(_ digest: SHA256.Digest) {
        var words: (UInt64, UInt64, UInt64, UInt64) = (0, 0, 0, 0)
        digest.withUnsafeBytes { (raw: UnsafeRawBufferPointer) -> Void in
            words = Self.load(raw)
        }
        self.words = words
    }

    private static func load(_ raw: UnsafeRawBufferPointer) -> (UInt64, UInt64, UInt64, UInt64) {
        precondition(raw.count == Self.byteCount, "a draw digest is 32 bytes")
        func word(_ index: Int) -> UInt64 {
            UInt64(bigEndian: raw.loadUnaligned(fromByteOffset: index * 8, as: UInt64.self))
        }
        return (word(0), word(1), word(2), word(3))
    }

    /// SHA-256 of `bytes`.
    static func sha256(_ bytes: [UInt8]) -> DrawDigest {
        var hasher = SHA256()
        bytes.withUnsafeBytes { hasher.update(bufferPointer: $0) }
        return DrawDigest(hasher.finalize())
    }

    /// Writes the 32 bytes, big-endian, into `buffer` (at least 32 bytes long).
    func store(into buffer: UnsafeMutableRawBufferPointer) {
        buffer.storeBytes(of: self.words.0.bigEndian, toByteOffset: 0, as: UInt64.self)
        buffer.storeBytes(of: self.words.1.bigEndian, toByteOffset: 8, as: UInt64.self)
        buffer.storeBytes(of: self.words.2.bigEndian, toByteOffset: 16, as: UInt64.self)
        buffer.storeBytes(of: self.words.3.bigEndian, toByteOffset: 24, as: UInt64.self)
    }

    /// The 32 bytes, big-endian.
    public var bytes: [UInt8] {
        [UInt8](unsafeUninitializedCapacity: Self.byteCount) { buffer, count in
            self.store(into: UnsafeMutableRawBufferPointer(buffer))
            count = Self.byteCount
        }
    }

    /// Lowercase hex, as the bundle writes it.
    public var hex: String { Hex.encode(self.bytes) }

    public var description: String { self.hex }

    public static func == (lhs: DrawDigest, rhs: DrawDigest) -> Bool {
        lhs.words == rhs.words
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(self.words.0)
        hasher.combine(self.words.1)
        hasher.combine(self.words.2)
        hasher.combine(self.words.3)
    }

    public static func < (lhs: DrawDigest, rhs: DrawDigest) -> Bool {
        (lhs.words.0, lhs.words.1, lhs.words.2, lhs.words.3) < (rhs.words.0, rhs.words.1, rhs.words.2, rhs.words.3)
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        guard let digest = DrawDigest(hex: text) else {
            throw DecodingError.dataCorruptedError(in: container, debugDescription: "expected 64 hex digits, found \"\(text)\"")
        }
        self = digest
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(self.hex)
    }
}
