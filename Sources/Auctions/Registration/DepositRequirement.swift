import Foundation

/// 竞买保证金 — the deposit every bidder must pay, and have confirmed, before it may bid. The amount in fen comes
/// from the auction's rules; where a statute bounds it as a share of the start price (拍§17: 5–20 %), the
/// requirement is refused outside those bounds.
public struct DepositRequirement: Hashable, Codable, Sendable {
    /// The deposit in fen.
    public let amount: Fen
    /// The start price the bounds refer to.
    public let startPrice: Fen
    /// The statutory share of the start price, if any (nil: any positive amount, ⚠️ set per project).
    public let bounds: DepositBounds?

    /// A requirement of `amount` fen for an auction starting at `startPrice`, checked against `bounds`.
    public init(amount: Fen, startPrice: Fen, bounds: DepositBounds?) throws(InvalidAuctionRules) {
        var violations: [AuctionRulesViolation] = []
        if amount <= 0 { violations.append(.notPositive(.deposit)) }
        if startPrice <= 0 { violations.append(.notPositive(.startPrice)) }
        if let bounds {
            if !bounds.isWellFormed {
                violations.append(.percentOutOfRange(.deposit))
            } else if amount > 0, startPrice > 0, let violation = bounds.violation(deposit: amount, startPrice: startPrice) {
                violations.append(violation)
            }
        }
        guard violations.isEmpty else { throw InvalidAuctionRules(violations: violations) }
        self.amount = amount
        self.startPrice = startPrice
        self.bounds = bounds
    }

    /// The deposit of a judicial auction (拍§17), from its rules.
    public init(_ rules: JudicialAuctionRules) throws(InvalidAuctionRules) {
        try self.init(amount: rules.deposit, startPrice: rules.startPrice, bounds: rules.depositBounds)
    }
}

/// 保证金比例 — the share of the start price a bid deposit must lie within (拍§17: 5–20 %).
public struct DepositBounds: Hashable, Codable, Sendable {
    /// The deposit is at least this % of the start price.
    public var minimumPercent: Int
    /// The deposit is at most this % of the start price.
    public var maximumPercent: Int

    /// 拍§17: 5–20 % of the start price.
    public static let judicial = DepositBounds(minimumPercent: 5, maximumPercent: 20)

    /// Bounds of `minimumPercent`…`maximumPercent` % of the start price.
    public init(minimumPercent: Int, maximumPercent: Int) {
        self.minimumPercent = minimumPercent
        self.maximumPercent = maximumPercent
    }

    /// Whether both percentages lie in 0…100 and the range is not upside down.
    public var isWellFormed: Bool {
        (0...100).contains(self.minimumPercent) && (0...100).contains(self.maximumPercent)
            && self.minimumPercent <= self.maximumPercent
    }

    /// `.depositOutOfRange` when `deposit` is outside the bounds for `startPrice`, else nil. Both amounts must be
    /// positive and the bounds well-formed; the comparison is exact (128-bit), not rounded.
    public func violation(deposit: Fen, startPrice: Fen) -> AuctionRulesViolation? {
        let aboveMinimum = deposit.timesIsAtLeast(100, startPrice, times: Int64(self.minimumPercent))
        let belowMaximum = startPrice.timesIsAtLeast(Int64(self.maximumPercent), deposit, times: 100)
        guard !aboveMinimum || !belowMaximum else { return nil }
        return .depositOutOfRange(
            minimum: startPrice.percentRoundedUp(Int64(self.minimumPercent)),
            maximum: startPrice.percentRoundedDown(Int64(self.maximumPercent))
        )
    }
}
