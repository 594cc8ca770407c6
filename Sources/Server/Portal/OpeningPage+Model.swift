import Foundation
import TradingCore

/// `/projects/{p}/lots/{l}/opening` — 开标大厅: the countdown to the opening, the custodians, the frozen bid count,
/// the price sheet once opened, and the objections; forms for the custodians, the bidders and the runner.
/// The page is rendered with the current status; `opening.js` keeps it live from the event stream.
struct OpeningPageModel: Sendable {
    struct Custodian: Sendable {
        var position: Int
        var name: String
        var released: Bool
        var releasedAt: String?
    }

    struct Row: Sendable {
        var position: Int
        var bidderName: String
        var price: String
    }

    struct SetAside: Sendable {
        var position: Int
        var bidderName: String
        var treatmentZh: String
        var reason: String
    }

    struct Objection: Sendable {
        var bidderName: String
        var text: String
        var raisedAt: String
        var answer: String?
        var answeredAt: String?
    }

    var page: PageChrome
    var projectTitle: String
    var projectURL: String
    var lotNumber: Int64
    var lotTitle: String
    var apiBase: String
    var sealed: Bool
    var phaseZh: String
    var phase: String
    var deadline: String?
    var threshold: Int
    var custodianCount: Int
    var custodians: [Custodian]
    var bidCount: String
    var opened: Bool
    var rows: [Row]
    var setAside: [SetAside]
    var objections: [Objection]
    var hasObjections: Bool
    var failure: String?
    var recordSHA256: String?
    var recordURL: String?
    /// The status as JSON for the script, with `<` escaped so no text can close the script element.
    var statusJSON: String
    var custodianPositions: String
    var isCustodian: Bool
    var isBidder: Bool
    var isRunner: Bool

    init(_ status: OpeningRoomStatus, view: ProjectView, lot: LotView, viewer: OpeningRoom.Viewer, chrome: PageChrome) throws {
        let name = { (id: String) in status.parties[id] ?? id }
        self.page = chrome
        self.projectTitle = view.title
        self.projectURL = "/projects/\(view.id)"
        self.lotNumber = lot.number
        self.lotTitle = lot.title
        self.apiBase = "/api/v1/projects/\(view.id)/lots/\(lot.id)"
        self.sealed = status.sealed
        self.phaseZh = status.phaseZh
        self.phase = status.phase.rawValue
        self.deadline = status.deadline.map { StatutoryChecks.localText($0) }
        self.threshold = status.threshold
        self.custodianCount = status.custodians.count
        self.custodians = status.custodians.map {
            Custodian(position: $0.position, name: $0.name, released: $0.released, releasedAt: $0.releasedAt.map { StatutoryChecks.localText($0) })
        }
        self.bidCount = status.bidCount.map { "\($0) 份" } ?? "截止后公布"
        self.opened = status.priceSheet != nil
        self.rows = (status.priceSheet ?? []).map { Row(position: $0.position, bidderName: name($0.bidderID), price: $0.readOut.price.yuanText) }
        self.setAside = status.setAside.map { SetAside(position: $0.position, bidderName: name($0.bidderID), treatmentZh: $0.treatment.nameZh, reason: $0.failure.zh) }
        self.objections = status.objections.map {
            Objection(
                bidderName: name($0.bidderID), text: $0.text, raisedAt: StatutoryChecks.localText($0.raisedAt),
                answer: $0.answer?.text, answeredAt: $0.answer.map { StatutoryChecks.localText($0.answeredAt) }
            )
        }
        self.hasObjections = !status.objections.isEmpty
        self.failure = status.failure
        self.recordSHA256 = status.record?.sha256
        self.recordURL = status.record?.url
        self.statusJSON = try status.json().replacingOccurrences(of: "<", with: "\\u003c")
        self.custodianPositions = viewer.custodianPositions.map(String.init).joined(separator: ",")
        self.isCustodian = status.sealed && !viewer.custodianPositions.isEmpty
        self.isBidder = viewer.bidder
        self.isRunner = viewer.runner
    }
}
