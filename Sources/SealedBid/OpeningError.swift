/// Why a sealed bid could not be opened, and whose fault that is under shared/RULES.md.
///
/// 电子招标投标办法31: a decryption failure the bidder caused is treated as a revoked bid (撤销);
/// any other cause as a withdrawn bid (撤回). Other bids still open. ``faultOfBidder`` is true only
/// when the evidence in the envelope, which the bidder signed and the platform hashed at upload,
/// shows the bidder caused the failure; anything that a custodian or the platform could have
/// caused counts as not the bidder's fault.
public enum OpeningError: SealedBidError, Equatable {
    /// The stored bytes' SHA-256 differs from the hash committed at upload.
    case envelopeHashMismatch
    /// The bidder's signature does not verify: the envelope changed after it was signed.
    case invalidSignature
    /// The bytes committed at upload are not a well-formed envelope.
    case malformedEnvelope(EnvelopeFormatError)
    /// A share names another envelope, or an index the envelope does not have.
    case shareNotForEnvelope(index: UInt8)
    /// The same share index was given twice.
    case duplicateShare(index: UInt8)
    /// A share does not match the bidder's commitment: the custodian handed over a wrong share.
    case wrongShare(index: UInt8)
    /// Fewer valid shares than the threshold.
    case notEnoughShares(have: Int, need: Int)
    /// Shares that each match the bidder's commitments do not lie on one polynomial.
    case inconsistentShares(index: UInt8)
    /// The key the committed shares give does not match the bidder's key commitment.
    case keyCommitmentMismatch
    /// The payload does not decrypt (AES-GCM) under the key the bidder committed to.
    case payloadDecryptionFailed
    /// The payload decrypts but is not a well-formed bid payload.
    case malformedPayload(reason: String)

    /// True when the bidder caused the failure (→ revoked, 撤销); false → withdrawn (撤回).
    public var faultOfBidder: Bool {
        switch self {
        case .malformedEnvelope, .inconsistentShares, .keyCommitmentMismatch, .payloadDecryptionFailed,
            .malformedPayload:
            true
        case .envelopeHashMismatch, .invalidSignature, .shareNotForEnvelope, .duplicateShare, .wrongShare,
            .notEnoughShares:
            false
        }
    }

    public var code: String {
        switch self {
        case .envelopeHashMismatch: "opening-envelope-hash-mismatch"
        case .invalidSignature: "opening-invalid-signature"
        case .malformedEnvelope: "opening-malformed-envelope"
        case .shareNotForEnvelope: "opening-share-not-for-envelope"
        case .duplicateShare: "opening-duplicate-share"
        case .wrongShare: "opening-wrong-share"
        case .notEnoughShares: "opening-not-enough-shares"
        case .inconsistentShares: "opening-inconsistent-shares"
        case .keyCommitmentMismatch: "opening-key-commitment-mismatch"
        case .payloadDecryptionFailed: "opening-payload-decryption-failed"
        case .malformedPayload: "opening-malformed-payload"
        }
    }

    public var en: String {
        switch self {
        case .envelopeHashMismatch:
            "The stored envelope does not match the hash committed at upload (tampered)"
        case .invalidSignature:
            "The bidder's signature on the envelope does not verify (tampered)"
        case .malformedEnvelope(let error):
            "The uploaded envelope is malformed: \(error.reason)"
        case .shareNotForEnvelope(let index):
            "Share \(index) does not belong to this envelope"
        case .duplicateShare(let index):
            "Share \(index) was given more than once"
        case .wrongShare(let index):
            "Share \(index) does not match the bidder's commitment (wrong share)"
        case .notEnoughShares(let have, let need):
            "\(have) valid shares were given but \(need) are needed to open the bid"
        case .inconsistentShares(let index):
            "The bidder's share \(index) is inconsistent with the other shares"
        case .keyCommitmentMismatch:
            "The recovered key does not match the bidder's key commitment"
        case .payloadDecryptionFailed:
            "The bid does not decrypt under the key the bidder committed to"
        case .malformedPayload(let reason):
            "The decrypted bid is malformed: \(reason)"
        }
    }

    public var zh: String {
        switch self {
        case .envelopeHashMismatch:
            "存储的投标文件与上传时登记的哈希值不符（已被篡改）"
        case .invalidSignature:
            "投标人对信封的签名验证失败（已被篡改）"
        case .malformedEnvelope(let error):
            "上传的投标文件信封格式错误：\(error.reason)"
        case .shareNotForEnvelope(let index):
            "第\(index)份额不属于该投标文件"
        case .duplicateShare(let index):
            "第\(index)份额重复提供"
        case .wrongShare(let index):
            "第\(index)份额与投标人的承诺值不符（份额错误）"
        case .notEnoughShares(let have, let need):
            "仅有\(have)份有效份额，解密至少需要\(need)份"
        case .inconsistentShares(let index):
            "投标人生成的第\(index)份额与其他份额不一致"
        case .keyCommitmentMismatch:
            "恢复出的密钥与投标人的密钥承诺值不符"
        case .payloadDecryptionFailed:
            "投标文件无法用投标人承诺的密钥解密"
        case .malformedPayload(let reason):
            "解密后的投标文件格式错误：\(reason)"
        }
    }
}
