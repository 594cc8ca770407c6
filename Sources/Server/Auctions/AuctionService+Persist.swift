import Auctions
import Foundation
import SQLKit
import Storage
import TradingCore

extension AuctionService {
    /// Writes what one engine event did, inside the caller's locked transaction: its stream messages, the snapshot and
    /// its columns (see `messages` and `store`). Returns the messages written.
    static func persist(
        _ engine: AuctionEngine, effects: [AuctionEffect], row: inout AuctionRow, at now: Date, platform: Platform, on db: any SQLDatabase
    ) async throws -> [AuctionMessage] {
        let messages = try Self.messages(engine, effects: effects, row: &row, at: now)
        try await Self.store(engine, messages: messages, row: &row, rebased: true, at: now, platform: platform, on: db)
        return messages
    }

    /// The stream messages of one engine event: one per visible change (opened, timed period, bid, closed) numbered on
    /// from the row's `seq` (which is counted up), and at the close the close record (成交确认书 or 流拍, deposits to
    /// release, the bidding record) set on the row. Writes nothing.
    static func messages(_ engine: AuctionEngine, effects: [AuctionEffect], row: inout AuctionRow, at now: Date) throws -> [AuctionMessage] {
        var messages: [AuctionMessage] = []
        let endsAt = engine.endsAt.map(Timestamps.rfc3339)
        for effect in effects {
            var message = AuctionMessage(seq: row.seq + 1, auctionId: row.id, type: "", time: Timestamps.rfc3339(now), endsAt: endsAt)
            message.standingPriceFen = engine.machine.standingPrice
            switch effect {
            case .announce(.opened):
                message.type = "opened"
            case .announce(.timedPeriodStarted):
                message.type = "timed-bidding"
            case .announce(.clockPrice(let price, let nextStepAt)):
                message.type = "clock-price"
                message.standingPriceFen = price
                message.nextStepAt = nextStepAt.map(Timestamps.rfc3339)
            case .announce(.liveRoundStarted(let startsAt, let liveEndsAt, let participants)):
                message.type = "live-round"
                message.startsAt = Timestamps.rfc3339(startsAt)
                message.endsAt = Timestamps.rfc3339(liveEndsAt)
                message.participants = participants
            case .announce(.roundStarted(let round)):
                message.type = "round"
                message.round = round
            case .announce(.turnStarted(let round, let participant, let turnEndsAt)):
                message.type = "turn"
                message.round = round
                message.participant = participant
                message.endsAt = Timestamps.rfc3339(turnEndsAt)
            case .announce(.priceLowered(let participant, let amount)):
                message.type = "price-lowered"
                message.participant = participant
                message.amountFen = amount
            case .announce(.identitiesRevealed(let identities)):
                message.type = "identities"
                message.identities = identities.map { AuctionParticipantLine(participant: $0.participant, number: $0.bidder.rawValue) }
            case .bidAccepted(let ack):
                message.type = "bid"
                message.time = Timestamps.rfc3339(ack.receivedAt)
                message.number = ack.bidder.rawValue
                message.amountFen = ack.amount
                message.bidSequence = Int64(ack.sequence)
                message.standingPriceFen = ack.standingPrice
            case .closed(let outcome, let closedAt):
                message.type = "closed"
                message.time = Timestamps.rfc3339(closedAt)
                message.endsAt = nil
                let close = try Self.closeRecord(engine, registry: try row.decodedRegistry(), row: row)
                row.closeRecord = try Self.json(close)
                message.outcome = outcome.winner == nil ? "unsold" : "sold"
                message.winnerNumber = close.confirmation?.winnerNumber.digits
                message.priceFen = close.confirmation?.price
                message.reasonZh = close.unsoldReason?.chineseMessage
                message.reasonEn = close.unsoldReason?.englishMessage
            default:
                continue
            }
            row.seq += 1
            messages.append(message)
        }
        return messages
    }

    /// Writes `messages` and the auction row (`prepare`, then `write`). Returns the messages with their stored text,
    /// for the hub (so that they are encoded once).
    @discardableResult
    static func store(
        _ engine: AuctionEngine, messages: [AuctionMessage], row: inout AuctionRow, rebased: Bool, at now: Date, platform: Platform, on db: any SQLDatabase
    ) async throws -> [AuctionHub.Kept] {
        let change = try Self.prepare(engine, messages: messages, row: &row, rebased: rebased, at: now)
        try await Self.write([change], at: now, platform: platform, on: db)
        return change.kept
    }

    /// One auction's change as it will be written: the row with its new columns, and the messages with their text.
    struct AuctionChange {
        var row: AuctionRow
        var kept: [AuctionHub.Kept]
        var rebased: Bool
    }

    /// Sets the auction row's columns from `engine` and counts its version up; encodes `messages`. When `rebased` —
    /// something else than accepted bids changed the engine, so replaying bids onto an earlier state would miss it —
    /// the engine's snapshot too, marking this version in `rebased_version`; else the stored snapshot stays behind and
    /// the accepted bids since are replayed onto it. Writes nothing.
    static func prepare(_ engine: AuctionEngine, messages: [AuctionMessage], row: inout AuctionRow, rebased: Bool, at now: Date) throws -> AuctionChange {
        if rebased {
            row.machine = try engine.encoded()
            row.snapshotBids = Int64(engine.machine.acceptedBids.count)
        }
        row.version += 1
        if rebased { row.rebasedVersion = row.version }
        row.status = engine.status
        row.nextDeadline = engine.machine.nextDeadline.map(Timestamps.millis)
        row.endsAt = engine.endsAt.map(Timestamps.millis)
        row.standingFen = engine.machine.standingPrice
        row.updatedAt = Timestamps.millis(now)
        return AuctionChange(row: row, kept: try messages.map(AuctionHub.Kept.init(encoding:)), rebased: rebased)
    }

    /// Writes prepared changes of distinct auctions: their messages in one statement, the rows' columns in one, each
    /// rebased row's snapshot columns in one of its own, and on PostgreSQL one statement of NOTIFYs that tell the other
    /// server processes after the commit.
    static func write(_ changes: [AuctionChange], at now: Date, platform: Platform, on db: any SQLDatabase) async throws {
        try await db.insert("auction_events", rows: changes.flatMap { change in
            change.kept.map {
                AuctionEventRow(auctionId: change.row.id, seq: $0.message.seq, kind: $0.message.type, message: $0.text, createdAt: Timestamps.millis(now))
            }
        })
        // Every row's columns in one statement; accepted bids alone leave the snapshot, the registry and the close
        // record as stored (rewriting them on every batch would write megabytes for a long auction), so only a rebased
        // row gets a second statement for those.
        if !changes.isEmpty {
            var values = SQLQueryString("")
            for (index, row) in changes.map(\.row).enumerated() {
                if index > 0 { values += SQLQueryString(", ") }
                values += """
                    (\(bind: row.id), \(bind: row.status), \(bind: row.seq), \(bind: row.nextDeadline), \(bind: row.endsAt), \(bind: row.standingFen), \
                    \(bind: row.updatedAt), \(bind: row.version))
                    """
            }
            // VALUES names its columns column1… on both engines; the casts type a column whose every value is NULL.
            try await db.raw(SQLQueryString("""
                UPDATE auctions SET status = v.column2, seq = CAST(v.column3 AS BIGINT), next_deadline = CAST(v.column4 AS BIGINT), \
                ends_at = CAST(v.column5 AS BIGINT), standing_fen = CAST(v.column6 AS BIGINT), updated_at = CAST(v.column7 AS BIGINT), \
                version = CAST(v.column8 AS BIGINT) FROM (VALUES 
                """) + values + SQLQueryString(") AS v WHERE auctions.id = v.column1")).run()
        }
        for row in changes.filter(\.rebased).map(\.row) {
            try await db.raw("""
                UPDATE auctions SET machine = \(bind: row.machine), close_record = \(bind: row.closeRecord), registry = \(bind: row.registry),
                rebased_version = \(bind: row.rebasedVersion), snapshot_bids = \(bind: row.snapshotBids) WHERE id = \(bind: row.id)
                """).run()
        }
        let notified = changes.filter { !$0.kept.isEmpty }
        if platform.engine.dialect == .postgres, !notified.isEmpty {
            var notify = SQLQueryString("SELECT ")
            for (index, change) in notified.enumerated() {
                if index > 0 { notify += SQLQueryString(", ") }
                notify += "pg_notify(\(bind: AuctionHub.channel), \(bind: platform.auctionHub.payload(change.row.id, seq: change.row.seq)))"
            }
            try await db.raw(notify).run()
        }
    }

    /// The witness-log entries of time-driven changes (the bid's own entry is written by the bid path).
    static func logStateChanges(_ messages: [AuctionMessage], row: AuctionRow, at now: Date, on db: any SQLDatabase) async throws {
        _ = try await LogRecords.append(Self.stateChangeEvents(messages, row: row, at: now), on: db)
    }

    /// The witness-log events of the messages that time or the operator caused (every message but a bid).
    static func stateChangeEvents(_ messages: [AuctionMessage], row: AuctionRow, at now: Date) -> [LogEvent] {
        messages.filter { $0.type != "bid" }.map { message in
            var data = ["auction": row.id, "seq": "\(message.seq)"]
            if let outcome = message.outcome { data["outcome"] = outcome }
            if let price = message.priceFen { data["priceFen"] = "\(price)" }
            if let number = message.winnerNumber { data["winnerNumber"] = number }
            if let endsAt = message.endsAt { data["endsAt"] = endsAt }
            if message.type == "closed", let record = row.closeRecord { data["closeRecordSha256"] = Secrets.sha256(record) }
            return LogEvent(type: "auction.\(message.type)", project: row.projectId, lot: row.lotId, actor: Actor.system.logName,
                            time: Timestamps.parse(message.time) ?? now, data: data)
        }
    }

    /// 竞价结束 — the close record of a closed engine.
    static func closeRecord(_ engine: AuctionEngine, registry: AuctionRegistry, row: AuctionRow) throws -> AuctionClose {
        let parameters = try row.decodedParameters()
        do {
            return try AuctionClose(
                machine: engine.machine, registry: registry, reserve: try row.sealedReserve(),
                depositRelease: try AuctionSetup.depositRelease(parameters)
            )
        } catch let error as AuctionRecordError {
            throw TradingError.conflict("auction-record", zh: error.chineseMessage, en: error.englishMessage)
        }
    }
}
