import Foundation
import SQLKit
import Storage
import TradingCore
import WitnessLog

extension EvaluationService {
    /// One opened bid as the committee sees it.
    public struct BidEntry: Sendable, Codable {
        /// The bid.
        public var bidId: String
        /// The bidder.
        public var partyId: String
        /// The bidder's name.
        public var bidder: String
        /// The bid price in fen.
        public var priceFen: Int64
    }

    struct BidLine: Decodable { var id: String; var partyId: String; var name: String; var priceFen: Int64; var currency: String }

    static func bids(lotID: String, on db: any SQLDatabase) async throws -> [BidLine] {
        try await db.rows(
            """
            SELECT b.id, b.party_id, p.name, b.price_fen, b.currency FROM bids b JOIN parties p ON p.id = b.party_id
            WHERE b.lot_id = \(bind: lotID) AND b.status = 'active' ORDER BY b.id
            """, as: BidLine.self
        )
    }

    /// Records (or revises, until the report) the member's review vote on every opened bid of the lot.
    public func review(projectID: String, lotID: String, votes: [ReviewVote], by actor: Actor) async throws {
        for vote in votes { try vote.validate() }
        try await self.platform.engine.transaction { db in
            let (context, member) = try await self.context(projectID: projectID, lotID: lotID, actor: actor, on: db)
            try await Self.requireOpen(context, on: db)
            let bids = try await Self.bids(lotID: lotID, on: db).map(\.id)
            guard votes.map(\.bidID).sorted() == bids.sorted() else {
                throw TradingError.invalid("review-bids", zh: "须对本标段每一份投标各表决一次", en: "Vote exactly once on every opened bid of the lot")
            }
            let text = try ExpertDrawService.json(votes.sorted { $0.bidID < $1.bidID })
            try await db.raw("DELETE FROM evaluation_reviews WHERE lot_id = \(bind: lotID) AND expert_id = \(bind: member!.id)").run()
            try await db.raw(
                "INSERT INTO evaluation_reviews (lot_id, expert_id, votes, created_at) VALUES (\(bind: lotID), \(bind: member!.id), \(bind: text), \(bind: self.platform.nowMillis()))"
            ).run()
            // the log names the account and the votes' hash, never the expert (条例46: names secret until the result)
            _ = try await LogRecords.append(
                LogEvent(type: "evaluation.reviewed", project: projectID, lot: lotID, actor: actor.logName, time: self.platform.clock.now(),
                         data: ["votesSha256": Hash.sha256(Data(text.utf8)).hex, "rejected": String(votes.filter { !($0.qualification && $0.compliance) }.count)]),
                on: db
            )
        }
    }

    /// Every member's votes so far, by expert id.
    static func votes(lotID: String, on db: any SQLDatabase) async throws -> [String: [ReviewVote]] {
        struct Row: Decodable { var expertId: String; var votes: String }
        let rows = try await db.rows("SELECT expert_id, votes FROM evaluation_reviews WHERE lot_id = \(bind: lotID)", as: Row.self)
        return try Dictionary(uniqueKeysWithValues: rows.map { ($0.expertId, try ExpertDrawService.decode([ReviewVote].self, $0.votes)) })
    }

    /// The committee's decision, once every member has voted.
    static func decided(_ context: Context, bids: [BidLine], on db: any SQLDatabase) async throws -> [(review: BidReview, smallOrMicro: Bool)] {
        let votes = try await Self.votes(lotID: context.lot.id, on: db)
        guard Set(votes.keys) == Set(context.members.map(\.id)) else {
            throw TradingError.conflict(
                "review-incomplete", zh: "评标委员会成员尚未全部完成资格审查和符合性审查（\(votes.count)/\(context.members.count)）",
                en: "\(votes.count) of \(context.members.count) members have reviewed the bids"
            )
        }
        do throws(TradingError) { return try ReviewMajority.decide(bidIDs: bids.map(\.id), votes: votes) } catch { throw error }
    }

    /// Records (or revises, until the report) the member's 综合评估法 score sheet: every valid bid, every non-price
    /// criterion, within 0…max (87§64). Valid bids are known once every member has reviewed.
    public func score(projectID: String, lotID: String, scores: [String: [String: Score]], by actor: Actor) async throws {
        try await self.platform.engine.transaction { db in
            let (context, member) = try await self.context(projectID: projectID, lotID: lotID, actor: actor, on: db)
            try await Self.requireOpen(context, on: db)
            let sheet = try await Self.sheet(project: context.project, lotID: lotID, platform: self.platform, on: db)
            guard sheet.method == "comprehensive" else {
                throw TradingError.conflict("no-scoring", zh: "经评审的最低投标价法不打分", en: "The lowest-evaluated-price method has no score sheets")
            }
            let bids = try await Self.bids(lotID: lotID, on: db)
            let valid = try await Self.decided(context, bids: bids, on: db).filter(\.review.isValid)
            let priced = valid.map { PricedBid(bidID: $0.review.bidID, partyID: "", price: Money(fen: 1)) }
            let expertSheet = ExpertScoreSheet(expertID: member!.id, scores: scores)
            try ComprehensiveEvaluation.checkComplete(sheet: ScoringSheet(criteria: sheet.criteria), bids: priced, expertSheets: [expertSheet])
            let text = try ExpertDrawService.json(scores)
            try await db.raw("DELETE FROM evaluation_scores WHERE lot_id = \(bind: lotID) AND expert_id = \(bind: member!.id)").run()
            try await db.raw(
                "INSERT INTO evaluation_scores (lot_id, expert_id, scores, created_at) VALUES (\(bind: lotID), \(bind: member!.id), \(bind: text), \(bind: self.platform.nowMillis()))"
            ).run()
            _ = try await LogRecords.append(
                LogEvent(type: "evaluation.scored", project: projectID, lot: lotID, actor: actor.logName, time: self.platform.clock.now(),
                         data: ["scoresSha256": Hash.sha256(Data(text.utf8)).hex]),
                on: db
            )
        }
    }

    /// Every member's score sheet so far.
    static func scoreSheets(lotID: String, on db: any SQLDatabase) async throws -> [ExpertScoreSheet] {
        struct Row: Decodable { var expertId: String; var scores: String }
        let rows = try await db.rows("SELECT expert_id, scores FROM evaluation_scores WHERE lot_id = \(bind: lotID) ORDER BY expert_id", as: Row.self)
        return try rows.map { ExpertScoreSheet(expertID: $0.expertId, scores: try ExpertDrawService.decode([String: [String: Score]].self, $0.scores)) }
    }
}
