import Crypto

/// 开标密钥保管人 — custodian: holds an X25519 private key and decrypts one key share per sealed bid.
///
/// Each custodian makes its key on its own machine; only ``publicKey`` leaves it.
public struct CustodianKey: Sendable, CustomStringConvertible {
    /// The first word of the private text form.
    public static let textLabel = "yiwang-custodian-key-v1"

    /// The 32-byte X25519 private key.
    public let rawRepresentation: [UInt8]
    /// The matching public key.
    public let publicKey: CustodianPublicKey

    /// Makes a fresh key from the system's secure random generator.
    public init() {
        let key = Curve25519.KeyAgreement.PrivateKey()
        self.rawRepresentation = Array(key.rawRepresentation)
        // A key swift-crypto just made always has a valid public key.
        self.publicKey = try! CustodianPublicKey(rawRepresentation: Array(key.publicKey.rawRepresentation))
    }

    /// Reads a 32-byte X25519 private key.
    public init(rawRepresentation: [UInt8]) throws(KeyTextError) {
        guard rawRepresentation.count == 32,
            let key = try? Curve25519.KeyAgreement.PrivateKey(rawRepresentation: rawRepresentation),
            let publicKey = try? CustodianPublicKey(rawRepresentation: Array(key.publicKey.rawRepresentation))
        else {
            throw .invalidContent(expected: Self.textLabel)
        }
        self.rawRepresentation = rawRepresentation
        self.publicKey = publicKey
    }

    /// Reads the text form `yiwang-custodian-key-v1 <base64>`.
    public init(text: String) throws(KeyTextError) {
        try self.init(rawRepresentation: KeyText.parse(text, label: Self.textLabel, byteCount: 32))
    }

    /// The private text form `yiwang-custodian-key-v1 <base64>\n`; keep the file readable by its owner only.
    public var text: String {
        KeyText.format(label: Self.textLabel, bytes: self.rawRepresentation)
    }

    /// Names the key by its public half, never printing the private bytes.
    public var description: String {
        "CustodianKey(public: \(self.publicKey.text.dropLast()))"
    }

    /// The key as swift-crypto's type, for HPKE.
    var cryptoKey: Curve25519.KeyAgreement.PrivateKey {
        // Checked in init.
        try! Curve25519.KeyAgreement.PrivateKey(rawRepresentation: self.rawRepresentation)
    }
}
