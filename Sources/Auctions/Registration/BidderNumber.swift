import Foundation

/// 竞买号 (竞买代码) — the anonymous number a bidder bids under. Only digits, of a fixed length per auction. The
/// room, the live record and every announcement show this number, never the party behind it (拍§18 🟡: identities
/// stay secret until bidding ends).
public struct BidderNumber: Hashable, Comparable, Codable, Sendable, CustomStringConvertible {
    /// The decimal digits, with leading zeros, e.g. `"004217"`.
    public let digits: String

    /// A number from its digits; nil unless `text` is one or more ASCII digits.
    public init?(_ text: String) {
        guard !text.isEmpty, text.utf8.allSatisfy({ (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0) }) else {
            return nil
        }
        self.digits = text
    }

    /// `value` written with exactly `length` digits (leading zeros kept); `value` must be below 10^length.
    init(value: UInt64, length: Int) {
        let text = String(value)
        self.digits = String(repeating: "0", count: max(0, length - text.count)) + text
    }

    /// The identity the auction engines are fed for this bidder, so that nothing in the room names a party.
    public var bidderID: BidderID {
        BidderID(self.digits)
    }

    public var description: String {
        self.digits
    }

    public static func < (lhs: BidderNumber, rhs: BidderNumber) -> Bool {
        (lhs.digits.count, lhs.digits) < (rhs.digits.count, rhs.digits)
    }

    public init(from decoder: any Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        guard let number = BidderNumber(text) else {
            throw DecodingError.dataCorrupted(
                DecodingError.Context(codingPath: decoder.codingPath, debugDescription: "not a bidder number: \(text)")
            )
        }
        self = number
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(self.digits)
    }
}
