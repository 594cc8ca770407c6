/// 综合评估法 / 综合评分法 — the comprehensive scoring method: price score by formula (87§55) plus the
/// mean of the experts' scores on the other criteria; ranked by total, then price, then a random draw (87§56, 68).
public enum ComprehensiveEvaluation {
    /// Scores and ranks the valid bids.
    ///
    /// Each bid's expert points = (Σ over experts of the expert's points on every non-price criterion) / number
    /// of experts, rounded once, half up, to 0.01; total = price score + expert points.
    /// `tieBreak` is the order of a random draw among bids tied on score and price, when one has been held.
    public static func evaluate(
        sheet: ScoringSheet, bids: [PricedBid], expertSheets: [ExpertScoreSheet], smeDeduction: SMEDeduction = .none,
        object: ProcurementObject? = nil, outlierRule: OutlierRule = OutlierRule(), tieBreak: [String]? = nil
    ) throws(TradingError) -> ComprehensiveResult {
        try sheet.validate(object: object)
        try Self.checkComplete(sheet: sheet, bids: bids, expertSheets: expertSheets)
        let priceScores = try PriceScore.scores(bids, weight: sheet.priceCriterion!.maxPoints, smeDeduction: smeDeduction)
        var scores: [BidScore] = []
        for bid in bids {
            let sum = expertSheets.reduce(Int128(0)) { total, expert in
                total + sheet.expertCriteria.reduce(Int128(0)) { $0 + Int128(expert.scores[bid.bidID]![$1.id]!.hundredths) }
            }
            let expertPoints = Score.rounding(numerator: sum, denominator: Int128(expertSheets.count))
            let price = priceScores[bid.bidID]!
            scores.append(BidScore(bidID: bid.bidID, priceScore: price, expertScore: expertPoints, total: price + expertPoints))
        }
        let totals = Dictionary(uniqueKeysWithValues: scores.map { ($0.bidID, $0.total) })
        // higher total first, then the lower bid price (87§56), then the random draw (87§68)
        let ranking = try EvaluationRanking.rank(
            bids, key: { [-Int128(totals[$0.bidID]!.hundredths), Int128($0.price.fen)] }, score: { totals[$0.bidID] }, tieBreak: tieBreak
        )
        return ComprehensiveResult(
            scores: scores, flags: Self.flags(sheet: sheet, bids: bids, expertSheets: expertSheets, rule: outlierRule), ranking: ranking
        )
    }

    /// Every expert scored every non-price criterion of every bid, within 0…max (87§64: a score outside the
    /// range must be corrected before the report).
    public static func checkComplete(sheet: ScoringSheet, bids: [PricedBid], expertSheets: [ExpertScoreSheet]) throws(TradingError) {
        guard !expertSheets.isEmpty, Set(expertSheets.map(\.expertID)).count == expertSheets.count else {
            throw .invalid("scoring-experts", zh: "评分表缺失或专家重复", en: "Score sheets are missing or an expert appears twice")
        }
        guard Set(bids.map(\.bidID)).count == bids.count else {
            throw .invalid("scoring-duplicate-bid", zh: "投标重复", en: "A bid appears twice")
        }
        for expert in expertSheets {
            guard Set(expert.scores.keys) == Set(bids.map(\.bidID)) else {
                throw .invalid("scoring-bids", zh: "专家\(expert.expertID)的评分表与有效投标不一致", en: "Expert \(expert.expertID) did not score exactly the valid bids")
            }
            for bid in bids {
                let given = expert.scores[bid.bidID]!
                guard Set(given.keys) == Set(sheet.expertCriteria.map(\.id)) else {
                    throw .invalid(
                        "scoring-criteria", zh: "专家\(expert.expertID)对\(bid.bidID)的评分因素不完整或含价格分",
                        en: "Expert \(expert.expertID) must score exactly the non-price criteria of \(bid.bidID)"
                    )
                }
                for criterion in sheet.expertCriteria {
                    let score = given[criterion.id]!
                    guard score >= .zero, score <= criterion.maxPoints else {
                        throw .invalid(
                            "score-out-of-range", zh: "专家\(expert.expertID)对\(bid.bidID)“\(criterion.name)”的评分\(score)超出0–\(criterion.maxPoints)",
                            en: "Expert \(expert.expertID) gave \(bid.bidID) \(score) on \(criterion.name), outside 0–\(criterion.maxPoints)",
                            article: "87§64"
                        )
                    }
                }
            }
        }
    }

    static func flags(sheet: ScoringSheet, bids: [PricedBid], expertSheets: [ExpertScoreSheet], rule: OutlierRule) -> [ScoreFlag] {
        var flags: [ScoreFlag] = []
        for bid in bids {
            for criterion in sheet.expertCriteria {
                let given = expertSheets.map { ($0.expertID, $0.scores[bid.bidID]![criterion.id]!) }
                if criterion.kind == .objective {
                    if Set(given.map(\.1)).count > 1 { flags.append(.objectiveDisagreement(bidID: bid.bidID, criterionID: criterion.id)) }
                    continue
                }
                for index in rule.outliers(given.map(\.1), maxPoints: criterion.maxPoints) {
                    flags.append(.outlier(bidID: bid.bidID, criterionID: criterion.id, expertID: given[index].0, score: given[index].1))
                }
            }
        }
        return flags
    }
}

/// The outcome of a comprehensive evaluation.
public struct ComprehensiveResult: Sendable, Equatable {
    /// Scores per bid, in the order the bids were given.
    public var scores: [BidScore]
    /// Objective disagreements and outliers to review before signing.
    public var flags: [ScoreFlag]
    /// The bids ranked.
    public var ranking: EvaluationRanking
}

/// One bid's points.
public struct BidScore: Sendable, Codable, Equatable {
    /// The bid.
    public var bidID: String
    /// Price score (87§55).
    public var priceScore: Score
    /// Mean expert points on the other criteria.
    public var expertScore: Score
    /// Price score + expert points.
    public var total: Score
}
