import Auctions
import Foundation
import SQLKit
import Storage
import TradingCore

extension AuctionService {
    /// Accepted bids after which the bid path writes the engine's snapshot again, beside the bids (`writeSnapshot`): at
    /// least 256, and half the bids so far — the snapshots of a long auction double in size, so encoding them costs at
    /// most about twice the final ledger in all, and a cold replay reads at most half the bids. Any change that time or
    /// a person made writes the snapshot at once, with the change.
    static func snapshotDue(acceptedBids: Int, snapshotBids: Int64) -> Bool {
        Int64(acceptedBids) - snapshotBids >= Int64(max(256, acceptedBids / 2))
    }

    /// The engine of a stored auction as of its (locked or just read) row. The kept engine when it belongs to the
    /// row's version; else the kept engine with the accepted bids since replayed, when only accepted bids changed the
    /// auction since (`rebasedVersion`); else the snapshot with the accepted bids after it replayed. Each replayed bid
    /// must be accepted again with its sequence number and time, or the stored record is inconsistent (409, nothing
    /// changed).
    static func currentEngine(_ row: AuctionRow, platform: Platform, on db: any SQLDatabase) async throws -> AuctionEngine {
        try await self.currentEntry(row, platform: platform, on: db, taking: false).engine
    }

    /// `currentEngine` as a cache entry; `taking` removes the kept engine from the cache (the bid path).
    static func currentEntry(_ row: AuctionRow, platform: Platform, on db: any SQLDatabase, taking: Bool) async throws -> AuctionEngineCache.Entry {
        var engine: AuctionEngine
        if let kept = platform.auctionEngines.entry(row.id, taking: taking), kept.version <= row.version, row.rebasedVersion <= kept.version {
            if kept.version == row.version { return kept }
            engine = kept.engine
        } else if row.machine.isEmpty {
            // A locked row comes without its snapshot.
            struct Snapshot: Decodable { var machine: String }
            guard let stored = try await db.row("SELECT machine FROM auctions WHERE id = \(bind: row.id)", as: Snapshot.self) else {
                throw TradingError.auctionNotFound
            }
            engine = try AuctionEngine.decode(stored.machine)
        } else {
            engine = try row.decodedSnapshot()
        }
        try await Self.replay(onto: &engine, auctionID: row.id, on: db)
        return AuctionEngineCache.Entry(version: row.version, engine: engine)
    }

    /// Feeds `engine` the accepted bids stored after its own, in sequence.
    private static func replay(onto engine: inout AuctionEngine, auctionID: String, on db: any SQLDatabase) async throws {
        struct Accepted: Decodable {
            var clientBidId: String
            var number: String
            var amountFen: Int64
            var receivedAt: Int64
            var bidSequence: Int64
        }
        let since = try await db.rows(
            """
            SELECT client_bid_id, number, amount_fen, received_at, bid_sequence FROM auction_bids
            WHERE auction_id = \(bind: auctionID) AND bid_sequence > \(bind: Int64(engine.machine.acceptedBids.count)) AND accepted = 1
            ORDER BY bid_sequence
            """,
            as: Accepted.self
        )
        for bid in since {
            let request = BidRequest(clientBidID: bid.clientBidId, bidder: BidderID(bid.number), amount: bid.amountFen)
            let effects = engine.bid(request, now: Timestamps.date(bid.receivedAt))
            guard let acknowledgement = effects.acknowledgement, Int64(acknowledgement.sequence) == bid.bidSequence,
                Timestamps.millis(acknowledgement.receivedAt) == bid.receivedAt
            else {
                throw TradingError.conflict(
                    "auction-replay", zh: "竞价记录与引擎快照不一致，已停止处理", en: "The stored bids do not replay onto the engine snapshot; nothing was changed")
            }
        }
    }
}
