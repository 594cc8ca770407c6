/// An error of the sealed-bid module, with a stable code and a message in Chinese and English.
///
/// Every error type in this module conforms, so a caller can show any of them to a user
/// without knowing which step failed.
public protocol SealedBidError: Error, Sendable, CustomStringConvertible {
    /// A stable machine-readable code, e.g. `share-not-for-envelope`.
    var code: String { get }
    /// The message in Chinese.
    var zh: String { get }
    /// The message in English.
    var en: String { get }
}

extension SealedBidError {
    public var description: String {
        "\(self.code): \(self.en) / \(self.zh)"
    }
}
