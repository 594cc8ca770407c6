import Foundation
import Hummingbird
import Storage
import TradingCore

/// Routes of the expert registry, the expert draw and the experts' invitations and inbox.
extension APIController {
    func addExpertRoutes(to group: RouterGroup<AppRequestContext>) {
        group.get("experts/specialties", use: self.specialties)
        group.get("experts", use: self.experts)
        group.post("experts", use: self.createExpert)
        group.post("experts/import", use: self.importExperts)
        group.get("experts/:expert", use: self.expert)
        group.put("experts/:expert", use: self.updateExpert)
        group.get("experts/:expert/history", use: self.expertHistory)
        group.post("projects/:project/lots/:lot/draws", use: self.requestDraw)
        group.get("projects/:project/lots/:lot/draws/:draw", use: self.draw)
        group.post("projects/:project/lots/:lot/draws/:draw/reveal", use: self.revealContribution)
        group.post("projects/:project/lots/:lot/draws/:draw/beacon", use: self.recordBeacon)
        group.get("projects/:project/lots/:lot/draws/:draw/draw.json", use: self.drawBundle)
        group.get("my/invitations", use: self.myInvitations)
        group.post("my/invitations/:invitation/accept", use: self.acceptInvitation)
        group.post("my/invitations/:invitation/decline", use: self.declineInvitation)
        group.get("my/inbox", use: self.myInbox)
    }

    // MARK: registry

    @Sendable func specialties(_ request: Request, context: AppRequestContext) async throws -> Items<Specialty> {
        Items(items: ExpertService.specialties.roots)
    }

    @Sendable func experts(_ request: Request, context: AppRequestContext) async throws -> Items<ExpertService.ExpertView> {
        let query = request.uri.queryParameters
        return Items(items: try await self.platform.experts.list(
            status: query["status"].map(String.init), specialty: query["specialty"].map(String.init),
            limit: query["limit"].flatMap { Int(String($0)) } ?? 100, by: try context.requireActor()
        ))
    }

    struct ExpertForm: Decodable { var profile: ExpertProfile; var account: String? }

    @Sendable func createExpert(_ request: Request, context: AppRequestContext) async throws -> EditedResponse<ExpertService.ExpertView> {
        let actor = try context.requireActor()
        let form = try await request.decode(as: ExpertForm.self, context: context)
        return .init(status: .created, response: try await self.platform.experts.save(form.profile, account: form.account, replacing: false, by: actor))
    }

    @Sendable func expert(_ request: Request, context: AppRequestContext) async throws -> ExpertService.ExpertView {
        try await self.platform.experts.expert(try context.parameters.require("expert"), by: try context.requireActor())
    }

    @Sendable func updateExpert(_ request: Request, context: AppRequestContext) async throws -> ExpertService.ExpertView {
        let actor = try context.requireActor()
        var form = try await request.decode(as: ExpertForm.self, context: context)
        form.profile.id = try context.parameters.require("expert")
        return try await self.platform.experts.save(form.profile, account: form.account, replacing: true, by: actor)
    }

    @Sendable func expertHistory(_ request: Request, context: AppRequestContext) async throws -> Items<ExpertService.HistoryView> {
        Items(items: try await self.platform.experts.history(try context.parameters.require("expert"), by: try context.requireActor()))
    }

    /// Raw upload: the body is the CSV (UTF-8); the answer lists the refused rows with their reasons.
    @Sendable func importExperts(_ request: Request, context: AppRequestContext) async throws -> ExpertService.ImportReport {
        let actor = try context.requireActor()
        let bytes = try await self.collect(request)
        guard let text = String(validating: bytes, as: UTF8.self) else {
            throw TradingError.invalid("csv-encoding", zh: "CSV文件须为UTF-8编码", en: "The CSV must be UTF-8")
        }
        return try await self.platform.experts.importCSV(text, by: actor)
    }

    // MARK: draws

    @Sendable func requestDraw(_ request: Request, context: AppRequestContext) async throws -> EditedResponse<ExpertDrawService.DrawView> {
        let actor = try context.requireActor()
        let form = try await request.decode(as: ExpertDrawService.DrawRequest.self, context: context)
        let view = try await self.platform.draws.request(
            projectID: try context.parameters.require("project"), lotID: try context.parameters.require("lot"), form, by: actor
        )
        return .init(status: .created, response: view)
    }

    @Sendable func draw(_ request: Request, context: AppRequestContext) async throws -> ExpertDrawService.DrawView {
        try await self.platform.draws.view(
            projectID: try context.parameters.require("project"), lotID: try context.parameters.require("lot"),
            drawID: try context.parameters.require("draw"), for: context.actor
        )
    }

    struct RevealForm: Decodable { var party: String; var value: String }

    @Sendable func revealContribution(_ request: Request, context: AppRequestContext) async throws -> ExpertDrawService.DrawView {
        let actor = try context.requireActor()
        let form = try await request.decode(as: RevealForm.self, context: context)
        return try await self.platform.draws.reveal(
            projectID: try context.parameters.require("project"), lotID: try context.parameters.require("lot"),
            drawID: try context.parameters.require("draw"), party: form.party, value: form.value, by: actor
        )
    }

    /// The body is the drand round's JSON as given (`{"round", "randomness", "signature"}`), or empty when the draw
    /// committed to no beacon.
    @Sendable func recordBeacon(_ request: Request, context: AppRequestContext) async throws -> ExpertDrawService.DrawView {
        let actor = try context.requireActor()
        let bytes = try await self.collect(request)
        return try await self.platform.draws.draw(
            projectID: try context.parameters.require("project"), lotID: try context.parameters.require("lot"),
            drawID: try context.parameters.require("draw"), beacon: bytes.isEmpty ? nil : Data(bytes), by: actor
        )
    }

    @Sendable func drawBundle(_ request: Request, context: AppRequestContext) async throws -> Response {
        let data = try await self.platform.draws.bundle(
            projectID: try context.parameters.require("project"), lotID: try context.parameters.require("lot"),
            drawID: try context.parameters.require("draw"), for: context.actor
        )
        return Response(status: .ok, headers: [.contentType: "application/json; charset=utf-8"], body: .init(byteBuffer: ByteBuffer(bytes: data)))
    }

    // MARK: invitations

    @Sendable func myInvitations(_ request: Request, context: AppRequestContext) async throws -> Items<ExpertDrawService.InvitationView> {
        Items(items: try await self.platform.draws.invitations(by: try context.requireActor()))
    }

    @Sendable func acceptInvitation(_ request: Request, context: AppRequestContext) async throws -> ExpertDrawService.InvitationView {
        try await self.platform.draws.answer(
            invitationID: try context.parameters.require("invitation"), accept: true, reason: nil, by: try context.requireActor()
        )
    }

    @Sendable func declineInvitation(_ request: Request, context: AppRequestContext) async throws -> ExpertDrawService.InvitationView {
        let actor = try context.requireActor()
        let form = try await request.decode(as: ReasonForm.self, context: context)
        return try await self.platform.draws.answer(
            invitationID: try context.parameters.require("invitation"), accept: false, reason: form.reason, by: actor
        )
    }

    @Sendable func myInbox(_ request: Request, context: AppRequestContext) async throws -> Items<ExpertDrawService.MessageView> {
        Items(items: try await self.platform.draws.inbox(by: try context.requireActor()))
    }
}

extension ExpertService.ExpertView: ResponseEncodable {}
extension ExpertService.ImportReport: ResponseEncodable {}
extension ExpertDrawService.DrawView: ResponseEncodable {}
extension ExpertDrawService.InvitationView: ResponseEncodable {}
