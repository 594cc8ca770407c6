/// Why a secret could not be split or recombined.
public enum ShamirError: SealedBidError, Equatable {
    /// The secret has no bytes.
    case emptySecret
    /// Threshold and count break 1 ≤ threshold ≤ count ≤ 255.
    case invalidThreshold(threshold: Int, count: Int)
    /// No shares were given.
    case noShares
    /// A share has index 0, which is where the secret lives.
    case zeroIndex
    /// Two shares have the same index.
    case duplicateIndex(UInt8)
    /// The shares do not all have the same length.
    case lengthMismatch
    /// Fewer shares than the threshold.
    case tooFewShares(have: Int, need: Int)
    /// A share beyond the first `threshold` does not lie on the polynomial the others define.
    case inconsistentShare(UInt8)

    public var code: String {
        switch self {
        case .emptySecret: "shamir-empty-secret"
        case .invalidThreshold: "shamir-invalid-threshold"
        case .noShares: "shamir-no-shares"
        case .zeroIndex: "shamir-zero-index"
        case .duplicateIndex: "shamir-duplicate-index"
        case .lengthMismatch: "shamir-length-mismatch"
        case .tooFewShares: "shamir-too-few-shares"
        case .inconsistentShare: "shamir-inconsistent-share"
        }
    }

    public var en: String {
        switch self {
        case .emptySecret:
            "The secret to split is empty"
        case .invalidThreshold(let threshold, let count):
            "Threshold \(threshold) of \(count) is invalid: need 1 ≤ threshold ≤ count ≤ 255"
        case .noShares:
            "No shares were given"
        case .zeroIndex:
            "A share has index 0, which is never issued"
        case .duplicateIndex(let index):
            "Share \(index) was given more than once"
        case .lengthMismatch:
            "The shares have different lengths"
        case .tooFewShares(let have, let need):
            "\(have) shares were given but \(need) are needed"
        case .inconsistentShare(let index):
            "Share \(index) is inconsistent with the other shares"
        }
    }

    public var zh: String {
        switch self {
        case .emptySecret:
            "待分割的秘密为空"
        case .invalidThreshold(let threshold, let count):
            "门限\(threshold)/\(count)无效：须满足 1 ≤ 门限 ≤ 份数 ≤ 255"
        case .noShares:
            "未提供任何份额"
        case .zeroIndex:
            "份额序号为0，该序号从不分发"
        case .duplicateIndex(let index):
            "第\(index)份额重复提供"
        case .lengthMismatch:
            "各份额长度不一致"
        case .tooFewShares(let have, let need):
            "仅提供\(have)份额，至少需要\(need)份"
        case .inconsistentShare(let index):
            "第\(index)份额与其他份额不一致"
        }
    }
}
