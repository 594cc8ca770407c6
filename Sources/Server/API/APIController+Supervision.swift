import Foundation
import Hummingbird
import Storage
import TradingCore

/// 智慧监管 over the API: the regulator's alert inbox and decisions, credit-list imports and complaints.
extension APIController {
    func addSupervisionRoutes(to group: RouterGroup<AppRequestContext>) {
        group.get("supervision/alerts", use: self.supervisionAlerts)
        group.post("supervision/alerts/:alert/decision", use: self.decideAlert)
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

extension SupervisionAlert: ResponseEncodable {}
