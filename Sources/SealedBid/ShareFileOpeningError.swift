/// Why an envelope could not be opened with share files: a file that names another bid, or an
/// ``OpeningError`` of the opening itself.
public enum ShareFileOpeningError: SealedBidError, Equatable {
    /// The share file at `position` (0-based, in the order given) is refused.
    case shareFile(position: Int, ShareFileError)
    /// The opening failed; see ``OpeningError/faultOfBidder`` for whose fault.
    case opening(OpeningError)

    public var code: String {
        switch self {
        case .shareFile(_, let error): error.code
        case .opening(let error): error.code
        }
    }

    public var en: String {
        switch self {
        case .shareFile(let position, let error): "Share file \(position + 1): \(error.en)"
        case .opening(let error): error.en
        }
    }

    public var zh: String {
        switch self {
        case .shareFile(let position, let error): "第\(position + 1)个份额文件：\(error.zh)"
        case .opening(let error): error.zh
        }
    }
}
