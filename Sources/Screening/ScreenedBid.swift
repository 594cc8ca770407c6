import Foundation

/// One bid as the screens see it: the price read out at the opening (唱标) plus the
/// platform's own traces of how and by whom the bid was prepared and submitted.
///
/// Optional fields are `nil` when the platform does not know them; a `nil` never
/// raises a flag. Money is integer fen (分); screens convert to `Double` only for
/// the statistics.
public struct ScreenedBid: Sendable, Hashable, Codable {
    /// The lot (标段/包) this bid was submitted to.
    public var tenderID: String
    /// The bidder (投标人), normally its unified social credit code.
    public var bidderID: String
    /// The bid price in fen.
    public var amountFen: Int64
    /// `true` for the awarded bid (中标/成交), `false` for a losing one, `nil` when no result is known.
    public var isWinner: Bool?
    /// `true` when the bid was rejected in evaluation (否决投标/无效投标).
    public var disqualified: Bool?
    /// The server's receipt time (the legal time of the bid).
    public var submittedAt: Date?
    /// Network address the bid was uploaded from.
    public var ip: String?
    /// Hardware fingerprint of the submitting machine (MAC, disk serial, CPU id …).
    public var machineID: String?
    /// Author or file-creation id found in the bid document's metadata (制作机器码/文件创建标识).
    public var docCreator: String?
    /// Bank account the bid deposit (投标保证金) was paid from.
    public var depositAccount: String?
    /// The project manager (项目负责人/项目经理) named in the bid.
    public var projectManager: String?
    /// The agent or person entrusted to handle the bid (委托代理人).
    public var agent: String?
    /// Plain text of the bid document (technical or commercial part), for the near-duplicate test
    /// of 条例40(四). Leave `nil` when unavailable; screening then skips that test.
    public var documentText: String?

    public init(
        tenderID: String,
        bidderID: String,
        amountFen: Int64,
        isWinner: Bool? = nil,
        disqualified: Bool? = nil,
        submittedAt: Date? = nil,
        ip: String? = nil,
        machineID: String? = nil,
        docCreator: String? = nil,
        depositAccount: String? = nil,
        projectManager: String? = nil,
        agent: String? = nil,
        documentText: String? = nil
    ) {
        self.tenderID = tenderID
        self.bidderID = bidderID
        self.amountFen = amountFen
        self.isWinner = isWinner
        self.disqualified = disqualified
        self.submittedAt = submittedAt
        self.ip = ip
        self.machineID = machineID
        self.docCreator = docCreator
        self.depositAccount = depositAccount
        self.projectManager = projectManager
        self.agent = agent
        self.documentText = documentText
    }

    /// A bid counts as valid unless it is known to be disqualified.
    public var isValid: Bool { self.disqualified != true }
}

/// One lot with all its bids, the unit every per-tender screen works on.
public struct ScreenedTender: Sendable, Hashable, Codable {
    public var id: String
    public var bids: [ScreenedBid]
    /// When the tender notice (招标公告) was published, the start of the submission period.
    public var publishedAt: Date?
    /// The bid deadline (投标截止时间), which is also the opening instant.
    public var deadline: Date?
    /// The tenderer's estimate, budget or ceiling price (招标控制价/预算金额) in fen.
    public var estimateFen: Int64?

    public init(id: String, bids: [ScreenedBid], publishedAt: Date? = nil, deadline: Date? = nil, estimateFen: Int64? = nil) {
        self.id = id
        self.bids = bids
        self.publishedAt = publishedAt
        self.deadline = deadline
        self.estimateFen = estimateFen
    }

    /// Groups a flat list of bids by `tenderID`, keeping first-seen order of tenders and bids.
    /// Tender-level facts (dates, estimate) are left `nil`; fill them in afterwards if known.
    public static func grouping(_ bids: [ScreenedBid]) -> [ScreenedTender] {
        var index: [String: Int] = [:]
        var tenders: [ScreenedTender] = []
        for bid in bids {
            if let i = index[bid.tenderID] {
                tenders[i].bids.append(bid)
            } else {
                index[bid.tenderID] = tenders.count
                tenders.append(ScreenedTender(id: bid.tenderID, bids: [bid]))
            }
        }
        return tenders
    }

    /// The awarded bids (normally zero or one).
    public var winners: [ScreenedBid] { self.bids.filter { $0.isWinner == true } }
}
