import Foundation

/// What happens to a case; input to ``ComplaintCase/handle(_:now:calendar:)``. Who may cause each event
/// (filer, tenderer or purchaser, supervisor) is checked by the server, not here.
public enum ComplaintEvent: Sendable, Equatable {
    /// 受理 — the supervisor accepts a complaint (条例61: within 3 working days of receipt).
    case accept
    /// 不予受理 — the supervisor finds a complaint not admissible.
    case reject(Inadmissibility)
    /// 答复 — the tenderer or purchaser answers an objection or challenge.
    case answer(ComplaintOutcome, reasoning: String)
    /// 处理决定 — the supervisor decides a complaint.
    case decide(ComplaintOutcome, reasoning: String)
    /// 责令暂停 — the deciding body orders the procedure paused from `from` on (条例62; 采法57).
    case orderSuspension(from: ProcedureStep)
    /// 恢复 — the deciding body lifts its order.
    case liftSuspension
    /// Testing, appraisal or expert review begins: its time does not count towards the decision (条例61).
    case pauseClock(reasonZh: String, reasonEn: String)
    /// The testing, appraisal or expert review ends: the decision deadline moves by the working days it took.
    case resumeClock
    /// 撤回 — the filer withdraws the case before the answer or decision.
    case withdraw
    /// 办结 — the case is closed after its answer, decision or rejection.
    case close

    var nameZh: String {
        switch self {
        case .accept: "受理"
        case .reject: "不予受理"
        case .answer: "答复"
        case .decide: "作出处理决定"
        case .orderSuspension: "责令暂停"
        case .liftSuspension: "恢复活动"
        case .pauseClock: "中止计算处理期限"
        case .resumeClock: "恢复计算处理期限"
        case .withdraw: "撤回"
        case .close: "办结"
        }
    }

    var nameEn: String {
        switch self {
        case .accept: "accept"
        case .reject: "reject"
        case .answer: "answer"
        case .decide: "decide"
        case .orderSuspension: "order a suspension"
        case .liftSuspension: "lift the suspension"
        case .pauseClock: "pause the decision clock"
        case .resumeClock: "resume the decision clock"
        case .withdraw: "withdraw"
        case .close: "close"
        }
    }
}

/// What the caller must do after an event; the case itself does no I/O.
public enum ComplaintEffect: Sendable, Equatable {
    /// Pause the procedure from the hold's step on (no opening, no award … while the case is pending).
    case suspendProcedure(ProcedureHold)
    /// Lift the hold; the procedure may go on unless another case holds it.
    case resumeProcedure(ProcedureHold)
    /// Watch this deadline; remind before it and flag the case when it passes.
    case watch(CaseDeadline)
    /// A watched deadline moved (time for expert review is not counted, 条例61).
    case deadlineMoved(from: CaseDeadline, to: CaseDeadline)
    /// A duty was done after its deadline; recorded and shown to the regulator.
    case doneLate(CaseDeadline)
    /// The case is not admissible; tell the filer why.
    case rejected(Inadmissibility)
}

/// 异议/质疑/投诉书 — what the filer submits.
public struct ComplaintFiling: Sendable, Codable, Equatable {
    /// The case number the platform gives.
    public var caseID: String
    /// The lot (or project) the case is about.
    public var lotID: String
    /// The party that files.
    public var filerID: String
    /// 明确的请求 — what the filer asks for (条例60: a complaint needs a clear request).
    public var request: String
    /// SHA-256 digests of the evidence documents (必要的证明材料, 条例60), kept in the content-addressed store.
    public var evidence: [String]

    /// A filing.
    public init(caseID: String, lotID: String, filerID: String, request: String, evidence: [String] = []) {
        self.caseID = caseID
        self.lotID = lotID
        self.filerID = filerID
        self.request = request
        self.evidence = evidence
    }
}

/// 答复 / 处理决定 — how a case was answered or decided, and when.
public struct ComplaintResolution: Sendable, Codable, Equatable {
    /// Upheld, partly upheld or dismissed.
    public var outcome: ComplaintOutcome
    /// The reasoning given.
    public var reasoning: String
    /// When it was given.
    public var at: Date
}
