/// 异议、质疑、投诉规则 — the numbers one kind of case runs on, as data. They are copied onto each case when it
/// is filed, so a later change of the rules never alters a running case. ``standard(for:)`` gives the statutory
/// defaults of shared/RULES.md.
public struct ComplaintRules: Sendable, Codable, Equatable {
    /// The kind these rules are for.
    public var kind: ComplaintKind
    /// When a case may be filed.
    public var filingClock: FilingClock
    /// The period to decide whether to accept a case (条例61: 3 working days); nil when a case in its window is
    /// admissible without a decision (异议, 质疑).
    public var acceptancePeriod: StatutoryPeriod?
    /// The period to answer or decide (条例22, 54: 3 days; 采法53: 7 working days; 条例61: 30 working days;
    /// 采法56: 30 working days). An objection's deadline cites the article of its window (条例22 or 54).
    public var responsePeriod: StatutoryPeriod
    /// Whether the response period runs from filing (条例22, 54; 采法53, 56) or from acceptance (条例61).
    public var responseClock: ResponseClock
    /// Matters answered on the spot, by the end of their window, instead of within the response period
    /// (条例44: an objection at the opening is answered there and then).
    public var answeredOnTheSpot: Set<ComplaintMatter>
    /// Whether and how the procedure pauses while a case is pending.
    public var suspension: SuspensionRule
    /// Whether a case of another kind must come first (条例60: an objection first on the matters of 条例22, 44, 54;
    /// 采法55: a challenge first).
    public var priorCase: PriorCaseRule
    /// The article under which time for testing, appraisal or expert review is not counted in the response period
    /// (条例61); nil when the clock cannot be paused.
    public var excludedTimeArticle: String?

    /// Rules with every number given.
    public init(
        kind: ComplaintKind, filingClock: FilingClock, acceptancePeriod: StatutoryPeriod?, responsePeriod: StatutoryPeriod,
        responseClock: ResponseClock, answeredOnTheSpot: Set<ComplaintMatter> = [], suspension: SuspensionRule,
        priorCase: PriorCaseRule = .none, excludedTimeArticle: String? = nil
    ) {
        self.kind = kind
        self.filingClock = filingClock
        self.acceptancePeriod = acceptancePeriod
        self.responsePeriod = responsePeriod
        self.responseClock = responseClock
        self.answeredOnTheSpot = answeredOnTheSpot
        self.suspension = suspension
        self.priorCase = priorCase
        self.excludedTimeArticle = excludedTimeArticle
    }

    /// The statutory defaults for `kind` (shared/RULES.md):
    /// - 异议: documents ≥ 10 days, prequalification documents ≥ 2 days before their deadline (条例22); the opening on
    ///   the spot (条例44); candidates during publicity (条例54); answer ≤ 3 days; the procedure pauses until answered.
    /// - 质疑: ≤ 7 working days of knowing (采法52; 采条53 fixes the day for a result notice: when its period ends);
    ///   answer ≤ 7 working days (采法53); 采法 sets no pause for a challenge, so none by default (an operator may
    ///   configure `.onOrder` to let the purchaser pause on its own).
    /// - 投诉: ≤ 10 days of knowing, not counting an objection's answer period (条例60); accept ≤ 3 working days,
    ///   decide ≤ 30 working days of acceptance, expert time not counted (条例61); pause on order (条例62).
    /// - 政府采购投诉: ≤ 15 working days after the challenge's answer period (采法55); decide ≤ 30 working days of
    ///   receipt (采法56); pause on order, ≤ 30 days (采法57). Acceptance review ≤ 5 working days is from
    ///   财政部令第94号 §21 (⚠️ not in RULES.md; a configurable default).
    public static func standard(for kind: ComplaintKind) -> ComplaintRules {
        switch kind {
        case .objection:
            ComplaintRules(
                kind: .objection,
                filingClock: .procedureWindows(
                    documentsLead: StatutoryPeriod(10, .days, article: "条例22"),
                    prequalificationLead: StatutoryPeriod(2, .days, article: "条例22")
                ),
                acceptancePeriod: nil, responsePeriod: StatutoryPeriod(3, .days, article: "条例22"), responseClock: .filing,
                answeredOnTheSpot: [.opening], suspension: .untilAnswered
            )
        case .challenge:
            ComplaintRules(
                kind: .challenge,
                filingClock: .afterKnowing(StatutoryPeriod(7, .workingDays, article: "采法52"), resultKnownAtNoticeEnd: true),
                acceptancePeriod: nil, responsePeriod: StatutoryPeriod(7, .workingDays, article: "采法53"), responseClock: .filing,
                suspension: .never
            )
        case .complaint:
            ComplaintRules(
                kind: .complaint,
                filingClock: .afterKnowing(StatutoryPeriod(10, .days, article: "条例60"), resultKnownAtNoticeEnd: false),
                acceptancePeriod: StatutoryPeriod(3, .workingDays, article: "条例61"),
                responsePeriod: StatutoryPeriod(30, .workingDays, article: "条例61"), responseClock: .acceptance,
                suspension: .onOrder(article: "条例62", limit: nil),
                priorCase: .forMatters([.prequalificationDocuments, .documents, .opening, .candidates], kind: .objection, article: "条例60"),
                excludedTimeArticle: "条例61"
            )
        case .procurementComplaint:
            ComplaintRules(
                kind: .procurementComplaint,
                filingClock: .afterPriorAnswerPeriod(StatutoryPeriod(15, .workingDays, article: "采法55")),
                acceptancePeriod: StatutoryPeriod(5, .workingDays, article: "94号令21"),
                responsePeriod: StatutoryPeriod(30, .workingDays, article: "采法56"), responseClock: .filing,
                suspension: .onOrder(article: "采法57", limit: StatutoryPeriod(30, .days, article: "采法57")),
                priorCase: .always(kind: .challenge, article: "采法55")
            )
        }
    }

    /// Checks rules an operator configures: periods of 0–365 units and rules that fit the kind.
    public func validate() throws(TradingError) {
        var periods = [self.responsePeriod] + [self.acceptancePeriod].compactMap { $0 }
        switch self.filingClock {
        case .procedureWindows(let documents, let prequalification): periods += [documents, prequalification]
        case .afterKnowing(let period, _), .afterPriorAnswerPeriod(let period): periods.append(period)
        }
        if case .onOrder(_, let limit?) = self.suspension { periods.append(limit) }
        for period in periods where !(0...365).contains(period.count) || period.article.isEmpty {
            throw .invalid(
                "complaint-rules", zh: "期限应为0至365\(period.unit.nameZh)并注明依据（\(period.textZh)）",
                en: "A period must be 0–365 \(period.unit.nameEn) and name its article (\(period.textEn))"
            )
        }
        if self.kind.isDecidedBySupervisor, case .untilAnswered = self.suspension {
            throw .invalid("complaint-rules", zh: "投诉期间的暂停须由监督部门决定", en: "A complaint pauses the procedure only on the supervisor's order")
        }
        if self.responseClock == .acceptance, self.acceptancePeriod == nil {
            throw .invalid("complaint-rules", zh: "没有受理环节时，处理期限不能自受理起算", en: "Without an acceptance step the response cannot run from acceptance")
        }
    }
}

/// When a case may be filed.
public enum FilingClock: Sendable, Codable, Equatable {
    /// 异议: tied to a step of the procedure — documents at least the lead before their deadline (条例22),
    /// the opening during the opening (条例44), the evaluation result during candidate publicity (条例54).
    /// A lead counts back whole days from the deadline's Beijing date: with bids due 12-21 09:30, 10 days before
    /// leaves 12-11 until 24:00 as the last day. That day is not moved to a working day (民法典203 lengthens a
    /// period for acting; it does not shorten the lead the tenderer is owed).
    case procedureWindows(documentsLead: StatutoryPeriod, prequalificationLead: StatutoryPeriod)
    /// Within a period of the day the filer knew or ought to have known (采法52, 条例60). With
    /// `resultKnownAtNoticeEnd`, a result notice is known when its notice period ends (采条53), else when published.
    case afterKnowing(StatutoryPeriod, resultKnownAtNoticeEnd: Bool)
    /// Within a period after the prior case's answer period ends (采法55: 15 working days).
    case afterPriorAnswerPeriod(StatutoryPeriod)
}

/// Where the response period starts.
public enum ResponseClock: String, Sendable, Codable {
    /// From the day the case is filed (received).
    case filing
    /// From the day the case is accepted.
    case acceptance
}

/// Whether and how a pending case pauses the procedure (暂停招标投标活动).
public enum SuspensionRule: Sendable, Codable, Equatable {
    /// The procedure pauses from filing until the answer (条例22, 54); the hold cites the filing window's article.
    case untilAnswered
    /// The deciding body may order a pause (条例62; 采法57), for at most `limit` when there is one.
    /// A nil article makes the hold cite the filing window's article.
    case onOrder(article: String?, limit: StatutoryPeriod?)
    /// The procedure never pauses for this kind of case.
    case never
}

/// Whether a case of another kind must have been raised first on the same matter.
public enum PriorCaseRule: Sendable, Codable, Equatable {
    /// No prior case is needed.
    case none
    /// A prior case of `kind` is needed on these matters (条例60: objection first on the matters of 条例22, 44, 54).
    case forMatters(Set<ComplaintMatter>, kind: ComplaintKind, article: String)
    /// A prior case of `kind` is always needed (采法55: challenge first).
    case always(kind: ComplaintKind, article: String)

    /// The kind that must come first on `matter` and the article requiring it, or nil.
    public func requirement(for matter: ComplaintMatter) -> (kind: ComplaintKind, article: String)? {
        switch self {
        case .none: nil
        case .forMatters(let matters, let kind, let article): matters.contains(matter) ? (kind, article) : nil
        case .always(let kind, let article): (kind, article)
        }
    }
}
