import Foundation

/// A supplier's sealed initial price (初始报价), submitted before the auction.
public struct SealedInitialPrice: Hashable, Codable, Sendable {
    public var bidder: BidderID
    public var amount: Fen
    public var submittedAt: Date

    public init(bidder: BidderID, amount: Fen, submittedAt: Date) {
        self.bidder = bidder
        self.amount = amount
        self.submittedAt = submittedAt
    }
}

/// The parameters of a `ReverseAuction` (多轮反向竞价, ProZorro style). ⚠️ No Chinese statute fixes these.
public struct ReverseAuctionRules: Hashable, Codable, Sendable {
    public var start: Date
    /// 报价轮数 (ProZorro: 3).
    public var rounds: Int
    /// How long each bidder's turn lasts (⚠️ default 120 s).
    public var turnDuration: TimeInterval
    /// Pause between rounds (⚠️ default 0).
    public var pauseBetweenRounds: TimeInterval
    /// 最小降价幅度 — a new price is at most the bidder's current price minus this.
    public var minimumDecrement: Fen
    /// Fewer sealed prices than this → no auction, no award (⚠️ default 2).
    public var minimumBidders: Int
    /// The most the purchaser will pay, hidden until the close; a lowest price above it is no award.
    public var reservePrice: Fen?
    /// Losers' deposits are released within this after the close (⚠️ default 24 h).
    public var depositReleaseWithin: TimeInterval

    public init(
        start: Date,
        minimumDecrement: Fen,
        rounds: Int = 3,
        turnDuration: TimeInterval = 120,
        pauseBetweenRounds: TimeInterval = 0,
        minimumBidders: Int = 2,
        reservePrice: Fen? = nil,
        depositReleaseWithin: TimeInterval = 24 * 3600
    ) {
        self.start = start
        self.rounds = rounds
        self.turnDuration = turnDuration
        self.pauseBetweenRounds = pauseBetweenRounds
        self.minimumDecrement = minimumDecrement
        self.minimumBidders = minimumBidders
        self.reservePrice = reservePrice
        self.depositReleaseWithin = depositReleaseWithin
    }

    /// Everything wrong with these rules and initial prices; empty when they are usable.
    public func violations(initialPrices: [SealedInitialPrice]) -> [AuctionRulesViolation] {
        var violations: [AuctionRulesViolation] = []
        if self.rounds < 1 { violations.append(.notPositive(.rounds)) }
        if !(self.turnDuration > 0) { violations.append(.notPositive(.turnDuration)) }
        if self.pauseBetweenRounds < 0 { violations.append(.notPositive(.pauseBetweenRounds)) }
        if self.minimumDecrement <= 0 { violations.append(.notPositive(.minimumDecrement)) }
        if self.minimumBidders < 1 { violations.append(.notPositive(.minimumBidders)) }
        violations.checkReserve(self.reservePrice)
        violations.checkDepositRelease(within: self.depositReleaseWithin)
        var seen: Set<BidderID> = []
        for price in initialPrices {
            if !seen.insert(price.bidder).inserted { violations.append(.duplicateBidder(price.bidder)) }
            if price.amount <= 0 { violations.append(.notPositive(.initialPrice)) }
        }
        return violations
    }
}
