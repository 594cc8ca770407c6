import Foundation
import TradingCore

/// The evaluation workspace page: what the member sees and the forms to fill.
struct EvaluationPageModel: Sendable {
    struct Bid: Sendable {
        var id: String
        var bidder: String
        var price: String
        var votedReject: Bool
        var sme: Bool
        var decision: String?
        var valid: Bool
        var scores: [Cell]
    }

    struct Cell: Sendable {
        var name: String
        var criterion: String
        var maxPoints: String
        var value: String
        var outlier: Bool
    }

    struct Signature: Sendable {
        var name: String
        var dissent: String?
    }

    var page: PageChrome
    var projectTitle: String
    var lotTitle: String
    var path: String
    var methodZh: String
    var comprehensive: Bool
    var members: String
    var isMember: Bool
    var bids: [Bid]
    var reviewed: String
    var scored: String
    var canScore: Bool
    var flags: [String]
    var hasFlags: Bool
    var hasReport: Bool
    var reportBody: String
    var reportSha256: String
    var reportComplete: Bool
    var signatures: [Signature]
    var unsigned: String
    var canSign: Bool

    init(_ view: EvaluationService.WorkspaceView, chrome: PageChrome) {
        self.page = chrome
        self.projectTitle = view.projectTitle
        self.lotTitle = view.lotTitle
        self.path = "/workspace/evaluations/\(view.projectId)/\(view.lotId)"
        self.comprehensive = view.sheet.method == "comprehensive"
        self.methodZh = self.comprehensive ? "综合评估法" : "经评审的最低投标价法"
        self.members = view.members.map(\.name).joined(separator: "、")
        self.isMember = view.me != nil
        var outliers: Set<String> = []
        self.flags = view.flags.map { flag in
            switch flag {
            case .objectiveDisagreement(let bid, let criterion):
                return "投标\(bid)的客观评审因素“\(criterion)”评分不一致（87§64），须复核"
            case .outlier(let bid, let criterion, let expert, let score):
                if expert == view.me { outliers.insert("\(bid)|\(criterion)") }
                return "\(expert)对投标\(bid)“\(criterion)”的评分\(score)畸高或畸低（87§64），须书面说明"
            }
        }
        self.hasFlags = !self.flags.isEmpty
        let criteria = view.sheet.criteria.filter { $0.kind != .price }
        self.bids = view.bids.map { bid in
            let vote = view.myVotes.first { $0.bidID == bid.bidId }
            return Bid(
                id: bid.bidId, bidder: bid.bidder, price: PortalFormats.yuan(bid.priceFen),
                votedReject: vote.map { !($0.qualification && $0.compliance) } ?? false, sme: vote?.smallOrMicro ?? false,
                decision: view.decisions[bid.bidId].map { $0 ? "通过" : "否决" }, valid: view.decisions[bid.bidId] == true,
                scores: criteria.map { criterion in
                    Cell(name: "s_\(bid.bidId)_\(criterion.id)", criterion: criterion.name, maxPoints: criterion.maxPoints.description,
                         value: view.myScores[bid.bidId]?[criterion.id]?.description ?? "", outlier: outliers.contains("\(bid.bidId)|\(criterion.id)"))
                }
            )
        }
        self.reviewed = "\(view.reviewed.count)/\(view.members.count)"
        self.scored = "\(view.scored.count)/\(view.members.count)"
        self.canScore = self.isMember && self.comprehensive && !view.decisions.isEmpty && view.report == nil
        self.hasReport = view.report != nil
        self.reportBody = view.report?.body ?? ""
        self.reportSha256 = view.report?.sha256 ?? ""
        self.reportComplete = view.report?.status == "complete"
        self.signatures = view.report?.signatures.map { Signature(name: $0.name, dissent: $0.dissent) } ?? []
        let names = Dictionary(uniqueKeysWithValues: view.members.map { ($0.id, $0.name) })
        self.unsigned = (view.report?.unsigned ?? []).map { names[$0] ?? $0 }.joined(separator: "、")
        self.canSign = self.isMember && view.report?.unsigned.contains(view.me ?? "") == true
    }
}
