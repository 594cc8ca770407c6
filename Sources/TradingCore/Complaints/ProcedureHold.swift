import Foundation

/// A step of a procedure that a pending case can hold back, in the order the steps happen.
public enum ProcedureStep: String, Sendable, Codable, CaseIterable, Comparable {
    /// 资格审查 — prequalification review.
    case prequalification
    /// 投标截止与开标 — closing the bidding and opening the bids.
    case opening
    /// 评标 — evaluation.
    case evaluation
    /// 定标 — the award.
    case award
    /// 签订合同 — signing the contract.
    case contract

    /// The name shown to users in Chinese.
    public var nameZh: String {
        switch self {
        case .prequalification: "资格审查"
        case .opening: "开标"
        case .evaluation: "评标"
        case .award: "定标"
        case .contract: "签订合同"
        }
    }

    /// The name shown to users in English.
    public var nameEn: String {
        switch self {
        case .prequalification: "prequalification review"
        case .opening: "the opening"
        case .evaluation: "evaluation"
        case .award: "the award"
        case .contract: "contract signing"
        }
    }

    /// Steps compare in the order they happen.
    public static func < (lhs: ProcedureStep, rhs: ProcedureStep) -> Bool {
        Self.allCases.firstIndex(of: lhs)! < Self.allCases.firstIndex(of: rhs)!
    }
}

/// 暂停招标投标活动 — a pause a pending case puts on its procedure: the step `from` and every later step wait
/// until the case releases it (answer, decision, withdrawal, rejection or a lifted order).
public struct ProcedureHold: Sendable, Codable, Equatable {
    /// The case that holds the procedure.
    public var caseID: String
    /// The lot (or project) the case is about.
    public var lotID: String
    /// The first step that waits.
    public var from: ProcedureStep
    /// The article the pause rests on (条例22, 54, 62; 采法57).
    public var article: String
    /// When the pause began.
    public var since: Date

    /// A hold on `lotID` from `from` on.
    public init(caseID: String, lotID: String, from: ProcedureStep, article: String, since: Date) {
        self.caseID = caseID
        self.lotID = lotID
        self.from = from
        self.article = article
        self.since = since
    }

    /// Whether this hold keeps `step` from happening.
    public func blocks(_ step: ProcedureStep) -> Bool {
        step >= self.from
    }

    /// The holds among `cases` that keep `step` of `lotID` from happening.
    public static func holds(blocking step: ProcedureStep, of lotID: String, among cases: [ComplaintCase]) -> [ProcedureHold] {
        cases.compactMap(\.hold).filter { $0.lotID == lotID && $0.blocks(step) }
    }

    /// Refuses `step` of `lotID` while any of `cases` holds it; the server calls this before opening, evaluating,
    /// awarding or signing. The error names the case and the article.
    public static func check(_ step: ProcedureStep, of lotID: String, among cases: [ComplaintCase]) throws(TradingError) {
        guard let hold = Self.holds(blocking: step, of: lotID, among: cases).first else { return }
        throw .conflict(
            "procedure-suspended",
            zh: "因\(hold.caseID)号案件尚未办结，招标投标活动已暂停（\(hold.article)），暂不能进行\(step.nameZh)",
            en: "The procedure is suspended while case \(hold.caseID) is pending (\(hold.article)); \(step.nameEn) cannot take place",
            article: hold.article
        )
    }
}

/// A duty a case puts on the tenderer, purchaser or supervisor.
public enum CaseDuty: String, Sendable, Codable, CaseIterable {
    /// 受理 — decide whether to accept a complaint (条例61).
    case accept
    /// 答复 — answer an objection or challenge (条例22, 54; 采法53).
    case answer
    /// 作出处理决定 — decide a complaint (条例61; 采法56).
    case decide
    /// 暂停期限 — the longest a procurement may stay suspended (采法57).
    case endSuspension = "end-suspension"

    /// The name shown to users in Chinese.
    public var nameZh: String {
        switch self {
        case .accept: "受理"
        case .answer: "答复"
        case .decide: "作出处理决定"
        case .endSuspension: "结束暂停"
        }
    }
}

/// 期限 — a deadline to watch: the duty, the instant it falls due (24:00 of its last day) and its article.
public struct CaseDeadline: Sendable, Codable, Equatable {
    /// What must be done.
    public var duty: CaseDuty
    /// Doing it at or after this instant is late.
    public var due: Date
    /// The last day, in Beijing time.
    public var lastDay: LocalDate
    /// The article that sets the period.
    public var article: String

    /// A deadline at 24:00 of `lastDay`.
    public init(duty: CaseDuty, lastDay: LocalDate, article: String) {
        self.duty = duty
        self.due = lastDay.endInstant
        self.lastDay = lastDay
        self.article = article
    }

    /// A deadline at an instant that is not the end of a day (an answer on the spot, 条例44).
    public init(duty: CaseDuty, due: Date, article: String) {
        self.duty = duty
        self.due = due
        self.lastDay = LocalDate.lastDay(endingAt: due)
        self.article = article
    }
}
