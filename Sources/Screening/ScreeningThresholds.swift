import Foundation

/// Every number a screen compares against. All are defaults to calibrate on local data (⚠️ in
/// RULES.md terms): the statistical ones come from Swiss construction cartels, not Chinese markets.
///
/// Decoding is lenient: a key missing from a settings file keeps its default, so a file needs to
/// name only what it changes. Set an optional threshold to `nil` to switch its flag off.
public struct ScreeningThresholds: Sendable, Hashable, Codable {
    // MARK: Statistical screens

    /// Fewest bids a tender needs before the statistical screens may raise flags (default 4, as
    /// Imhof 2017 and Huber & Imhof 2019 restrict to tenders with at least four bids). The values
    /// themselves are still reported for smaller tenders wherever defined.
    public var screensMinimumBids: Int = 4
    /// `cv_low` when CV ≤ this (default 0.05; Imhof 2017 reports cartel-period CVs around 3–4 %
    /// against 8–10 % after the cartel).
    public var coefficientOfVariationLow: Double? = 0.05
    /// `spread_low` when (max − min)/min ≤ this (default 0.10).
    public var spreadLow: Double? = 0.10
    /// `rd_high` when the relative distance > this (default 1.0: the gap between the two lowest
    /// bids exceeds one standard deviation of the losing bids, Imhof's cover-bidding signal).
    /// Strict, because four evenly spaced bids have RD exactly 1.
    public var relativeDistanceHigh: Double? = 1.0
    /// `kurtosis_high` when sample excess kurtosis ≥ this (default 2.0).
    public var kurtosisHigh: Double? = 2.0
    /// `skewness_negative` when sample skewness ≤ this (default −1.0).
    public var skewnessLow: Double? = -1.0
    /// `ks_high` when the Kolmogorov–Smirnov statistic against the uniform ≥ this (default `nil`,
    /// off: its direction under collusion differs between markets; it is reported for calibration).
    public var kolmogorovSmirnovHigh: Double? = nil

    // MARK: Red flags (Cardinal-style)

    /// `short_submission_period` when deadline − publication < this many days (default 20: 法24, 采法35).
    public var shortSubmissionDays: Double? = 20
    /// `single_bid` when a tender has at most this many bids (default 1; Cardinal R018).
    public var singleBidMaximum: Int? = 1
    /// `price_close_to_winner` when (second-lowest valid − winning)/winning ≤ this (default 0.01;
    /// Cardinal R024 uses a lower IQR fence instead, see ``TukeyFences``).
    public var priceCloseToWinner: Double? = 0.01
    /// `heavily_discounted_bid` when the winning (else lowest valid) bid is at least this fraction
    /// below the estimate (default 0.30, i.e. bid ≤ 70 % of the estimate).
    public var heavilyDiscountedFraction: Double? = 0.30
    /// `excessive_disqualifications` when disqualified/submitted ≥ this (default 0.5) ...
    public var excessiveDisqualificationRatio: Double? = 0.5
    /// ... in a tender with at least this many bids (default 3).
    public var excessiveDisqualificationMinimumBids: Int = 3
    /// `identical_prices` is raised when different bidders bid the same fen amount; set to `false` to switch off.
    public var identicalPricesEnabled: Bool = true

    // MARK: 条例40

    /// `tiaoli40_similar_documents` when two bidders' documents have Jaccard similarity ≥ this (default 0.8).
    public var documentSimilarityHigh: Double? = 0.8
    /// Character n-gram length for document similarity (default 3).
    public var shingleLength: Int = 3
    /// `tiaoli40_price_pattern`: the sorted prices form an arithmetic or geometric progression whose
    /// steps differ by at most this fraction of the mean step (default 0.001) ...
    public var pricePatternTolerance: Double? = 0.001
    /// ... over at least this many distinct bidders (default 3).
    public var pricePatternMinimumBids: Int = 3
    /// Addresses that many unrelated bidders legitimately share (the trading centre's own terminals,
    /// a carrier's NAT); they never raise `tiaoli40_same_ip`.
    public var ignoredIPs: [String] = []
    /// Machine ids known to be shared legitimately (public terminals in the service hall).
    public var ignoredMachineIDs: [String] = []

    // MARK: Across tenders

    /// `excessive_unsuccessful_bids` (Cardinal R025): a bidder with at least this many valid bids ...
    public var unsuccessfulMinimumBids: Int = 10
    /// ... whose wins/valid bids ≤ this (default 0.05).
    public var unsuccessfulMaximumWinRatio: Double? = 0.05
    /// `bidder_excessive_disqualifications` (Cardinal R038, tenderer level): at least this many bids ...
    public var bidderDisqualificationMinimumBids: Int = 4
    /// ... of which at least this fraction were disqualified (default 0.5).
    public var bidderDisqualificationRatio: Double? = 0.5
    /// Co-bidding pairs are reported when they met in at least this many tenders (default 3).
    public var pairMinimumSharedTenders: Int = 3
    /// A pair is "stable" (a candidate ring) with at least this many shared tenders (default 4) ...
    public var stablePairMinimumSharedTenders: Int = 4
    /// ... and a Jaccard index of their tender sets ≥ this (default 0.5).
    public var stablePairMinimumJaccard: Double = 0.5
    /// Tenders with more bidders than this are left out of pair counting (default 60), which
    /// keeps the work linear in practice; such open-market tenders say little about rings anyway.
    public var pairMaximumBiddersPerTender: Int = 60
    /// `winner_rotation`: a stable group met (≥ 2 members bidding) in at least this many decided tenders ...
    public var rotationMinimumTenders: Int = 4
    /// ... won at least this share of them (default 0.75) ...
    public var rotationMinimumGroupWinShare: Double = 0.75
    /// ... with at least this many different members winning (default 2) ...
    public var rotationMinimumDistinctWinners: Int = 2
    /// ... and no single member taking more than this share of the group's wins (default 0.7).
    public var rotationMaximumTopWinnerShare: Double = 0.7
    /// `loser_never_wins`: a bidder with at least this many decided bids and no win (default 5),
    /// who has a stable partner that won while they bid together.
    public var neverWinMinimumBids: Int = 5

    public init() {}

    public static let `default` = ScreeningThresholds()

    private enum CodingKeys: String, CodingKey {
        case screensMinimumBids, coefficientOfVariationLow, spreadLow, relativeDistanceHigh, kurtosisHigh, skewnessLow
        case kolmogorovSmirnovHigh, shortSubmissionDays, singleBidMaximum, priceCloseToWinner, heavilyDiscountedFraction
        case excessiveDisqualificationRatio, excessiveDisqualificationMinimumBids, identicalPricesEnabled
        case documentSimilarityHigh, shingleLength, pricePatternTolerance, pricePatternMinimumBids, ignoredIPs, ignoredMachineIDs
        case unsuccessfulMinimumBids, unsuccessfulMaximumWinRatio, bidderDisqualificationMinimumBids, bidderDisqualificationRatio
        case pairMinimumSharedTenders, stablePairMinimumSharedTenders, stablePairMinimumJaccard, pairMaximumBiddersPerTender
        case rotationMinimumTenders, rotationMinimumGroupWinShare, rotationMinimumDistinctWinners, rotationMaximumTopWinnerShare
        case neverWinMinimumBids
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        var t = ScreeningThresholds()
        func value<T: Decodable>(_ key: CodingKeys, _ current: T) throws -> T {
            try c.decodeIfPresent(T.self, forKey: key) ?? current
        }
        // An optional threshold present as JSON null switches the flag off; absent keeps the default.
        func optional(_ key: CodingKeys, _ current: Double?) throws -> Double? {
            guard c.contains(key) else { return current }
            return try c.decodeNil(forKey: key) ? nil : c.decode(Double.self, forKey: key)
        }
        t.screensMinimumBids = try value(.screensMinimumBids, t.screensMinimumBids)
        t.coefficientOfVariationLow = try optional(.coefficientOfVariationLow, t.coefficientOfVariationLow)
        t.spreadLow = try optional(.spreadLow, t.spreadLow)
        t.relativeDistanceHigh = try optional(.relativeDistanceHigh, t.relativeDistanceHigh)
        t.kurtosisHigh = try optional(.kurtosisHigh, t.kurtosisHigh)
        t.skewnessLow = try optional(.skewnessLow, t.skewnessLow)
        t.kolmogorovSmirnovHigh = try optional(.kolmogorovSmirnovHigh, t.kolmogorovSmirnovHigh)
        t.shortSubmissionDays = try optional(.shortSubmissionDays, t.shortSubmissionDays)
        if c.contains(.singleBidMaximum) {
            t.singleBidMaximum = try c.decodeNil(forKey: .singleBidMaximum) ? nil : c.decode(Int.self, forKey: .singleBidMaximum)
        }
        t.priceCloseToWinner = try optional(.priceCloseToWinner, t.priceCloseToWinner)
        t.heavilyDiscountedFraction = try optional(.heavilyDiscountedFraction, t.heavilyDiscountedFraction)
        t.excessiveDisqualificationRatio = try optional(.excessiveDisqualificationRatio, t.excessiveDisqualificationRatio)
        t.excessiveDisqualificationMinimumBids = try value(.excessiveDisqualificationMinimumBids, t.excessiveDisqualificationMinimumBids)
        t.identicalPricesEnabled = try value(.identicalPricesEnabled, t.identicalPricesEnabled)
        t.documentSimilarityHigh = try optional(.documentSimilarityHigh, t.documentSimilarityHigh)
        t.shingleLength = try value(.shingleLength, t.shingleLength)
        t.pricePatternTolerance = try optional(.pricePatternTolerance, t.pricePatternTolerance)
        t.pricePatternMinimumBids = try value(.pricePatternMinimumBids, t.pricePatternMinimumBids)
        t.ignoredIPs = try value(.ignoredIPs, t.ignoredIPs)
        t.ignoredMachineIDs = try value(.ignoredMachineIDs, t.ignoredMachineIDs)
        t.unsuccessfulMinimumBids = try value(.unsuccessfulMinimumBids, t.unsuccessfulMinimumBids)
        t.unsuccessfulMaximumWinRatio = try optional(.unsuccessfulMaximumWinRatio, t.unsuccessfulMaximumWinRatio)
        t.bidderDisqualificationMinimumBids = try value(.bidderDisqualificationMinimumBids, t.bidderDisqualificationMinimumBids)
        t.bidderDisqualificationRatio = try optional(.bidderDisqualificationRatio, t.bidderDisqualificationRatio)
        t.pairMinimumSharedTenders = try value(.pairMinimumSharedTenders, t.pairMinimumSharedTenders)
        t.stablePairMinimumSharedTenders = try value(.stablePairMinimumSharedTenders, t.stablePairMinimumSharedTenders)
        t.stablePairMinimumJaccard = try value(.stablePairMinimumJaccard, t.stablePairMinimumJaccard)
        t.pairMaximumBiddersPerTender = try value(.pairMaximumBiddersPerTender, t.pairMaximumBiddersPerTender)
        t.rotationMinimumTenders = try value(.rotationMinimumTenders, t.rotationMinimumTenders)
        t.rotationMinimumGroupWinShare = try value(.rotationMinimumGroupWinShare, t.rotationMinimumGroupWinShare)
        t.rotationMinimumDistinctWinners = try value(.rotationMinimumDistinctWinners, t.rotationMinimumDistinctWinners)
        t.rotationMaximumTopWinnerShare = try value(.rotationMaximumTopWinnerShare, t.rotationMaximumTopWinnerShare)
        t.neverWinMinimumBids = try value(.neverWinMinimumBids, t.neverWinMinimumBids)
        self = t
    }
    /// Encodes every key, writing `null` for a switched-off threshold so that it stays off when read back.
    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(self.screensMinimumBids, forKey: .screensMinimumBids)
        try c.encode(self.coefficientOfVariationLow, forKey: .coefficientOfVariationLow)
        try c.encode(self.spreadLow, forKey: .spreadLow)
        try c.encode(self.relativeDistanceHigh, forKey: .relativeDistanceHigh)
        try c.encode(self.kurtosisHigh, forKey: .kurtosisHigh)
        try c.encode(self.skewnessLow, forKey: .skewnessLow)
        try c.encode(self.kolmogorovSmirnovHigh, forKey: .kolmogorovSmirnovHigh)
        try c.encode(self.shortSubmissionDays, forKey: .shortSubmissionDays)
        try c.encode(self.singleBidMaximum, forKey: .singleBidMaximum)
        try c.encode(self.priceCloseToWinner, forKey: .priceCloseToWinner)
        try c.encode(self.heavilyDiscountedFraction, forKey: .heavilyDiscountedFraction)
        try c.encode(self.excessiveDisqualificationRatio, forKey: .excessiveDisqualificationRatio)
        try c.encode(self.excessiveDisqualificationMinimumBids, forKey: .excessiveDisqualificationMinimumBids)
        try c.encode(self.identicalPricesEnabled, forKey: .identicalPricesEnabled)
        try c.encode(self.documentSimilarityHigh, forKey: .documentSimilarityHigh)
        try c.encode(self.shingleLength, forKey: .shingleLength)
        try c.encode(self.pricePatternTolerance, forKey: .pricePatternTolerance)
        try c.encode(self.pricePatternMinimumBids, forKey: .pricePatternMinimumBids)
        try c.encode(self.ignoredIPs, forKey: .ignoredIPs)
        try c.encode(self.ignoredMachineIDs, forKey: .ignoredMachineIDs)
        try c.encode(self.unsuccessfulMinimumBids, forKey: .unsuccessfulMinimumBids)
        try c.encode(self.unsuccessfulMaximumWinRatio, forKey: .unsuccessfulMaximumWinRatio)
        try c.encode(self.bidderDisqualificationMinimumBids, forKey: .bidderDisqualificationMinimumBids)
        try c.encode(self.bidderDisqualificationRatio, forKey: .bidderDisqualificationRatio)
        try c.encode(self.pairMinimumSharedTenders, forKey: .pairMinimumSharedTenders)
        try c.encode(self.stablePairMinimumSharedTenders, forKey: .stablePairMinimumSharedTenders)
        try c.encode(self.stablePairMinimumJaccard, forKey: .stablePairMinimumJaccard)
        try c.encode(self.pairMaximumBiddersPerTender, forKey: .pairMaximumBiddersPerTender)
        try c.encode(self.rotationMinimumTenders, forKey: .rotationMinimumTenders)
        try c.encode(self.rotationMinimumGroupWinShare, forKey: .rotationMinimumGroupWinShare)
        try c.encode(self.rotationMinimumDistinctWinners, forKey: .rotationMinimumDistinctWinners)
        try c.encode(self.rotationMaximumTopWinnerShare, forKey: .rotationMaximumTopWinnerShare)
        try c.encode(self.neverWinMinimumBids, forKey: .neverWinMinimumBids)
    }
}
