import Crypto

/// 投标人签名密钥 — the bidder's Ed25519 signing key: it signs every envelope the bidder seals.
///
/// Made on the bidder's machine; only ``publicKey`` leaves it, to be registered with the platform,
/// which then accepts only envelopes signed by the registered key.
public struct BidderKey: Sendable, CustomStringConvertible {
    /// The first word of the private text form.
    public static let textLabel = "yiwang-bidder-key-v1"

    /// The 32-byte Ed25519 private key (seed).
    public let rawRepresentation: [UInt8]
    /// The matching public key.
    public let publicKey: BidderPublicKey

    /// Makes a fresh key from the system's secure random generator.
    public init() {
        let key = Curve25519.Signing.PrivateKey()
        self.rawRepresentation = Array(key.rawRepresentation)
        self.publicKey = BidderPublicKey(key.publicKey)
    }

    /// Reads a 32-byte Ed25519 private key.
    public init(rawRepresentation: [UInt8]) throws(KeyTextError) {
        guard rawRepresentation.count == 32,
            let key = try? Curve25519.Signing.PrivateKey(rawRepresentation: rawRepresentation)
        else {
            throw .invalidContent(expected: Self.textLabel)
        }
        self.rawRepresentation = rawRepresentation
        self.publicKey = BidderPublicKey(key.publicKey)
    }

    /// Reads the text form `yiwang-bidder-key-v1 <base64>`.
    public init(text: String) throws(KeyTextError) {
        try self.init(rawRepresentation: KeyText.parse(text, label: Self.textLabel, byteCount: 32))
    }

    /// The private text form `yiwang-bidder-key-v1 <base64>\n`; keep the file readable by its owner only.
    public var text: String {
        KeyText.format(label: Self.textLabel, bytes: self.rawRepresentation)
    }

    /// Names the key by its public half, never printing the private bytes.
    public var description: String {
        "BidderKey(public: \(self.publicKey.text.dropLast()))"
    }

    /// The key as swift-crypto's type, for ``BidEnvelope/seal(payload:binding:panel:signingKey:)``.
    public var signingKey: Curve25519.Signing.PrivateKey {
        // Checked in init.
        try! Curve25519.Signing.PrivateKey(rawRepresentation: self.rawRepresentation)
    }
}

/// A bidder's Ed25519 public key, registered with the platform; it verifies the bidder's envelopes.
public struct BidderPublicKey: Sendable, Hashable {
    /// The first word of the text form.
    public static let textLabel = "yiwang-bidder-pub-v1"

    /// The 32-byte Ed25519 public key, as embedded in every envelope the bidder seals.
    public let rawRepresentation: [UInt8]

    /// Reads a 32-byte Ed25519 public key.
    public init(rawRepresentation: [UInt8]) throws(KeyTextError) {
        guard rawRepresentation.count == 32,
            (try? Curve25519.Signing.PublicKey(rawRepresentation: rawRepresentation)) != nil
        else {
            throw .invalidContent(expected: Self.textLabel)
        }
        self.rawRepresentation = rawRepresentation
    }

    /// Reads the text form `yiwang-bidder-pub-v1 <base64>`.
    public init(text: String) throws(KeyTextError) {
        try self.init(rawRepresentation: KeyText.parse(text, label: Self.textLabel, byteCount: 32))
    }

    /// Wraps swift-crypto's key, which is always valid.
    init(_ key: Curve25519.Signing.PublicKey) {
        self.rawRepresentation = Array(key.rawRepresentation)
    }

    /// The text form `yiwang-bidder-pub-v1 <base64>\n`, to register with the platform.
    public var text: String {
        KeyText.format(label: Self.textLabel, bytes: self.rawRepresentation)
    }

    /// True when `envelope` was signed by this key and its signature verifies.
    public func signed(_ envelope: BidEnvelope) -> Bool {
        envelope.bidderPublicKey == self.rawRepresentation && envelope.verifySignature()
    }
}
