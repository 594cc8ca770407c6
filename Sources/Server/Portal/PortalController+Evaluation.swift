import Foundation
import Hummingbird
import TradingCore

/// 评标工作台 — the committee member's page for one lot: the bids, the review form with 否决 grounds, the scoring sheet
/// with outliers highlighted, the report and the signing form (the signature is made on the member's own machine).
extension PortalController {
    func addEvaluationRoutes(to router: Router<AppRequestContext>) {
        router.get("/workspace/evaluations/:project/:lot", use: self.evaluationPage)
        router.post("/workspace/evaluations/:project/:lot/review", use: self.reviewForm)
        router.post("/workspace/evaluations/:project/:lot/scores", use: self.scoresForm)
        router.post("/workspace/evaluations/:project/:lot/report", use: self.reportForm)
        router.post("/workspace/evaluations/:project/:lot/sign", use: self.signForm)
    }

    static func evaluationPath(_ context: AppRequestContext) throws -> (project: String, lot: String, path: String) {
        let project = try context.parameters.require("project")
        let lot = try context.parameters.require("lot")
        return (project, lot, "/workspace/evaluations/\(project)/\(lot)")
    }

    @Sendable func evaluationPage(_ request: Request, context: AppRequestContext) async throws -> Response {
        guard let actor = context.actor else { return PortalRenderer.redirect("/login") }
        return try await self.page(context, back: "/workspace/invitations") {
            let (project, lot, _) = try Self.evaluationPath(context)
            let view = try await self.platform.evaluations.workspace(projectID: project, lotID: lot, by: actor)
            return try await PortalRenderer.render(EvaluationPageModel(view, chrome: PageChrome(title: "评标工作台", actor: actor)), template: "evaluation")
        }
    }

    @Sendable func reviewForm(_ request: Request, context: AppRequestContext) async throws -> Response {
        let (project, lot, path) = try Self.evaluationPath(context)
        return try await self.action(request, context, back: path) { actor, form in
            let bids = try await self.platform.evaluations.workspace(projectID: project, lotID: lot, by: actor).bids
            let votes = try bids.map { bid in
                let qualification = form["q_\(bid.bidId)"] != "reject"
                let compliance = form["c_\(bid.bidId)"] != "reject"
                var reasons: [RejectionReason] = []
                if !(qualification && compliance), let code = form["reason_\(bid.bidId)"], !code.isEmpty {
                    reasons.append(try APIController.rejectionReason(code, detail: form["detail_\(bid.bidId)"]))
                }
                return ReviewVote(bidID: bid.bidId, qualification: qualification, compliance: compliance, smallOrMicro: form.checked("sme_\(bid.bidId)"), reasons: reasons)
            }
            try await self.platform.evaluations.review(projectID: project, lotID: lot, votes: votes, by: actor)
            return path
        }
    }

    @Sendable func scoresForm(_ request: Request, context: AppRequestContext) async throws -> Response {
        let (project, lot, path) = try Self.evaluationPath(context)
        return try await self.action(request, context, back: path) { actor, form in
            let view = try await self.platform.evaluations.workspace(projectID: project, lotID: lot, by: actor)
            var scores: [String: [String: Score]] = [:]
            for bid in view.bids where view.decisions[bid.bidId] == true {
                for criterion in view.sheet.criteria where criterion.kind != .price {
                    let text = form["s_\(bid.bidId)_\(criterion.id)"] ?? ""
                    guard let score = Score(text.trimmingCharacters(in: .whitespaces)) else {
                        throw TradingError.invalid("score-format", zh: "评分格式不正确：\(text)（最多两位小数）", en: "Not a score: \(text) (at most two decimals)")
                    }
                    scores[bid.bidId, default: [:]][criterion.id] = score
                }
            }
            try await self.platform.evaluations.score(projectID: project, lotID: lot, scores: scores, by: actor)
            return path
        }
    }

    @Sendable func reportForm(_ request: Request, context: AppRequestContext) async throws -> Response {
        let (project, lot, path) = try Self.evaluationPath(context)
        return try await self.action(request, context, back: path) { actor, _ in
            _ = try await self.platform.evaluations.generateReport(projectID: project, lotID: lot, by: actor)
            return path
        }
    }

    @Sendable func signForm(_ request: Request, context: AppRequestContext) async throws -> Response {
        let (project, lot, path) = try Self.evaluationPath(context)
        return try await self.action(request, context, back: path) { actor, form in
            _ = try await self.platform.evaluations.sign(
                projectID: project, lotID: lot, signature: try form.required("signature", label: "签名"), dissent: form["dissent"], by: actor
            )
            return path
        }
    }
}
