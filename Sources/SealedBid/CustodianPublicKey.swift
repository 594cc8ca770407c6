import Crypto

/// A custodian's X25519 public key, logged with the tender notice; shares are encrypted to it.
public struct CustodianPublicKey: Sendable, Hashable {
    /// The first word of the text form.
    public static let textLabel = "yiwang-custodian-pub-v1"

    /// The 32-byte X25519 public key.
    public let rawRepresentation: [UInt8]

    /// Reads a 32-byte X25519 public key.
    public init(rawRepresentation: [UInt8]) throws(KeyTextError) {
        guard rawRepresentation.count == 32,
            (try? Curve25519.KeyAgreement.PublicKey(rawRepresentation: rawRepresentation)) != nil
        else {
            throw .invalidContent(expected: Self.textLabel)
        }
        self.rawRepresentation = rawRepresentation
    }

    /// Reads the text form `yiwang-custodian-pub-v1 <base64>`.
    public init(text: String) throws(KeyTextError) {
        try self.init(rawRepresentation: KeyText.parse(text, label: Self.textLabel, byteCount: 32))
    }

    /// The text form `yiwang-custodian-pub-v1 <base64>\n`, to publish with the tender notice.
    public var text: String {
        KeyText.format(label: Self.textLabel, bytes: self.rawRepresentation)
    }

    /// The key as swift-crypto's type, for HPKE.
    var cryptoKey: Curve25519.KeyAgreement.PublicKey {
        // Checked in init.
        try! Curve25519.KeyAgreement.PublicKey(rawRepresentation: self.rawRepresentation)
    }
}
