/// Where in a procedure a party is checked against the credit lists.
public enum CreditCheckpoint: String, Sendable, Codable, CaseIterable {
    /// 报名 / 注册 — registration for a lot or on the platform.
    case registration
    /// 投标 — submitting a bid (and evaluation, where the committee applies the documents' rule).
    case bidding
    /// 定标 — the award.
    case award

    /// The name shown to users in Chinese.
    public var nameZh: String {
        switch self {
        case .registration: "报名"
        case .bidding: "投标"
        case .award: "定标"
        }
    }

    /// The name shown to users in English.
    public var nameEn: String {
        switch self {
        case .registration: "registration"
        case .bidding: "bidding"
        case .award: "the award"
        }
    }
}

/// What a match on a list leads to at a checkpoint, from mildest to strongest.
public enum CreditConsequence: String, Sendable, Codable, CaseIterable, Comparable {
    /// 不处理 — nothing; the match is not reported.
    case ignore
    /// 提示人工核查 — the step goes on and a person reviews the match.
    case flagForReview = "flag-for-review"
    /// 拒绝 — the step is refused.
    case refuse

    /// The name shown to users in Chinese.
    public var nameZh: String {
        switch self {
        case .ignore: "不处理"
        case .flagForReview: "提示人工核查"
        case .refuse: "予以拒绝"
        }
    }

    /// The name shown to users in English.
    public var nameEn: String {
        switch self {
        case .ignore: "ignored"
        case .flagForReview: "flagged for review"
        case .refuse: "refused"
        }
    }

    /// Consequences compare from ``ignore`` to ``refuse``.
    public static func < (lhs: CreditConsequence, rhs: CreditConsequence) -> Bool {
        Self.allCases.firstIndex(of: lhs)! < Self.allCases.firstIndex(of: rhs)!
    }
}

/// The consequences of one kind of list (or one particular list) at each checkpoint.
public struct CreditListPolicy: Sendable, Codable, Equatable {
    /// The kind of list this row applies to.
    public var kind: CreditListKind
    /// When set, the row applies only to the list with this id and overrides the row for its kind.
    public var listID: String?
    /// At registration.
    public var registration: CreditConsequence
    /// At bidding.
    public var bidding: CreditConsequence
    /// At the award.
    public var award: CreditConsequence

    /// A row of the policy.
    public init(kind: CreditListKind, listID: String? = nil, registration: CreditConsequence, bidding: CreditConsequence, award: CreditConsequence) {
        self.kind = kind
        self.listID = listID
        self.registration = registration
        self.bidding = bidding
        self.award = award
    }

    /// The consequence at `checkpoint`.
    public func consequence(at checkpoint: CreditCheckpoint) -> CreditConsequence {
        switch checkpoint {
        case .registration: self.registration
        case .bidding: self.bidding
        case .award: self.award
        }
    }
}

/// 信用惩戒措施 — per list, the consequence of a match at each checkpoint: configurable data an operator sets
/// per procedure (a procurement list matters to procurement; the caller picks the policy for the procedure).
public struct CreditPolicy: Sendable, Codable, Equatable {
    /// The rows: one per kind, plus overrides for particular lists.
    public var lists: [CreditListPolicy]
    /// The consequence for a list no row names.
    public var unlisted: CreditConsequence

    /// A policy of `lists` rows.
    public init(lists: [CreditListPolicy], unlisted: CreditConsequence = .flagForReview) {
        self.lists = lists
        self.unlisted = unlisted
    }

    /// The defaults (registration / bidding / award):
    /// - 失信被执行人: flag / flag / refuse. 法〔2016〕285号 has the tender documents state how defaulters are treated
    ///   and the committee apply it at evaluation, so a bid is flagged for the committee, not refused at upload;
    ///   the award to a defaulter is refused.
    /// - 政府采购严重违法失信名单: flag / refuse / refuse — a barred supplier may not take part during the ban (采法77).
    /// - 平台名单: flag / flag / flag — the platform's own list is never a legal bar by itself.
    /// - a list no row names: flag.
    public static let standard = CreditPolicy(lists: [
        CreditListPolicy(kind: .judgmentDefaulters, registration: .flagForReview, bidding: .flagForReview, award: .refuse),
        CreditListPolicy(kind: .procurementSeriousViolations, registration: .flagForReview, bidding: .refuse, award: .refuse),
        CreditListPolicy(kind: .platform, registration: .flagForReview, bidding: .flagForReview, award: .flagForReview),
    ])

    /// The consequence of a match on `list` at `checkpoint`: the row for that list id, else the row for its kind,
    /// else ``unlisted``.
    public func consequence(for list: CreditList, at checkpoint: CreditCheckpoint) -> CreditConsequence {
        let row = self.lists.first { $0.listID == list.id } ?? self.lists.first { $0.listID == nil && $0.kind == list.kind }
        return row?.consequence(at: checkpoint) ?? self.unlisted
    }
}
