import Foundation
import Hummingbird
import TradingCore

/// The regulator's pages (监管): the alert inbox with confirm/dismiss forms, and the one-screen overview.
extension PortalController {
    func addRegulatorRoutes(to router: Router<AppRequestContext>) {
        router.get("/regulator/alerts", use: self.alertInbox)
        router.post("/regulator/alerts/:alert/decision", use: self.decideAlert)
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
    var hasOpen: Bool { !self.open.isEmpty }
    var openCount: Int { self.open.count }
    var hasDecided: Bool { !self.decided.isEmpty }
}
