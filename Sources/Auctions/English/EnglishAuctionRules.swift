import Foundation

/// The parameters of an `EnglishAuction` (产权网络竞价). Durations are seconds; ⚠️ defaults are unverified and
/// set per project by the exchange.
public struct EnglishAuctionRules: Hashable, Codable, Sendable {
    /// 起始价 — the public start price.
    public var startPrice: Fen
    /// 加价幅度 — every bid is the current price plus N × this.
    public var increment: Fen
    /// Upper bound on N for one bid, if the exchange sets one (⚠️ default: none).
    public var maximumIncrementsPerBid: Int?
    /// Whether the first bid may be exactly the start price (⚠️ default: yes).
    public var firstBidMayEqualStartPrice: Bool
    /// 保留价 — hidden until the close; a best bid below it is no sale (拍卖法§50).
    public var reservePrice: Fen?
    /// 自由报价期 — opens here…
    public var freeBiddingStart: Date
    /// …and ends here, where 限时报价期 begins.
    public var freeBiddingEnd: Date
    /// 限时报价期 countdown, restarted by each valid bid (⚠️ default 300 s).
    public var countdown: TimeInterval
    /// Losers' deposits are released within this after the close (⚠️ default 24 h).
    public var depositReleaseWithin: TimeInterval

    public init(
        startPrice: Fen,
        increment: Fen,
        freeBiddingStart: Date,
        freeBiddingEnd: Date,
        countdown: TimeInterval = 300,
        maximumIncrementsPerBid: Int? = nil,
        firstBidMayEqualStartPrice: Bool = true,
        reservePrice: Fen? = nil,
        depositReleaseWithin: TimeInterval = 24 * 3600
    ) {
        self.startPrice = startPrice
        self.increment = increment
        self.maximumIncrementsPerBid = maximumIncrementsPerBid
        self.firstBidMayEqualStartPrice = firstBidMayEqualStartPrice
        self.reservePrice = reservePrice
        self.freeBiddingStart = freeBiddingStart
        self.freeBiddingEnd = freeBiddingEnd
        self.countdown = countdown
        self.depositReleaseWithin = depositReleaseWithin
    }

    var ladder: IncrementLadder {
        IncrementLadder(
            startPrice: self.startPrice,
            increment: self.increment,
            maximumIncrementsPerBid: self.maximumIncrementsPerBid,
            firstBidMayEqualStart: self.firstBidMayEqualStartPrice
        )
    }

    /// Everything wrong with these rules; empty when they are usable.
    public var violations: [AuctionRulesViolation] {
        var violations = self.ladder.violations
        violations.checkReserve(self.reservePrice)
        if self.freeBiddingEnd <= self.freeBiddingStart { violations.append(.endNotAfterStart(.biddingPeriod)) }
        if !(self.countdown > 0) { violations.append(.notPositive(.countdown)) }
        violations.checkDepositRelease(within: self.depositReleaseWithin)
        return violations
    }
}
