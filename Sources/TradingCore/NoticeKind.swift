/// 公告类型 — the kinds of notice a procedure publishes.
public enum NoticeKind: String, Sendable, Codable, CaseIterable {
    /// 招标公告
    case announcement
    /// 澄清/修改公告
    case clarification
    /// 开标记录
    case openingRecord = "opening-record"
    /// 中标候选人公示
    case candidates
    /// 中标结果公告
    case result
    /// 流标公告
    case failure
    /// 终止公告
    case termination

    public var nameZh: String {
        switch self {
        case .announcement: "招标公告"
        case .clarification: "澄清/修改公告"
        case .openingRecord: "开标记录"
        case .candidates: "中标候选人公示"
        case .result: "中标结果公告"
        case .failure: "流标公告"
        case .termination: "终止公告"
        }
    }

    public var nameEn: String {
        switch self {
        case .announcement: "Tender notice"
        case .clarification: "Clarification"
        case .openingRecord: "Opening record"
        case .candidates: "Candidate publicity"
        case .result: "Award notice"
        case .failure: "Failed tender notice"
        case .termination: "Termination notice"
        }
    }
}
