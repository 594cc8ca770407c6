import ExpertDraw
import Foundation
import SQLKit
import Storage
import TradingCore

extension ExpertDrawService {
    /// A draw as anyone may see it: the commitment, the parties and their reveals, and after the draw the seed and
    /// the salted result hash. `committee` (names) only for those ``namesVisible(phase:to:)`` allows.
    public struct DrawView: Sendable, Codable {
        /// The draw id.
        public var id: String
        /// The project.
        public var projectId: String
        /// The lot.
        public var lotId: String
        /// `committed` or `drawn`.
        public var status: String
        /// The commitment logged before the draw.
        public var commitment: DrawCommitment
        /// The parties and their reveals.
        public var contributions: [ContributionView]
        /// The seed, once drawn.
        public var seed: String?
        /// The salted result hash, once drawn.
        public var resultHash: String?
        /// When it was drawn, RFC 3339.
        public var drawnAt: String?
        /// Categories the draw could not fill, with how many seats are missing.
        public var shortfall: [String: Int]?
        /// The committee after declines, when the viewer may see names.
        public var committee: [SeatView]?
        /// The log entry of the commitment.
        public var logIndex: Int64
    }

    /// A party's commitment and, once revealed, its value.
    public struct ContributionView: Sendable, Codable {
        /// The party.
        public var party: String
        /// SHA-256 of its value (hex).
        public var commitment: String
        /// The revealed value (hex), once revealed.
        public var value: String?
    }

    /// One seat of the committee with the expert's name and answer.
    public struct SeatView: Sendable, Codable {
        /// The seat's category.
        public var category: String
        /// The expert's registry id.
        public var expertId: String
        /// The expert's name.
        public var name: String
        /// `pending`, `accepted`.
        public var status: String
    }

    /// 条例46: names stay secret until the result — the operator and the regulator see them from the opening
    /// (when evaluation begins), everyone after the award.
    static func namesVisible(phase: TenderPhase, to actor: Actor?) -> Bool {
        if [.awarded, .contracted, .archived].contains(phase) { return true }
        guard let actor, actor.role == .operator || actor.role == .regulator else { return false }
        return [.opened, .evaluation, .candidatesPublished].contains(phase)
    }

    /// The draw's public view (names only where allowed).
    public func view(projectID: String, lotID: String, drawID: String, for actor: Actor?) async throws -> DrawView {
        let (_, lot) = try await self.projectAndLot(projectID, lotID, by: actor, runnerOnly: false)
        return try await self.platform.engine.read { db in
            guard let draw = try await db.row("SELECT * FROM expert_draws WHERE id = \(bind: drawID) AND lot_id = \(bind: lotID)", as: ExpertDrawRow.self) else {
                throw TradingError.notFound("Draw", zh: "专家抽取")
            }
            let contributions = try await db.rows("SELECT * FROM draw_contributions WHERE draw_id = \(bind: drawID) ORDER BY position", as: DrawContributionRow.self)
            let bundle = try draw.bundle.map { try Self.decode(DrawBundle.self, $0) }
            var view = DrawView(
                id: draw.id, projectId: draw.projectId, lotId: draw.lotId, status: draw.status, commitment: try Self.decode(DrawCommitment.self, draw.commitment),
                contributions: contributions.map { ContributionView(party: $0.party, commitment: $0.commitment, value: $0.value) },
                seed: bundle?.seed.hex, resultHash: draw.resultHash, drawnAt: draw.drawnAt.map { Timestamps.rfc3339(Timestamps.date($0)) },
                shortfall: bundle.map { $0.result.shortfall(rules: $0.rules) }.flatMap { $0.isEmpty ? nil : $0 }, committee: nil, logIndex: draw.logIndex
            )
            if let bundle, Self.namesVisible(phase: TenderPhase(rawValue: lot.phase) ?? .draft, to: actor) {
                view.committee = try await Self.seats(bundle, drawID: drawID, on: db)
            }
            return view
        }
    }

    /// 抽取记录包 — the published bundle in the layout of shared/vectors/draw/expert_draw_v1.json, with the declines
    /// and the revealed result salt; for the operator and the regulator from the opening, for everyone after the award.
    public func bundle(projectID: String, lotID: String, drawID: String, for actor: Actor?) async throws -> Data {
        let (_, lot) = try await self.projectAndLot(projectID, lotID, by: actor, runnerOnly: false)
        let draw = try await self.platform.engine.read { db in
            try await db.row("SELECT * FROM expert_draws WHERE id = \(bind: drawID) AND lot_id = \(bind: lotID)", as: ExpertDrawRow.self)
        }
        guard let draw else { throw TradingError.notFound("Draw", zh: "专家抽取") }
        guard let text = draw.bundle else {
            throw TradingError.conflict("draw-not-done", zh: "尚未抽取", en: "The draw has not been made yet")
        }
        guard Self.namesVisible(phase: TenderPhase(rawValue: lot.phase) ?? .draft, to: actor) else {
            throw TradingError(
                .forbidden, code: "draw-secret", zh: "评标委员会名单在中标结果确定前保密（条例46）",
                en: "The committee stays secret until the result (条例46)", article: "条例46"
            )
        }
        var bundle = try Self.decode(DrawBundle.self, text)
        bundle.note = "Expert draw of lot \(lotID), algorithm v1 (DESIGN.md); verify with `yiwang verify draw`."
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .withoutEscapingSlashes]
        return try encoder.encode(bundle)
    }

    /// The seats after declines, with names and answers.
    static func seats(_ bundle: DrawBundle, drawID: String, on db: any SQLDatabase) async throws -> [SeatView] {
        struct Answer: Decodable { var expertId: String; var status: String; var name: String }
        let answers = try await db.rows(
            "SELECT i.expert_id, i.status, e.name FROM expert_invitations i JOIN experts e ON e.id = i.expert_id WHERE i.draw_id = \(bind: drawID)",
            as: Answer.self
        )
        let byID = Dictionary(answers.map { ($0.expertId, $0) }, uniquingKeysWith: { _, last in last })
        let seats: [CommitteeSeat]
        do throws(DrawError) { seats = try bundle.committee() } catch { throw Self.refusal(error) }
        return seats.map { SeatView(category: $0.category, expertId: $0.id, name: byID[$0.id]?.name ?? "", status: byID[$0.id]?.status ?? "pending") }
    }

    /// The project and the lot; with `runnerOnly`, only its tenderer or agency, or the operator, may go on.
    func projectAndLot(_ projectID: String, _ lotID: String, by actor: Actor?, runnerOnly: Bool) async throws -> (ProjectRow, LotRow) {
        let (project, lot) = try await self.platform.engine.read { db in
            (try await db.row("SELECT * FROM projects WHERE id = \(bind: projectID)", as: ProjectRow.self),
             try await db.row("SELECT * FROM lots WHERE id = \(bind: lotID) AND project_id = \(bind: projectID)", as: LotRow.self))
        }
        guard let project, project.published == 1 || TenderService.oversees(project, actor) else { throw TradingError.notFound("Project", zh: "项目") }
        guard let lot else { throw TradingError.notFound("Lot", zh: "标段") }
        if runnerOnly {
            guard let actor else { throw TradingError.signInRequired }
            guard TenderService.runs(project, actor) || actor.role == .operator else {
                throw TradingError.forbidden("只有本项目的招标人、代理机构或交易中心可以组织专家抽取", en: "Only this project's tenderer or agency, or the operator, runs its expert draw")
            }
        }
        return (project, lot)
    }
}
