/// 交易目录条目 — one row of the trading catalog: a trading type, a procedure, and the parameters
/// the platform enforces for it. A new trading type is a new row, not a release (交易目录动态管理).
public struct CatalogEntry: Sendable, Codable, Equatable {
    /// Stable code, e.g. `engineering.open-tender`.
    public var code: String
    /// Trading type code, e.g. `engineering`, `procurement`, `property`, `land`, `assets`.
    public var tradingType: String
    /// 交易类型, e.g. 工程建设.
    public var tradingTypeZh: String
    public var tradingTypeEn: String
    /// Procedure code, e.g. `open-tender`, `consultation`, `inquiry`, `online-auction`, `listing`.
    public var procedure: String
    /// 交易方式, e.g. 公开招标.
    public var procedureZh: String
    public var procedureEn: String
    public var rules: ProcedureRules
    /// Inactive entries stay for existing projects but take no new ones.
    public var active: Bool

    public init(
        code: String, tradingType: String, tradingTypeZh: String, tradingTypeEn: String,
        procedure: String, procedureZh: String, procedureEn: String, rules: ProcedureRules, active: Bool = true
    ) {
        self.code = code
        self.tradingType = tradingType
        self.tradingTypeZh = tradingTypeZh
        self.tradingTypeEn = tradingTypeEn
        self.procedure = procedure
        self.procedureZh = procedureZh
        self.procedureEn = procedureEn
        self.rules = rules
        self.active = active
    }

    /// Checks an entry an operator submits: a code, names, and rules that make sense.
    public func validate() throws(TradingError) {
        let codePattern = self.code.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-" || $0 == "." || $0 == "_") }
        guard !self.code.isEmpty, self.code.count <= 64, codePattern else {
            throw .invalid("catalog-code", zh: "目录编码只能由字母、数字、“-”“.”“_”组成，且不超过64位", en: "A catalog code is 1–64 letters, digits, '-', '.' or '_'")
        }
        for (name, value) in [("tradingType", self.tradingType), ("tradingTypeZh", self.tradingTypeZh), ("procedure", self.procedure), ("procedureZh", self.procedureZh)] {
            guard !value.isEmpty, value.count <= 64 else {
                throw .invalid("catalog-field", zh: "目录字段 \(name) 不能为空且不超过64字", en: "Catalog field \(name) must be 1–64 characters")
            }
        }
        try self.rules.validate()
    }
}

/// 程序参数 — the numbers a procedure enforces, copied onto each project when it is created
/// so a later catalog change never alters a running procedure.
public struct ProcedureRules: Sendable, Codable, Equatable {
    /// Minimum number of bids for an opening (法28: 3).
    public var minBidders: Int
    /// Minimum period from documents issued to the bid deadline (法24 / 采法35: 20 days).
    public var minBidPeriod: Int
    public var minBidPeriodUnit: PeriodUnit
    /// Minimum period the documents are available (条例16: 5 days; 87§18: 5 working days).
    public var minDocumentPeriod: Int
    public var minDocumentPeriodUnit: PeriodUnit
    /// A clarification that affects bids must come this many days before the deadline (条例21: 15), else the deadline moves.
    /// Zero turns the rule off.
    public var clarificationLeadDays: Int
    /// Deposit cap as basis points of the estimate or budget (条例26: 200 = 2 %).
    public var depositCapBasisPoints: Int64
    /// Absolute deposit cap in fen, when there is one (construction: 800,000 yuan).
    public var depositCapFen: Int64?
    /// Minimum candidate publicity (条例54: 3 days).
    public var publicityMinDays: Int
    /// The contract is due within this many days of the award (法46: 30).
    public var contractDueDays: Int
    /// At most this many ranked candidates (条例53: 3).
    public var maxCandidates: Int
    /// Evaluation method code: `comprehensive` (综合评估法), `lowest-price` (经评审的最低投标价法), `highest-price` (价高者得).
    public var evaluationMethod: String
    /// Opening mode code: `sealed-bids` (开标), `online-auction` (网络竞价), `listing` (挂牌).
    public var openingMode: String

    public init(
        minBidders: Int = 3,
        minBidPeriod: Int = 20, minBidPeriodUnit: PeriodUnit = .days,
        minDocumentPeriod: Int = 5, minDocumentPeriodUnit: PeriodUnit = .days,
        clarificationLeadDays: Int = 15,
        depositCapBasisPoints: Int64 = 200, depositCapFen: Int64? = nil,
        publicityMinDays: Int = 3, contractDueDays: Int = 30, maxCandidates: Int = 3,
        evaluationMethod: String = "comprehensive", openingMode: String = "sealed-bids"
    ) {
        self.minBidders = minBidders
        self.minBidPeriod = minBidPeriod
        self.minBidPeriodUnit = minBidPeriodUnit
        self.minDocumentPeriod = minDocumentPeriod
        self.minDocumentPeriodUnit = minDocumentPeriodUnit
        self.clarificationLeadDays = clarificationLeadDays
        self.depositCapBasisPoints = depositCapBasisPoints
        self.depositCapFen = depositCapFen
        self.publicityMinDays = publicityMinDays
        self.contractDueDays = contractDueDays
        self.maxCandidates = maxCandidates
        self.evaluationMethod = evaluationMethod
        self.openingMode = openingMode
    }

    public func validate() throws(TradingError) {
        let checks: [(Bool, String)] = [
            (self.minBidders >= 1 && self.minBidders <= 100, "minBidders 1–100"),
            (self.minBidPeriod >= 0 && self.minBidPeriod <= 365, "minBidPeriod 0–365"),
            (self.minDocumentPeriod >= 0 && self.minDocumentPeriod <= 365, "minDocumentPeriod 0–365"),
            (self.clarificationLeadDays >= 0 && self.clarificationLeadDays <= 365, "clarificationLeadDays 0–365"),
            (self.depositCapBasisPoints >= 0 && self.depositCapBasisPoints <= 10_000, "depositCapBasisPoints 0–10000"),
            ((self.depositCapFen ?? 0) >= 0, "depositCapFen ≥ 0"),
            (self.publicityMinDays >= 0 && self.publicityMinDays <= 365, "publicityMinDays 0–365"),
            (self.contractDueDays >= 1 && self.contractDueDays <= 365, "contractDueDays 1–365"),
            (self.maxCandidates >= 1 && self.maxCandidates <= 10, "maxCandidates 1–10"),
            (["comprehensive", "lowest-price", "highest-price"].contains(self.evaluationMethod), "evaluationMethod comprehensive|lowest-price|highest-price"),
            (["sealed-bids", "online-auction", "listing"].contains(self.openingMode), "openingMode sealed-bids|online-auction|listing"),
        ]
        for (holds, rule) in checks where !holds {
            throw .invalid("catalog-rules", zh: "程序参数超出范围：\(rule)", en: "Procedure parameter out of range: \(rule)")
        }
    }

    /// The highest deposit allowed for an estimate (条例26; 采条33).
    public func depositCap(estimate: Money) -> Money {
        let share = estimate.share(basisPoints: self.depositCapBasisPoints)
        guard let absolute = self.depositCapFen else { return share }
        return Money(fen: min(share.fen, absolute), currency: estimate.currency)
    }
}
