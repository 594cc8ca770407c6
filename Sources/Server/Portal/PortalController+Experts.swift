import Foundation
import Hummingbird
import TradingCore

/// 抽取通知 — the expert's page: invitations to accept or decline (with a reason), and the in-platform inbox.
extension PortalController {
    func addExpertRoutes(to router: Router<AppRequestContext>) {
        router.get("/workspace/invitations", use: self.invitationsPage)
        router.post("/workspace/invitations/:invitation/accept", use: self.acceptInvitationForm)
        router.post("/workspace/invitations/:invitation/decline", use: self.declineInvitationForm)
    }

    @Sendable func invitationsPage(_ request: Request, context: AppRequestContext) async throws -> Response {
        guard let actor = context.actor else { return PortalRenderer.redirect("/login") }
        return try await self.page(context, back: "/workspace") {
            let invitations = try await self.platform.draws.invitations(by: actor)
            let messages = try await self.platform.draws.inbox(by: actor)
            let model = InvitationsPageModel(
                page: PageChrome(title: "抽取通知", actor: actor),
                invitations: invitations.map(InvitationsPageModel.Invitation.init), hasInvitations: !invitations.isEmpty,
                messages: messages.map { .init(subject: $0.subject, body: $0.body, time: PortalFormats.localText($0.createdAt) ?? $0.createdAt) }, hasMessages: !messages.isEmpty
            )
            return try await PortalRenderer.render(model, template: "invitations")
        }
    }

    @Sendable func acceptInvitationForm(_ request: Request, context: AppRequestContext) async throws -> Response {
        try await self.action(request, context, back: "/workspace/invitations") { actor, _ in
            _ = try await self.platform.draws.answer(invitationID: try context.parameters.require("invitation"), accept: true, reason: nil, by: actor)
            return "/workspace/invitations"
        }
    }

    @Sendable func declineInvitationForm(_ request: Request, context: AppRequestContext) async throws -> Response {
        try await self.action(request, context, back: "/workspace/invitations") { actor, form in
            _ = try await self.platform.draws.answer(
                invitationID: try context.parameters.require("invitation"), accept: false, reason: form["reason"], by: actor
            )
            return "/workspace/invitations"
        }
    }
}

/// The invitations page: each invitation with its state and answer forms, then the inbox.
struct InvitationsPageModel: Sendable {
    struct Invitation: Sendable {
        var id: String
        var projectTitle: String
        var lotTitle: String
        var category: String
        var statusZh: String
        var pending: Bool
        var answerable: Bool
        var reason: String?
        var workspace: String?

        init(_ view: ExpertDrawService.InvitationView) {
            self.id = view.id
            self.projectTitle = view.projectTitle
            self.lotTitle = view.lotTitle
            self.category = view.category
            self.statusZh = ["pending": "待确认", "accepted": "已确认参加", "declined": "已拒绝"][view.status] ?? view.status
            self.pending = view.status == "pending"
            self.answerable = view.status == "pending" || view.status == "accepted"
            self.reason = view.reason
            self.workspace = view.status == "accepted" ? "/workspace/evaluations/\(view.projectId)/\(view.lotId)" : nil
        }
    }

    struct Message: Sendable {
        var subject: String
        var body: String
        var time: String
    }

    var page: PageChrome
    var invitations: [Invitation]
    var hasInvitations: Bool
    var messages: [Message]
    var hasMessages: Bool
}
