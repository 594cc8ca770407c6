import Foundation
import Hummingbird
import Storage
import TradingCore

extension APIController {
    struct RankingEntry: Decodable { var bidId: String; var rank: Int; var scoreCentiPoints: Int64? }
    struct ResultForm: Decodable { var candidates: [RankingEntry] }

    @Sendable func recordResult(_ request: Request, context: AppRequestContext) async throws -> ProjectView {
        let actor = try context.requireActor()
        let form = try await request.decode(as: ResultForm.self, context: context)
        return try await self.receipted(try await self.platform.tenders.recordResult(
            projectID: try context.parameters.require("project"), lotID: try context.parameters.require("lot"),
            ranking: form.candidates.map { ($0.bidId, $0.rank, $0.scoreCentiPoints) }, by: actor
        ))
    }

    struct PublicityForm: Decodable { var until: String }

    @Sendable func publishCandidates(_ request: Request, context: AppRequestContext) async throws -> ProjectView {
        let actor = try context.requireActor()
        let form = try await request.decode(as: PublicityForm.self, context: context)
        let until = try Self.instant(form.until, field: "until")
        return try await self.lotEvent(request, context, .publishCandidates(until: until), "lot.candidates-published", ["until": Timestamps.rfc3339(until)], actor)
    }

    struct AwardForm: Decodable { var rank: Int; var reason: String? }

    @Sendable func award(_ request: Request, context: AppRequestContext) async throws -> ProjectView {
        let actor = try context.requireActor()
        let form = try await request.decode(as: AwardForm.self, context: context)
        return try await self.lotEvent(request, context, .award(rank: form.rank, passedOverReason: form.reason), "lot.awarded", ["rank": String(form.rank)], actor)
    }

    @Sendable func signContract(_ request: Request, context: AppRequestContext) async throws -> ProjectView {
        try await self.lotEvent(request, context, .signContract, "lot.contract-signed", [:], try context.requireActor())
    }

    @Sendable func archive(_ request: Request, context: AppRequestContext) async throws -> ProjectView {
        try await self.lotEvent(request, context, .archive, "lot.archived", [:], try context.requireActor())
    }

    @Sendable func retender(_ request: Request, context: AppRequestContext) async throws -> ProjectView {
        try await self.lotEvent(request, context, .retender, "lot.retendered", [:], try context.requireActor())
    }

    func lotEvent(_ request: Request, _ context: AppRequestContext, _ event: TenderEvent, _ logType: String, _ data: [String: String], _ actor: Actor) async throws -> ProjectView {
        try await self.receipted(try await self.platform.tenders.lotEvent(
            projectID: try context.parameters.require("project"), lotID: try context.parameters.require("lot"), event, logType: logType, data: data, by: actor
        ))
    }

    // MARK: public data

    @Sendable func notices(_ request: Request, context: AppRequestContext) async throws -> Page<NoticeView> {
        let query = request.uri.queryParameters
        let filter = NoticeService.Filter(
            tradingType: query["tradingType"].map(String.init), kind: query["kind"].map(String.init), region: query["region"].map(String.init),
            query: query["q"].map(String.init), projectID: query["projectId"].map(String.init),
            from: try Self.day(query["from"], name: "from"), to: try Self.day(query["to"], name: "to"),
            phase: try Self.phase(query["phase"]), minEstimateFen: try Self.fen(query["minEstimateFen"], name: "minEstimateFen"),
            maxEstimateFen: try Self.fen(query["maxEstimateFen"], name: "maxEstimateFen")
        )
        return try await self.platform.notices.list(filter, limit: query["limit"].flatMap { Int(String($0)) } ?? 20, cursor: query["cursor"].map(String.init))
    }

    /// A `YYYY-MM-DD` query parameter (Beijing date), refused with zh/en when malformed.
    static func day(_ value: Substring?, name: String) throws -> LocalDate? {
        guard let value, !value.isEmpty else { return nil }
        guard let day = LocalDate(iso: String(value)) else {
            throw TradingError.invalid("date", zh: "日期参数 \(name) 应为 YYYY-MM-DD", en: "The date parameter \(name) must be YYYY-MM-DD")
        }
        return day
    }

    /// A lot phase query parameter (`announced`, `awarded`, …), refused with zh/en when unknown.
    static func phase(_ value: Substring?) throws -> TenderPhase? {
        guard let value, !value.isEmpty else { return nil }
        guard let phase = TenderPhase(rawValue: String(value)) else {
            throw TradingError.invalid("phase", zh: "状态参数 phase 无效：\(value)", en: "Unknown phase '\(value)'")
        }
        return phase
    }

    /// An amount query parameter in fen (a whole number ≥ 0), refused with zh/en otherwise.
    static func fen(_ value: Substring?, name: String) throws -> Int64? {
        guard let value, !value.isEmpty else { return nil }
        guard let fen = Int64(value), fen >= 0 else {
            throw TradingError.invalid("amount", zh: "金额参数 \(name) 应为不小于 0 的整数（分）", en: "The amount parameter \(name) must be a whole number of fen, 0 or more")
        }
        return fen
    }

    @Sendable func notice(_ request: Request, context: AppRequestContext) async throws -> NoticeView {
        try await self.platform.notices.notice(try context.parameters.require("notice"))
    }

    @Sendable func document(_ request: Request, context: AppRequestContext) async throws -> Response {
        let (filename, bytes) = try await self.platform.documents.read(sha256: try context.parameters.require("sha256"), for: context.actor)
        let encoded = filename.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "file"
        return Response(
            status: .ok,
            headers: [.contentType: "application/octet-stream", .contentDisposition: "attachment; filename*=UTF-8''\(encoded)"],
            body: .init(byteBuffer: ByteBuffer(bytes: bytes))
        )
    }

    struct LogEntryView: ResponseEncodable { var index: Int64; var leafHash: String; var entry: String }
    struct LogPage: ResponseEncodable { var size: Int64; var entries: [LogEntryView] }

    /// The witness log's entries (hashes and events only, never document content), for anyone to check.
    @Sendable func logEntries(_ request: Request, context: AppRequestContext) async throws -> LogPage {
        let query = request.uri.queryParameters
        let start = query["from"].flatMap { Int64(String($0)) } ?? 0
        let limit = min(max(query["limit"].flatMap { Int(String($0)) } ?? 100, 1), 1000)
        return try await self.platform.engine.read { db in
            let entries = try await LogRecords.entries(from: max(start, 0), limit: limit, on: db)
            return LogPage(size: try await LogRecords.count(on: db), entries: entries.map { LogEntryView(index: $0.idx, leafHash: $0.leafHash, entry: $0.entry) })
        }
    }
}
