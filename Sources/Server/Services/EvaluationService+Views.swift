import Foundation
import SQLKit
import Storage
import TradingCore
import WitnessLog

extension EvaluationService {
    /// The committee report with its signatures.
    public struct ReportView: Sendable, Codable {
        /// The report's text, as signed.
        public var body: String
        /// SHA-256 of the text's UTF-8 bytes, hex: what each member signs.
        public var sha256: String
        /// `signing` or `complete`.
        public var status: String
        /// The ranked candidates the report states.
        public var candidates: [TenderCandidate]
        /// The signatures so far.
        public var signatures: [SignatureView]
        /// Members who have not signed yet.
        public var unsigned: [String]
    }

    /// One member's signature.
    public struct SignatureView: Sendable, Codable {
        /// The member (expert id).
        public var expertId: String
        /// The member's name.
        public var name: String
        /// Ed25519 signature over the report's SHA-256, hex.
        public var signature: String
        /// The member's dissent (不同意见), if any.
        public var dissent: String?
        /// When, RFC 3339.
        public var signedAt: String
    }

    /// What a member sees in the evaluation workspace.
    public struct WorkspaceView: Sendable, Codable {
        /// The project.
        public var projectId: String
        /// The project's title.
        public var projectTitle: String
        /// The lot.
        public var lotId: String
        /// The lot's title.
        public var lotTitle: String
        /// The lot's phase.
        public var phase: String
        /// The signed-in member (expert id); nil for the operator.
        public var me: String?
        /// The committee: (id, name).
        public var members: [MemberView]
        /// The method and sheet.
        public var sheet: Sheet
        /// The opened bids.
        public var bids: [BidEntry]
        /// The member's own votes.
        public var myVotes: [ReviewVote]
        /// The member's own scores.
        public var myScores: [String: [String: Score]]
        /// Members who have reviewed / scored.
        public var reviewed: [String]
        /// Members who have scored.
        public var scored: [String]
        /// The committee's decision per bid, once every member has reviewed: bid → valid.
        public var decisions: [String: Bool]
        /// Flags on the score sheets (87§64), once every member has scored.
        public var flags: [ScoreFlag]
        /// The report, once generated.
        public var report: ReportView?
    }

    /// A member of the committee.
    public struct MemberView: Sendable, Codable {
        /// Expert id.
        public var id: String
        /// Name.
        public var name: String
    }

    /// The workspace of a lot, for its members (and the operator, read-only).
    public func workspace(projectID: String, lotID: String, by actor: Actor) async throws -> WorkspaceView {
        try await self.platform.engine.read { db in
            let (context, member) = try await self.context(projectID: projectID, lotID: lotID, actor: actor, operatorMayRead: true, on: db)
            let sheet = try await Self.sheet(project: context.project, lotID: lotID, platform: self.platform, on: db)
            let bids = try await Self.bids(lotID: lotID, on: db)
            let votes = try await Self.votes(lotID: lotID, on: db)
            let sheets = try await Self.scoreSheets(lotID: lotID, on: db)
            var decisions: [String: Bool] = [:]
            if let decided = try? await Self.decided(context, bids: bids, on: db) {
                for entry in decided { decisions[entry.review.bidID] = entry.review.isValid }
            }
            var flags: [ScoreFlag] = []
            if sheet.method == "comprehensive", Set(sheets.map(\.expertID)) == Set(context.members.map(\.id)), !decisions.isEmpty {
                let valid = bids.filter { decisions[$0.id] == true }.map { PricedBid(bidID: $0.id, partyID: $0.partyId, price: Money(fen: max($0.priceFen, 1))) }
                flags = (try? ComprehensiveEvaluation.evaluate(sheet: ScoringSheet(criteria: sheet.criteria), bids: valid, expertSheets: sheets, tieBreak: valid.map(\.bidID)).flags) ?? []
            }
            return WorkspaceView(
                projectId: projectID, projectTitle: context.project.title, lotId: lotID, lotTitle: context.lot.title, phase: context.lot.phase, me: member?.id,
                members: context.members.map { MemberView(id: $0.id, name: $0.name) }, sheet: sheet,
                bids: bids.map { BidEntry(bidId: $0.id, partyId: $0.partyId, bidder: $0.name, priceFen: $0.priceFen) },
                myVotes: member.flatMap { votes[$0.id] } ?? [], myScores: member.flatMap { id in sheets.first { $0.expertID == id.id }?.scores } ?? [:],
                reviewed: votes.keys.sorted(), scored: sheets.map(\.expertID), decisions: decisions, flags: flags,
                report: try await Self.reportView(context, on: db)
            )
        }
    }

    /// The report of a lot, for its members (and the operator).
    public func report(projectID: String, lotID: String, by actor: Actor) async throws -> ReportView {
        try await self.platform.engine.read { db in
            let (context, _) = try await self.context(projectID: projectID, lotID: lotID, actor: actor, operatorMayRead: true, on: db)
            guard let view = try await Self.reportView(context, on: db) else {
                throw TradingError.notFound("Evaluation report", zh: "评标报告")
            }
            return view
        }
    }

    static func reportView(_ context: Context, on db: any SQLDatabase) async throws -> ReportView? {
        struct ReportRow: Decodable { var body: String; var sha256: String; var ranking: String; var status: String }
        guard let row = try await db.row("SELECT body, sha256, ranking, status FROM evaluation_reports WHERE lot_id = \(bind: context.lot.id)", as: ReportRow.self) else {
            return nil
        }
        struct SignatureRow: Decodable { var expertId: String; var signature: String; var dissent: String?; var signedAt: Int64 }
        let rows = try await db.rows("SELECT expert_id, signature, dissent, signed_at FROM evaluation_signatures WHERE lot_id = \(bind: context.lot.id) ORDER BY signed_at, expert_id", as: SignatureRow.self)
        let names = Dictionary(uniqueKeysWithValues: context.members.map { ($0.id, $0.name) })
        let signed = Set(rows.map(\.expertId))
        return ReportView(
            body: row.body, sha256: row.sha256, status: row.status, candidates: try ExpertDrawService.decode([TenderCandidate].self, row.ranking),
            signatures: rows.map {
                SignatureView(expertId: $0.expertId, name: names[$0.expertId] ?? $0.expertId, signature: $0.signature, dissent: $0.dissent,
                              signedAt: Timestamps.rfc3339(Timestamps.date($0.signedAt)))
            },
            unsigned: context.members.map(\.id).filter { !signed.contains($0) }
        )
    }
}
