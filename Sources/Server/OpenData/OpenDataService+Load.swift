import Foundation
import SQLKit
import Storage
import TradingCore

extension OpenDataService {
    struct PartyRowLite: Decodable { var id: String; var name: String; var creditCode: String? }

    /// Reads what the releases need: the public project, its notices, opened bids and the parties named.
    func load(projectID: String, baseURL: String) async throws -> OCDSProjectData {
        let project = try await self.platform.tenders.project(projectID, for: nil as Actor?)
        guard project.published else { throw TradingError.notFound("Project", zh: "项目") }
        let entry = try await self.platform.catalog.entry(project.catalogCode)
        let opened: Set<String> = ["opened", "evaluation", "candidates-published", "awarded", "contracted", "archived"]
        let openedLots = project.lots.filter { opened.contains($0.phase) || $0.award != nil || $0.candidates != nil }.map(\.id)
        let (notices, bids, parties) = try await self.platform.engine.read { db in
            let notices = try await db.rows("SELECT * FROM notices WHERE project_id = \(bind: projectID) ORDER BY published_at, id", as: NoticeRow.self)
            let bids = openedLots.isEmpty ? [] : try await db.rows(
                "SELECT * FROM bids WHERE project_id = \(bind: projectID) AND status = 'active' AND lot_id IN (\(binds: openedLots)) ORDER BY submitted_at, id", as: BidRow.self
            )
            var ids = Set(bids.map(\.partyId)).union([project.tendererPartyId])
            if let agency = project.agencyPartyId { ids.insert(agency) }
            for lot in project.lots { for candidate in lot.candidates ?? [] { ids.insert(candidate.partyID) } }
            let parties = try await db.rows("SELECT id, name, credit_code FROM parties WHERE id IN (\(binds: Array(ids)))", as: PartyRowLite.self)
            return (notices, bids, parties)
        }
        let organizations = Dictionary(parties.map { ($0.id, OCDSProjectData.Organization(id: $0.id, name: $0.name, creditCode: $0.creditCode)) }) { a, _ in a }
        let tenderer = organizations[project.tendererPartyId] ?? .init(id: project.tendererPartyId, name: project.tendererName, creditCode: nil)
        var byLot: [String: [OCDSProjectData.OpenedBid]] = [:]
        for bid in bids {
            byLot[bid.lotId, default: []].append(.init(row: bid, bidder: organizations[bid.partyId] ?? .init(id: bid.partyId, name: bid.partyId, creditCode: nil)))
        }
        return OCDSProjectData(
            ocid: self.ocid(projectID), baseURL: baseURL, project: project, procedure: (entry.code, entry.procedureZh), tenderer: tenderer,
            agency: project.agencyPartyId.flatMap { organizations[$0] }, notices: notices, bids: byLot, organizations: organizations
        )
    }
}
