import Foundation
import Hummingbird
import Storage
import TradingCore

/// The tenderer's and agency's actions: each a small POST form answered with 303 back to the project's workspace page.
extension PortalController {
    @Sendable func createProject(_ request: Request, context: AppRequestContext) async throws -> Response {
        try await self.action(request, context, back: "/workspace") { actor, form in
            let lot = TenderService.NewLot(
                title: try form.required("lotTitle", label: "标段名称"),
                estimateFen: try PortalFormats.fen(fromYuan: try form.required("estimate", label: "估算价/预算金额"), field: "估算价/预算金额"),
                depositFen: try PortalFormats.fen(fromYuan: form["deposit"].flatMap { $0.isEmpty ? nil : $0 } ?? "0", field: "投标保证金")
            )
            let tenderer = form["tendererPartyId"].flatMap { $0.isEmpty ? nil : $0 }
            let project = try await self.platform.tenders.create(
                .init(
                    title: try form.required("title", label: "项目名称"), description: form["description"], catalogCode: try form.required("catalogCode", label: "交易目录"),
                    region: try form.required("region", label: "所在地区"), funding: form["funding"], tendererPartyId: tenderer, lots: [lot]
                ),
                by: actor
            )
            return "/workspace/projects/\(project.id)?done=created"
        }
    }

    @Sendable func uploadDocument(_ request: Request, context: AppRequestContext) async throws -> Response {
        let projectID = try context.parameters.require("project")
        return try await self.action(request, context, back: "/workspace/projects/\(projectID)", limit: self.uploadLimit) { actor, form in
            let file = try form.file("file", label: "招标文件")
            _ = try await self.platform.documents.attachToProject(
                projectID: projectID, kind: form["kind"] == "clarification" ? "clarification" : "tender", filename: file.filename, bytes: file.bytes, by: actor
            )
            return "/workspace/projects/\(projectID)?done=uploaded"
        }
    }

    @Sendable func announce(_ request: Request, context: AppRequestContext) async throws -> Response {
        let projectID = try context.parameters.require("project")
        return try await self.action(request, context, back: "/workspace/projects/\(projectID)") { actor, form in
            _ = try await self.platform.tenders.announce(
                projectID: projectID,
                bidDeadline: try PortalFormats.instant(fromLocal: try form.required("bidDeadline", label: "投标截止时间"), field: "投标截止时间"),
                documentsUntil: try PortalFormats.instant(fromLocal: try form.required("documentsUntil", label: "招标文件获取截止时间"), field: "招标文件获取截止时间"),
                by: actor
            )
            return "/workspace/projects/\(projectID)?done=announced"
        }
    }

    @Sendable func clarify(_ request: Request, context: AppRequestContext) async throws -> Response {
        let projectID = try context.parameters.require("project")
        return try await self.action(request, context, back: "/workspace/projects/\(projectID)") { actor, form in
            _ = try await self.platform.tenders.clarify(
                projectID: projectID, title: form["title"] ?? "", body: form["body"] ?? "", affectsBids: form.checked("affectsBids"), by: actor
            )
            return "/workspace/projects/\(projectID)?done=clarified"
        }
    }

    @Sendable func terminate(_ request: Request, context: AppRequestContext) async throws -> Response {
        let projectID = try context.parameters.require("project")
        return try await self.action(request, context, back: "/workspace/projects/\(projectID)") { actor, form in
            _ = try await self.platform.tenders.terminate(projectID: projectID, reason: try form.required("reason", label: "终止理由"), by: actor)
            return "/workspace/projects/\(projectID)?done=terminated"
        }
    }

    @Sendable func openLot(_ request: Request, context: AppRequestContext) async throws -> Response {
        try await self.lotAction(request, context, done: "opened") { actor, _, projectID, lotID in
            _ = try await self.platform.bidding.open(projectID: projectID, lotID: lotID, by: actor)
        }
    }

    /// 录入评标结果: each bid's rank comes as `rank_<bidId>` (empty: not a candidate).
    @Sendable func recordResult(_ request: Request, context: AppRequestContext) async throws -> Response {
        try await self.lotAction(request, context, done: "result") { actor, form, projectID, lotID in
            var ranking: [(bidID: String, rank: Int, scoreCentiPoints: Int64?)] = []
            for (name, value) in form.fields where name.hasPrefix("rank_") && !value.isEmpty {
                guard let rank = Int(value) else {
                    throw TradingError.invalid("candidate-rank", zh: "候选人排名应为数字", en: "A candidate rank must be a number")
                }
                ranking.append((String(name.dropFirst("rank_".count)), rank, nil))
            }
            _ = try await self.platform.tenders.recordResult(projectID: projectID, lotID: lotID, ranking: ranking.sorted { $0.rank < $1.rank }, by: actor)
        }
    }

    @Sendable func publishCandidates(_ request: Request, context: AppRequestContext) async throws -> Response {
        try await self.lotAction(request, context, done: "publicity") { actor, form, projectID, lotID in
            let until = try PortalFormats.instant(fromLocal: try form.required("until", label: "公示截止时间"), field: "公示截止时间")
            _ = try await self.platform.tenders.lotEvent(
                projectID: projectID, lotID: lotID, .publishCandidates(until: until), logType: "lot.candidates-published", data: ["until": Timestamps.rfc3339(until)], by: actor
            )
        }
    }

    @Sendable func award(_ request: Request, context: AppRequestContext) async throws -> Response {
        try await self.lotAction(request, context, done: "awarded") { actor, form, projectID, lotID in
            guard let rank = Int(try form.required("rank", label: "中标候选人")) else {
                throw TradingError.invalid("candidate-rank", zh: "请选择中标候选人", en: "Choose the candidate to award")
            }
            let reason = form["reason"].flatMap { $0.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty ? nil : $0 }
            _ = try await self.platform.tenders.lotEvent(
                projectID: projectID, lotID: lotID, .award(rank: rank, passedOverReason: reason), logType: "lot.awarded", data: ["rank": String(rank)], by: actor
            )
        }
    }

    @Sendable func signContract(_ request: Request, context: AppRequestContext) async throws -> Response {
        try await self.lotEvent(request, context, .signContract, logType: "lot.contract-signed", done: "contract")
    }

    @Sendable func archive(_ request: Request, context: AppRequestContext) async throws -> Response {
        try await self.lotEvent(request, context, .archive, logType: "lot.archived", done: "archived")
    }

    @Sendable func retender(_ request: Request, context: AppRequestContext) async throws -> Response {
        try await self.lotEvent(request, context, .retender, logType: "lot.retendered", done: "retendered")
    }

    func lotEvent(_ request: Request, _ context: AppRequestContext, _ event: TenderEvent, logType: String, done: String) async throws -> Response {
        try await self.lotAction(request, context, done: done) { actor, _, projectID, lotID in
            _ = try await self.platform.tenders.lotEvent(projectID: projectID, lotID: lotID, event, logType: logType, by: actor)
        }
    }

    /// A POST on `/workspace/projects/{project}/lots/{lot}/…` that returns to the project's page with `?done=`.
    func lotAction(
        _ request: Request, _ context: AppRequestContext, done: String, limit: Int = 1024 * 1024,
        _ body: (Actor, PortalForm, String, String) async throws -> Void
    ) async throws -> Response {
        let projectID = try context.parameters.require("project")
        let lotID = try context.parameters.require("lot")
        return try await self.action(request, context, back: "/workspace/projects/\(projectID)", limit: limit) { actor, form in
            try await body(actor, form, projectID, lotID)
            return "/workspace/projects/\(projectID)?done=\(done)"
        }
    }

    /// Uploads may be as large as `uploads.maxBytes`, plus room for the form's other fields.
    var uploadLimit: Int {
        self.platform.settings.maxUploadBytes + 64 * 1024
    }
}
