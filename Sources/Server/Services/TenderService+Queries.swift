import Foundation
import SQLKit
import Storage
import TradingCore

extension TenderService {
    /// A project as `actor` may see it: drafts only for those who run or oversee it.
    public func project(_ projectID: String, for actor: Actor?) async throws -> ProjectView {
        let now = self.platform.clock.now()
        return try await self.platform.engine.read { db in
            guard let project = try await db.row("SELECT * FROM projects WHERE id = \(bind: projectID)", as: ProjectRow.self),
                  project.published == 1 || Self.oversees(project, actor)
            else { throw TradingError.notFound("Project", zh: "项目") }
            return try await Self.view(project, for: actor, now: now, on: db)
        }
    }

    /// Projects `actor` runs (tenderer/agency), or every project for the operator and regulator.
    public func projects(runBy actor: Actor) async throws -> [ProjectView] {
        let now = self.platform.clock.now()
        return try await self.platform.engine.read { db in
            let rows: [ProjectRow]
            if actor.role == .operator || actor.role == .regulator {
                rows = try await db.rows("SELECT * FROM projects WHERE source_platform IS NULL ORDER BY created_at DESC LIMIT 200", as: ProjectRow.self)
            } else if let party = actor.partyID, actor.role.runsProcedures {
                rows = try await db.rows(
                    "SELECT * FROM projects WHERE tenderer_party_id = \(bind: party) OR agency_party_id = \(bind: party) ORDER BY created_at DESC LIMIT 200",
                    as: ProjectRow.self
                )
            } else {
                throw TradingError.forbidden()
            }
            var views: [ProjectView] = []
            for row in rows { views.append(try await Self.view(row, for: actor, now: now, on: db)) }
            return views
        }
    }

    /// Published projects, newest first, optionally of one trading type or lot phase.
    public func publicProjects(tradingType: String?, phase: String?, limit: Int) async throws -> [ProjectView] {
        let now = self.platform.clock.now()
        return try await self.platform.engine.read { db in
            var query = SQLQueryString("SELECT * FROM projects p WHERE p.published = 1")
            if let tradingType { query = query + " AND p.trading_type = \(bind: tradingType)" }
            if let phase { query = query + " AND EXISTS (SELECT 1 FROM lots l WHERE l.project_id = p.id AND l.phase = \(bind: phase))" }
            query = query + " ORDER BY p.created_at DESC LIMIT \(bind: min(max(limit, 1), 200))"
            let finalQuery = query
            var views: [ProjectView] = []
            for row in try await db.rows(finalQuery, as: ProjectRow.self) { views.append(try await Self.view(row, for: nil, now: now, on: db)) }
            return views
        }
    }

    static func view(_ project: ProjectRow, for actor: Actor?, now: Date, on db: any SQLDatabase) async throws -> ProjectView {
        let lots = try await db.rows("SELECT * FROM lots WHERE project_id = \(bind: project.id) ORDER BY number", as: LotRow.self)
        let oversees = Self.oversees(project, actor)
        let lotViews = try lots.map { LotView($0, lifecycle: try TenderService.decode($0.lifecycle), now: now, showResult: oversees) }
        let tenderer = try await db.row("SELECT * FROM parties WHERE id = \(bind: project.tendererPartyId)", as: PartyRow.self)
        let documents = try await DocumentService.attachments(projectID: project.id, kinds: ["tender", "clarification", "contract"], on: db)
        let rules = (try? JSONDecoder().decode(ProcedureRules.self, from: Data(project.rules.utf8))) ?? ProcedureRules()
        return ProjectView(
            id: project.id, dealCode: project.dealCode, title: project.title, description: project.description,
            catalogCode: project.catalogCode, tradingType: project.tradingType, region: project.region, funding: project.funding,
            tendererPartyId: project.tendererPartyId, tendererName: tenderer?.name ?? "", agencyPartyId: project.agencyPartyId,
            published: project.published == 1, createdAt: Timestamps.rfc3339(Timestamps.date(project.createdAt)),
            rules: rules, lots: lotViews, documents: documents
        )
    }
}
