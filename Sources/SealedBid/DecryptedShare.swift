/// A key share a custodian decrypted from one envelope and hands over at the opening (开标解密).
///
/// It names the envelope by its SHA-256, so a share cannot be used for another bid, and anyone can
/// check it against the bidder's commitment in the envelope before using it.
public struct DecryptedShare: Sendable, Hashable, CustomStringConvertible {
    /// The first word of the text form.
    public static let textLabel = "yiwang-decrypted-share-v1"

    /// SHA-256 of the envelope the share belongs to (``BidEnvelope/sha256``).
    public let envelopeSHA256: [UInt8]
    /// The share index, 1…n.
    public let index: UInt8
    /// The 32 share bytes: secret until the opening.
    public let value: [UInt8]

    /// Makes a share from its parts (checked when the envelope is opened).
    public init(envelopeSHA256: [UInt8], index: UInt8, value: [UInt8]) {
        self.envelopeSHA256 = envelopeSHA256
        self.index = index
        self.value = value
    }

    /// Reads the text form `yiwang-decrypted-share-v1 <base64(envelope sha256 ‖ index ‖ share)>`.
    public init(text: String) throws(KeyTextError) {
        let bytes = try KeyText.parse(text, label: Self.textLabel, byteCount: 65)
        self.init(envelopeSHA256: Array(bytes[0..<32]), index: bytes[32], value: Array(bytes[33..<65]))
    }

    /// The text form `yiwang-decrypted-share-v1 <base64>\n`: 32-byte envelope hash, index byte, 32-byte share.
    public var text: String {
        KeyText.format(label: Self.textLabel, bytes: self.envelopeSHA256 + [self.index] + self.value)
    }

    /// Names the share without printing its secret bytes.
    public var description: String {
        let hash = self.envelopeSHA256.prefix(6).map { byte in
            String(byte, radix: 16).count == 1 ? "0" + String(byte, radix: 16) : String(byte, radix: 16)
        }.joined()
        return "DecryptedShare(envelope: \(hash)…, index: \(self.index))"
    }
}
