/// 评分标准 — the scoring sheet of 综合评估法 / 综合评分法: criteria with their maximum points.
/// Exactly one criterion is the price, scored by formula (87§55); experts score the others.
public struct ScoringSheet: Sendable, Codable, Equatable {
    /// The criteria, in the order of the tender documents.
    public var criteria: [ScoringCriterion]

    /// Creates a ``ScoringSheet`` from its fields.
    public init(criteria: [ScoringCriterion]) {
        self.criteria = criteria
    }

    /// Sum of the criteria's maximum points (usually 100.00).
    public var total: Score {
        self.criteria.reduce(.zero) { $0 + $1.maxPoints }
    }

    /// The price criterion.
    public var priceCriterion: ScoringCriterion? {
        self.criteria.first { $0.kind == .price }
    }

    /// The criteria experts score.
    public var expertCriteria: [ScoringCriterion] {
        self.criteria.filter { $0.kind != .price }
    }

    /// Distinct ids, positive points, exactly one price criterion; for procurement, the price share of 87§55.
    public func validate(object: ProcurementObject? = nil) throws(TradingError) {
        guard Set(self.criteria.map(\.id)).count == self.criteria.count else {
            throw .invalid("scoring-duplicate-criterion", zh: "评分因素编号重复", en: "Two criteria share an id")
        }
        if let empty = self.criteria.first(where: { $0.maxPoints.hundredths <= 0 }) {
            throw .invalid("scoring-criterion-points", zh: "评分因素“\(empty.name)”的分值必须大于0", en: "Criterion \(empty.name) must carry points")
        }
        guard self.criteria.filter({ $0.kind == .price }).count == 1, let price = self.priceCriterion else {
            throw .invalid("scoring-price-criterion", zh: "综合评分法应设且仅设一项价格分", en: "The sheet needs exactly one price criterion", article: "87§55")
        }
        try object?.checkPriceWeight(price.maxPoints, total: self.total)
    }
}

/// 评分因素 — one criterion of a scoring sheet.
public struct ScoringCriterion: Sendable, Codable, Equatable {
    /// Stable id within the sheet.
    public var id: String
    /// Name as in the tender documents.
    public var name: String
    /// Maximum points.
    public var maxPoints: Score
    /// How it is scored.
    public var kind: Kind

    /// Creates a ``ScoringCriterion`` from its fields.
    public init(id: String, name: String, maxPoints: Score, kind: Kind) {
        self.id = id
        self.name = name
        self.maxPoints = maxPoints
        self.kind = kind
    }

    /// How a criterion is scored.
    public enum Kind: String, Sendable, Codable, Equatable {
        /// 价格分: by the formula of 87§55.
        case price
        /// 客观评审因素: every expert must give the same score (87§64).
        case objective
        /// 主观评审因素: each expert's judgement.
        case subjective
    }
}

/// 专家评分表 — one expert's scores: bid → criterion → points.
public struct ExpertScoreSheet: Sendable, Codable, Equatable {
    /// The expert.
    public var expertID: String
    /// Points per bid and criterion (the price criterion is not scored by experts).
    public var scores: [String: [String: Score]]

    /// Creates an ``ExpertScoreSheet`` from its fields.
    public init(expertID: String, scores: [String: [String: Score]]) {
        self.expertID = expertID
        self.scores = scores
    }
}

/// 评分畸高畸低 — the stated rule for flagging a score that departs from the other experts: a score is
/// flagged when it differs from the median of all experts' scores for the same bid and criterion by more
/// than `thresholdBasisPoints` of the criterion's maximum (default 30 %), when at least three experts score.
/// The median keeps one extreme score from dragging its neighbours over the line. A flag changes nothing by
/// itself: the committee reviews it and the expert explains in writing (87§64).
public struct OutlierRule: Sendable, Codable, Equatable {
    /// Allowed departure, in basis points of the criterion's maximum.
    public var thresholdBasisPoints: Int64

    /// Creates an ``OutlierRule`` from its fields.
    public init(thresholdBasisPoints: Int64 = 3_000) {
        self.thresholdBasisPoints = thresholdBasisPoints
    }

    /// The scores among `scores` (one per expert) that depart too far from their median, by index
    /// (exact integer arithmetic).
    public func outliers(_ scores: [Score], maxPoints: Score) -> [Int] {
        guard scores.count >= 3 else { return [] }
        let sorted = scores.map { Int128($0.hundredths) }.sorted()
        let middle = sorted.count / 2
        let twiceMedian = sorted.count % 2 == 1 ? 2 * sorted[middle] : sorted[middle - 1] + sorted[middle]
        let limit = 2 * Int128(self.thresholdBasisPoints) * Int128(maxPoints.hundredths)
        return scores.indices.filter { index in
            let departure = (2 * Int128(scores[index].hundredths) - twiceMedian).magnitude
            return Int128(departure) * 10_000 > limit
        }
    }
}

/// Something on the score sheets the committee must look at before signing.
public enum ScoreFlag: Sendable, Codable, Equatable {
    /// Experts gave different scores on an objective criterion (87§64 客观评审因素评分不一致).
    case objectiveDisagreement(bidID: String, criterionID: String)
    /// A score departs from the other experts by more than the ``OutlierRule`` allows (87§64 评分畸高、畸低).
    case outlier(bidID: String, criterionID: String, expertID: String, score: Score)
}
