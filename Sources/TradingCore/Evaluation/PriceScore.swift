/// 价格分 — the price score of 综合评分法 (87§55): 价格分 = 评标基准价 / 投标报价 × 价格分值, where the
/// base price (评标基准价) is the lowest valid price after the SME deduction, and no extreme price is dropped.
public enum PriceScore {
    /// The price score of every valid bid, exact and rounded once, half up, to 0.01.
    ///
    /// `weight` is the price criterion's points (30 % of 100 points → 30.00). Every price must be positive.
    public static func scores(_ bids: [PricedBid], weight: Score, smeDeduction: SMEDeduction = .none) throws(TradingError) -> [String: Score] {
        try smeDeduction.validate()
        guard weight.hundredths > 0 else {
            throw .invalid("price-weight", zh: "价格分值必须大于0", en: "The price criterion must carry points", article: "87§55")
        }
        if let bad = bids.first(where: { $0.price.fen <= 0 }) {
            throw .invalid("price-not-positive", zh: "投标报价必须大于0（\(bad.bidID)）", en: "Bid \(bad.bidID) has no positive price")
        }
        let prices = bids.map { ($0.bidID, $0.evaluatedPrice(smeDeduction: smeDeduction)) }
        guard let base = prices.map(\.1).min() else { return [:] }
        var scores: [String: Score] = [:]
        for (bidID, price) in prices {
            scores[bidID] = Score.rounding(
                numerator: base.tenThousandthsOfFen * Int128(weight.hundredths), denominator: price.tenThousandthsOfFen
            )
        }
        return scores
    }

    /// The lowest valid evaluated price: 评标基准价.
    public static func basePrice(_ bids: [PricedBid], smeDeduction: SMEDeduction = .none) -> EvaluatedPrice? {
        bids.map { $0.evaluatedPrice(smeDeduction: smeDeduction) }.min()
    }
}

/// 价格分值比重 — the least share of the total points the price criterion must carry under 综合评分法
/// (87§55: goods ≥ 30 %, services ≥ 10 %).
public enum ProcurementObject: String, Sendable, Codable, Equatable {
    /// 货物.
    case goods
    /// 服务.
    case services

    /// The least price share in percent.
    public var minimumPriceSharePercent: Int64 {
        switch self {
        case .goods: 30
        case .services: 10
        }
    }

    /// Checks the price criterion's share of `total` points.
    public func checkPriceWeight(_ weight: Score, total: Score) throws(TradingError) {
        guard weight.hundredths * 100 >= total.hundredths * self.minimumPriceSharePercent else {
            throw .invalid(
                "price-weight-too-low",
                zh: "\(self == .goods ? "货物" : "服务")项目价格分值占总分值的比重不得低于\(self.minimumPriceSharePercent)%（现为\(weight)/\(total)）",
                en: "The price criterion must carry at least \(self.minimumPriceSharePercent) % of the points for \(self.rawValue), found \(weight) of \(total)",
                article: "87§55"
            )
        }
    }
}
