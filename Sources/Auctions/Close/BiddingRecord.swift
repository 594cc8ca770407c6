import Foundation

/// One line of a bidding record: which number bid what, when.
public struct BiddingRecordEntry: Hashable, Codable, Sendable {
    /// The bid's sequence number in the auction.
    public var sequence: Int
    /// 竞买号 of the bidder.
    public var number: BidderNumber
    /// The price bid, in fen.
    public var amount: Fen
    /// Server receipt time — the legal time of the bid.
    public var time: Date
    /// How the bid entered the auction (a 优先购买权人's match is marked as such).
    public var kind: AuctionBid.Kind
    /// The bidder's name: only on the winner's lines, and only after the close.
    public var party: BidderParty?

    /// A line of the record.
    public init(sequence: Int, number: BidderNumber, amount: Fen, time: Date, kind: AuctionBid.Kind, party: BidderParty?) {
        self.sequence = sequence
        self.number = number
        self.amount = amount
        self.time = time
        self.kind = kind
        self.party = party
    }

    /// The lines for `bids`, numbered through `registry`, naming only `winner` (if any).
    static func lines(
        _ bids: [AuctionBid],
        registry: AuctionRegistry,
        naming winner: BidderID?
    ) throws(AuctionRecordError) -> [BiddingRecordEntry] {
        var lines: [BiddingRecordEntry] = []
        for bid in bids {
            guard let registration = registry.registration(bidder: bid.bidder) else { throw .unknownBidder(bid.bidder) }
            lines.append(
                BiddingRecordEntry(
                    sequence: bid.sequence,
                    number: registration.number,
                    amount: bid.amount,
                    time: bid.time,
                    kind: bid.kind,
                    party: bid.bidder == winner ? registration.party : nil
                )
            )
        }
        return lines
    }
}

/// 竞价记录 — the public record of bidding, published after the close: every accepted bid by bidder number, price
/// and time; the winner's name on the winner's lines and no other name (拍§14(六) 🟡: the confirmation naming the
/// buyer is public). Only `AuctionClose` makes one.
public struct BiddingRecord: Hashable, Codable, Sendable {
    /// The auction.
    public var auctionID: String
    /// The legal close instant.
    public var closedAt: Date
    /// Every accepted bid, in sequence order.
    public var entries: [BiddingRecordEntry]
    /// The winning number, if the lot sold.
    public var winner: BidderNumber?

    init(auctionID: String, closedAt: Date, entries: [BiddingRecordEntry], winner: BidderNumber?) {
        self.auctionID = auctionID
        self.closedAt = closedAt
        self.entries = entries
        self.winner = winner
    }
}
