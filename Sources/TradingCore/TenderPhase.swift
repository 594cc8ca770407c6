/// 标段状态 — where a lot stands in its tender lifecycle.
public enum TenderPhase: String, Sendable, Codable, CaseIterable {
    /// 草稿
    case draft
    /// 已发布公告，接受投标
    case announced
    /// 投标截止
    case biddingClosed = "bidding-closed"
    /// 已开标
    case opened
    /// 评标中
    case evaluation
    /// 中标候选人公示中
    case candidatesPublished = "candidates-published"
    /// 已定标
    case awarded
    /// 已签合同
    case contracted
    /// 已归档
    case archived
    /// 流标
    case failed
    /// 终止
    case terminated

    public var nameZh: String {
        switch self {
        case .draft: "草稿"
        case .announced: "投标中"
        case .biddingClosed: "投标截止"
        case .opened: "已开标"
        case .evaluation: "评标中"
        case .candidatesPublished: "候选人公示"
        case .awarded: "已定标"
        case .contracted: "已签合同"
        case .archived: "已归档"
        case .failed: "流标"
        case .terminated: "已终止"
        }
    }

    public var nameEn: String {
        switch self {
        case .draft: "Draft"
        case .announced: "Open for bids"
        case .biddingClosed: "Bidding closed"
        case .opened: "Opened"
        case .evaluation: "Under evaluation"
        case .candidatesPublished: "Candidates published"
        case .awarded: "Awarded"
        case .contracted: "Contract signed"
        case .archived: "Archived"
        case .failed: "Failed"
        case .terminated: "Terminated"
        }
    }

    /// Phases from which a procedure can still be terminated (终止).
    public var isTerminable: Bool {
        [.draft, .announced, .biddingClosed, .opened, .evaluation, .candidatesPublished].contains(self)
    }
}
