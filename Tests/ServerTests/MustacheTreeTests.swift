import Foundation
import Storage
import Testing
import TradingCore

@testable import Server

/// Pages render the same from the reflected-once tree as from the model itself (the template engine's own reflection).
@Suite struct MustacheTreeTests {
    static func notice(_ index: Int, query: String?) -> NoticeSummaryModel {
        var view = NoticeView(NoticeRow(
            id: "n\(index)", projectId: "p1", lotId: index % 2 == 0 ? nil : "l1", kind: index % 2 == 0 ? "announcement" : "result",
            title: "第\(index)号 <道路> 绿化工程", body: "项目概况：道路绿化 & 照明", tradingType: "engineering", region: "思明区",
            publishedAt: 1_790_000_000_000 + Int64(index) * 60_000, endsAt: index % 3 == 0 ? nil : 1_790_100_000_000
        ))
        if let query = query.flatMap(SearchQuery.init) { view.snippet = SearchSnippet(view.title + "。" + view.body, query: query) }
        return NoticeSummaryModel(view, tradingTypes: ["engineering": "工程建设"])
    }

    static func render(_ model: some Sendable, _ template: String) async throws -> (direct: String, tree: String) {
        let library = try await PortalRenderer.library.value
        return (library.render(model, withTemplate: template) ?? "missing", library.render(MustacheTree.of(model), withTemplate: template) ?? "missing")
    }

    @Test func homePage() async throws {
        let actor = Actor(accountID: "a1", username: "bidder1", role: .bidder, partyID: "p", displayName: "投标人 & 一")
        for chrome in [PageChrome(title: "公共资源交易平台", actor: nil), PageChrome(title: "首页", actor: actor, done: "bid")] {
            let model = HomePageModel(page: chrome, sections: [
                .init(tradingType: "engineering", nameZh: "工程建设", moreURL: "/notices?tradingType=engineering", notices: (0..<4).map { Self.notice($0, query: nil) }, empty: false),
                .init(tradingType: "land", nameZh: "土地", moreURL: "/notices?tradingType=land", notices: [], empty: true),
            ])
            let (direct, tree) = try await Self.render(model, "home")
            #expect(direct.contains("第3号") && direct.contains("土地"))
            #expect(tree == direct)
        }
    }

    @Test func noticesPageWithSnippetsAndFilters() async throws {
        for (query, next) in [("道路 绿化", "/notices?cursor=abc" as String?), ("", nil)] {
            let model = NoticesPageModel(
                page: PageChrome(title: "交易公告", actor: nil),
                tradingTypes: [OptionModel(value: "", label: "全部交易类型", selected: false), OptionModel(value: "engineering", label: "工程建设", selected: true)],
                kinds: [OptionModel(value: "", label: "全部公告类型", selected: true)],
                phases: TenderPhase.allCases.map { OptionModel(value: $0.rawValue, label: $0.nameZh, selected: $0 == .announced) },
                region: "思明区", q: query, from: "", to: "2026-11-24", minWan: "5", maxWan: "",
                notices: (0..<3).map { Self.notice($0, query: query) }, empty: false, nextURL: next, firstURL: next == nil ? "/notices" : nil
            )
            let (direct, tree) = try await Self.render(model, "notices")
            #expect(direct.contains("value=\"announced\" selected") && direct.contains("&lt;道路&gt;"))
            #expect(query.isEmpty || direct.contains("<mark>道路</mark>"))
            #expect(tree == direct)
        }
    }
}
