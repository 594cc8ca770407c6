import Foundation
import Hummingbird
import TradingCore

/// `/platforms` and `/platforms/{code}` — 分平台数据质量: public, like the data the platforms push. Per platform the
/// completeness, validity and timeliness rates by month (server-drawn SVG), the recent pushes and the items refused.
extension PortalController {
    func addPlatformRoutes(to router: Router<AppRequestContext>) {
        router.get("/platforms", use: self.platformsPage)
        router.get("/platforms/:code", use: self.platformQualityPage)
    }

    struct PlatformsPageModel: Sendable {
        struct Row: Sendable { var url: String; var name: String; var nameEn: String; var region: String; var types: String }
        var page: PageChrome
        var platforms: [Row]
        var empty: Bool
    }

    struct PlatformQualityPageModel: Sendable {
        struct Month: Sendable { var period: String; var items: Int; var completeness: String; var validity: String; var timeliness: String }
        struct Push: Sendable { var url: String; var kind: String; var receivedAt: String; var items: Int; var accepted: Int; var refused: Int }
        struct Refusal: Sendable { var kind: String; var receivedAt: String; var item: String; var reasons: [String] }
        var page: PageChrome
        var name: String
        var nameEn: String
        var code: String
        var region: String
        var types: String
        var from: String
        var to: String
        var items: Int
        var completeness: String
        var validity: String
        var timeliness: String
        var charts: [String]
        var months: [Month]
        var pushes: [Push]
        var hasPushes: Bool
        var refusals: [Refusal]
        var hasRefusals: Bool
    }

    @Sendable func platformsPage(_ request: Request, context: AppRequestContext) async throws -> Response {
        try await self.page(context, back: "/platforms") {
            let names = Dictionary(try await self.tradingTypes().map { ($0.code, $0.nameZh) }) { a, _ in a }
            let rows = try await self.platform.connectedPlatforms.all().map {
                PlatformsPageModel.Row(url: "/platforms/\($0.code)", name: $0.nameZh, nameEn: $0.nameEn, region: $0.region,
                                       types: $0.tradingTypes.map { names[$0] ?? $0 }.joined(separator: "、"))
            }
            let model = PlatformsPageModel(page: PageChrome(title: "分平台数据质量", actor: context.actor), platforms: rows, empty: rows.isEmpty)
            return try await PortalRenderer.render(model, template: "platforms")
        }
    }

    @Sendable func platformQualityPage(_ request: Request, context: AppRequestContext) async throws -> Response {
        try await self.page(context, back: "/platforms") {
            let query = request.uri.queryParameters
            let code = try context.parameters.require("code")
            let report = try await self.platform.pushQuality.report(
                code: code, from: try APIController.day(query["from"], name: "from"), to: try APIController.day(query["to"], name: "to")
            )
            let names = Dictionary(try await self.tradingTypes().map { ($0.code, $0.nameZh) }) { a, _ in a }
            let percent = { (value: Double?) in value.map { String(format: "%.1f%%", $0 * 100) } ?? "—" }
            let chart = { (title: String, rate: KeyPath<PlatformQualityService.Rates, Double?>) in
                BarChartSVG(title: title, bars: report.periods.compactMap { period in
                    period.rates[keyPath: rate].map { .init(label: period.period, value: $0 * 100, text: percent($0)) }
                }).svg
            }
            let kinds = Dictionary(PushKind.allCases.map { ($0.rawValue, $0.nameZh) }) { a, _ in a }
            let model = PlatformQualityPageModel(
                page: PageChrome(title: "\(report.platform.nameZh) · 数据质量", actor: context.actor), name: report.platform.nameZh, nameEn: report.platform.nameEn,
                code: report.platform.code, region: report.platform.region, types: report.platform.tradingTypes.map { names[$0] ?? $0 }.joined(separator: "、"),
                from: report.from, to: report.to, items: report.totals.items, completeness: percent(report.totals.completenessRate),
                validity: percent(report.totals.validityRate), timeliness: percent(report.totals.timelinessRate),
                charts: [chart("完整率 Completeness", \.completenessRate), chart("有效率 Validity", \.validityRate), chart("及时率 Timeliness", \.timelinessRate)],
                months: report.periods.map {
                    .init(period: $0.period, items: $0.rates.items, completeness: percent($0.rates.completenessRate), validity: percent($0.rates.validityRate),
                          timeliness: percent($0.rates.timelinessRate))
                },
                pushes: report.recentPushes.map {
                    .init(url: "/api/v1/platforms/\(code)/pushes/\($0.id)", kind: kinds[$0.kind] ?? $0.kind, receivedAt: PortalFormats.localText($0.receivedAt) ?? $0.receivedAt,
                          items: $0.items, accepted: $0.accepted, refused: $0.refused)
                },
                hasPushes: !report.recentPushes.isEmpty,
                refusals: report.refusedItems.map { item in
                    .init(kind: kinds[item.kind] ?? item.kind, receivedAt: PortalFormats.localText(item.receivedAt) ?? item.receivedAt,
                          item: item.id ?? "#\(item.position + 1)", reasons: item.findings.filter(\.refuses).map { "\($0.field)：\($0.zh)" })
                },
                hasRefusals: !report.refusedItems.isEmpty
            )
            return try await PortalRenderer.render(model, template: "platform")
        }
    }
}
