import Auctions
import Foundation
import NIOPosix
import SQLKit
import Storage
import TradingCore

extension AuctionService {
    /// 出价 — the bid path. Bids that arrive together are committed in ONE transaction (`BidIntake`), those of other
    /// auctions included, each exactly as if alone: lock the auction, answer a resent client bid id with the stored
    /// answer (never a second row), take the server receipt time inside the lock as the legal time, feed the engine,
    /// write the bid row, the stream messages and the witness-log entry; commit; only then acknowledge. A refused bid is
    /// kept as a refused row with its log entry and answered 4xx (zh + en); the engine state stays as it was, except for
    /// what time alone changed (a close the bid noticed).
    public func bid(auctionID: String, clientBidID: String, amountFen: Int64, by actor: Actor) async throws -> BidAnswer {
        guard actor.role == .bidder, let partyID = actor.partyID else {
            throw TradingError.forbidden("只有登记的竞买人可以出价", en: "Only registered bidders bid")
        }
        let clientBidID = clientBidID.trimmingCharacters(in: .whitespaces)
        guard (1...100).contains(clientBidID.count) else {
            throw TradingError.invalid("client-bid-id", zh: "clientBidId 为 1–100 个字符", en: "clientBidId is 1–100 characters")
        }
        let platform = self.platform
        let order = BidIntake.Order(clientBidID: clientBidID, partyID: partyID, amountFen: amountFen)
        return try await platform.bidIntake.submit(order, auctionID: auctionID) { groups in
            try await Self.commit(groups, platform: platform)
        }.get()
    }

    /// One transaction for the bids of several auctions (see `bid`); each group's answers in its orders' order. The
    /// statements are one per transaction, not per auction (the locks, the reads, the log entries, the bid rows, the
    /// messages, the rows' updates), and one more for each auction that time or a person also changed (its snapshot).
    static func commit(_ groups: [BidIntake.Group], platform: Platform) async throws -> [[Result<BidAnswer, TradingError>]] {
        let batches = try await platform.engine.transaction { db -> [BidBatch] in
            let rows = try await Self.locked(groups.map(\.auctionID), platform: platform, on: db)
            let registrants = Dictionary(grouping: try await Self.registrants(groups, on: db), by: \.auctionId)
            let earlier = Dictionary(grouping: try await Self.earlierBids(groups, on: db), by: \.auctionId)
            var batches: [BidBatch] = []
            for group in groups {
                guard let row = rows[group.auctionID] else { throw TradingError.auctionNotFound }
                var batch = BidBatch(
                    row: row, registrations: registrants[row.id] ?? [], earlier: earlier[row.id] ?? [],
                    entry: try await Self.currentEntry(row, platform: platform, on: db, taking: true))
                for order in group.orders {
                    try batch.take(order, now: Timestamps.date(Timestamps.millis(platform.clock.now())))
                }
                batches.append(batch)
            }
            let positions = try await LogRecords.append(batches.flatMap(\.events), on: db)
            var first = 0
            for index in batches.indices {
                for (row, event) in batches[index].bidEvents.enumerated() { batches[index].rows[row].logIndex = positions[first + event].index }
                first += batches[index].events.count
            }
            try await db.insert("auction_bids", rows: batches.flatMap(\.rows))
            let now = platform.clock.now()
            var changes: [AuctionChange] = []
            for index in batches.indices where batches[index].changed {
                let batch = batches[index]
                changes.append(try Self.prepare(batch.entry.engine, messages: batch.messages, row: &batches[index].row, rebased: batch.needsSnapshot, at: now))
                batches[index].entry.version = batches[index].row.version
                batches[index].kept = changes[changes.count - 1].kept
            }
            try await Self.write(changes, at: now, platform: platform, on: db)
            return batches
        }
        for batch in batches { Self.committed(batch, platform: platform) }
        return batches.map(\.answers)
    }

    /// After the commit: keeps the batch's engine, publishes its messages, and writes the snapshot when it is due.
    private static func committed(_ batch: BidBatch, platform: Platform) {
        let auctionID = batch.row.id, entry = batch.entry
        platform.auctionEngines.keep(auctionID, entry)
        if !batch.kept.isEmpty { platform.auctionHub.publish(auctionID, kept: batch.kept) }
        let due = batch.changed && !batch.needsSnapshot
            && Self.snapshotDue(acceptedBids: entry.engine.machine.acceptedBids.count, snapshotBids: batch.row.snapshotBids)
        if due, platform.auctionEngines.startSnapshot(auctionID) {
            // Off the bid path: encoding a long ledger would hold the auction's lock for every bidder.
            Task.detached {
                defer { platform.auctionEngines.endSnapshot(auctionID) }
                try? await Self.writeSnapshot(entry, auctionID: auctionID, platform: platform)
            }
        }
    }

    /// What the bid path reads of the registrations of `groups`' bidders (each party on each of the auctions: the
    /// batches take their own auction's).
    static func registrants(_ groups: [BidIntake.Group], on db: any SQLDatabase) async throws -> [BidBatch.Registrant] {
        let parties = Array(Set(groups.flatMap { $0.orders.map(\.partyID) }))
        return try await db.rows(
            SQLQueryString("SELECT " + BidBatch.Registrant.columns + " FROM auction_registrations WHERE auction_id IN ")
                + "(\(binds: groups.map(\.auctionID))) AND party_id IN (\(binds: parties))",
            as: BidBatch.Registrant.self
        )
    }

    /// The stored bids with the same (auction, party, client bid id) as one of the orders: one probe of the unique
    /// index each (`auction_id, party_id, client_bid_id`), never a walk over an auction's bids. (Written as a join with
    /// the keys: SQLite's planner turns an `OR` of more than two keys, or an `IN` list on the last column, into such a
    /// walk.)
    static func earlierBids(_ groups: [BidIntake.Group], on db: any SQLDatabase) async throws -> [AuctionBidRow] {
        var keys = SQLQueryString("")
        for (index, (auctionID, order)) in groups.flatMap({ group in group.orders.map { (group.auctionID, $0) } }).enumerated() {
            if index > 0 { keys += SQLQueryString(", ") }
            keys += "(\(bind: auctionID), \(bind: order.partyID), \(bind: order.clientBidID))"
        }
        return try await db.rows(
            "WITH k (auction_id, party_id, client_bid_id) AS (VALUES " + keys
                + SQLQueryString(") SELECT b.* FROM k JOIN auction_bids b ON b.auction_id = k.auction_id AND b.party_id = k.party_id")
                + SQLQueryString(" AND b.client_bid_id = k.client_bid_id"),
            as: AuctionBidRow.self
        )
    }

    /// Writes `entry`'s engine as the auction's snapshot in a transaction of its own. The state does not change (the
    /// version stays): the snapshot only shortens the replay. It is not written over a newer snapshot, nor over a change
    /// that was not an accepted bid (`rebased_version` after the entry's version).
    static func writeSnapshot(_ entry: AuctionEngineCache.Entry, auctionID: String, platform: Platform) async throws {
        let machine = try await AuctionEngineCache.snapshotThread.runIfActive { try entry.engine.encoded() }
        let bids = Int64(entry.engine.machine.acceptedBids.count)
        try await platform.engine.transaction { db in
            try await db.raw("""
                UPDATE auctions SET machine = \(bind: machine), snapshot_bids = \(bind: bids)
                WHERE id = \(bind: auctionID) AND rebased_version <= \(bind: entry.version) AND snapshot_bids < \(bind: bids)
                """).run()
        }
    }

    /// Delivers `tick` to the auction if its next deadline has passed (the scheduler and every read call this), through
    /// the same locked path as bids. Returns whether anything changed.
    @discardableResult
    public func advance(auctionID: String) async throws -> Bool {
        let platform = self.platform
        let published = try await platform.engine.transaction { db -> [AuctionMessage]? in
            var row = try await Self.locked(auctionID, platform: platform, on: db)
            let now = Timestamps.date(Timestamps.millis(platform.clock.now()))
            guard let due = row.nextDeadline, Timestamps.millis(now) >= due else { return nil }
            var engine = try await Self.currentEngine(row, platform: platform, on: db)
            let effects = engine.tick(now: now)
            let persisted = try await Self.persist(engine, effects: effects, row: &row, at: now, platform: platform, on: db)
            try await Self.logStateChanges(persisted, row: row, at: now, on: db)
            return persisted
        }
        guard let published else { return false }
        platform.auctionHub.publish(auctionID, published)
        return true
    }

    /// Advances every auction whose deadline has passed (the scheduler's tick); returns how many changed.
    public func advanceDue() async throws -> Int {
        let now = Timestamps.millis(self.platform.clock.now())
        struct Due: Decodable { var id: String }
        let due = try await self.platform.engine.read { db in
            try await db.rows("SELECT id FROM auctions WHERE status <> 'closed' AND next_deadline <= \(bind: now) ORDER BY next_deadline LIMIT 500", as: Due.self)
        }
        var changed = 0
        for auction in due where try await self.advance(auctionID: auction.id) { changed += 1 }
        return changed
    }

    static func storedAnswer(_ row: AuctionBidRow) throws -> Result<BidAnswer, TradingError> {
        let data = Data(row.response.utf8)
        if row.accepted == 1 { return .success(try JSONDecoder().decode(BidAnswer.self, from: data)) }
        return .failure(try JSONDecoder().decode(StoredRefusal.self, from: data).error)
    }
}

/// A refusal as stored with its bid row, so that a resent bid gets the same answer.
struct StoredRefusal: Codable {
    var kind: String
    var code: String
    var zh: String
    var en: String

    init(_ error: TradingError) {
        self.kind = error.kind.rawValue
        self.code = error.code
        self.zh = error.zh
        self.en = error.en
    }

    var error: TradingError {
        TradingError(TradingError.Kind(rawValue: self.kind) ?? .conflict, code: self.code, zh: self.zh, en: self.en)
    }
}

extension Array where Element == AuctionEffect {
    var acknowledgement: BidAcknowledgement? {
        for effect in self { if case .bidAccepted(let ack) = effect { return ack } }
        for effect in self { if case .bidReplayed(let ack) = effect { return ack } }
        return nil
    }

    var rejection: AuctionRejection? {
        for effect in self { if case .bidRejected(let rejection) = effect { return rejection.reason } }
        return nil
    }
}
