/// 经评审的最低投标价法 / 最低评标价法 — the lowest-evaluated-price method: among bids that meet every
/// substantive requirement, the lowest evaluated price ranks first (87§56); the evaluated price is the bid
/// price less the SME deduction plus the quantified adjustments of the tender documents.
public enum LowestPriceEvaluation {
    /// Ranks the valid bids by evaluated price, then by bid price; bids equal on both await a random draw
    /// (87§56, 68) unless `tieBreak` orders them.
    public static func rank(
        _ bids: [PricedBid], smeDeduction: SMEDeduction = .none, tieBreak: [String]? = nil
    ) throws(TradingError) -> EvaluationRanking {
        try smeDeduction.validate()
        guard Set(bids.map(\.bidID)).count == bids.count else {
            throw .invalid("evaluation-duplicate-bid", zh: "投标重复", en: "A bid appears twice")
        }
        if let bad = bids.first(where: { $0.price.fen <= 0 }) {
            throw .invalid("price-not-positive", zh: "投标报价必须大于0（\(bad.bidID)）", en: "Bid \(bad.bidID) has no positive price")
        }
        return try EvaluationRanking.rank(
            bids, key: { [$0.evaluatedPrice(smeDeduction: smeDeduction).tenThousandthsOfFen, Int128($0.price.fen)] },
            evaluatedPrice: { $0.evaluatedPrice(smeDeduction: smeDeduction) }, tieBreak: tieBreak
        )
    }
}
