import Auctions
import Foundation
import SQLKit
import Storage
import TradingCore

extension AuctionService {
    /// The room as anyone sees it; a passed deadline is first delivered through the locked path (close on read).
    public func view(auctionID: String, by actor: Actor?) async throws -> AuctionView {
        try await self.advanceIfDue(auctionID: auctionID)
        let now = self.platform.clock.now()
        return try await self.platform.engine.read { db in
            guard let row = try await db.row("SELECT * FROM auctions WHERE id = \(bind: auctionID)", as: AuctionRow.self) else { throw TradingError.auctionNotFound }
            var mine: AuctionRegistrationView?
            if let actor, actor.role == .bidder, let party = actor.partyID,
                let registration = try row.decodedRegistry().registrations.first(where: { $0.party.id == party })
            {
                mine = AuctionRegistrationView(registration, auctionID: row.id, partyID: party)
            }
            return try AuctionView(row, engine: try await Self.currentEngine(row, platform: self.platform, on: db), registration: mine, now: now)
        }
    }

    /// The stream messages after `after`, in order (at most `limit`), each stamped with the server time now.
    public func messages(auctionID: String, after: Int64, limit: Int = 500) async throws -> [AuctionMessage] {
        try await self.advanceIfDue(auctionID: auctionID)
        return try await self.storedMessages(auctionID: auctionID, after: after, limit: limit)
    }

    /// The stored messages after `after` without advancing (the live room's replay).
    func storedMessages(auctionID: String, after: Int64, limit: Int) async throws -> [AuctionMessage] {
        let now = Timestamps.rfc3339(self.platform.clock.now())
        return try await self.platform.engine.read { db in
            guard try await db.row("SELECT id FROM auctions WHERE id = \(bind: auctionID)", as: IDOnly.self) != nil else { throw TradingError.auctionNotFound }
            let rows = try await db.rows(
                "SELECT * FROM auction_events WHERE auction_id = \(bind: auctionID) AND seq > \(bind: after) ORDER BY seq LIMIT \(bind: limit)",
                as: AuctionEventRow.self
            )
            return try rows.map {
                var message = try JSONDecoder().decode(AuctionMessage.self, from: Data($0.message.utf8))
                message.serverTime = now
                return message
            }
        }
    }

    /// 竞价结果 — public after the close only (409 before: the record would name no one yet, and the reserve is sealed).
    public func record(auctionID: String) async throws -> AuctionRecordView {
        try await self.advanceIfDue(auctionID: auctionID)
        return try await self.platform.engine.read { db in
            guard let row = try await db.row("SELECT * FROM auctions WHERE id = \(bind: auctionID)", as: AuctionRow.self) else { throw TradingError.auctionNotFound }
            guard let close = try row.decodedClose() else {
                throw TradingError.conflict("auction-not-closed", zh: "竞价尚未结束，结果和竞价记录在结束后公开", en: "The auction has not closed; the result and bidding record are published at the close")
            }
            var view = AuctionRecordView(close, parameters: try row.decodedParameters())
            view.withdrawal = try row.decodedWithdrawal()
            return view
        }
    }

    /// What a relisting (再次拍卖 / 重新挂牌) gives: the new start price and period, optionally a new deposit.
    public struct RelistForm: Sendable, Codable {
        /// 起始价 (起拍价), fen.
        public var startPriceFen: Int64
        /// 竞买保证金, fen.
        public var depositFen: Int64?
        /// Bidding opens (RFC 3339).
        public var opensAt: String
        /// The scheduled end of free bidding (English), of bidding (judicial) or of the listing; left out for a Dutch
        /// auction, whose clock fixes it.
        public var closesAt: String?
        /// Registration closes here, if set.
        public var registrationClosesAt: String?
    }

    /// 流拍 → a new auction of the same lot with the start price cut at most as the rules allow (拍§26: 20 % for judicial
    /// sales). Refused for a sold or withdrawn lot (409) or a cut too deep (409, with the lowest allowed price).
    public func relist(auctionID: String, form: RelistForm, by actor: Actor) async throws -> AuctionView {
        try await self.advanceIfDue(auctionID: auctionID)
        let row = try await self.platform.engine.read { db in
            try await db.row("SELECT * FROM auctions WHERE id = \(bind: auctionID)", as: AuctionRow.self)
        }
        guard let row else { throw TradingError.auctionNotFound }
        guard let close = try row.decodedClose() else {
            throw TradingError.conflict("auction-not-closed", zh: "竞价尚未结束，不能再次拍卖", en: "The auction has not closed; it cannot be relisted yet")
        }
        guard row.kind != "reverse" else {
            throw TradingError.conflict("relisting-refused", zh: "反向竞价不能再次竞价，请重新组织采购", en: "A reverse auction is not relisted; run the procurement again")
        }
        var parameters = try row.decodedParameters()
        parameters.previousStartPriceFen = parameters.startPriceFen
        parameters.startPriceFen = try AuctionSetup.relistedStartPrice(form.startPriceFen, after: close, previous: parameters.previousStartPriceFen ?? 0, policy: AuctionSetup.relistingPolicy(parameters))
            .mapError(\.tradingError).get()
        if parameters.kind == "judicial" { parameters.appraisedValueFen = parameters.appraisedValueFen ?? parameters.startPriceFen }
        parameters.depositFen = form.depositFen ?? parameters.depositFen
        parameters.opensAt = Timestamps.millis(try APIController.instant(form.opensAt, field: "opensAt"))
        let kind = try row.decodedKindParameters()
        parameters.closesAt = try AuctionSetup.closesAt(try form.closesAt.map { try APIController.instant($0, field: "closesAt") }, parameters: parameters, kind: kind)
        parameters.registrationClosesAt = try form.registrationClosesAt.map { Timestamps.millis(try APIController.instant($0, field: "registrationClosesAt")) }
        return try await self.create(
            projectID: row.projectId, lotID: row.lotId, parameters: parameters, kind: kind, reserveFen: row.reserveFen, relistedFrom: row.id, by: actor)
    }
}

extension AuctionService {
    /// Delivers a passed deadline before a read; a read-only look first, so that reads take no write lock otherwise.
    func advanceIfDue(auctionID: String) async throws {
        guard let state = try await self.liveState(auctionID: auctionID) else { throw TradingError.auctionNotFound }
        if let due = state.nextDeadline, due <= Timestamps.millis(self.platform.clock.now()) {
            try await self.advance(auctionID: auctionID)
        }
    }

    /// The title of an auction's project (the room shows it; the auction itself is public).
    func projectTitle(_ projectID: String) async throws -> String {
        struct Title: Decodable { var title: String }
        return try await self.platform.engine.read { db in
            try await db.row("SELECT title FROM projects WHERE id = \(bind: projectID)", as: Title.self)?.title ?? ""
        }
    }
}

struct IDOnly: Decodable { var id: String }
