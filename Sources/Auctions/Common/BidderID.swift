import Foundation

/// Identifies a bidder (竞买人 / 供应商) within one auction; the caller chooses the scheme (party id, credit code…).
public struct BidderID: Hashable, Comparable, Codable, Sendable, ExpressibleByStringLiteral, CustomStringConvertible {
    public let rawValue: String

    public init(_ rawValue: String) {
        self.rawValue = rawValue
    }

    public init(stringLiteral value: String) {
        self.rawValue = value
    }

    public init(from decoder: any Decoder) throws {
        self.rawValue = try decoder.singleValueContainer().decode(String.self)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(self.rawValue)
    }

    public static func < (lhs: BidderID, rhs: BidderID) -> Bool {
        lhs.rawValue < rhs.rawValue
    }

    public var description: String { self.rawValue }
}
