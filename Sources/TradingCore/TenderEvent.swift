import Foundation

/// What happens to a lot; input to ``TenderLifecycle/handle(_:now:calendar:)``.
public enum TenderEvent: Sendable, Equatable {
    /// Publish the tender notice with the bid deadline and the end of the document period, checking each lot's deposit.
    case announce(bidDeadline: Date, documentsUntil: Date, lots: [LotAmounts])
    /// 澄清/修改; one that affects bids less than the lead time before the deadline moves the deadline (条例21).
    case clarify(affectsBids: Bool)
    /// At the deadline: the number of bids received decides between opening and 流标 (法28).
    case closeBidding(bids: Int)
    /// 开标.
    case open
    /// 评标结果: the ranked candidates (entered by hand until the evaluation module lands).
    case recordResult([TenderCandidate])
    /// 中标候选人公示 until the given instant (条例54: ≥ 3 days).
    case publishCandidates(until: Date)
    /// 定标: the candidate of the given rank; another than the first needs a reason (条例55).
    case award(rank: Int, passedOverReason: String?)
    /// 签订合同.
    case signContract
    /// 归档.
    case archive
    /// 流标 after the opening (e.g. every bid rejected in evaluation).
    case declareFailed(reasonZh: String, reasonEn: String)
    /// 终止.
    case terminate(reasonZh: String, reasonEn: String)
    /// 重新招标 after a failure.
    case retender

    var nameZh: String {
        switch self {
        case .announce: "发布公告"
        case .clarify: "发布澄清"
        case .closeBidding: "截止投标"
        case .open: "开标"
        case .recordResult: "录入评标结果"
        case .publishCandidates: "公示候选人"
        case .award: "定标"
        case .signContract: "签订合同"
        case .archive: "归档"
        case .declareFailed: "宣布流标"
        case .terminate: "终止"
        case .retender: "重新招标"
        }
    }

    var nameEn: String {
        switch self {
        case .announce: "announce"
        case .clarify: "clarify"
        case .closeBidding: "close bidding"
        case .open: "open the bids"
        case .recordResult: "record the result"
        case .publishCandidates: "publish candidates"
        case .award: "award"
        case .signContract: "sign the contract"
        case .archive: "archive"
        case .declareFailed: "declare the tender failed"
        case .terminate: "terminate"
        case .retender: "re-tender"
        }
    }
}

/// The amounts of one lot that the announcement checks (条例26: deposit ≤ 2 % of the estimate).
public struct LotAmounts: Sendable, Equatable, Codable {
    public var estimate: Money
    public var deposit: Money

    public init(estimate: Money, deposit: Money) {
        self.estimate = estimate
        self.deposit = deposit
    }
}

/// What the caller must do after an event; the state machine itself does no I/O.
public enum TenderEffect: Sendable, Equatable {
    case publishNotice(NoticeKind)
    case deadlineMoved(from: Date, to: Date)
    case contractDue(Date)
    /// The contract was signed after its due date (法46); recorded and shown to the regulator.
    case contractSignedLate(due: Date)
    /// Candidate publicity started more than 3 days after the report (条例54); recorded as a warning.
    case publicityStartedLate(reportedAt: Date)
}
