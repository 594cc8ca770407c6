import Crypto
import ExpertDraw
import Foundation
import SQLKit
import Storage
import TradingCore
import WitnessLog

extension EvaluationService {
    /// The outcome of the evaluation: the report and the ranking it states.
    struct Outcome { var report: EvaluationReport; var candidates: [TenderCandidate] }

    /// Computes the evaluation from the stored votes and score sheets (deterministic: the same inputs give the
    /// same report text, byte for byte). Ties on score and price are ordered by a draw from the committee
    /// draw's seed: SHA-256(seed ‖ ":" ‖ bid id), ascending (87§68), which anyone can recompute from the bundle.
    static func outcome(_ context: Context, platform: Platform, on db: any SQLDatabase) async throws -> Outcome {
        let sheet = try await Self.sheet(project: context.project, lotID: context.lot.id, platform: platform, on: db)
        let bids = try await Self.bids(lotID: context.lot.id, on: db)
        let decided = try await Self.decided(context, bids: bids, on: db)
        let line = Dictionary(uniqueKeysWithValues: bids.map { ($0.id, $0) })
        let validIDs: [String]
        do throws(TradingError) {
            validIDs = try ReviewChecks.enoughValidBids(decided.map(\.review), minimum: context.project.tradingType == "procurement" ? 3 : 1)
        } catch { throw error }
        let priced = decided.filter { validIDs.contains($0.review.bidID) }.map {
            PricedBid(bidID: $0.review.bidID, partyID: line[$0.review.bidID]!.partyId, price: Money(fen: line[$0.review.bidID]!.priceFen, currency: line[$0.review.bidID]!.currency), isSmallOrMicro: $0.smallOrMicro)
        }
        let sme = SMEDeduction(basisPoints: sheet.smeDeductionBasisPoints)
        let seed = try context.draw.bundle.map { try ExpertDrawService.decode(DrawBundle.self, $0).seed.hex } ?? context.draw.id
        let drawOrder = priced.map(\.bidID).sorted { Hash.sha256(Data("\(seed):\($0)".utf8)).hex < Hash.sha256(Data("\(seed):\($1)".utf8)).hex }
        var scores: [BidScore] = []
        var flags: [ScoreFlag] = []
        var ranking: EvaluationRanking
        var tieBreak: [String]? = nil
        do {
            if sheet.method == "comprehensive" {
                let sheets = try await Self.scoreSheets(lotID: context.lot.id, on: db)
                guard Set(sheets.map(\.expertID)) == Set(context.members.map(\.id)) else {
                    throw TradingError.conflict("scoring-incomplete", zh: "评标委员会成员尚未全部提交评分表（\(sheets.count)/\(context.members.count)）", en: "\(sheets.count) of \(context.members.count) members have scored")
                }
                let scoring = ScoringSheet(criteria: sheet.criteria)
                var result = try ComprehensiveEvaluation.evaluate(sheet: scoring, bids: priced, expertSheets: sheets, smeDeduction: sme, object: sheet.object)
                if !result.ranking.unresolvedTies.isEmpty {
                    tieBreak = drawOrder
                    result = try ComprehensiveEvaluation.evaluate(sheet: scoring, bids: priced, expertSheets: sheets, smeDeduction: sme, object: sheet.object, tieBreak: drawOrder)
                }
                (scores, flags, ranking) = (result.scores, result.flags, result.ranking)
            } else {
                ranking = try LowestPriceEvaluation.rank(priced, smeDeduction: sme)
                if !ranking.unresolvedTies.isEmpty {
                    tieBreak = drawOrder
                    ranking = try LowestPriceEvaluation.rank(priced, smeDeduction: sme, tieBreak: drawOrder)
                }
            }
        }
        let candidates = try ranking.candidates(maximum: try await platform.catalog.entry(context.project.catalogCode).rules.maxCandidates)
        let report = EvaluationReport(
            projectTitle: context.project.title, lotTitle: context.lot.title, method: sheet.method, members: context.members.map { ($0.id, $0.name) },
            reviews: decided.map(\.review), bidderNames: line.mapValues(\.name), prices: line.mapValues { Money(fen: $0.priceFen, currency: $0.currency) },
            scores: scores, flags: flags, ranking: ranking, tieBreak: tieBreak, candidates: candidates
        )
        return Outcome(report: report, candidates: candidates)
    }

    /// Generates the committee report once every member has reviewed (and, for 综合评估法, scored); any member may.
    /// Reviews and scores are final from then on.
    public func generateReport(projectID: String, lotID: String, by actor: Actor) async throws -> ReportView {
        try await self.platform.engine.transaction { db in
            let (context, _) = try await self.context(projectID: projectID, lotID: lotID, actor: actor, on: db)
            try await Self.requireOpen(context, on: db)
            let outcome = try await Self.outcome(context, platform: self.platform, on: db)
            let text = outcome.report.text
            let digest = Hash.sha256(Data(text.utf8)).hex
            let ranking = try ExpertDrawService.json(outcome.candidates)
            try await db.raw(
                """
                INSERT INTO evaluation_reports (lot_id, body, sha256, ranking, status, created_by, created_at)
                VALUES (\(bind: lotID), \(bind: text), \(bind: digest), \(bind: ranking), 'signing', \(bind: actor.accountID), \(bind: self.platform.nowMillis()))
                """
            ).run()
            _ = try await LogRecords.append(
                LogEvent(type: "evaluation.report-generated", project: projectID, lot: lotID, actor: actor.logName, time: self.platform.clock.now(),
                         data: ["reportSha256": digest, "candidates": String(outcome.candidates.count)]),
                on: db
            )
        }
        return try await self.report(projectID: projectID, lotID: lotID, by: actor)
    }

    /// Signs the report: an Ed25519 signature by the member's registered key over the report's 32-byte SHA-256,
    /// with an optional dissent (条例53: a member who disagrees states the dissent and reasons in writing; the
    /// report records it). When the last member signs, the report is complete and the lot's ranking is recorded
    /// from it in the same transaction (``TenderEvent/recordResult(_:)``).
    public func sign(projectID: String, lotID: String, signature: String, dissent: String?, by actor: Actor) async throws -> ReportView {
        let dissent = dissent?.trimmingCharacters(in: .whitespacesAndNewlines).nilIfEmpty
        guard (dissent?.count ?? 0) <= 2_000 else {
            throw TradingError.invalid("dissent-too-long", zh: "不同意见不超过2000字", en: "A dissent has at most 2,000 characters")
        }
        let platform = self.platform
        try await platform.engine.transaction { db in
            let (context, member) = try await self.context(projectID: projectID, lotID: lotID, actor: actor, on: db)
            guard context.lot.phase == TenderPhase.opened.rawValue else {
                throw TradingError.conflict("evaluation-phase", zh: "标段不在评标阶段", en: "The lot is not being evaluated")
            }
            struct ReportRow: Decodable { var sha256: String; var ranking: String; var status: String }
            guard let report = try await db.row("SELECT sha256, ranking, status FROM evaluation_reports WHERE lot_id = \(bind: lotID)", as: ReportRow.self) else {
                throw TradingError.conflict("no-report", zh: "评标报告尚未生成", en: "The report has not been generated yet")
            }
            struct KeyRow: Decodable { var publicKey: String }
            guard let key = try await db.row("SELECT public_key FROM expert_keys WHERE expert_id = \(bind: member!.id)", as: KeyRow.self),
                let publicKey = try? Curve25519.Signing.PublicKey(rawRepresentation: Self.bytes(key.publicKey) ?? [])
            else {
                throw TradingError.conflict("expert-key-missing", zh: "请先登记签名公钥（PUT /api/v1/me/expert-key）", en: "Register a signing key first (PUT /api/v1/me/expert-key)")
            }
            guard let signatureBytes = Self.bytes(signature.trimmingCharacters(in: .whitespacesAndNewlines)), signatureBytes.count == 64,
                publicKey.isValidSignature(signatureBytes, for: Self.bytes(report.sha256) ?? [])
            else {
                throw TradingError.invalid("report-signature", zh: "签名无效：应为登记公钥对评标报告SHA-256（32字节）的 Ed25519 签名", en: "Invalid signature: sign the report's 32-byte SHA-256 with the registered Ed25519 key")
            }
            struct Ref: Decodable { var expertId: String }
            guard try await db.row("SELECT expert_id FROM evaluation_signatures WHERE lot_id = \(bind: lotID) AND expert_id = \(bind: member!.id)", as: Ref.self) == nil else {
                throw TradingError.conflict("report-signed", zh: "您已签署评标报告", en: "You have already signed the report")
            }
            let hex = signatureBytes.map { String(format: "%02x", $0) }.joined()
            try await db.raw(
                """
                INSERT INTO evaluation_signatures (lot_id, expert_id, signature, dissent, signed_at)
                VALUES (\(bind: lotID), \(bind: member!.id), \(bind: hex), \(bind: dissent), \(bind: platform.nowMillis()))
                """
            ).run()
            var data = ["reportSha256": report.sha256, "signature": hex]
            if let dissent { data["dissentSha256"] = Hash.sha256(Data(dissent.utf8)).hex }
            _ = try await LogRecords.append(
                LogEvent(type: "evaluation.report-signed", project: projectID, lot: lotID, actor: actor.logName, time: platform.clock.now(), data: data), on: db
            )
            let signed = try await db.rows("SELECT expert_id FROM evaluation_signatures WHERE lot_id = \(bind: lotID)", as: Ref.self)
            guard Set(signed.map(\.expertId)) == Set(context.members.map(\.id)) else { return }
            try await db.raw("UPDATE evaluation_reports SET status = 'complete', completed_at = \(bind: platform.nowMillis()) WHERE lot_id = \(bind: lotID)").run()
            let candidates = try ExpertDrawService.decode([TenderCandidate].self, report.ranking)
            try await TenderService.applyLotChange(
                project: context.project, lotID: lotID, by: actor, logType: "lot.result-recorded", platform: platform, on: db
            ) { _, _, lot in
                let effects = try lot.lifecycle.handle(.recordResult(candidates), now: platform.clock.now(), calendar: platform.calendar)
                let summary = candidates.map { "\($0.rank):\($0.bidID)" }.joined(separator: ",")
                return (effects, ["ranking": summary, "source": "evaluation", "reportSha256": report.sha256])
            }
        }
        return try await self.report(projectID: projectID, lotID: lotID, by: actor)
    }
}

extension String {
    /// Nil when empty.
    var nilIfEmpty: String? { self.isEmpty ? nil : self }
}
