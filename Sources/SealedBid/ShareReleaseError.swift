/// Why a custodian's tool would not write a share file.
public enum ShareReleaseError: SealedBidError, Equatable {
    /// The bid deadline (Unix seconds) has not passed: shares are released at the opening only.
    case beforeDeadline(deadlineUnixSeconds: Int64)
    /// The custodian's share could not be decrypted or does not match the bidder's commitment.
    case custodian(CustodianShareError)

    public var code: String {
        switch self {
        case .beforeDeadline: "release-before-deadline"
        case .custodian(let error): error.code
        }
    }

    public var en: String {
        switch self {
        case .beforeDeadline(let deadline):
            "The bid deadline \(RFC3339.text(unixSeconds: deadline, offsetMinutes: 480)) has not passed; "
                + "release the share at the opening only"
        case .custodian(let error):
            error.en
        }
    }

    public var zh: String {
        switch self {
        case .beforeDeadline(let deadline):
            "投标截止时间 \(RFC3339.text(unixSeconds: deadline, offsetMinutes: 480)) 未到，开标时方可提供份额"
        case .custodian(let error):
            error.zh
        }
    }
}
