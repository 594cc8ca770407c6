/// Why a bid could not be sealed. Raised on the bidder's machine, before anything is uploaded.
public enum SealingError: SealedBidError, Equatable {
    /// A tender, lot or bidder identifier is empty.
    case emptyIdentifier(field: String)
    /// A tender, lot or bidder identifier is longer than ``BidBinding/maxIdentifierBytes``.
    case identifierTooLong(field: String)
    /// The panel's threshold and size break 1 ≤ k ≤ n ≤ 255.
    case invalidThreshold(threshold: Int, count: Int)
    /// The same custodian key appears twice in the panel.
    case duplicateCustodian(index: Int)
    /// A payload field does not fit its length prefix (4 GiB), or a key or field is too long.
    case payloadTooLarge(field: String)
    /// swift-crypto refused an operation; `detail` is its message.
    case cryptographyFailed(detail: String)

    public var code: String {
        switch self {
        case .emptyIdentifier: "seal-empty-identifier"
        case .identifierTooLong: "seal-identifier-too-long"
        case .invalidThreshold: "seal-invalid-threshold"
        case .duplicateCustodian: "seal-duplicate-custodian"
        case .payloadTooLarge: "seal-payload-too-large"
        case .cryptographyFailed: "seal-cryptography-failed"
        }
    }

    public var en: String {
        switch self {
        case .emptyIdentifier(let field):
            "The \(field) is empty"
        case .identifierTooLong(let field):
            "The \(field) is longer than \(BidBinding.maxIdentifierBytes) bytes"
        case .invalidThreshold(let threshold, let count):
            "Threshold \(threshold) of \(count) custodians is invalid: need 1 ≤ k ≤ n ≤ 255"
        case .duplicateCustodian(let index):
            "Custodian \(index) has the same key as an earlier custodian"
        case .payloadTooLarge(let field):
            "The bid's \(field) is too large to seal"
        case .cryptographyFailed(let detail):
            "Encryption failed: \(detail)"
        }
    }

    public var zh: String {
        switch self {
        case .emptyIdentifier(let field):
            "\(Self.chinese(field))为空"
        case .identifierTooLong(let field):
            "\(Self.chinese(field))超过\(BidBinding.maxIdentifierBytes)字节"
        case .invalidThreshold(let threshold, let count):
            "门限\(threshold)/\(count)无效：须满足 1 ≤ k ≤ n ≤ 255"
        case .duplicateCustodian(let index):
            "第\(index)位密钥保管人的公钥与前面的保管人重复"
        case .payloadTooLarge(let field):
            "投标文件的\(Self.chinese(field))过大，无法密封"
        case .cryptographyFailed(let detail):
            "加密失败：\(detail)"
        }
    }

    /// The Chinese name of a field named in English by the cases above.
    private static func chinese(_ field: String) -> String {
        switch field {
        case "tender id": "招标项目编号"
        case "lot id": "标段编号"
        case "bidder id": "投标人编号"
        case "file": "文件"
        case "file name": "文件名"
        case "opening sheet": "开标一览表"
        default: field
        }
    }
}
