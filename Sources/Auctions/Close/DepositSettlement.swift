import Foundation

/// 保证金退还期限 — how soon after the close every deposit but the winner's must be released (拍§24: within 24 h;
/// ⚠️ other procedures set their own period).
public struct DepositReleaseRule: Hashable, Codable, Sendable {
    /// Deposits are released at the latest this long after the close.
    public let within: TimeInterval
    /// The statute's ceiling on `within`, if any.
    public let statutoryMaximum: TimeInterval?

    /// 拍§24: within 24 hours of the close.
    public static let judicial = DepositReleaseRule(checkedWithin: 24 * 3600, statutoryMaximum: 24 * 3600)

    /// Release within `within` seconds; refused when negative or beyond `statutoryMaximum`.
    public init(within: TimeInterval, statutoryMaximum: TimeInterval? = nil) throws(InvalidAuctionRules) {
        if !(within >= 0) { throw InvalidAuctionRules(violations: [.notPositive(.depositReleaseWithin)]) }
        if let maximum = statutoryMaximum, within > maximum {
            throw InvalidAuctionRules(violations: [.depositReleaseTooLate(maximum: maximum)])
        }
        self.init(checkedWithin: within, statutoryMaximum: statutoryMaximum)
    }

    private init(checkedWithin within: TimeInterval, statutoryMaximum: TimeInterval?) {
        self.within = within
        self.statutoryMaximum = statutoryMaximum
    }
}

/// 退还保证金 — a deposit to give back, by a deadline.
public struct DepositRelease: Hashable, Codable, Sendable {
    /// Whose deposit.
    public var registration: RegistrationID
    /// Its bidder number.
    public var number: BidderNumber
    /// The amount received, in fen.
    public var amount: Fen
    /// Released at the latest then.
    public var releaseBy: Date

    /// A release of `amount` to `registration` by `releaseBy`.
    public init(registration: RegistrationID, number: BidderNumber, amount: Fen, releaseBy: Date) {
        self.registration = registration
        self.number = number
        self.amount = amount
        self.releaseBy = releaseBy
    }
}

/// 保证金充抵价款 — the winner's deposit, kept and counted towards the price.
public struct DepositConversion: Hashable, Codable, Sendable {
    /// The winner's registration.
    public var registration: RegistrationID
    /// The winner's bidder number.
    public var number: BidderNumber
    /// The deposit received, in fen.
    public var deposit: Fen
    /// The part of the deposit counted towards the price (the deposit, or the whole price if that is smaller).
    public var applied: Fen
    /// What the winner still owes: price − applied.
    public var balanceDue: Fen
    /// The part of the deposit beyond the price, to give back (normally 0).
    public var surplus: Fen

    /// The conversion of `deposit` against `price`.
    public init(registration: RegistrationID, number: BidderNumber, deposit: Fen, price: Fen) {
        self.registration = registration
        self.number = number
        self.deposit = deposit
        self.applied = min(deposit, price)
        self.balanceDue = price - self.applied
        self.surplus = deposit - self.applied
    }
}

/// 保证金处理 — what the close does with every confirmed deposit: the winner's is converted into payment, every
/// other one is released by the deadline.
public struct DepositSettlement: Hashable, Codable, Sendable {
    /// Every confirmed deposit except the winner's, in bidder-number order.
    public var releases: [DepositRelease]
    /// The winner's deposit, if the lot sold to a bidder with a confirmed deposit.
    public var conversion: DepositConversion?

    /// The settlement of `registry`'s confirmed deposits when the auction closed at `closedAt` and sold to
    /// `winner` at `price` (or did not sell, when `winner` is nil).
    init(registry: AuctionRegistry, winner: BidderID?, price: Fen?, closedAt: Date, rule: DepositReleaseRule) {
        var releases: [DepositRelease] = []
        var conversion: DepositConversion?
        for registration in registry.qualified {
            guard let receipt = registration.deposit else { continue }
            if registration.bidderID == winner, let price {
                conversion = DepositConversion(
                    registration: registration.id, number: registration.number, deposit: receipt.amount, price: price)
            } else {
                releases.append(
                    DepositRelease(
                        registration: registration.id,
                        number: registration.number,
                        amount: receipt.amount,
                        releaseBy: closedAt.addingTimeInterval(rule.within)
                    )
                )
            }
        }
        self.releases = releases
        self.conversion = conversion
    }
}
