import Foundation

/// 时间安排 — the instants of a tender that the statutory periods are checked against.
public struct TenderSchedule: Sendable, Codable, Equatable {
    /// 招标文件发出时间 — the documents are issued (the notice is published).
    public var documentsFrom: Date
    /// 招标文件获取截止时间 — the documents can be obtained until then.
    public var documentsUntil: Date
    /// 投标截止时间 — bids are refused from this instant on; the opening is at this instant (法34).
    public var bidDeadline: Date

    public init(documentsFrom: Date, documentsUntil: Date, bidDeadline: Date) {
        self.documentsFrom = documentsFrom
        self.documentsUntil = documentsUntil
        self.bidDeadline = bidDeadline
    }
}

/// 中标候选人 — one ranked candidate of the evaluation result (条例53: at most 3, ranked).
public struct TenderCandidate: Sendable, Codable, Equatable {
    public var rank: Int
    public var bidID: String
    public var partyID: String
    public var price: Money
    /// Evaluation score when the method scores (综合评估法), in hundredths of a point.
    public var scoreCentiPoints: Int64?

    enum CodingKeys: String, CodingKey {
        case rank, price, scoreCentiPoints
        case bidID = "bidId"
        case partyID = "partyId"
    }

    public init(rank: Int, bidID: String, partyID: String, price: Money, scoreCentiPoints: Int64? = nil) {
        self.rank = rank
        self.bidID = bidID
        self.partyID = partyID
        self.price = price
        self.scoreCentiPoints = scoreCentiPoints
    }
}

/// 定标结果 — the award decision.
public struct AwardDecision: Sendable, Codable, Equatable {
    public var candidate: TenderCandidate
    public var decidedAt: Date
    /// Why higher-ranked candidates were passed over (条例55), when the award is not to the first.
    public var passedOverReason: String?
    /// 合同签订期限 — the contract is due by this instant (法46).
    public var contractDue: Date
}
