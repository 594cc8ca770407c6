/// The kinds of case an interested party can raise about a procedure. Each kind's numbers are data
/// (``ComplaintRules``); the kind only says who answers and where a case goes when the answer does not satisfy.
public enum ComplaintKind: String, Sendable, Codable, CaseIterable {
    /// 异议 — an objection to the tenderer about the documents, the opening or the evaluation result
    /// (条例22, 44, 54); the tenderer answers.
    case objection
    /// 质疑 — a challenge to the purchaser in government procurement (采法52–53); the purchaser answers.
    case challenge
    /// 投诉 — a complaint about a tender to the supervising department (条例60–62); the supervisor decides.
    case complaint
    /// 政府采购投诉 — a complaint to the procurement supervisor after a challenge (采法55–57); the supervisor decides.
    case procurementComplaint = "procurement-complaint"

    /// The name shown to users in Chinese.
    public var nameZh: String {
        switch self {
        case .objection: "异议"
        case .challenge: "质疑"
        case .complaint: "投诉"
        case .procurementComplaint: "政府采购投诉"
        }
    }

    /// The name shown to users in English.
    public var nameEn: String {
        switch self {
        case .objection: "objection"
        case .challenge: "challenge"
        case .complaint: "complaint"
        case .procurementComplaint: "procurement complaint"
        }
    }

    /// True when a supervising department decides the case (投诉); false when the tenderer or purchaser answers it.
    public var isDecidedBySupervisor: Bool {
        self == .complaint || self == .procurementComplaint
    }

    /// Where a case of this kind goes when its answer does not satisfy or comes too late:
    /// 异议 → 投诉 (条例60), 质疑 → 政府采购投诉 (采法55).
    public var escalatesTo: ComplaintKind? {
        switch self {
        case .objection: .complaint
        case .challenge: .procurementComplaint
        case .complaint, .procurementComplaint: nil
        }
    }
}

/// What a case is about. The matter fixes the filing window of an objection and the step a pause holds.
public enum ComplaintMatter: String, Sendable, Codable, CaseIterable {
    /// 资格预审文件 (条例22).
    case prequalificationDocuments = "prequalification-documents"
    /// 招标文件 / 采购文件 (条例22; 采法52).
    case documents
    /// 开标 (条例44).
    case opening
    /// 评标结果 / 中标候选人 (条例54).
    case candidates
    /// 招标投标活动 / 采购过程 — any other step of the procedure.
    case process
    /// 中标、成交结果.
    case result

    /// The name shown to users in Chinese.
    public var nameZh: String {
        switch self {
        case .prequalificationDocuments: "资格预审文件"
        case .documents: "招标（采购）文件"
        case .opening: "开标"
        case .candidates: "评标结果"
        case .process: "招标投标（采购）过程"
        case .result: "中标（成交）结果"
        }
    }

    /// The name shown to users in English.
    public var nameEn: String {
        switch self {
        case .prequalificationDocuments: "prequalification documents"
        case .documents: "tender documents"
        case .opening: "the opening"
        case .candidates: "the evaluation result"
        case .process: "the procedure"
        case .result: "the award"
        }
    }

    /// The first step that waits while a case on this matter holds the procedure: documents hold the opening,
    /// the evaluation result holds the award (条例22, 54), the award holds the contract.
    public var heldStep: ProcedureStep {
        switch self {
        case .prequalificationDocuments: .prequalification
        case .documents: .opening
        case .opening: .evaluation
        case .candidates, .process: .award
        case .result: .contract
        }
    }
}

/// Where a case stands.
public enum ComplaintPhase: String, Sendable, Codable, CaseIterable {
    /// 已提出 — a complaint waits for the supervisor to decide whether to accept it.
    case filed
    /// 已受理 — admissible; waits for the answer or the decision.
    case accepted
    /// 不予受理 — not admissible; ``ComplaintCase/inadmissibility`` says why.
    case rejected
    /// 已答复 — the tenderer or purchaser answered an objection or challenge.
    case answered
    /// 已作出处理决定 — the supervisor decided a complaint.
    case decided
    /// 已撤回 — the filer withdrew the case.
    case withdrawn
    /// 已办结 — closed; nothing more happens.
    case closed

    /// The name shown to users in Chinese.
    public var nameZh: String {
        switch self {
        case .filed: "已提出"
        case .accepted: "已受理"
        case .rejected: "不予受理"
        case .answered: "已答复"
        case .decided: "已作出处理决定"
        case .withdrawn: "已撤回"
        case .closed: "已办结"
        }
    }

    /// The name shown to users in English.
    public var nameEn: String {
        switch self {
        case .filed: "filed"
        case .accepted: "accepted"
        case .rejected: "rejected"
        case .answered: "answered"
        case .decided: "decided"
        case .withdrawn: "withdrawn"
        case .closed: "closed"
        }
    }
}

/// How an answer or a decision comes out.
public enum ComplaintOutcome: String, Sendable, Codable, CaseIterable {
    /// 成立 — the case is upheld.
    case upheld
    /// 部分成立 — the case is partly upheld.
    case partlyUpheld = "partly-upheld"
    /// 不成立（驳回） — the case is dismissed.
    case dismissed

    /// The name shown to users in Chinese.
    public var nameZh: String {
        switch self {
        case .upheld: "成立"
        case .partlyUpheld: "部分成立"
        case .dismissed: "不成立"
        }
    }
}
