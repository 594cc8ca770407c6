/// Why bytes are not a well-formed sealed envelope of a supported version.
public struct EnvelopeFormatError: SealedBidError, Equatable {
    /// What was wrong, in English, naming the field (e.g. `truncated at signature (offset 612)`).
    public let reason: String

    /// Makes the error from an English reason.
    public init(reason: String) {
        self.reason = reason
    }

    public var code: String {
        "envelope-malformed"
    }

    public var en: String {
        "The sealed bid envelope is malformed: \(self.reason)"
    }

    public var zh: String {
        "投标文件密封信封格式错误：\(self.reason)"
    }
}
