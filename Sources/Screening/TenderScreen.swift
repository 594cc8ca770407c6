import Foundation

/// How much each flag adds to a tender's score. Tunable; the defaults are judgement, to be
/// recalibrated once confirmed cases exist (e.g. by fitting the weights as a logistic model).
///
/// A flag's weight is `byCode[code]`, else the weight of its severity. Decoding is lenient: a key
/// missing from a settings file keeps its default.
public struct ScoreWeights: Sendable, Hashable, Codable {
    /// Weights by flag code (the code's string as key), each in [0, 1].
    public var byCode: [String: Double]
    /// Fallback weights by severity.
    public var high: Double
    public var medium: Double
    public var low: Double

    public init(byCode: [String: Double] = ScoreWeights.defaultByCode, high: Double = 0.5, medium: Double = 0.25, low: Double = 0.1) {
        self.byCode = byCode
        self.high = high
        self.medium = medium
        self.low = low
    }

    public static let `default` = ScoreWeights()

    /// Default weights. The platform-trace items of 条例40 weigh most: the law itself presumes
    /// collusion from them. Statistical screens weigh less, as each has known false positives
    /// (homogeneous works, regulated prices), but several together add up.
    public static let defaultByCode: [String: Double] = [
        FlagCode.sameDepositAccount.rawValue: 0.6,
        FlagCode.sameDocumentCreator.rawValue: 0.55,
        FlagCode.sameMachine.rawValue: 0.55,
        FlagCode.similarDocuments.rawValue: 0.55,
        FlagCode.sameProjectManager.rawValue: 0.5,
        FlagCode.sameAgent.rawValue: 0.45,
        FlagCode.sameIP.rawValue: 0.3,
        FlagCode.regularPricePattern.rawValue: 0.3,
        FlagCode.identicalPrices.rawValue: 0.35,
        FlagCode.lateWinningBid.rawValue: 0.45,
        FlagCode.allExceptWinnerDisqualified.rawValue: 0.35,
        FlagCode.lowestBidDisqualified.rawValue: 0.25,
        FlagCode.excessiveDisqualifications.rawValue: 0.15,
        FlagCode.priceCloseToWinner.rawValue: 0.2,
        FlagCode.heavilyDiscountedBid.rawValue: 0.1,
        FlagCode.singleBid.rawValue: 0.2,
        FlagCode.shortSubmissionPeriod.rawValue: 0.15,
        FlagCode.cvLow.rawValue: 0.25,
        FlagCode.relativeDistanceHigh.rawValue: 0.25,
        FlagCode.spreadLow.rawValue: 0.15,
        FlagCode.kurtosisHigh.rawValue: 0.1,
        FlagCode.skewnessNegative.rawValue: 0.1,
        FlagCode.ksHigh.rawValue: 0.1,
        FlagCode.rotationGroupPresent.rawValue: 0.3,
        FlagCode.perennialLoserPresent.rawValue: 0.2,
    ]

    /// The weight of one flag, clamped to [0, 1].
    public func weight(of flag: ScreeningFlag) -> Double {
        let w = self.byCode[flag.code.rawValue] ?? {
            switch flag.severity {
            case .high: self.high
            case .medium: self.medium
            case .low: self.low
            }
        }()
        return min(1, max(0, w))
    }

    private enum CodingKeys: String, CodingKey { case byCode, high, medium, low }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        var byCode = Self.defaultByCode
        for (code, weight) in try c.decodeIfPresent([String: Double].self, forKey: .byCode) ?? [:] { byCode[code] = weight }
        self.init(byCode: byCode,
                  high: try c.decodeIfPresent(Double.self, forKey: .high) ?? 0.5,
                  medium: try c.decodeIfPresent(Double.self, forKey: .medium) ?? 0.25,
                  low: try c.decodeIfPresent(Double.self, forKey: .low) ?? 0.1)
    }
}

/// The screening result of one tender: its screens, its flags and a score.
public struct TenderScreen: Sendable, Hashable, Codable {
    public var tenderID: String
    public var bidCount: Int
    /// `nil` when fewer than two bids have a positive price.
    public var screens: BidScreens?
    /// Flags, highest severity first, then by code.
    public var flags: [ScreeningFlag]
    /// In [0, 1]; higher is more suspicious. See ``score(flags:weights:)``.
    public var score: Double

    public init(tenderID: String, bidCount: Int, screens: BidScreens?, flags: [ScreeningFlag], score: Double) {
        self.tenderID = tenderID
        self.bidCount = bidCount
        self.screens = screens
        self.flags = flags
        self.score = score
    }

    /// Screens one tender: statistics, Cardinal-style red flags, 条例40 indicators and — when a
    /// cross-tender report is given — the co-bidding findings that touch it. O(k log k) for k bids
    /// (plus O(k²) text comparisons among bids that carry document text).
    public static func screen(_ tender: ScreenedTender, thresholds: ScreeningThresholds = .default,
                              weights: ScoreWeights = .default, coBidding: CoBiddingReport? = nil) -> TenderScreen {
        let screens = BidScreens.compute(tender: tender)
        var flags = RedFlags.evaluate(tender, screens: screens, thresholds: thresholds)
        flags += CollusionIndicators.evaluate(tender, thresholds: thresholds)
        if let coBidding { flags += coBidding.flags(for: tender) }
        flags.sort { ($0.severity, $1.code) > ($1.severity, $0.code) }
        return TenderScreen(tenderID: tender.id, bidCount: tender.bids.count, screens: screens, flags: flags,
                            score: Self.score(flags: flags, weights: weights))
    }

    /// The tender score: a noisy-OR of its flags,
    ///
    ///     score = 1 − Π_codes (1 − max_{flags f with that code} wᶠ · strengthᶠ)
    ///
    /// where wᶠ is the flag's weight (``ScoreWeights``) and strengthᶠ ∈ (0, 1] how far past its
    /// threshold the evidence is (1 for yes/no flags; from 0.5 at the threshold to 1 for statistical
    /// screens, so the screens' values enter the score, not just their crossing). Each flag acts as
    /// independent evidence that alone would give a score of wᶠ·strengthᶠ; several codes combine
    /// without exceeding 1, and repeats of one code (two shared IP addresses) count once, at their
    /// strongest. No flags → 0.
    public static func score(flags: [ScreeningFlag], weights: ScoreWeights = .default) -> Double {
        var strongest: [FlagCode: Double] = [:]
        for flag in flags {
            let evidence = weights.weight(of: flag) * flag.strength
            strongest[flag.code] = max(strongest[flag.code] ?? 0, evidence)
        }
        var clean = 1.0
        for evidence in strongest.values { clean *= 1 - evidence }
        return min(1, max(0, 1 - clean))
    }
}

/// The result of screening a whole data set.
public struct ScreeningReport: Sendable, Hashable, Codable {
    /// One result per input tender, in input order.
    public var tenders: [TenderScreen]
    /// Cross-tender findings (pairs, groups, bidder-level flags).
    public var coBidding: CoBiddingReport
}

/// Screens a data set: the cross-tender analysis first, then every tender (in parallel when asked),
/// each tender's score including the cross-tender findings that touch it.
public enum Screener {
    public static func run(_ tenders: [ScreenedTender], thresholds: ScreeningThresholds = .default,
                           weights: ScoreWeights = .default, parallel: Bool = true) -> ScreeningReport {
        let coBidding = CoBidding.analyze(tenders, thresholds: thresholds)
        let screens = Self.screenAll(tenders, thresholds: thresholds, weights: weights, coBidding: coBidding, parallel: parallel)
        return ScreeningReport(tenders: screens, coBidding: coBidding)
    }

    /// Screens every tender, optionally spreading chunks of tenders over the available cores.
    public static func screenAll(_ tenders: [ScreenedTender], thresholds: ScreeningThresholds = .default, weights: ScoreWeights = .default,
                                 coBidding: CoBiddingReport? = nil, parallel: Bool = true) -> [TenderScreen] {
        let cores = ProcessInfo.processInfo.activeProcessorCount
        guard parallel, cores > 1, tenders.count >= 256 else {
            return tenders.map { TenderScreen.screen($0, thresholds: thresholds, weights: weights, coBidding: coBidding) }
        }
        let chunks = cores * 4
        let chunkSize = (tenders.count + chunks - 1) / chunks
        let results = ChunkResults(count: chunks)
        DispatchQueue.concurrentPerform(iterations: chunks) { chunk in
            let lower = chunk * chunkSize
            let upper = min(tenders.count, lower + chunkSize)
            guard lower < upper else { return }
            let part = tenders[lower..<upper].map { TenderScreen.screen($0, thresholds: thresholds, weights: weights, coBidding: coBidding) }
            results.store(part, at: chunk)
        }
        return results.joined()
    }
}

/// Per-chunk result slots for `concurrentPerform`; each slot is written once, by one worker, under a lock.
private final class ChunkResults: @unchecked Sendable {
    private var parts: [[TenderScreen]]
    private let lock = NSLock()

    init(count: Int) {
        self.parts = [[TenderScreen]](repeating: [], count: count)
    }

    func store(_ part: [TenderScreen], at index: Int) {
        self.lock.lock()
        self.parts[index] = part
        self.lock.unlock()
    }

    func joined() -> [TenderScreen] {
        self.lock.lock()
        defer { self.lock.unlock() }
        return Array(self.parts.joined())
    }
}
