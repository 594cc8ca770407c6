import Foundation
import Hummingbird
import Storage
import TradingCore

/// Routes of the online evaluation (评标): the scoring sheet, the members' reviews and scores, the report and its
/// signatures, and the experts' signing keys.
extension APIController {
    func addEvaluationRoutes(to group: RouterGroup<AppRequestContext>) {
        group.put("me/expert-key", use: self.registerExpertKey)
        group.put("projects/:project/lots/:lot/evaluation/sheet", use: self.setEvaluationSheet)
        group.get("projects/:project/lots/:lot/evaluation", use: self.evaluationWorkspace)
        group.post("projects/:project/lots/:lot/evaluation/review", use: self.submitReview)
        group.post("projects/:project/lots/:lot/evaluation/scores", use: self.submitScores)
        group.post("projects/:project/lots/:lot/evaluation/report", use: self.generateReport)
        group.get("projects/:project/lots/:lot/evaluation/report", use: self.evaluationReport)
        group.post("projects/:project/lots/:lot/evaluation/report/signatures", use: self.signReport)
    }

    struct ExpertKeyForm: Decodable { var publicKey: String }
    struct ExpertKeyView: ResponseEncodable { var publicKey: String }

    @Sendable func registerExpertKey(_ request: Request, context: AppRequestContext) async throws -> ExpertKeyView {
        let actor = try context.requireActor()
        let form = try await request.decode(as: ExpertKeyForm.self, context: context)
        return ExpertKeyView(publicKey: try await self.platform.evaluations.registerKey(form.publicKey, by: actor))
    }

    struct CriterionForm: Decodable { var id: String; var name: String; var maxPoints: String; var kind: ScoringCriterion.Kind }
    struct SheetForm: Decodable { var method: String; var criteria: [CriterionForm]?; var smeDeductionPercent: Int?; var object: ProcurementObject? }

    @Sendable func setEvaluationSheet(_ request: Request, context: AppRequestContext) async throws -> EvaluationService.Sheet {
        let actor = try context.requireActor()
        let form = try await request.decode(as: SheetForm.self, context: context)
        let criteria = try (form.criteria ?? []).map { criterion in
            guard let points = Score(criterion.maxPoints) else {
                throw TradingError.invalid("criterion-points", zh: "分值格式不正确：\(criterion.maxPoints)", en: "Not a number of points: \(criterion.maxPoints)")
            }
            return ScoringCriterion(id: criterion.id, name: criterion.name, maxPoints: points, kind: criterion.kind)
        }
        let sheet = EvaluationService.Sheet(method: form.method, criteria: criteria, smeDeductionBasisPoints: (form.smeDeductionPercent ?? 0) * 100, object: form.object)
        return try await self.platform.evaluations.setSheet(
            projectID: try context.parameters.require("project"), lotID: try context.parameters.require("lot"), sheet, by: actor
        )
    }

    @Sendable func evaluationWorkspace(_ request: Request, context: AppRequestContext) async throws -> EvaluationService.WorkspaceView {
        try await self.platform.evaluations.workspace(
            projectID: try context.parameters.require("project"), lotID: try context.parameters.require("lot"), by: try context.requireActor()
        )
    }

    struct RejectionForm: Decodable { var code: String; var detail: String? }
    struct VoteForm: Decodable { var bidId: String; var qualification: Bool; var compliance: Bool; var smallOrMicro: Bool?; var reasons: [RejectionForm]? }
    struct ReviewForm: Decodable { var votes: [VoteForm] }

    @Sendable func submitReview(_ request: Request, context: AppRequestContext) async throws -> EvaluationService.WorkspaceView {
        let actor = try context.requireActor()
        let form = try await request.decode(as: ReviewForm.self, context: context)
        let votes = try form.votes.map { vote in
            ReviewVote(bidID: vote.bidId, qualification: vote.qualification, compliance: vote.compliance, smallOrMicro: vote.smallOrMicro ?? false,
                       reasons: try (vote.reasons ?? []).map { try Self.rejectionReason($0.code, detail: $0.detail) })
        }
        let (project, lot) = (try context.parameters.require("project"), try context.parameters.require("lot"))
        try await self.platform.evaluations.review(projectID: project, lotID: lot, votes: votes, by: actor)
        return try await self.platform.evaluations.workspace(projectID: project, lotID: lot, by: actor)
    }

    /// A 否决 ground from its code (the case names of ``RejectionReason``) and the member's detail.
    static func rejectionReason(_ code: String, detail: String?) throws -> RejectionReason {
        let detail = detail?.trimmingCharacters(in: .whitespacesAndNewlines) ?? ""
        switch code {
        case "notSignedOrSealed": return .notSignedOrSealed
        case "noConsortiumAgreement": return .noConsortiumAgreement
        case "multipleBids": return .multipleBids
        case "belowCost": return .belowCost
        case "notQualified", "nonResponsive", "collusionOrFraud", "relatedBidder":
            guard !detail.isEmpty, detail.count <= 500 else {
                throw TradingError.invalid("rejection-detail", zh: "该否决情形须写明具体事实（不超过500字）", en: "This ground needs the facts (at most 500 characters)", article: "条例51")
            }
            switch code {
            case "notQualified": return .notQualified(detail)
            case "nonResponsive": return .nonResponsive(detail)
            case "collusionOrFraud": return .collusionOrFraud(detail)
            default: return .relatedBidder(detail)
            }
        default:
            throw TradingError.invalid("rejection-code", zh: "未知的否决情形：\(code)", en: "Unknown rejection ground: \(code)", article: "条例51")
        }
    }

    struct ScoresForm: Decodable { var scores: [String: [String: String]] }

    @Sendable func submitScores(_ request: Request, context: AppRequestContext) async throws -> EvaluationService.WorkspaceView {
        let actor = try context.requireActor()
        let form = try await request.decode(as: ScoresForm.self, context: context)
        let scores = try form.scores.mapValues { criteria in
            try criteria.mapValues { text in
                guard let score = Score(text) else {
                    throw TradingError.invalid("score-format", zh: "评分格式不正确：\(text)（最多两位小数）", en: "Not a score: \(text) (at most two decimals)")
                }
                return score
            }
        }
        let (project, lot) = (try context.parameters.require("project"), try context.parameters.require("lot"))
        try await self.platform.evaluations.score(projectID: project, lotID: lot, scores: scores, by: actor)
        return try await self.platform.evaluations.workspace(projectID: project, lotID: lot, by: actor)
    }

    @Sendable func generateReport(_ request: Request, context: AppRequestContext) async throws -> EditedResponse<EvaluationService.ReportView> {
        .init(status: .created, response: try await self.platform.evaluations.generateReport(
            projectID: try context.parameters.require("project"), lotID: try context.parameters.require("lot"), by: try context.requireActor()
        ))
    }

    @Sendable func evaluationReport(_ request: Request, context: AppRequestContext) async throws -> EvaluationService.ReportView {
        try await self.platform.evaluations.report(
            projectID: try context.parameters.require("project"), lotID: try context.parameters.require("lot"), by: try context.requireActor()
        )
    }

    struct SignatureForm: Decodable { var signature: String; var dissent: String? }

    @Sendable func signReport(_ request: Request, context: AppRequestContext) async throws -> EvaluationService.ReportView {
        let actor = try context.requireActor()
        let form = try await request.decode(as: SignatureForm.self, context: context)
        return try await self.platform.evaluations.sign(
            projectID: try context.parameters.require("project"), lotID: try context.parameters.require("lot"),
            signature: form.signature, dissent: form.dissent, by: actor
        )
    }
}

extension EvaluationService.Sheet: ResponseEncodable {}
extension EvaluationService.WorkspaceView: ResponseEncodable {}
extension EvaluationService.ReportView: ResponseEncodable {}
