import Foundation

/// 保留价 — the reserve price, sealed until the close: a best bid below it is no sale (拍卖法§50), and nobody
/// outside the platform may learn it before then. The amount can be read only from a closed auction
/// (`revealed(after:)`); printing, `dump` and string interpolation show it as sealed.
///
/// It encodes its amount, for storage beside the auction's rules: never put it into anything public — public views
/// carry a `ReserveDisclosure` instead.
public struct SealedReserve: Hashable, Codable, Sendable, CustomStringConvertible, CustomDebugStringConvertible,
    CustomReflectable
{
    let amount: Fen

    /// Seals a reserve of `amount` fen (must be positive).
    public init(_ amount: Fen) throws(InvalidAuctionRules) {
        guard amount > 0 else { throw InvalidAuctionRules(violations: [.notPositive(.reservePrice)]) }
        self.amount = amount
    }

    /// The reserve, once `machine` has closed; nil while it has not.
    public func revealed(after machine: some AuctionMachine) -> Fen? {
        machine.outcome == nil ? nil : self.amount
    }

    /// What the public may be told about this reserve given `machine`'s state.
    public func disclosure(for machine: some AuctionMachine) -> ReserveDisclosure {
        self.revealed(after: machine).map(ReserveDisclosure.revealed) ?? .sealed
    }

    public init(from decoder: any Decoder) throws {
        let amount = try decoder.singleValueContainer().decode(Fen.self)
        guard amount > 0 else {
            throw DecodingError.dataCorrupted(
                DecodingError.Context(codingPath: decoder.codingPath, debugDescription: "a reserve must be positive")
            )
        }
        self.amount = amount
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(self.amount)
    }

    public var description: String {
        "保留价（密封）/ sealed reserve"
    }

    public var debugDescription: String {
        "SealedReserve(sealed)"
    }

    public var customMirror: Mirror {
        Mirror(self, children: [])
    }
}

/// What the public is told about a reserve: that there is none, that there is one (sealed), or — after the close —
/// its amount.
public enum ReserveDisclosure: Hashable, Codable, Sendable {
    /// The auction has no reserve.
    case none
    /// There is a reserve; its amount is sealed until the close.
    case sealed
    /// The auction has closed; this was the reserve.
    case revealed(Fen)

    /// The disclosure of an optional reserve given `machine`'s state.
    public static func of(_ reserve: SealedReserve?, for machine: some AuctionMachine) -> ReserveDisclosure {
        reserve?.disclosure(for: machine) ?? .none
    }
}

/// Rules of an auction that compare the best bid with a reserve. The engine needs the amount; the runner hands it
/// over sealed, so the amount never passes through the runner's own variables.
public protocol ReserveBearingRules {
    /// The reserve as the engine compares bids with it.
    var reservePrice: Fen? { get set }
}

extension ReserveBearingRules {
    /// These rules with `reserve` (or none) as their reserve.
    public func withReserve(_ reserve: SealedReserve?) -> Self {
        var rules = self
        rules.reservePrice = reserve?.amount
        return rules
    }
}

extension EnglishAuctionRules: ReserveBearingRules {}
extension JudicialAuctionRules: ReserveBearingRules {}
extension DutchAuctionRules: ReserveBearingRules {}
extension ListingAuctionRules: ReserveBearingRules {}
extension ReverseAuctionRules: ReserveBearingRules {}
