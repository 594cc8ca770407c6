import Foundation

/// A summary of the bidding behind a result: how many bids and bidders, the first and the winning price.
public struct BiddingSummary: Hashable, Codable, Sendable {
    /// Accepted bids.
    public var bidCount: Int
    /// Distinct bidders with an accepted bid.
    public var bidderCount: Int
    /// Bids that were a 优先购买权人 matching the highest price.
    public var preemptionMatches: Int
    /// The first accepted bid's price and time.
    public var firstBid: Fen?
    /// When the first bid was accepted.
    public var firstBidAt: Date?
    /// The last accepted bid's time.
    public var lastBidAt: Date?
    /// Winning price − first bid (negative in a reverse auction, where prices fall); 0 without a sale.
    public var priceMovement: Fen

    /// The summary of `bids` (in sequence order) for a sale at `price`, if any.
    init(bids: [AuctionBid], price: Fen?) {
        self.bidCount = bids.count
        self.bidderCount = Set(bids.map(\.bidder)).count
        self.preemptionMatches = bids.filter { $0.kind == .preemptionMatch }.count
        self.firstBid = bids.first?.amount
        self.firstBidAt = bids.first?.time
        self.lastBidAt = bids.last?.time
        if let price, let first = bids.first?.amount {
            self.priceMovement = price - first
        } else {
            self.priceMovement = 0
        }
    }
}

/// 成交确认书 — the confirmation of sale the platform issues at the close: who won (number and party), at what
/// price and when, how the bidding went, and how the deposit counts towards the price. Public, with the buyer's
/// real identity (拍§14(六) 🟡).
public struct SaleConfirmation: Hashable, Codable, Sendable {
    /// The auction.
    public var auctionID: String
    /// 竞买号 of the winner.
    public var winnerNumber: BidderNumber
    /// 买受人 — the winner.
    public var winner: BidderParty
    /// 成交价, in fen.
    public var price: Fen
    /// 成交时间 — the legal close instant.
    public var closedAt: Date
    /// When the winning bid was received.
    public var winningBidAt: Date
    /// Sequence number of the winning bid.
    public var winningSequence: Int
    /// The winner is a 优先购买权人 who won by matching.
    public var byPreemption: Bool
    /// How the bidding went.
    public var history: BiddingSummary
    /// The part of the price the deposit pays (保证金充抵价款), in fen.
    public var depositApplied: Fen
    /// What the winner still owes, in fen.
    public var balanceDue: Fen
}
