import Foundation
import Hummingbird
import TradingCore

/// The regulator's pages (监管): the alert inbox with confirm/dismiss forms, and the one-screen overview.
extension PortalController {
    func addRegulatorRoutes(to router: Router<AppRequestContext>) {
        router.get("/regulator/alerts", use: self.alertInbox)
        router.post("/regulator/alerts/:alert/decision", use: self.decideAlert)
        router.get("/regulator/screen", use: self.regulatorScreen)
        self.addOversightRoutes(to: router)
    }

    /// `/regulator/alerts`: open alerts first, then the decided ones.
    @Sendable func alertInbox(_ request: Request, context: AppRequestContext) async throws -> Response {
        guard let actor = context.actor else { return PortalRenderer.redirect("/login") }
        return try await self.page(context, back: "/workspace") {
            let alerts = try await self.platform.supervision.alerts(status: nil, by: actor)
            let model = AlertInboxModel(
                page: PageChrome(title: "围标串标预警", actor: actor, done: self.done(request)),
                open: alerts.filter { $0.status == "open" }.map(AlertInboxModel.Item.init),
                decided: alerts.filter { $0.status != "open" }.map(AlertInboxModel.Item.init)
            )
            return try await PortalRenderer.render(model, template: "regulator-alerts")
        }
    }

    @Sendable func decideAlert(_ request: Request, context: AppRequestContext) async throws -> Response {
        try await self.action(request, context, back: "/regulator/alerts") { actor, form in
            _ = try await self.platform.supervision.decide(
                alertID: try context.parameters.require("alert"), decision: try form.required("decision", label: "处理结论"),
                note: try form.required("note", label: "处理意见"), by: actor
            )
            return "/regulator/alerts?done=alert"
        }
    }
}

/// The alert inbox page.
struct AlertInboxModel: Sendable {
    struct Item: Sendable {
        var id: String
        var projectURL: String
        var projectTitle: String
        var stageZh: String
        var code: String
        var severityZh: String
        var high: Bool
        var explanation: String
        var bidders: String
        var score: String
        var createdAt: String
        var statusZh: String
        var note: String

        init(_ alert: SupervisionAlert) {
            self.id = alert.id
            self.projectURL = "/projects/\(alert.projectId)"
            self.projectTitle = alert.projectTitle ?? alert.projectId
            self.stageZh = alert.stage == "result" ? "评标结果录入时" : "开标时"
            self.code = alert.code
            self.severityZh = ["high": "高", "medium": "中", "low": "低"][alert.severity] ?? alert.severity
            self.high = alert.severity == "high"
            self.explanation = alert.explanationZh
            self.bidders = alert.bidders.joined(separator: "、")
            self.score = String(format: "%.2f", alert.score)
            self.createdAt = alert.createdAt
            self.statusZh = ["confirmed": "已确认", "dismissed": "已排除"][alert.status] ?? "待处理"
            self.note = alert.note ?? ""
        }
    }

    var page: PageChrome
    var open: [Item]
    var decided: [Item]
    // Stored, not computed: the template engine reads stored properties only.
    var hasOpen: Bool
    var openCount: Int
    var hasDecided: Bool

    init(page: PageChrome, open: [Item], decided: [Item]) {
        self.page = page
        self.open = open
        self.decided = decided
        self.hasOpen = !open.isEmpty
        self.openCount = open.count
        self.hasDecided = !decided.isEmpty
    }
}

extension PortalController {
    /// `/regulator/screen?from=YYYY-MM-DD&to=YYYY-MM-DD&tradingType=…`: 一屏管交易 with server-rendered SVG charts.
    @Sendable func regulatorScreen(_ request: Request, context: AppRequestContext) async throws -> Response {
        guard let actor = context.actor else { return PortalRenderer.redirect("/login") }
        return try await self.page(context, back: "/workspace") {
            let query = request.uri.queryParameters
            let (from, to) = try ScreenPeriod.parse(from: query["from"].map(String.init), to: query["to"].map(String.init), now: self.platform.clock.now())
            let type = query["tradingType"].map(String.init).flatMap { $0.isEmpty ? nil : $0 }
            let screen = try await self.platform.supervision.screen(from: from, to: to, tradingType: type, by: actor)
            let entries = try await self.platform.catalog.entries()
            let types = Dictionary(entries.map { ($0.tradingType, $0.tradingTypeZh) }) { a, _ in a }
            let model = RegulatorScreenModel(screen, page: PageChrome(title: "一屏管交易", actor: actor),
                                             types: types.sorted { $0.key < $1.key }.map { OptionModel(value: $0.key, label: $0.value, selected: $0.key == type) })
            return try await PortalRenderer.render(model, template: "regulator-screen")
        }
    }
}

/// The period of the screen: `from` and `to` as local days; by default the last 365 days through today.
enum ScreenPeriod {
    static func parse(from: String?, to: String?, now: Date) throws -> (LocalDate, LocalDate) {
        func day(_ text: String?, _ fallback: LocalDate, field: String) throws -> LocalDate {
            guard let text, !text.isEmpty else { return fallback }
            guard let value = LocalDate(iso: text) else {
                throw TradingError.invalid("screen-period", zh: "\(field) 应为 YYYY-MM-DD 格式的日期", en: "\(field) must be a date YYYY-MM-DD")
            }
            return value
        }
        let end = try day(to, LocalDate(now), field: "to")
        return (try day(from, end.adding(days: -364), field: "from"), end)
    }
}

/// The regulator's screen page: figures and charts.
struct RegulatorScreenModel: Sendable {
    struct Figure: Sendable {
        var label: String
        var value: String
        var definition: String
    }

    var page: PageChrome
    var from: String
    var to: String
    var types: [OptionModel]
    var figures: [Figure]
    var charts: [String]
    var rows: [Row]

    struct Row: Sendable {
        var label: String
        var lots: Int
        var electronic: String
        var remote: String
        var disclosure: String
        var bidders: String
        var savings: String
        var cycle: String
    }

    init(_ screen: SupervisionScreen, page: PageChrome, types: [OptionModel]) {
        self.page = page
        self.from = screen.from
        self.to = screen.to
        self.types = types
        let m = screen.overall
        self.figures = [
            Figure(label: "招标项目（标段）", value: "\(m.lots)", definition: "期间内发布招标公告的标段数"),
            Figure(label: "电子化交易率", value: Self.percent(m.electronicRate), definition: "全程在平台递交并开标的标段 / 已开标标段"),
            Figure(label: "不见面开标率", value: Self.percent(m.remoteOpeningRate), definition: "密封投标远程解密开标的标段 / 已开标标段"),
            Figure(label: "信息公开率", value: Self.percent(m.disclosureRate), definition: "已发布的法定公告 / 应发布的法定公告"),
            Figure(label: "平均投标人数", value: Self.decimal(m.biddersPerTender), definition: "已开标标段的有效投标数均值"),
            Figure(label: "节资率", value: Self.percent(m.savingsRate), definition: "（控制价合计 − 中标价合计）/ 控制价合计，已定标标段"),
            Figure(label: "交易周期（天）", value: "\(Self.decimal(m.cycleDaysMean)) / \(Self.decimal(m.cycleDaysMedian))", definition: "招标公告至定标，均值 / 中位数"),
            Figure(label: "预警", value: "\(screen.alertsByType.reduce(0) { $0 + $1.count })", definition: "期间内产生的围标串标预警"),
        ]
        let byType = screen.byTradingType
        self.charts = [
            BarChartSVG(title: "平均投标人数（按交易类型）", bars: byType.map { .init(label: $0.labelZh, value: $0.measures.biddersPerTender ?? 0, text: Self.decimal($0.measures.biddersPerTender)) }).svg,
            BarChartSVG(title: "节资率（按交易类型）", bars: byType.map { .init(label: $0.labelZh, value: max(0, $0.measures.savingsRate ?? 0), text: Self.percent($0.measures.savingsRate)) }).svg,
            BarChartSVG(title: "交易周期均值（天，按交易类型）", bars: byType.map { .init(label: $0.labelZh, value: $0.measures.cycleDaysMean ?? 0, text: Self.decimal($0.measures.cycleDaysMean)) }).svg,
            BarChartSVG(title: "信息公开率（按交易类型）", bars: byType.map { .init(label: $0.labelZh, value: $0.measures.disclosureRate ?? 0, text: Self.percent($0.measures.disclosureRate)) }).svg,
            BarChartSVG(title: "标段数（按月）", bars: screen.byMonth.map { .init(label: $0.key, value: Double($0.measures.lots), text: "\($0.measures.lots)") }).svg,
            BarChartSVG(title: "预警（按类型）", bars: screen.alertsByType.map { .init(label: $0.code, value: Double($0.count), text: "\($0.count)") }).svg,
        ]
        self.rows = (byType + screen.byMonth).map { group in
            let m = group.measures
            return Row(label: group.labelZh, lots: m.lots, electronic: Self.percent(m.electronicRate), remote: Self.percent(m.remoteOpeningRate),
                       disclosure: Self.percent(m.disclosureRate), bidders: Self.decimal(m.biddersPerTender), savings: Self.percent(m.savingsRate),
                       cycle: Self.decimal(m.cycleDaysMean))
        }
    }

    static func percent(_ value: Double?) -> String {
        value.map { String(format: "%.1f%%", $0 * 100) } ?? "—"
    }

    static func decimal(_ value: Double?) -> String {
        value.map { String(format: "%.1f", $0) } ?? "—"
    }
}
