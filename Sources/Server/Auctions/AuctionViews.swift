import Auctions
import Foundation
import Storage

/// One message of an auction's live stream (竞价室): numbered `seq` 1, 2, 3… per auction with no gap, replayed from the
/// database after any `seq`. Never names a party; the winner's number only after the close.
public struct AuctionMessage: Sendable, Codable, Equatable {
    /// Stream sequence number.
    public var seq: Int64
    /// The auction.
    public var auctionId: String
    /// `opened`, `timed-bidding`, `clock-price` (Dutch), `live-round` (listing), `bid`, `closed`.
    public var type: String
    /// The legal time of the change (a bid's server receipt time; the close instant).
    public var time: String
    /// The end of bidding after this change (the countdown follows this and `serverTime`), nil once closed.
    public var endsAt: String?
    /// The standing price, fen.
    public var standingPriceFen: Int64?
    /// 竞买号 of a bid.
    public var number: String?
    /// The amount, fen.
    public var amountFen: Int64?
    /// The engine's bid sequence (1, 2, 3… accepted bids).
    public var bidSequence: Int64?
    /// `sold` or `unsold` on `closed`.
    public var outcome: String?
    /// The winner's bidder number.
    public var winnerNumber: String?
    /// 成交价, fen.
    public var priceFen: Int64?
    /// 流拍原因 (Chinese).
    public var reasonZh: String?
    /// Why unsold (English).
    public var reasonEn: String?
    /// The server clock when the message was sent (live and replay), so that pages count down by server time.
    public var serverTime: String?
    /// The Dutch clock's next drop on `clock-price` (nil at the floor).
    public var nextStepAt: String?
    /// When the live round starts, on `live-round`.
    public var startsAt: String?
    /// How many bidders take part in the live round, on `live-round`.
    public var participants: Int?
    /// The reverse auction's round, on `round` and `turn`.
    public var round: Int?
    /// The anonymous participant number, on `turn` and `price-lowered`.
    public var participant: Int?
    /// Who was behind each participant number, on `identities` (at the close of a reverse auction).
    public var identities: [AuctionParticipantLine]?

    init(seq: Int64, auctionId: String, type: String, time: String, endsAt: String?) {
        self.seq = seq
        self.auctionId = auctionId
        self.type = type
        self.time = time
        self.endsAt = endsAt
    }
}

/// 出价回执 — the acknowledgement of an accepted bid, sent only after the commit; a resent client bid id gets this same value.
public struct BidAnswer: Sendable, Codable, Equatable {
    /// The auction.
    public var auctionId: String
    /// The client bid id (idempotency key).
    public var clientBidId: String
    /// 竞买号 (bidder number).
    public var number: String
    /// Stream sequence number of the bid's message.
    public var seq: Int64
    /// Accepted-bid sequence (1, 2, 3…).
    public var bidSequence: Int64
    /// The amount, fen.
    public var amountFen: Int64
    /// Server receipt time inside the lock: the legal time of the bid.
    public var receivedAt: String
    /// The standing price, fen.
    public var standingPriceFen: Int64
    /// Whether the bid leads right after it.
    public var leading: Bool
    /// The end of bidding right after the bid (a countdown restart or an extension shows here).
    public var endsAt: String?

    init(auctionID: String, acknowledgement: BidAcknowledgement, seq: Int64) {
        self.auctionId = auctionID
        self.clientBidId = acknowledgement.clientBidID
        self.number = acknowledgement.bidder.rawValue
        self.seq = seq
        self.bidSequence = Int64(acknowledgement.sequence)
        self.amountFen = acknowledgement.amount
        self.receivedAt = Timestamps.rfc3339(acknowledgement.receivedAt)
        self.standingPriceFen = acknowledgement.standingPrice
        self.leading = acknowledgement.isLeading
        self.endsAt = acknowledgement.endsAt.map(Timestamps.rfc3339)
    }
}

/// 竞买登记 as its bidder and the operator see it.
public struct AuctionRegistrationView: Sendable, Codable, Equatable {
    /// The identifier.
    public var id: String
    /// The auction.
    public var auctionId: String
    /// The bidder's party.
    public var partyId: String
    /// The party's name.
    public var partyName: String
    /// 竞买号.
    public var number: String
    /// 优先购买权人顺序 (1 first), if any.
    public var preemptionOrder: Int?
    /// 竞买资格: the operator confirmed the deposit.
    public var qualified: Bool
    /// 竞买保证金, fen.
    public var depositFen: Int64?
    /// 表示继续竞价 — whether this bidder declared it wants the live round (listing, in the room view only).
    public var continuing: Bool?
    /// This bidder's anonymous participant number (reverse, in the room view only).
    public var participant: Int?

    init(_ registration: AuctionRegistration, auctionID: String, partyID: String) {
        self.id = registration.id.rawValue
        self.auctionId = auctionID
        self.partyId = partyID
        self.partyName = registration.party.name
        self.number = registration.number.digits
        self.preemptionOrder = registration.preemptionOrder
        self.qualified = registration.isQualified
        self.depositFen = registration.deposit?.amount
    }
}

/// One accepted bid as the public sees it: by bidder number only (the winner's name only in the close record).
public struct AuctionBidLine: Sendable, Codable, Equatable {
    /// Accepted-bid sequence (1, 2, 3…).
    public var bidSequence: Int64
    /// 竞买号 (bidder number).
    public var number: String
    /// The amount, fen.
    public var amountFen: Int64
    /// Server receipt time — the legal time of the bid (RFC 3339).
    public var time: String
    /// `raise` or `preemptionMatch`.
    public var kind: String
    /// The winner's name, only on the winner's lines and only after the close.
    public var partyName: String?

    init(_ entry: BiddingRecordEntry) {
        self.bidSequence = Int64(entry.sequence)
        self.number = entry.number.digits
        self.amountFen = entry.amount
        self.time = Timestamps.rfc3339(entry.time)
        self.kind = entry.kind.rawValue
        self.partyName = entry.party?.name
    }
}

/// A reverse auction's participant: its anonymous number, its current price, and (only in `identities` at the close)
/// its bidder number.
public struct AuctionParticipantLine: Sendable, Codable, Equatable {
    /// 1, 2, 3… in the order of the opened bids.
    public var participant: Int
    /// The current price, fen (absent in `identities`).
    public var priceFen: Int64?
    /// 竞买号 — only at the close.
    public var number: String?
}
