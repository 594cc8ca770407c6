import Auctions
import Foundation
import SQLKit
import Storage
import TradingCore

extension AuctionService {
    /// 表示继续竞价 — during a listing (挂牌), a registered bidder with a confirmed deposit (and, by default, a quote)
    /// declares it wants to keep bidding after the listing ends; with enough such bidders the listing goes to a live
    /// round (现场竞价) among them. In ONE locked transaction with its witness-log entry; declaring twice is the same
    /// answer. Refused 409 outside the listing phase (or on another kind), 422 without a quote, 403 unregistered.
    public func continueBidding(auctionID: String, by actor: Actor) async throws -> AuctionRegistrationView {
        guard actor.role == .bidder, let partyID = actor.partyID else {
            throw TradingError.forbidden("只有登记的竞买人可以表示继续竞价", en: "Only registered bidders declare they will continue")
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
            var engine = try await Self.currentEngine(row, on: db)
            let bidder = BidderID(registration.number)
            var effects = engine.tick(now: now)
            if registration.depositConfirmedAt == nil {
                effects.append(.actionRejected(bidder, .intentToContinue, .depositNotPaid))
            } else {
                effects += engine.declareIntentToContinue(bidder, now: now)
            }
            let refusal = effects.lazy.compactMap { effect -> AuctionRejection? in
                if case .actionRejected(_, _, let reason) = effect { return reason } else { return nil }
            }.first
            let accepted = effects.contains { if case .actionAccepted = $0 { true } else { false } }
            let changed = effects.contains {
                switch $0 {
                case .actionRejected: false
                default: true
                }
            }
            // Only what the engine did is written: a refusal that time did not accompany leaves the row as it was.
            let persisted = changed ? try await Self.persist(engine, effects: effects, row: &row, at: now, platform: platform, on: db) : []
            try await Self.logStateChanges(persisted, row: row, at: now, on: db)
            if let refusal { return (.failure(refusal.tradingError), persisted) }
            if accepted {
                _ = try await LogRecords.append(
                    LogEvent(type: "auction.intent-to-continue", project: row.projectId, lot: row.lotId, actor: "bidder-number:\(registration.number)",
                             time: now, data: ["auction": auctionID]),
                    on: db
                )
            }
            guard let entry = try row.decodedRegistry().registrations.first(where: { $0.party.id == partyID }) else { throw TradingError.auctionNotFound }
            var view = AuctionRegistrationView(entry, auctionID: auctionID, partyID: partyID)
            view.continuing = true
            return (.success(view), persisted)
        }
        if !published.isEmpty { platform.auctionHub.publish(auctionID, published) }
        return try result.get()
    }
}
