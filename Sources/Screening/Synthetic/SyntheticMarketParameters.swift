/// The knobs of a synthetic procurement market (see ``SyntheticMarket``). Two markets with different
/// seeds *and* different knobs let a threshold tuned on one be tested on the other.
public struct SyntheticMarketParameters: Sendable, Hashable, Codable {
    /// Seed of the whole market.
    public var seed: UInt64
    /// Number of tenders (lots).
    public var tenders: Int
    /// Size of the bidder population; ring members are drawn from it and also bid honestly elsewhere.
    public var bidders: Int
    /// Bids in an honest tender.
    public var bidsPerTender: ClosedRange<Int>
    /// Share of tenders rigged by a ring.
    public var collusiveShare: Double
    /// Number of rings (bid-rigging cartels, 围标集团).
    public var rings: Int
    /// Members per ring.
    public var ringSize: ClosedRange<Int>
    /// How often ring members bid in competitive tenders, relative to other bidders (1 = as often as
    /// anyone, 0 = only in their ring's tenders). Members who rarely bid alone make rings easier to see
    /// across tenders (co-bidding, rotation).
    public var ringOutsideActivity: Double
    /// Share of rigged tenders in which outsiders also bid (an incomplete cartel); an outsider may win.
    public var outsiderShare: Double
    /// Each ring draws how far above the designated winner its cover bids (陪标) go, as a fraction:
    /// covers are uniform in (0.2 %, w] above the winner, w drawn per ring from this range.
    public var coverMarkup: ClosedRange<Double>
    /// Each ring draws from this range the probability that a cover bid leaks one platform trace
    /// (same address, machine, document creator, deposit account, project manager or agent) of the
    /// designated winner — careful rings are near 0.
    public var traceLeak: ClosedRange<Double>
    /// Probability, per rigged tender, that two covers bid exactly the same price.
    public var identicalCoverRate: Double
    /// Probability, per rigged tender, that the covers step up in equal amounts (a price pattern).
    public var patternedCoverRate: Double
    /// Share of honest tenders whose bids are bunched (regulated prices, homogeneous works): a low
    /// coefficient of variation without collusion.
    public var bunchedHonestShare: Double
    /// Probability, per honest tender, that two bidders share a network address (a building's NAT,
    /// the trading centre's terminals): a 条例40 trace without collusion.
    public var honestSharedAddressRate: Double
    /// Probability that a bid is disqualified in evaluation.
    public var disqualificationRate: Double

    /// Every knob; see the properties.
    public init(seed: UInt64, tenders: Int, bidders: Int, bidsPerTender: ClosedRange<Int>, collusiveShare: Double, rings: Int,
                ringSize: ClosedRange<Int>, ringOutsideActivity: Double, outsiderShare: Double, coverMarkup: ClosedRange<Double>, traceLeak: ClosedRange<Double>,
                identicalCoverRate: Double, patternedCoverRate: Double, bunchedHonestShare: Double,
                honestSharedAddressRate: Double, disqualificationRate: Double) {
        self.seed = seed
        self.tenders = tenders
        self.bidders = bidders
        self.bidsPerTender = bidsPerTender
        self.collusiveShare = collusiveShare
        self.rings = rings
        self.ringSize = ringSize
        self.ringOutsideActivity = ringOutsideActivity
        self.outsiderShare = outsiderShare
        self.coverMarkup = coverMarkup
        self.traceLeak = traceLeak
        self.identicalCoverRate = identicalCoverRate
        self.patternedCoverRate = patternedCoverRate
        self.bunchedHonestShare = bunchedHonestShare
        self.honestSharedAddressRate = honestSharedAddressRate
        self.disqualificationRate = disqualificationRate
    }

    /// Market A, where thresholds are tuned: 3,000 tenders, 8 rings of 3–5 whose members bid elsewhere
    /// at 30 % of the usual rate, 15 % rigged.
    public static let marketA = SyntheticMarketParameters(
        seed: 0xA11CE, tenders: 3_000, bidders: 600, bidsPerTender: 3...9, collusiveShare: 0.15, rings: 8,
        ringSize: 3...5, ringOutsideActivity: 0.3, outsiderShare: 0.3, coverMarkup: 0.01...0.06, traceLeak: 0.0...0.5,
        identicalCoverRate: 0.05, patternedCoverRate: 0.05, bunchedHonestShare: 0.10,
        honestSharedAddressRate: 0.03, disqualificationRate: 0.03)

    /// Market B, where they are tested: a different seed, twice the size, more and more varied rings
    /// (2–7 members, bidding elsewhere at 60 % of the usual rate), less collusion (8 %), more outsiders,
    /// wider covers, fewer leaked traces, more bunched honest tenders and shared addresses.
    public static let marketB = SyntheticMarketParameters(
        seed: 0xB0B, tenders: 6_000, bidders: 1_500, bidsPerTender: 3...12, collusiveShare: 0.08, rings: 20,
        ringSize: 2...7, ringOutsideActivity: 0.6, outsiderShare: 0.5, coverMarkup: 0.01...0.10, traceLeak: 0.0...0.35,
        identicalCoverRate: 0.03, patternedCoverRate: 0.03, bunchedHonestShare: 0.15,
        honestSharedAddressRate: 0.05, disqualificationRate: 0.05)

    /// A city-sized market for speed measurements: `tenders` tenders of 3–12 bids (7.5 on average)
    /// from 50,000 bidders, 5 % rigged by 400 rings of 3–6.
    public static func cityScale(seed: UInt64, tenders: Int) -> SyntheticMarketParameters {
        SyntheticMarketParameters(
            seed: seed, tenders: tenders, bidders: 50_000, bidsPerTender: 3...12, collusiveShare: 0.05, rings: 400,
            ringSize: 3...6, ringOutsideActivity: 0.5, outsiderShare: 0.4, coverMarkup: 0.01...0.08, traceLeak: 0.0...0.4,
            identicalCoverRate: 0.04, patternedCoverRate: 0.04, bunchedHonestShare: 0.1,
            honestSharedAddressRate: 0.03, disqualificationRate: 0.03)
    }
}
