import Auctions
import Foundation
import Storage
import TradingCore

/// The bids of one auction in a bid transaction, taken in order against the engine: each one's answer, its bid row and
/// witness-log entry (with the entries of anything time changed on the way), and the stream messages — written
/// together by `AuctionService.commit`.
struct BidBatch {
    private struct Key: Hashable {
        var partyID: String
        var clientBidID: String
    }

    /// What the bid path reads of a registration (the other columns are not decoded for every bidder of every batch).
    struct Registrant: Sendable, Decodable {
        static let columns = "auction_id, party_id, number, deposit_confirmed_at"
        var auctionId: String
        var partyId: String
        var number: String
        var depositConfirmedAt: Int64?
    }

    private let registrations: [String: Registrant]
    private var earlier: [Key: AuctionBidRow]
    /// The auction's locked row, its columns moved on with each bid.
    var row: AuctionRow
    /// The engine, taken out of the process's cache (or rebuilt from the row), with the row version it belongs to.
    var entry: AuctionEngineCache.Entry
    private(set) var answers: [Result<BidAnswer, TradingError>] = []
    /// The new bid rows; their `logIndex` is set once the events are appended.
    var rows: [AuctionBidRow] = []
    private(set) var events: [LogEvent] = []
    /// For each new row, the index in `events` of its own entry.
    private(set) var bidEvents: [Int] = []
    private(set) var messages: [AuctionMessage] = []
    /// The messages as written, with their text (set when the change is written; published after the commit).
    var kept: [AuctionHub.Kept] = []
    /// Whether the engine changed (a bid accepted, or time moved a phase).
    private(set) var changed = false
    /// Whether anything but an accepted bid changed the engine: then its snapshot is written now, because replaying
    /// the accepted bids onto the last snapshot would not reproduce it.
    private(set) var needsSnapshot = false

    init(row: AuctionRow, registrations: [Registrant], earlier: [AuctionBidRow], entry: AuctionEngineCache.Entry) {
        self.row = row
        self.registrations = Dictionary(registrations.map { ($0.partyId, $0) }, uniquingKeysWith: { first, _ in first })
        self.earlier = Dictionary(earlier.map { (Key(partyID: $0.partyId, clientBidID: $0.clientBidId), $0) }, uniquingKeysWith: { first, _ in first })
        self.entry = entry
    }

    /// Takes one bid received at `now` (the legal time, read inside the lock).
    mutating func take(_ order: BidIntake.Order, now: Date) throws {
        let key = Key(partyID: order.partyID, clientBidID: order.clientBidID)
        if let earlier = self.earlier[key] {
            guard earlier.amountFen == order.amountFen else {
                self.answers.append(.failure(AuctionRejection.clientBidIDReused.tradingError))
                return
            }
            self.answers.append(try AuctionService.storedAnswer(earlier))
            return
        }
        guard let registration = self.registrations[order.partyID] else {
            self.answers.append(.failure(TradingError(.forbidden, code: "not-registered", zh: "您尚未登记参加本场竞价", en: "You have not registered for this auction")))
            return
        }
        let request = BidRequest(clientBidID: order.clientBidID, bidder: BidderID(registration.number), amount: order.amountFen)
        let effects: [AuctionEffect]
        if registration.depositConfirmedAt == nil {
            effects = self.entry.engine.tick(now: now) + [.bidRejected(BidRejection(clientBidID: order.clientBidID, bidder: request.bidder, reason: .depositNotPaid))]
        } else {
            effects = self.entry.engine.bid(request, now: now)
        }
        var messages: [AuctionMessage] = []
        // A refusal that time did not accompany changes nothing stored.
        if effects.contains(where: { if case .bidRejected = $0 { false } else { true } }) {
            messages = try AuctionService.messages(self.entry.engine, effects: effects, row: &self.row, at: now)
            self.messages += messages
            self.changed = true
            if effects.contains(where: { !$0.followsFromBid }) { self.needsSnapshot = true }
        }
        var bidRow = AuctionBidRow(
            id: Identifiers.make(), auctionId: self.row.id, partyId: order.partyID, clientBidId: order.clientBidID, number: registration.number,
            amountFen: order.amountFen, receivedAt: Timestamps.millis(now), accepted: 0, bidSequence: nil, seq: nil, reasonCode: nil,
            statusCode: 201, response: "", logIndex: 0
        )
        let answer: Result<BidAnswer, TradingError>
        var logData = ["auction": self.row.id, "amountFen": "\(order.amountFen)", "clientBidIdSha256": Secrets.sha256(order.clientBidID)]
        if let acknowledgement = effects.acknowledgement {
            let seq = messages.first { $0.bidSequence == Int64(acknowledgement.sequence) }?.seq ?? self.row.seq
            let view = BidAnswer(auctionID: self.row.id, acknowledgement: acknowledgement, seq: seq)
            bidRow.accepted = 1
            bidRow.bidSequence = Int64(acknowledgement.sequence)
            bidRow.seq = seq
            bidRow.receivedAt = Timestamps.millis(acknowledgement.receivedAt)
            bidRow.response = try AuctionService.json(view)
            logData["seq"] = "\(seq)"
            logData["bidSequence"] = "\(acknowledgement.sequence)"
            answer = .success(view)
        } else {
            let reason = effects.rejection ?? .wrongPhase
            let error = reason.tradingError
            bidRow.reasonCode = reason.code
            bidRow.statusCode = error.kind == .conflict ? 409 : 422
            bidRow.response = try AuctionService.json(StoredRefusal(error))
            logData["refused"] = reason.code
            answer = .failure(error)
        }
        self.bidEvents.append(self.events.count)
        self.events.append(LogEvent(
            type: bidRow.accepted == 1 ? "auction.bid" : "auction.bid-refused", project: self.row.projectId, lot: self.row.lotId,
            actor: "bidder-number:\(registration.number)", time: now, data: logData
        ))
        self.events += AuctionService.stateChangeEvents(messages, row: self.row, at: now)
        self.rows.append(bidRow)
        self.earlier[key] = bidRow
        self.answers.append(answer)
    }
}

extension AuctionEffect {
    /// Whether replaying the accepted bids onto an earlier snapshot reproduces this effect's change (an accepted
    /// raise, its standing price and the countdown it restarts, or a refusal, which changes nothing).
    var followsFromBid: Bool {
        switch self {
        case .bidAccepted, .bidRejected, .extendEnd, .announce(.standingPrice): true
        default: false
        }
    }
}
