import Foundation
import Hummingbird
import Storage
import TradingCore

/// Public pages: home, notices, projects. Anyone may read them (信息公开).
extension PortalController {
    @Sendable func home(_ request: Request, context: AppRequestContext) async throws -> Response {
        try await self.page(context) {
            guard context.actor == nil, self.done(request) == nil else {
                return try await PortalRenderer.render(try await self.homePage(request, context: context), template: "home")
            }
            let size = try await self.platform.engine.read { db in try await LogRecords.size(on: db) }
            let key = "\(size)/\(LocalDate(self.platform.clock.now()))"
            return try await self.homeCache.page(key: key) {
                try await PortalRenderer.page(try await self.homePage(request, context: context), template: "home")
            }
        }
    }

    /// The newest notices of each trading type.
    func homePage(_ request: Request, context: AppRequestContext) async throws -> HomePageModel {
        let types = try await self.tradingTypes()
        let names = Dictionary(types.map { ($0.code, $0.nameZh) }) { a, _ in a }
        var sections: [HomePageModel.Section] = []
        for type in types {
            let page = try await self.platform.notices.list(.init(tradingType: type.code), limit: 5, cursor: nil)
            let notices = page.items.map { NoticeSummaryModel($0, tradingTypes: names) }
            sections.append(.init(tradingType: type.code, nameZh: type.nameZh, moreURL: "/notices?tradingType=\(type.code)", notices: notices, empty: notices.isEmpty))
        }
        return HomePageModel(page: PageChrome(title: "公共资源交易平台", actor: context.actor, done: self.done(request)), sections: sections)
    }

    @Sendable func notices(_ request: Request, context: AppRequestContext) async throws -> Response {
        try await self.page(context, back: "/notices") {
            let query = request.uri.queryParameters
            let value = { (name: Substring) in query[name].map(String.init)?.trimmingCharacters(in: .whitespaces) ?? "" }
            let tradingType = value("tradingType"), kind = value("kind"), region = value("region"), q = value("q")
            let from = value("from"), to = value("to"), phase = value("phase"), minWan = value("minWan"), maxWan = value("maxWan")
            let types = try await self.tradingTypes()
            let names = Dictionary(types.map { ($0.code, $0.nameZh) }) { a, _ in a }
            let cursor = value("cursor")
            let filter = NoticeService.Filter(
                tradingType: tradingType, kind: kind, region: region, query: q, from: try APIController.day(Substring(from), name: "from"),
                to: try APIController.day(Substring(to), name: "to"), phase: try APIController.phase(Substring(phase)),
                minEstimateFen: try Self.wanToFen(minWan, name: "minWan"), maxEstimateFen: try Self.wanToFen(maxWan, name: "maxWan")
            )
            let result = try await self.platform.notices.list(filter, limit: 20, cursor: cursor.isEmpty ? nil : cursor)
            let filters = ["tradingType": tradingType, "kind": kind, "region": region, "q": q, "from": from, "to": to, "phase": phase, "minWan": minWan, "maxWan": maxWan]
            let filterQuery = Self.query(filters)
            let model = NoticesPageModel(
                page: PageChrome(title: "交易公告", actor: context.actor),
                tradingTypes: [OptionModel(value: "", label: "全部交易类型", selected: tradingType.isEmpty)]
                    + types.map { OptionModel(value: $0.code, label: $0.nameZh, selected: $0.code == tradingType) },
                kinds: [OptionModel(value: "", label: "全部公告类型", selected: kind.isEmpty)]
                    + NoticeKind.allCases.map { OptionModel(value: $0.rawValue, label: $0.nameZh, selected: $0.rawValue == kind) },
                phases: [OptionModel(value: "", label: "全部状态", selected: phase.isEmpty)]
                    + TenderPhase.allCases.filter { $0 != .draft }.map { OptionModel(value: $0.rawValue, label: $0.nameZh, selected: $0.rawValue == phase) },
                region: region, q: q, from: from, to: to, minWan: minWan, maxWan: maxWan,
                notices: result.items.map { NoticeSummaryModel($0, tradingTypes: names) }, empty: result.items.isEmpty,
                nextURL: result.nextCursor.map { "/notices?" + Self.query(filters.merging(["cursor": $0]) { $1 }) },
                firstURL: cursor.isEmpty ? nil : "/notices?" + filterQuery
            )
            return try await PortalRenderer.render(model, template: "notices")
        }
    }

    @Sendable func notice(_ request: Request, context: AppRequestContext) async throws -> Response {
        try await self.page(context, back: "/notices") {
            let notice = try await self.platform.notices.notice(try context.parameters.require("notice"))
            let names = Dictionary(try await self.tradingTypes().map { ($0.code, $0.nameZh) }) { a, _ in a }
            var model = NoticePageModel(
                page: PageChrome(title: notice.title, actor: context.actor), title: notice.title, kindZh: notice.kindZh,
                tradingTypeZh: names[notice.tradingType] ?? notice.tradingType, region: notice.region,
                publishedAt: PortalFormats.localText(notice.publishedAt) ?? "", endsAt: PortalFormats.localText(notice.endsAt),
                paragraphs: PortalFormats.paragraphs(notice.body), projectURL: "/projects/\(notice.projectId)"
            )
            if let code = notice.sourcePlatform, let source = try? await self.platform.connectedPlatforms.view(code: code) {
                model.source = NoticeSourceModel(name: source.nameZh, url: "/platforms/\(code)")
            }
            return try await PortalRenderer.render(model, template: "notice")
        }
    }

    @Sendable func project(_ request: Request, context: AppRequestContext) async throws -> Response {
        try await self.page(context, back: "/notices") {
            let view = try await self.platform.tenders.project(try context.parameters.require("project"), for: context.actor)
            let notices = try await self.platform.notices.list(.init(projectID: view.id), limit: 100, cursor: nil)
            let catalog = try await self.catalogByCode()
            let names = Dictionary(try await self.tradingTypes().map { ($0.code, $0.nameZh) }) { a, _ in a }
            let parties = try await self.partyNames(LotModel.partyIDs(view.lots))
            var workspaceURL: String?
            var workspaceLabel = ""
            if let actor = context.actor, actor.role == .bidder || actor.role.runsProcedures || actor.role == .regulator || actor.role == .operator {
                workspaceURL = "/workspace/projects/\(view.id)"
                workspaceLabel = actor.role == .bidder ? "报名与投标" : "进入项目工作台"
            }
            let documents = view.documents.map(DocumentModel.init)
            var model = ProjectPageModel(
                page: PageChrome(title: view.title, actor: context.actor), project: ProjectSummaryModel(view, catalog: catalog),
                lots: view.lots.map { LotModel($0, partyNames: parties) }, documents: documents, hasDocuments: !documents.isEmpty,
                notices: notices.items.map { NoticeSummaryModel($0, tradingTypes: names) }, hasNotices: !notices.items.isEmpty,
                workspaceURL: workspaceURL, workspaceLabel: workspaceLabel
            )
            model.complaints = try await self.complaintsOnProject(view, actor: context.actor)
            return try await PortalRenderer.render(model, template: "project")
        }
    }

    func catalogByCode() async throws -> [String: CatalogEntry] {
        Dictionary(try await self.platform.catalog.entries().map { ($0.code, $0) }) { a, _ in a }
    }

    func partyNames(_ ids: Set<String>) async throws -> [String: String] {
        var names: [String: String] = [:]
        for id in ids {
            if let party = try await self.platform.accounts.party(id) { names[id] = party.name }
        }
        return names
    }

    /// An amount in 万元 (ten thousand yuan, a whole number as the filter form asks) in fen; refused with zh/en otherwise.
    static func wanToFen(_ text: String, name: String) throws -> Int64? {
        guard !text.isEmpty else { return nil }
        guard let wan = Int64(text), wan >= 0, case let (fen, overflow) = wan.multipliedReportingOverflow(by: 1_000_000), !overflow else {
            throw TradingError.invalid("amount", zh: "金额应为不小于 0 的整数（万元）", en: "The amount \(name) must be a whole number of 10,000 yuan, 0 or more")
        }
        return fen
    }

    /// `a=1&b=2` with empty values left out and every value percent-encoded.
    static func query(_ items: [String: String]) -> String {
        let allowed = CharacterSet(charactersIn: "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~")
        return items.filter { !$0.value.isEmpty }.sorted { $0.key < $1.key }
            .map { "\($0.key)=\($0.value.addingPercentEncoding(withAllowedCharacters: allowed) ?? "")" }
            .joined(separator: "&")
    }
}
