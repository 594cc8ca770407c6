import Foundation

/// How much a flag alone says about collusion.
public enum FlagSeverity: String, Sendable, Hashable, Codable, Comparable, CaseIterable {
    case low, medium, high

    private var rank: Int {
        switch self {
        case .low: 0
        case .medium: 1
        case .high: 2
        }
    }

    public static func < (lhs: FlagSeverity, rhs: FlagSeverity) -> Bool {
        lhs.rank < rhs.rank
    }
}

/// A text in English and Chinese, for pages, alerts and the regulator's report.
public struct BilingualText: Sendable, Hashable, Codable {
    public var en: String
    public var zh: String

    public init(en: String, zh: String) {
        self.en = en
        self.zh = zh
    }
}

/// The stable identifier of a red flag. It is encoded as a bare string ("cv_low"), so stored
/// results and API clients can rely on it across releases; never rename one, add a new one.
public struct FlagCode: RawRepresentable, Sendable, Hashable, Codable, Comparable, ExpressibleByStringLiteral, CustomStringConvertible {
    public var rawValue: String

    public init(rawValue: String) { self.rawValue = rawValue }
    public init(stringLiteral value: String) { self.rawValue = value }
    public init(from decoder: any Decoder) throws {
        self.rawValue = try decoder.singleValueContainer().decode(String.self)
    }
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(self.rawValue)
    }
    public static func < (lhs: FlagCode, rhs: FlagCode) -> Bool { lhs.rawValue < rhs.rawValue }
    public var description: String { self.rawValue }

    // Statistical screens (Imhof 2017; Huber & Imhof 2019).
    public static let cvLow: FlagCode = "cv_low"
    public static let spreadLow: FlagCode = "spread_low"
    public static let relativeDistanceHigh: FlagCode = "rd_high"
    public static let kurtosisHigh: FlagCode = "kurtosis_high"
    public static let skewnessNegative: FlagCode = "skewness_negative"
    public static let ksHigh: FlagCode = "ks_high"

    // Red flags after the Open Contracting Partnership's Cardinal library.
    public static let shortSubmissionPeriod: FlagCode = "short_submission_period"
    public static let singleBid: FlagCode = "single_bid"
    public static let priceCloseToWinner: FlagCode = "price_close_to_winner"
    public static let identicalPrices: FlagCode = "identical_prices"
    public static let lateWinningBid: FlagCode = "late_winning_bid"
    public static let allExceptWinnerDisqualified: FlagCode = "all_except_winner_disqualified"
    public static let lowestBidDisqualified: FlagCode = "lowest_bid_disqualified"
    public static let excessiveDisqualifications: FlagCode = "excessive_disqualifications"
    public static let heavilyDiscountedBid: FlagCode = "heavily_discounted_bid"

    // 条例40 presumed collusion, from the platform's own traces.
    public static let sameIP: FlagCode = "tiaoli40_same_ip"
    public static let sameMachine: FlagCode = "tiaoli40_same_machine"
    public static let sameDocumentCreator: FlagCode = "tiaoli40_same_document_creator"
    public static let sameDepositAccount: FlagCode = "tiaoli40_same_deposit_account"
    public static let sameProjectManager: FlagCode = "tiaoli40_same_project_manager"
    public static let sameAgent: FlagCode = "tiaoli40_same_agent"
    public static let similarDocuments: FlagCode = "tiaoli40_similar_documents"
    public static let regularPricePattern: FlagCode = "tiaoli40_price_pattern"

    // Across tenders: bidder-level flags.
    public static let excessiveUnsuccessfulBids: FlagCode = "excessive_unsuccessful_bids"
    public static let bidderExcessiveDisqualifications: FlagCode = "bidder_excessive_disqualifications"
    public static let loserNeverWins: FlagCode = "loser_never_wins"
    public static let winnerRotation: FlagCode = "winner_rotation"
    // Across tenders, attached to each tender they touch.
    public static let rotationGroupPresent: FlagCode = "rotation_group_present"
    public static let perennialLoserPresent: FlagCode = "perennial_loser_present"
}

/// One red flag on a tender (or, for cross-tender patterns, on a group of bidders).
public struct ScreeningFlag: Sendable, Hashable, Codable {
    public var code: FlagCode
    public var severity: FlagSeverity
    /// What was seen and which rule it matches, e.g. "条例40(六) deposits of different bidders paid from the same account".
    public var explanation: BilingualText
    /// The bidders involved, sorted and without repeats.
    public var bidders: [String]
    /// The measured value behind the flag (a screen's statistic, a ratio, days …), when there is one.
    public var value: Double?
    /// How far past its threshold the evidence is, in (0, 1]: 1 for yes/no flags; graded for statistical ones.
    /// The tender score multiplies the flag's weight by it.
    public var strength: Double

    public init(code: FlagCode, severity: FlagSeverity, explanation: BilingualText, bidders: [String], value: Double? = nil, strength: Double = 1) {
        self.code = code
        self.severity = severity
        self.explanation = explanation
        self.bidders = Array(Set(bidders)).sorted()
        self.value = value
        self.strength = min(1, max(0, strength))
    }
}
