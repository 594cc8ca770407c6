/// 资格审查与符合性审查 — the pass/fail review of one bid before it is scored: qualification
/// (资格审查) and compliance with the substantive requirements (符合性审查).
public struct BidReview: Sendable, Codable, Equatable {
    /// The bid reviewed.
    public var bidID: String
    /// The qualification review's outcome.
    public var qualification: ReviewOutcome
    /// The compliance review's outcome.
    public var compliance: ReviewOutcome

    /// Creates a ``BidReview`` from its fields.
    public init(bidID: String, qualification: ReviewOutcome, compliance: ReviewOutcome) {
        self.bidID = bidID
        self.qualification = qualification
        self.compliance = compliance
    }

    /// Whether the bid goes on to be scored.
    public var isValid: Bool {
        self.qualification == .passed && self.compliance == .passed
    }

    /// Every reason the bid was rejected, qualification first.
    public var reasons: [RejectionReason] {
        self.qualification.reasons + self.compliance.reasons
    }
}

/// The outcome of one review stage.
public enum ReviewOutcome: Sendable, Codable, Equatable {
    /// The bid passed.
    case passed
    /// 否决投标 — the bid is rejected, with at least one reason.
    case rejected([RejectionReason])

    /// The reasons, empty when passed.
    public var reasons: [RejectionReason] {
        if case .rejected(let reasons) = self { return reasons }
        return []
    }
}

/// 否决投标情形 — why a bid is rejected (条例51, with 条例34 and 条例39–41 for related and colluding bids;
/// 87§63 lists the same grounds as 投标无效 for procurement).
public enum RejectionReason: Sendable, Codable, Equatable {
    /// Not sealed by the bidder or not signed by its principal (条例51(1)).
    case notSignedOrSealed
    /// A consortium bid without the joint bidding agreement (条例51(2)).
    case noConsortiumAgreement
    /// The bidder lacks a qualification the law or the documents require (条例51(3)).
    case notQualified(String)
    /// Two or more different bids or prices from one bidder, alternatives not invited (条例51(4)).
    case multipleBids
    /// The price is below cost (条例51(5)).
    case belowCost
    /// The price exceeds the ceiling price (条例51(5)).
    case aboveCeiling(price: Money, ceiling: Money)
    /// No response to a substantive requirement (条例51(6)).
    case nonResponsive(String)
    /// Collusion, fraud or bribery (条例51(7); 条例39–41).
    case collusionOrFraud(String)
    /// Same legal representative or a control relationship with another bidder on the lot (条例34).
    case relatedBidder(String)

    /// The article that names the ground.
    public var article: String {
        switch self {
        case .notSignedOrSealed: "条例51(1)"
        case .noConsortiumAgreement: "条例51(2)"
        case .notQualified: "条例51(3)"
        case .multipleBids: "条例51(4)"
        case .belowCost, .aboveCeiling: "条例51(5)"
        case .nonResponsive: "条例51(6)"
        case .collusionOrFraud: "条例51(7)"
        case .relatedBidder: "条例34"
        }
    }

    /// The reason in Chinese, for the evaluation report.
    public var zh: String {
        switch self {
        case .notSignedOrSealed: "投标文件未经投标单位盖章和单位负责人签字"
        case .noConsortiumAgreement: "投标联合体没有提交共同投标协议"
        case .notQualified(let detail): "投标人不符合资格条件：\(detail)"
        case .multipleBids: "同一投标人提交两个以上不同的投标文件或者投标报价"
        case .belowCost: "投标报价低于成本"
        case .aboveCeiling(let price, let ceiling): "投标报价\(price.yuanText)元高于最高投标限价\(ceiling.yuanText)元"
        case .nonResponsive(let detail): "投标文件没有对实质性要求和条件作出响应：\(detail)"
        case .collusionOrFraud(let detail): "投标人有串通投标、弄虚作假、行贿等违法行为：\(detail)"
        case .relatedBidder(let detail): "单位负责人为同一人或者存在控股、管理关系的不同单位参加同一标段投标：\(detail)"
        }
    }

    /// The reason in English.
    public var en: String {
        switch self {
        case .notSignedOrSealed: "The bid is not sealed by the bidder or not signed by its principal"
        case .noConsortiumAgreement: "The consortium submitted no joint bidding agreement"
        case .notQualified(let detail): "The bidder does not meet the qualification requirements: \(detail)"
        case .multipleBids: "The bidder submitted two or more different bids or prices"
        case .belowCost: "The price is below cost"
        case .aboveCeiling(let price, let ceiling): "The price \(price.yuanText) yuan exceeds the ceiling of \(ceiling.yuanText) yuan"
        case .nonResponsive(let detail): "The bid does not respond to a substantive requirement: \(detail)"
        case .collusionOrFraud(let detail): "Collusion, fraud or bribery: \(detail)"
        case .relatedBidder(let detail): "Bidders with the same principal or a control relationship bid on the same lot: \(detail)"
        }
    }
}

/// The checks around the review that the platform can decide itself.
public enum ReviewChecks {
    /// 条例51(5): a price above the ceiling price is rejected; nil when there is no ceiling or the price is within it.
    public static func ceiling(price: Money, ceiling: Money?) -> RejectionReason? {
        guard let ceiling, price > ceiling else { return nil }
        return .aboveCeiling(price: price, ceiling: ceiling)
    }

    /// 87§43–44 (RULES.md: "< 3 qualified → no evaluation"): fewer valid bids than the minimum stops the
    /// evaluation and the procurement fails; returns the valid bids otherwise.
    public static func enoughValidBids(_ reviews: [BidReview], minimum: Int = 3) throws(TradingError) -> [String] {
        let valid = reviews.filter(\.isValid).map(\.bidID)
        guard valid.count >= minimum else {
            throw .conflict(
                "too-few-valid-bids", zh: "通过资格审查和符合性审查的投标人不足\(minimum)家（\(valid.count)家），不得进入评审",
                en: "Only \(valid.count) bids passed the review; at least \(minimum) are needed for the evaluation", article: "87§43,44"
            )
        }
        return valid
    }
}
