import Foundation

/// What a bidder sends: an amount and a client-chosen id that makes resending safe (idempotency key).
public struct BidRequest: Hashable, Codable, Sendable {
    /// Chosen by the bidder's client; the same `(bidder, clientBidID)` sent twice is one bid.
    public var clientBidID: String
    public var bidder: BidderID
    public var amount: Fen

    public init(clientBidID: String, bidder: BidderID, amount: Fen) {
        self.clientBidID = clientBidID
        self.bidder = bidder
        self.amount = amount
    }
}

/// 出价记录 — one accepted bid, numbered in the order the auction accepted it.
public struct AuctionBid: Hashable, Codable, Sendable {
    /// How the bid entered the auction.
    public enum Kind: String, Hashable, Codable, Sendable {
        /// An ordinary raise (or, in a listing, a quote).
        case raise
        /// 优先购买权人 matching the current highest price (judicial auctions).
        case preemptionMatch
        /// Taking the clock price in a Dutch auction.
        case clockAcceptance
        /// A sealed initial price in a reverse auction.
        case sealedInitial
        /// A lowered price in a reverse auction.
        case reduction
    }

    /// 1, 2, 3… per auction, with no gaps.
    public var sequence: Int
    public var clientBidID: String
    public var bidder: BidderID
    /// The price the bid stands at (for a clock acceptance: the clock price, not the amount sent).
    public var amount: Fen
    /// Server receipt time — the legal time of the bid.
    public var time: Date
    public var kind: Kind

    public init(sequence: Int, clientBidID: String, bidder: BidderID, amount: Fen, time: Date, kind: Kind) {
        self.sequence = sequence
        self.clientBidID = clientBidID
        self.bidder = bidder
        self.amount = amount
        self.time = time
        self.kind = kind
    }
}

/// 出价回执 — what the bidder gets back for an accepted bid; resending the same client bid id returns this same value.
public struct BidAcknowledgement: Hashable, Codable, Sendable {
    public var clientBidID: String
    public var bidder: BidderID
    public var sequence: Int
    /// The price the bid was accepted at.
    public var amount: Fen
    public var receivedAt: Date
    /// The standing price right after this bid.
    public var standingPrice: Fen
    /// Whether this bid leads right after it was accepted.
    public var isLeading: Bool
    /// The end of bidding (or of the current turn or countdown) right after this bid, if the auction has one.
    public var endsAt: Date?

    public init(
        clientBidID: String,
        bidder: BidderID,
        sequence: Int,
        amount: Fen,
        receivedAt: Date,
        standingPrice: Fen,
        isLeading: Bool,
        endsAt: Date?
    ) {
        self.clientBidID = clientBidID
        self.bidder = bidder
        self.sequence = sequence
        self.amount = amount
        self.receivedAt = receivedAt
        self.standingPrice = standingPrice
        self.isLeading = isLeading
        self.endsAt = endsAt
    }
}

/// A refused bid, with the reason to show the bidder.
public struct BidRejection: Hashable, Codable, Sendable {
    public var clientBidID: String
    public var bidder: BidderID
    public var reason: AuctionRejection

    public init(clientBidID: String, bidder: BidderID, reason: AuctionRejection) {
        self.clientBidID = clientBidID
        self.bidder = bidder
        self.reason = reason
    }
}
