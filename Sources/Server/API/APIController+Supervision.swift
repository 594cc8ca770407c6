import Foundation
import Hummingbird
import Storage
import TradingCore

/// 智慧监管 over the API: the regulator's alert inbox and decisions, credit-list imports and complaints.
extension APIController {
    func addSupervisionRoutes(to group: RouterGroup<AppRequestContext>) {
        group.get("supervision/alerts", use: self.supervisionAlerts)
        group.post("supervision/alerts/:alert/decision", use: self.decideAlert)
        group.get("supervision/screen", use: self.supervisionScreen)
        self.addCreditRoutes(to: group)
        self.addComplaintRoutes(to: group)
    }

    struct AlertDecisionForm: Decodable { var decision: String; var note: String }

    @Sendable func supervisionAlerts(_ request: Request, context: AppRequestContext) async throws -> Items<SupervisionAlert> {
        let actor = try context.requireActor()
        let query = request.uri.queryParameters
        return Items(items: try await self.platform.supervision.alerts(
            status: query["status"].map(String.init), projectID: query["projectId"].map(String.init), by: actor
        ))
    }

    @Sendable func decideAlert(_ request: Request, context: AppRequestContext) async throws -> SupervisionAlert {
        let actor = try context.requireActor()
        let form = try await request.decode(as: AlertDecisionForm.self, context: context)
        return try await self.platform.supervision.decide(alertID: try context.parameters.require("alert"), decision: form.decision, note: form.note, by: actor)
    }
}

extension APIController {
    /// `?from=YYYY-MM-DD&to=YYYY-MM-DD&tradingType=…` (default: the last 365 days, every trading type).
    @Sendable func supervisionScreen(_ request: Request, context: AppRequestContext) async throws -> SupervisionScreen {
        let actor = try context.requireActor()
        let query = request.uri.queryParameters
        let (from, to) = try ScreenPeriod.parse(from: query["from"].map(String.init), to: query["to"].map(String.init), now: self.platform.clock.now())
        return try await self.platform.supervision.screen(from: from, to: to, tradingType: query["tradingType"].map(String.init).flatMap { $0.isEmpty ? nil : $0 }, by: actor)
    }
}

extension SupervisionAlert: ResponseEncodable {}
extension SupervisionScreen: ResponseEncodable {}
