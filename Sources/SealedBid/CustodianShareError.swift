/// Why a custodian could not decrypt its share of an envelope.
public enum CustodianShareError: SealedBidError, Equatable {
    /// The envelope's signature does not verify: it was changed after the bidder signed it.
    case tamperedEnvelope
    /// The custodian's key is not among the envelope's custodians.
    case notACustodian
    /// HPKE decryption of share `index` failed: wrong private key, or a damaged ciphertext.
    case decryptionFailed(index: UInt8)
    /// The decrypted share does not match the bidder's commitment in the envelope.
    case commitmentMismatch(index: UInt8)

    public var code: String {
        switch self {
        case .tamperedEnvelope: "custodian-envelope-tampered"
        case .notACustodian: "custodian-not-listed"
        case .decryptionFailed: "custodian-decryption-failed"
        case .commitmentMismatch: "custodian-commitment-mismatch"
        }
    }

    public var en: String {
        switch self {
        case .tamperedEnvelope:
            "The envelope's signature does not verify; it was changed after sealing"
        case .notACustodian:
            "This custodian key is not one of the envelope's custodians"
        case .decryptionFailed(let index):
            "Share \(index) could not be decrypted with this custodian key"
        case .commitmentMismatch(let index):
            "Decrypted share \(index) does not match the bidder's commitment"
        }
    }

    public var zh: String {
        switch self {
        case .tamperedEnvelope:
            "信封签名验证失败，密封后已被改动"
        case .notACustodian:
            "该保管人密钥不在此信封的保管人名单中"
        case .decryptionFailed(let index):
            "无法用该保管人密钥解密第\(index)份额"
        case .commitmentMismatch(let index):
            "解密得到的第\(index)份额与投标人的承诺值不符"
        }
    }
}
