import Foundation
import Hummingbird
import TradingCore

/// 异议、质疑与投诉 over the API.
extension APIController {
    func addComplaintRoutes(to group: RouterGroup<AppRequestContext>) {
        group.post("projects/:project/lots/:lot/complaints", use: self.fileComplaint)
        group.get("projects/:project/complaints", use: self.projectComplaints)
        group.get("complaints", use: self.allComplaints)
        group.post("complaints/:case/actions", use: self.complaintAction)
        group.post("complaints/:case/escalate", use: self.escalateComplaint)
    }

    struct ComplaintForm: Decodable {
        var kind: String
        var matter: String
        var request: String
        var knownAt: String?
        var priorCaseId: String?
    }

    struct ComplaintActionForm: Decodable {
        var action: String
        var outcome: String?
        var reasoning: String?
        var from: String?
    }

    struct EscalationForm: Decodable { var request: String }

    @Sendable func fileComplaint(_ request: Request, context: AppRequestContext) async throws -> EditedResponse<ComplaintView> {
        let actor = try context.requireActor()
        let form = try await request.decode(as: ComplaintForm.self, context: context)
        let knownAt = try form.knownAt.map { try Self.instant($0, field: "knownAt") }
        let view = try await self.platform.complaints.file(
            projectID: try context.parameters.require("project"), lotID: try context.parameters.require("lot"), kind: form.kind, matter: form.matter,
            request: form.request, knownAt: knownAt, priorCaseID: form.priorCaseId, by: actor
        )
        return .init(status: .created, response: view)
    }

    @Sendable func projectComplaints(_ request: Request, context: AppRequestContext) async throws -> Items<ComplaintView> {
        Items(items: try await self.platform.complaints.cases(projectID: try context.parameters.require("project"), by: try context.requireActor()))
    }

    @Sendable func allComplaints(_ request: Request, context: AppRequestContext) async throws -> Items<ComplaintView> {
        Items(items: try await self.platform.complaints.all(by: try context.requireActor()))
    }

    @Sendable func complaintAction(_ request: Request, context: AppRequestContext) async throws -> ComplaintView {
        let actor = try context.requireActor()
        let form = try await request.decode(as: ComplaintActionForm.self, context: context)
        return try await self.platform.complaints.act(
            caseID: try context.parameters.require("case"), action: form.action, outcome: form.outcome, reasoning: form.reasoning, from: form.from, by: actor
        )
    }

    @Sendable func escalateComplaint(_ request: Request, context: AppRequestContext) async throws -> EditedResponse<ComplaintView> {
        let actor = try context.requireActor()
        let form = try await request.decode(as: EscalationForm.self, context: context)
        return .init(status: .created, response: try await self.platform.complaints.escalate(caseID: try context.parameters.require("case"), request: form.request, by: actor))
    }
}

extension ComplaintView: ResponseEncodable {}
