import Foundation
import Hummingbird
import TradingCore

/// `/disclosure` — 信息公开率: the public report of the disclosure catalog, with charts drawn on the server.
extension PortalController {
    func addDisclosureRoutes(to router: Router<AppRequestContext>) {
        router.get("/disclosure", use: self.disclosurePage)
    }

    struct DisclosurePageModel: Sendable {
        struct Row: Sendable { var key: String; var onTime: Int; var late: Int; var missing: Int; var pending: Int; var rate: String; var onTimeRate: String }
        struct Outstanding: Sendable { var url: String; var title: String; var duty: String; var responsible: String; var dueAt: String; var outcome: String; var late: Bool }
        struct Duty: Sendable { var name: String; var types: String; var trigger: String; var within: String; var responsible: String; var basis: String }
        var page: PageChrome
        var from: String
        var to: String
        var rate: String
        var onTimeRate: String
        var charts: [String]
        var byTradingType: [Row]
        var byResponsible: [Row]
        var outstanding: [Outstanding]
        var hasOutstanding: Bool
        var duties: [Duty]
    }

    @Sendable func disclosurePage(_ request: Request, context: AppRequestContext) async throws -> Response {
        try await self.page(context, back: "/disclosure") {
            let (from, to) = try APIController.period(request, platform: self.platform)
            let report = try await self.platform.disclosure.report(from: from, to: to)
            let types = Dictionary(try await self.tradingTypes().map { ($0.code, $0.nameZh) }) { a, _ in a }
            let percent = { (value: Double?) in value.map { String(format: "%.1f%%", $0 * 100) } ?? "—" }
            let rows = { (groups: [DisclosureService.Group], name: (String) -> String) in
                groups.map { DisclosurePageModel.Row(key: name($0.key), onTime: $0.tally.onTime, late: $0.tally.late, missing: $0.tally.missing,
                                                     pending: $0.tally.pending, rate: percent($0.rate), onTimeRate: percent($0.onTimeRate)) }
            }
            let chart = { (title: String, groups: [DisclosureService.Group], name: (String) -> String) in
                BarChartSVG(title: title, bars: groups.compactMap { group in group.rate.map { .init(label: name(group.key), value: $0 * 100, text: percent($0)) } }).svg
            }
            let triggers: [DisclosureDuty.Trigger: String] = [
                .announced: "公告发布", .opened: "开标", .candidatesPublished: "候选人公示", .awarded: "定标", .contractSigned: "合同签订",
            ]
            let model = DisclosurePageModel(
                page: PageChrome(title: "信息公开率", actor: context.actor), from: from.description, to: to.description,
                rate: percent(report.rate), onTimeRate: percent(report.onTimeRate),
                charts: [chart("公开率（按交易类型）", report.byTradingType) { types[$0] ?? $0 }, chart("公开率（按月份）", report.byMonth) { $0 }],
                byTradingType: rows(report.byTradingType) { types[$0] ?? $0 }, byResponsible: rows(report.byResponsible) { $0 },
                outstanding: report.outstanding.map {
                    .init(url: "/projects/\($0.projectId)", title: $0.projectTitle, duty: $0.dutyZh, responsible: $0.responsible,
                          dueAt: PortalFormats.localText($0.dueAt) ?? $0.dueAt, outcome: $0.outcome.nameZh, late: $0.outcome == .late)
                },
                hasOutstanding: !report.outstanding.isEmpty,
                duties: DisclosureService.catalog.duties.map { duty in
                    .init(name: duty.nameZh, types: duty.tradingTypes.map { types[$0] ?? $0 }.joined(separator: "、"), trigger: triggers[duty.trigger] ?? duty.trigger.rawValue,
                          within: duty.within == 0 ? "当日" : "\(duty.within)\(duty.unit.nameZh)内", responsible: duty.responsible == .platform ? "平台自动发布" : "招标人/采购人（代理机构）",
                          basis: duty.basis)
                }
            )
            return try await PortalRenderer.render(model, template: "disclosure")
        }
    }
}
