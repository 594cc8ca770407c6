import Foundation

/// Identifies one registration within the platform (chosen by the server, e.g. a database id).
public struct RegistrationID: Hashable, Comparable, Codable, Sendable, ExpressibleByStringLiteral,
    CustomStringConvertible
{
    /// The id as stored.
    public let rawValue: String

    /// An id from its stored text.
    public init(_ rawValue: String) {
        self.rawValue = rawValue
    }

    /// An id written as a literal (tests, fixtures).
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

    public static func < (lhs: RegistrationID, rhs: RegistrationID) -> Bool {
        lhs.rawValue < rhs.rawValue
    }

    public var description: String {
        self.rawValue
    }
}

/// 竞买人 — the party behind a registration: an enterprise (by unified social credit code) or a person.
public struct BidderParty: Hashable, Codable, Sendable {
    /// The party's platform id or credit code.
    public var id: String
    /// The name printed on the 成交确认书 if this party wins.
    public var name: String

    /// A party with its id and legal name.
    public init(id: String, name: String) {
        self.id = id
        self.name = name
    }
}

/// The operator's confirmation that a bidder's deposit arrived (until a finance module confirms payments itself).
public struct DepositReceipt: Hashable, Codable, Sendable {
    /// The amount received, in fen (at least the required deposit).
    public var amount: Fen
    /// The operator account that confirmed it.
    public var confirmedBy: String
    /// When it was confirmed (server time).
    public var confirmedAt: Date

    /// A confirmed receipt of `amount`.
    public init(amount: Fen, confirmedBy: String, confirmedAt: Date) {
        self.amount = amount
        self.confirmedBy = confirmedBy
        self.confirmedAt = confirmedAt
    }
}

/// 竞买登记 — one party's registration to bid in one auction: its anonymous bidder number, whether its deposit
/// has been confirmed (which gives it 竞买资格, the right to bid — 拍§18 🟡), and its pre-emption order if the court
/// confirmed it as a 优先购买权人 (拍§19 🟡).
public struct AuctionRegistration: Hashable, Codable, Sendable {
    /// The registration's id.
    public var id: RegistrationID
    /// Who registered.
    public var party: BidderParty
    /// When the registration was received (server time).
    public var registeredAt: Date
    /// 竞买号 — the number the party bids under.
    public var number: BidderNumber
    /// The operator's confirmation of the deposit; nil while it is awaited.
    public var deposit: DepositReceipt?
    /// 优先购买权人顺序 — 1 is first; nil for an ordinary bidder.
    public var preemptionOrder: Int?

    /// A registration as the registry records it.
    public init(
        id: RegistrationID,
        party: BidderParty,
        registeredAt: Date,
        number: BidderNumber,
        deposit: DepositReceipt? = nil,
        preemptionOrder: Int? = nil
    ) {
        self.id = id
        self.party = party
        self.registeredAt = registeredAt
        self.number = number
        self.deposit = deposit
        self.preemptionOrder = preemptionOrder
    }

    /// The identity to feed the auction engine with: the bidder number.
    public var bidderID: BidderID {
        self.number.bidderID
    }

    /// 竞买资格 — may bid: the deposit has been confirmed.
    public var isQualified: Bool {
        self.deposit != nil
    }
}
