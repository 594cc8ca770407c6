import Foundation

/// The parameters of a `ListingAuction` (国有建设用地使用权挂牌出让). The listing period must be ≥ 10 working
/// days; the caller computes `listingEnd` with its working-day calendar. ⚠️ live-round parameters are unverified.
public struct ListingAuctionRules: Hashable, Codable, Sendable {
    /// 挂牌起始价.
    public var startPrice: Fen
    /// 增价幅度.
    public var increment: Fen
    /// Upper bound on increments in one quote, if the announcement sets one.
    public var maximumIncrementsPerBid: Int?
    /// 底价 — hidden until the close; a best quote below it is no sale.
    public var reservePrice: Fen?
    /// 挂牌 opens here…
    public var listingStart: Date
    /// …and closes here (caller-computed, ≥ 10 working days after the start).
    public var listingEnd: Date
    /// Whether a listing quote may equal the highest quote (then the earlier quote keeps the lead) (⚠️ default yes).
    public var quotesMayEqualHighest: Bool
    /// Whether only bidders who have quoted may declare intent to continue (⚠️ default yes).
    public var intentRequiresQuote: Bool
    /// 现场竞价 happens when at least this many bidders still want to bid at the end (default 2).
    public var minimumBiddersForLiveRound: Int
    /// The live round starts this long after the listing ends (⚠️ default 0).
    public var liveRoundDelay: TimeInterval
    /// The live round's countdown, restarted by each valid bid (⚠️ default 300 s).
    public var liveRoundCountdown: TimeInterval
    /// Losers' deposits are released within this after the close (⚠️ default 24 h).
    public var depositReleaseWithin: TimeInterval

    public init(
        startPrice: Fen,
        increment: Fen,
        listingStart: Date,
        listingEnd: Date,
        reservePrice: Fen? = nil,
        maximumIncrementsPerBid: Int? = nil,
        quotesMayEqualHighest: Bool = true,
        intentRequiresQuote: Bool = true,
        minimumBiddersForLiveRound: Int = 2,
        liveRoundDelay: TimeInterval = 0,
        liveRoundCountdown: TimeInterval = 300,
        depositReleaseWithin: TimeInterval = 24 * 3600
    ) {
        self.startPrice = startPrice
        self.increment = increment
        self.maximumIncrementsPerBid = maximumIncrementsPerBid
        self.reservePrice = reservePrice
        self.listingStart = listingStart
        self.listingEnd = listingEnd
        self.quotesMayEqualHighest = quotesMayEqualHighest
        self.intentRequiresQuote = intentRequiresQuote
        self.minimumBiddersForLiveRound = minimumBiddersForLiveRound
        self.liveRoundDelay = liveRoundDelay
        self.liveRoundCountdown = liveRoundCountdown
        self.depositReleaseWithin = depositReleaseWithin
    }

    var ladder: IncrementLadder {
        IncrementLadder(
            startPrice: self.startPrice,
            increment: self.increment,
            maximumIncrementsPerBid: self.maximumIncrementsPerBid,
            firstBidMayEqualStart: true
        )
    }

    /// Everything wrong with these rules; empty when they are usable.
    public var violations: [AuctionRulesViolation] {
        var violations = self.ladder.violations
        violations.checkReserve(self.reservePrice)
        if self.listingEnd <= self.listingStart { violations.append(.endNotAfterStart(.listingPeriod)) }
        if self.minimumBiddersForLiveRound < 1 { violations.append(.notPositive(.minimumBiddersForLiveRound)) }
        if self.liveRoundDelay < 0 { violations.append(.notPositive(.liveRoundDelay)) }
        if !(self.liveRoundCountdown > 0) { violations.append(.notPositive(.liveRoundCountdown)) }
        violations.checkDepositRelease(within: self.depositReleaseWithin)
        return violations
    }
}
