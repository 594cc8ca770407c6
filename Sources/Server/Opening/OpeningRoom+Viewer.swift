import Foundation
import SQLKit
import Storage
import TradingCore

extension OpeningRoom {
    /// What one signed-in visitor may do in the room (the status itself is the same for everyone).
    public struct Viewer: Sendable, Equatable {
        /// Share indexes (1-based) this visitor releases: its own custodian seats, or every seat without an account
        /// for the operator (who uploads on such a custodian's behalf).
        public var custodianPositions: [Int] = []
        /// A bidder with a bid in the lot: may raise objections.
        public var bidder = false
        /// The project's tenderer or agency: answers objections and signs the record.
        public var runner = false
    }

    /// The visitor's part in the room of a lot.
    public func viewer(projectID: String, lotID: String, actor: Actor?) async throws -> Viewer {
        guard let actor else { return Viewer() }
        return try await self.platform.engine.read { db in
            guard let project = try await db.row("SELECT * FROM projects WHERE id = \(bind: projectID)", as: ProjectRow.self) else {
                throw TradingError.notFound("Project", zh: "项目")
            }
            let panel = try await SealedBiddingService.panel(projectID: projectID, on: db)
            var viewer = Viewer()
            viewer.custodianPositions = panel.filter { $0.accountId == actor.accountID || (actor.role == .operator && $0.accountId == nil) }
                .map { Int($0.position) + 1 }
            if actor.role == .bidder, let party = actor.partyID {
                viewer.bidder = try await Self.hasBid(partyID: party, lotID: lotID, on: db)
            }
            viewer.runner = TenderService.runs(project, actor)
            return viewer
        }
    }
}
