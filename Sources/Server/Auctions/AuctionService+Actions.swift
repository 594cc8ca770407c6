import Auctions
import Foundation
import SQLKit
import Storage
import TradingCore

extension AuctionService {
    /// 表示继续竞价 — during a listing (挂牌), a registered bidder with a confirmed deposit (and, by default, a quote)
    /// declares it wants to keep bidding after the listing ends; with enough such bidders the listing goes to a live
    /// round (现场竞价) among them. Declaring twice is the same answer. Refused 409 outside the listing phase (or on
    /// another kind), 422 without a quote, 403 unregistered.
    public func continueBidding(auctionID: String, by actor: Actor) async throws -> AuctionRegistrationView {
        var view = try await self.bidderAction(auctionID: auctionID, by: actor, logType: "auction.intent-to-continue") { engine, bidder, now in
            engine.declareIntentToContinue(bidder, now: now)
        }
        view.continuing = true
        return view
    }

    /// A reverse-auction participant keeps its price for its turn (the next participant's turn starts at once).
    /// Refused 409 when it is not its turn (`not-your-turn`), outside bidding, or on another kind.
    public func pass(auctionID: String, by actor: Actor) async throws -> AuctionRegistrationView {
        try await self.bidderAction(auctionID: auctionID, by: actor, logType: "auction.passed") { engine, bidder, now in
            engine.pass(bidder, now: now)
        }
    }

    /// A bidder's action other than a bid, in ONE locked transaction with its witness-log entry: what time already
    /// did is written even when the action is refused; a refusal alone leaves the row as it was.
    private func bidderAction(
        auctionID: String, by actor: Actor, logType: String, _ act: @Sendable (inout AuctionEngine, BidderID, Date) -> [AuctionEffect]
    ) async throws -> AuctionRegistrationView {
        guard actor.role == .bidder, let partyID = actor.partyID else {
            throw TradingError.forbidden("只有本场竞价的竞买人可以操作", en: "Only this auction's bidders do this")
        }
        let platform = self.platform
        let (result, published): (Result<AuctionRegistrationView, TradingError>, [AuctionMessage]) = try await platform.engine.transaction { db in
            var row = try await Self.locked(auctionID, platform: platform, on: db)
            guard let registration = try await db.row(
                "SELECT * FROM auction_registrations WHERE auction_id = \(bind: auctionID) AND party_id = \(bind: partyID)", as: AuctionRegistrationRow.self
            ) else {
                throw TradingError(.forbidden, code: "not-registered", zh: "您尚未登记参加本场竞价", en: "You have not registered for this auction")
            }
            let now = Timestamps.date(Timestamps.millis(platform.clock.now()))
            var engine = try await Self.currentEngine(row, platform: platform, on: db)
            let bidder = BidderID(registration.number)
            var effects = engine.tick(now: now)
            if registration.depositConfirmedAt == nil {
                effects.append(.actionRejected(bidder, .intentToContinue, .depositNotPaid))
            } else {
                effects += act(&engine, bidder, now)
            }
            let refusal = effects.lazy.compactMap { effect -> AuctionRejection? in
                if case .actionRejected(_, _, let reason) = effect { return reason } else { return nil }
            }.first
            let accepted = effects.contains { if case .actionAccepted = $0 { true } else { false } }
            let changed = effects.contains { if case .actionRejected = $0 { false } else { true } }
            let persisted = changed ? try await Self.persist(engine, effects: effects, row: &row, at: now, platform: platform, on: db) : []
            if accepted {
                _ = try await LogRecords.append(
                    LogEvent(type: logType, project: row.projectId, lot: row.lotId, actor: "bidder-number:\(registration.number)", time: now, data: ["auction": auctionID]),
                    on: db
                )
            }
            try await Self.logStateChanges(persisted, row: row, at: now, on: db)
            if let refusal { return (.failure(refusal.tradingError), persisted) }
            guard let entry = try row.decodedRegistry().registrations.first(where: { $0.party.id == partyID }) else { throw TradingError.auctionNotFound }
            return (.success(AuctionRegistrationView(entry, auctionID: auctionID, partyID: partyID)), persisted)
        }
        if !published.isEmpty { platform.auctionHub.publish(auctionID, published) }
        return try result.get()
    }
}
