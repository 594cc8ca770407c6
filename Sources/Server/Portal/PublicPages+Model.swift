import Foundation
import TradingCore

/// `/` — the latest notices of each trading type.
struct HomePageModel: Sendable {
    struct Section: Sendable {
        var tradingType: String
        var nameZh: String
        var moreURL: String
        var notices: [NoticeSummaryModel]
        var empty: Bool
    }

    var page: PageChrome
    var sections: [Section]
}

/// `/notices` — filters, one page of notices, and the link to the next page.
struct NoticesPageModel: Sendable {
    var page: PageChrome
    var tradingTypes: [OptionModel]
    var kinds: [OptionModel]
    var phases: [OptionModel]
    var region: String
    var q: String
    var from: String
    var to: String
    var minWan: String
    var maxWan: String
    var notices: [NoticeSummaryModel]
    var empty: Bool
    var nextURL: String?
    var firstURL: String?
}

/// `/notices/{id}` — one notice, its body as paragraphs, and its project.
struct NoticePageModel: Sendable {
    var page: PageChrome
    var title: String
    var kindZh: String
    var tradingTypeZh: String
    var region: String
    var publishedAt: String
    var endsAt: String?
    var paragraphs: [String]
    var projectURL: String
    /// The connected platform (分平台) that pushed the notice, linked to its data-quality page.
    var source: NoticeSourceModel? = nil
}

/// The source platform of a pushed notice.
struct NoticeSourceModel: Sendable {
    var name: String
    var url: String
}

/// `/projects/{id}` — the public face of a project: lots, phases, deadlines, documents and notices.
struct ProjectPageModel: Sendable {
    var page: PageChrome
    var project: ProjectSummaryModel
    var lots: [LotModel]
    var documents: [DocumentModel]
    var hasDocuments: Bool
    var notices: [NoticeSummaryModel]
    var hasNotices: Bool
    /// A signed-in bidder gets a link to bid; runners get a link to manage.
    var workspaceURL: String?
    var workspaceLabel: String
    /// 异议/质疑/投诉 the visitor may see (runners, operator and regulator: all; a bidder: its own), and whether it may file.
    var complaints: ComplaintsOnProject = .init()
}

/// The facts about a project that several pages show.
struct ProjectSummaryModel: Sendable {
    var id: String
    var title: String
    var dealCode: String
    var tradingTypeZh: String
    var procedureZh: String
    var region: String
    var funding: String?
    var tendererName: String
    var published: Bool
    var createdAt: String
    var description: [String]
    var publicURL: String
    var workspaceURL: String
    /// The lots' phases in one line, e.g. "投标中".
    var phasesZh: String

    init(_ view: ProjectView, catalog: [String: CatalogEntry]) {
        let entry = catalog[view.catalogCode]
        self.id = view.id
        self.title = view.title
        self.dealCode = view.dealCode
        self.tradingTypeZh = entry?.tradingTypeZh ?? view.tradingType
        self.procedureZh = entry?.procedureZh ?? view.catalogCode
        self.region = view.region
        self.funding = view.funding.isEmpty ? nil : view.funding
        self.tendererName = view.tendererName
        self.published = view.published
        self.createdAt = PortalFormats.localText(view.createdAt) ?? ""
        self.description = PortalFormats.paragraphs(view.description)
        self.publicURL = "/projects/\(view.id)"
        self.workspaceURL = "/workspace/projects/\(view.id)"
        var phases: [String] = []
        for lot in view.lots where !phases.contains(lot.phaseZh) { phases.append(lot.phaseZh) }
        self.phasesZh = phases.joined(separator: "、")
    }
}
