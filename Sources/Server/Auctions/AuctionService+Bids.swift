import Auctions
import Foundation
import SQLKit
import Storage
import TradingCore

extension AuctionService {
    /// 出价 — the bid path. In ONE transaction: lock the auction, answer a resent client bid id with the stored answer
    /// (never a second row), take the server receipt time inside the lock as the legal time, feed the engine, write the
    /// bid row, the snapshot, the stream messages and the witness-log entry, commit; only then acknowledge. A refused
    /// bid is kept as a refused row with its log entry and answered 4xx (zh + en); the engine state stays as it was,
    /// except for what time alone changed (a close the bid noticed).
    public func bid(auctionID: String, clientBidID: String, amountFen: Int64, by actor: Actor) async throws -> BidAnswer {
        guard actor.role == .bidder, let partyID = actor.partyID else {
            throw TradingError.forbidden("只有登记的竞买人可以出价", en: "Only registered bidders bid")
        }
        let clientBidID = clientBidID.trimmingCharacters(in: .whitespaces)
        guard (1...100).contains(clientBidID.count) else {
            throw TradingError.invalid("client-bid-id", zh: "clientBidId 为 1–100 个字符", en: "clientBidId is 1–100 characters")
        }
        let platform = self.platform
        let (result, published): (Result<BidAnswer, TradingError>, [AuctionMessage]) = try await platform.engine.transaction { db in
            var row = try await Self.locked(auctionID, platform: platform, on: db)
            if let earlier = try await db.row(
                "SELECT * FROM auction_bids WHERE auction_id = \(bind: auctionID) AND party_id = \(bind: partyID) AND client_bid_id = \(bind: clientBidID)",
                as: AuctionBidRow.self
            ) {
                guard earlier.amountFen == amountFen else { return (.failure(AuctionRejection.clientBidIDReused.tradingError), []) }
                return (try Self.storedAnswer(earlier), [])
            }
            guard let registration = try await db.row(
                "SELECT * FROM auction_registrations WHERE auction_id = \(bind: auctionID) AND party_id = \(bind: partyID)", as: AuctionRegistrationRow.self
            ) else {
                throw TradingError(.forbidden, code: "not-registered", zh: "您尚未登记参加本场竞价", en: "You have not registered for this auction")
            }
            let now = Timestamps.date(Timestamps.millis(platform.clock.now()))
            var engine = try row.decodedEngine()
            let request = BidRequest(clientBidID: clientBidID, bidder: BidderID(registration.number), amount: amountFen)
            var effects: [AuctionEffect]
            if registration.depositConfirmedAt == nil {
                effects = engine.tick(now: now) + [.bidRejected(BidRejection(clientBidID: clientBidID, bidder: request.bidder, reason: .depositNotPaid))]
            } else {
                effects = engine.bid(request, now: now)
            }
            // A refusal that time did not accompany leaves the stored engine exactly as it was.
            let changed = effects.contains { if case .bidRejected = $0 { false } else { true } }
            let persisted = changed ? try await Self.persist(engine, effects: effects, row: &row, at: now, platform: platform, on: db) : []
            var bidRow = AuctionBidRow(
                id: Identifiers.make(), auctionId: auctionID, partyId: partyID, clientBidId: clientBidID, number: registration.number,
                amountFen: amountFen, receivedAt: Timestamps.millis(now), accepted: 0, bidSequence: nil, seq: nil, reasonCode: nil,
                statusCode: 201, response: "", logIndex: 0
            )
            let answer: Result<BidAnswer, TradingError>
            var logData = ["auction": auctionID, "amountFen": "\(amountFen)", "clientBidIdSha256": Secrets.sha256(clientBidID)]
            if let acknowledgement = effects.acknowledgement {
                let seq = persisted.first { $0.bidSequence == Int64(acknowledgement.sequence) }?.seq ?? row.seq
                let view = BidAnswer(auctionID: auctionID, acknowledgement: acknowledgement, seq: seq)
                bidRow.accepted = 1
                bidRow.bidSequence = Int64(acknowledgement.sequence)
                bidRow.seq = seq
                bidRow.receivedAt = Timestamps.millis(acknowledgement.receivedAt)
                bidRow.response = try Self.json(view)
                logData["seq"] = "\(seq)"
                logData["bidSequence"] = "\(acknowledgement.sequence)"
                answer = .success(view)
            } else {
                let reason = effects.rejection ?? .wrongPhase
                let error = reason.tradingError
                bidRow.reasonCode = reason.code
                bidRow.statusCode = error.kind == .conflict ? 409 : 422
                bidRow.response = try Self.json(StoredRefusal(error))
                logData["refused"] = reason.code
                answer = .failure(error)
            }
            let position = try await LogRecords.append(
                LogEvent(type: bidRow.accepted == 1 ? "auction.bid" : "auction.bid-refused", project: row.projectId, lot: row.lotId,
                         actor: "bidder-number:\(registration.number)", time: now, data: logData),
                on: db
            )
            bidRow.logIndex = position.index
            try await db.insert("auction_bids", bidRow)
            try await Self.logStateChanges(persisted, row: row, at: now, on: db)
            return (answer, persisted)
        }
        if !published.isEmpty { platform.auctionHub.publish(auctionID, published) }
        return try result.get()
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
            var engine = try row.decodedEngine()
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
