import ExpertDraw
import Foundation
import SQLKit
import Storage
import TradingCore
import WitnessLog

extension ExpertDrawService {
    /// A drawn expert's invitation as the expert sees it.
    public struct InvitationView: Sendable, Codable {
        /// The invitation id.
        public var id: String
        /// The draw.
        public var drawId: String
        /// The project.
        public var projectId: String
        /// The lot.
        public var lotId: String
        /// The project's title.
        public var projectTitle: String
        /// The lot's title.
        public var lotTitle: String
        /// The seat's category.
        public var category: String
        /// `pending`, `accepted`, `declined`.
        public var status: String
        /// The decline's reason.
        public var reason: String?
        /// When the expert was invited, RFC 3339.
        public var createdAt: String
    }

    /// A message of the expert's inbox.
    public struct MessageView: Sendable, Codable {
        /// The message id.
        public var id: String
        /// Subject (Chinese / English).
        public var subject: String
        /// Text.
        public var body: String
        /// A platform path it refers to.
        public var link: String?
        /// When, RFC 3339.
        public var createdAt: String
    }

    /// Phases in which a drawn expert may still accept or decline: until the result is recorded.
    static let answerablePhases: Set<TenderPhase> = [.announced, .biddingClosed, .opened]

    struct PhaseRow: Decodable { var phase: String }

    /// Seats `expertID` (pending) and notifies the expert through the platform's ``Notifier``.
    static func invite(_ expertID: String, category: String, draw: ExpertDrawRow, platform: Platform, on db: any SQLDatabase) async throws {
        let invitation = ExpertInvitationRow(
            id: Identifiers.make(), drawId: draw.id, expertId: expertID, category: category, status: "pending", createdAt: platform.nowMillis()
        )
        try await db.insert("expert_invitations", invitation)
        try await platform.notifier.notify(ExpertMessage(
            expertID: expertID, subject: "评标专家抽取通知 / You were drawn for an evaluation committee",
            body: "您已被抽取为评标委员会成员（专业\(category)），请在平台确认是否参加；如不能参加请说明理由。名单在结果公布前保密。\n"
                + "You were drawn for an evaluation committee (category \(category)). Accept or decline with a reason on the platform. "
                + "Keep it confidential until the result is published.",
            link: "/api/v1/my/invitations/\(invitation.id)"
        ), on: db)
    }

    /// The signed-in expert's registry id.
    func expertID(of actor: Actor, on db: any SQLDatabase) async throws -> String {
        guard actor.role == .expert else { throw TradingError.forbidden("只有评标专家可以查看抽取通知", en: "Only experts have invitations") }
        struct Ref: Decodable { var id: String }
        guard let expert = try await db.row("SELECT id FROM experts WHERE account_id = \(bind: actor.accountID)", as: Ref.self) else {
            throw TradingError.notFound("Expert record of this account", zh: "与本账户关联的专家记录")
        }
        return expert.id
    }

    /// The signed-in expert's invitations, newest first.
    public func invitations(by actor: Actor) async throws -> [InvitationView] {
        try await self.platform.engine.read { db in
            let expertID = try await self.expertID(of: actor, on: db)
            struct Row: Decodable {
                var id: String; var drawId: String; var projectId: String; var lotId: String; var projectTitle: String; var lotTitle: String
                var category: String; var status: String; var reason: String?; var createdAt: Int64
            }
            let rows = try await db.rows(
                """
                SELECT i.id, i.draw_id, d.project_id, d.lot_id, p.title AS project_title, l.title AS lot_title, i.category, i.status, i.reason, i.created_at
                FROM expert_invitations i JOIN expert_draws d ON d.id = i.draw_id JOIN projects p ON p.id = d.project_id JOIN lots l ON l.id = d.lot_id
                WHERE i.expert_id = \(bind: expertID) ORDER BY i.created_at DESC, i.id
                """, as: Row.self
            )
            return rows.map {
                InvitationView(id: $0.id, drawId: $0.drawId, projectId: $0.projectId, lotId: $0.lotId, projectTitle: $0.projectTitle, lotTitle: $0.lotTitle,
                               category: $0.category, status: $0.status, reason: $0.reason, createdAt: Timestamps.rfc3339(Timestamps.date($0.createdAt)))
            }
        }
    }

    /// The signed-in expert's inbox, newest first.
    public func inbox(by actor: Actor) async throws -> [MessageView] {
        try await self.platform.engine.read { db in
            let expertID = try await self.expertID(of: actor, on: db)
            let rows = try await db.rows("SELECT * FROM inbox_messages WHERE expert_id = \(bind: expertID) ORDER BY created_at DESC, id", as: InboxMessageRow.self)
            return rows.map { MessageView(id: $0.id, subject: $0.subject, body: $0.body, link: $0.link, createdAt: Timestamps.rfc3339(Timestamps.date($0.createdAt))) }
        }
    }

    /// Accepts (`reason` nil) or declines (with a reason) a pending invitation. A decline takes the next reserve
    /// (``DrawBundle/decline(_:)``), who is invited and notified; all of it is logged (the reason as its SHA-256).
    public func answer(invitationID: String, accept: Bool, reason: String?, by actor: Actor) async throws -> InvitationView {
        let platform = self.platform
        let reason = reason?.trimmingCharacters(in: .whitespacesAndNewlines) ?? ""
        if !accept {
            guard (1...500).contains(reason.count) else {
                throw TradingError.invalid("decline-reason", zh: "拒绝参加须说明理由（不超过500字）", en: "A decline needs a reason (at most 500 characters)")
            }
        }
        try await platform.engine.transaction { db in
            let expertID = try await self.expertID(of: actor, on: db)
            guard let invitation = try await db.row(
                "SELECT * FROM expert_invitations WHERE id = \(bind: invitationID) AND expert_id = \(bind: expertID)", as: ExpertInvitationRow.self
            ) else { throw TradingError.notFound("Invitation", zh: "抽取通知") }
            guard invitation.status == "pending" || (!accept && invitation.status == "accepted") else {
                throw TradingError.conflict("invitation-answered", zh: "该通知已答复", en: "This invitation has already been answered")
            }
            guard let draw = try await db.row(
                SQLQueryString("SELECT * FROM expert_draws WHERE id = ") + "\(bind: invitation.drawId)" + SQLQueryString(platform.engine.forUpdate),
                as: ExpertDrawRow.self
            ), var bundle = try draw.bundle.map({ try Self.decode(DrawBundle.self, $0) }) else { throw TradingError.notFound("Draw", zh: "专家抽取") }
            let phase = try await db.row("SELECT phase FROM lots WHERE id = \(bind: draw.lotId)", as: PhaseRow.self).flatMap { TenderPhase(rawValue: $0.phase) }
            guard let phase, Self.answerablePhases.contains(phase) else {
                throw TradingError.conflict("invitation-closed", zh: "评标已结束，不能再答复", en: "The evaluation is over; the invitation can no longer be answered")
            }
            let now = platform.nowMillis()
            var data = ["draw": draw.id, "invitation": invitation.id]
            if accept {
                try await db.raw("UPDATE expert_invitations SET status = 'accepted', answered_at = \(bind: now) WHERE id = \(bind: invitation.id)").run()
            } else {
                let replacement: String
                do throws(DrawError) { replacement = try bundle.decline(expertID) } catch { throw Self.refusal(error) }
                try await db.raw(
                    "UPDATE expert_invitations SET status = 'declined', reason = \(bind: reason), answered_at = \(bind: now) WHERE id = \(bind: invitation.id)"
                ).run()
                try await db.raw("UPDATE expert_draws SET bundle = \(bind: try Self.json(bundle)) WHERE id = \(bind: draw.id)").run()
                try await Self.invite(replacement, category: invitation.category, draw: draw, platform: platform, on: db)
                data["decline"] = String(bundle.declines.count)
                data["reasonSha256"] = Hash.sha256(Data(reason.utf8)).hex
            }
            _ = try await LogRecords.append(
                LogEvent(type: accept ? "expert.invitation-accepted" : "expert.invitation-declined", project: draw.projectId, lot: draw.lotId,
                         actor: actor.logName, time: platform.clock.now(), data: data),
                on: db
            )
        }
        guard let view = try await self.invitations(by: actor).first(where: { $0.id == invitationID }) else {
            throw TradingError.notFound("Invitation", zh: "抽取通知")
        }
        return view
    }
}
