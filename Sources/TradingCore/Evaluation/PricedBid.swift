/// A valid bid's price as the evaluation sees it: the bid price and whether the bidder is a small or
/// micro enterprise (小微企业) entitled to the SME price deduction.
public struct PricedBid: Sendable, Codable, Equatable {
    /// The bid.
    public var bidID: String
    /// The bidder.
    public var partyID: String
    /// The bid price (投标报价), in fen.
    public var price: Money
    /// Small or micro enterprise under 财库〔2020〕46号.
    public var isSmallOrMicro: Bool
    /// Quantified deviations added for the lowest-evaluated-price method (偏差调整), in fen; may be negative.
    public var adjustments: [PriceAdjustment]

    /// Creates a ``PricedBid`` from its fields.
    public init(bidID: String, partyID: String, price: Money, isSmallOrMicro: Bool = false, adjustments: [PriceAdjustment] = []) {
        self.bidID = bidID
        self.partyID = partyID
        self.price = price
        self.isSmallOrMicro = isSmallOrMicro
        self.adjustments = adjustments
    }

    /// The price for scoring and ranking, exact: the bid price less the SME deduction (when it applies),
    /// plus the adjustments.
    public func evaluatedPrice(smeDeduction: SMEDeduction) -> EvaluatedPrice {
        let rate = self.isSmallOrMicro ? Int128(smeDeduction.basisPoints) : 0
        let deducted = Int128(self.price.fen) * (10_000 - rate)
        let adjusted = self.adjustments.reduce(Int128(0)) { $0 + Int128($1.amount.fen) * 10_000 }
        return EvaluatedPrice(tenThousandthsOfFen: deducted + adjusted)
    }
}

/// 偏差调整 — a quantified deviation that the lowest-evaluated-price method adds to a bid price.
public struct PriceAdjustment: Sendable, Codable, Equatable {
    /// What the adjustment is for, as stated in the tender documents.
    public var reason: String
    /// The amount added (negative: deducted), in fen.
    public var amount: Money

    /// Creates a ``PriceAdjustment`` from its fields.
    public init(reason: String, amount: Money) {
        self.reason = reason
        self.amount = amount
    }
}

/// 小微企业价格扣除 — the rate by which a small or micro enterprise's price is reduced for scoring
/// (财库〔2020〕46号: 6–10 % for goods and services in the 2020 text; later rules raised it). The rate is
/// set per project in the tender documents, so it is a parameter here, never a constant.
public struct SMEDeduction: Sendable, Codable, Equatable {
    /// The rate in basis points (1000 = 10 %).
    public var basisPoints: Int

    /// Creates a ``SMEDeduction`` from its fields.
    public init(basisPoints: Int) {
        self.basisPoints = basisPoints
    }

    /// No deduction.
    public static let none = SMEDeduction(basisPoints: 0)

    /// A percentage given in whole percent (10 → 10 %).
    public static func percent(_ percent: Int) -> SMEDeduction {
        SMEDeduction(basisPoints: percent * 100)
    }

    /// Checks 0 ≤ rate < 100 %.
    public func validate() throws(TradingError) {
        guard (0..<10_000).contains(self.basisPoints) else {
            throw .invalid("sme-deduction", zh: "小微企业价格扣除比例应在0至100%之间", en: "The SME price deduction must be between 0 and 100 %")
        }
    }
}

/// 评审价格 — a price after deductions and adjustments, exact in ten-thousandths of a fen so a
/// percentage deduction never rounds.
public struct EvaluatedPrice: Sendable, Hashable, Comparable, CustomStringConvertible {
    /// The price × 10,000, in fen.
    public var tenThousandthsOfFen: Int128

    /// Creates an ``EvaluatedPrice`` from its fields.
    public init(tenThousandthsOfFen: Int128) {
        self.tenThousandthsOfFen = tenThousandthsOfFen
    }

    public static func < (lhs: EvaluatedPrice, rhs: EvaluatedPrice) -> Bool {
        lhs.tenThousandthsOfFen < rhs.tenThousandthsOfFen
    }

    /// The price rounded half up to the fen, for the report.
    public var roundedToFen: Money {
        let value = self.tenThousandthsOfFen
        let rounded = (value.magnitude + 5_000) / 10_000
        return Money(fen: value < 0 ? -Int64(rounded) : Int64(rounded))
    }

    public var description: String {
        self.roundedToFen.yuanText
    }
}
