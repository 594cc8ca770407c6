import Foundation
import HTTPTypes
import Hummingbird
import Storage
import TradingCore

/// The live opening room (开标大厅) over the API: its status as JSON or as server-sent events, objections raised at
/// the opening and their answers (条例44), and the runner's signature on the opening record.
extension APIController {
    func addOpeningRoutes(to group: RouterGroup<AppRequestContext>) {
        group.get("projects/:project/lots/:lot/opening/status", use: self.openingRoomStatus)
        group.get("projects/:project/lots/:lot/opening/events", use: self.openingEvents)
        group.post("projects/:project/lots/:lot/opening/objections", use: self.raiseObjection)
        group.post("projects/:project/lots/:lot/opening/objections/:objection/answer", use: self.answerObjection)
        group.post("projects/:project/lots/:lot/opening/sign", use: self.signOpeningRecord)
        group.get("projects/:project/lots/:lot/opening/record", use: self.openingRecord)
    }

    struct TextForm: Decodable { var text: String }

    @Sendable func openingRoomStatus(_ request: Request, context: AppRequestContext) async throws -> Response {
        let status = try await self.platform.room.status(projectID: try context.parameters.require("project"), lotID: try context.parameters.require("lot"))
        return Response(
            status: .ok, headers: [.contentType: "application/json; charset=utf-8", .cacheControl: "no-store"],
            body: .init(byteBuffer: ByteBuffer(string: try status.json()))
        )
    }

    /// `text/event-stream`: the current status at once (also on reconnect with `Last-Event-ID`), then the whole status
    /// again whenever it changes, and a heartbeat comment every 15 s. `?limit=N` ends the stream after N events.
    @Sendable func openingEvents(_ request: Request, context: AppRequestContext) async throws -> Response {
        let projectID = try context.parameters.require("project")
        let lotID = try context.parameters.require("lot")
        let room = self.platform.room
        let first = try await room.status(projectID: projectID, lotID: lotID)
        let limit = request.uri.queryParameters["limit"].flatMap { Int(String($0)) }.map { max(1, $0) }
        let feed = OpeningRoomFeed(room: room, projectID: projectID, lotID: lotID, limit: limit)
        let headers: HTTPFields = [
            .contentType: "text/event-stream; charset=utf-8", .cacheControl: "no-store", HTTPField.Name("X-Accel-Buffering")!: "no",
        ]
        return Response(status: .ok, headers: headers, body: ResponseBody { writer in
            try await feed.run(first: first) { text in try await writer.write(ByteBuffer(string: text)) }
            try await writer.finish(nil)
        })
    }

    @Sendable func raiseObjection(_ request: Request, context: AppRequestContext) async throws -> EditedResponse<OpeningObjection> {
        let actor = try context.requireActor()
        let form = try await request.decode(as: TextForm.self, context: context)
        let objection = try await self.platform.room.raiseObjection(
            projectID: try context.parameters.require("project"), lotID: try context.parameters.require("lot"), text: form.text, by: actor
        )
        return .init(status: .created, response: objection)
    }

    @Sendable func answerObjection(_ request: Request, context: AppRequestContext) async throws -> OpeningObjection {
        let actor = try context.requireActor()
        let form = try await request.decode(as: TextForm.self, context: context)
        return try await self.platform.room.answerObjection(
            projectID: try context.parameters.require("project"), lotID: try context.parameters.require("lot"),
            objectionID: try context.parameters.require("objection"), text: form.text, by: actor
        )
    }

    struct SignedRecordView: ResponseEncodable {
        var lotId: String
        var sha256: String
        var signedAt: String
        var logIndex: Int64
        var url: String
        /// 存证回执: the tlog-proof of `opening.record-signed`.
        var receipt: String
    }

    @Sendable func signOpeningRecord(_ request: Request, context: AppRequestContext) async throws -> EditedResponse<SignedRecordView> {
        let actor = try context.requireActor()
        let projectID = try context.parameters.require("project")
        let row = try await self.platform.room.signRecord(projectID: projectID, lotID: try context.parameters.require("lot"), by: actor)
        return .init(status: .created, response: SignedRecordView(
            lotId: row.lotId, sha256: row.sha256, signedAt: Timestamps.rfc3339(Timestamps.date(row.signedAt)), logIndex: row.logIndex,
            url: "/api/v1/projects/\(projectID)/lots/\(row.lotId)/opening/record", receipt: try await self.receiptText(row.logIndex)
        ))
    }

    /// The signed record's exact text (its SHA-256 is in the witness log).
    @Sendable func openingRecord(_ request: Request, context: AppRequestContext) async throws -> Response {
        let row = try await self.platform.room.record(projectID: try context.parameters.require("project"), lotID: try context.parameters.require("lot"))
        return Response(
            status: .ok, headers: [.contentType: "text/plain; charset=utf-8", HTTPField.Name("X-Content-SHA256")!: row.sha256],
            body: .init(byteBuffer: ByteBuffer(string: row.text))
        )
    }
}

extension OpeningObjection: ResponseEncodable {}

extension Platform {
    /// 开标大厅 — the live opening rooms.
    public var room: OpeningRoom { OpeningRoom(platform: self) }
}
