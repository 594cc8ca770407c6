import Foundation

/// 成交 — the bid that won and the price it won at.
public struct AuctionAward: Hashable, Codable, Sendable {
    public var bidder: BidderID
    public var price: Fen
    /// Sequence number of the winning bid.
    public var sequence: Int
    /// The winner is a 优先购买权人 who won by matching (judicial auctions).
    public var byPreemption: Bool

    public init(bidder: BidderID, price: Fen, sequence: Int, byPreemption: Bool = false) {
        self.bidder = bidder
        self.price = price
        self.sequence = sequence
        self.byPreemption = byPreemption
    }
}

/// Why an auction ended without a sale.
public enum NoSaleReason: Hashable, Codable, Sendable {
    /// Nobody bid.
    case noBids
    /// 拍卖法§50: the best bid missed the hidden reserve (保留价), revealed now. For a reverse auction, the best
    /// bid is the lowest and the reserve is the highest price the purchaser will pay.
    case reserveNotMet(bestBid: Fen, reserve: Fen)
    /// A Dutch clock reached its floor and nobody took it.
    case floorReached(floor: Fen)
    /// Fewer bidders than the procedure needs.
    case tooFewBidders(count: Int, minimum: Int)
    /// 撤回 — the auction was withdrawn by its organiser.
    case withdrawn
}

/// 竞价结果 — how an auction ended: sold (成交) or not (流拍).
public enum AuctionOutcome: Hashable, Codable, Sendable {
    /// 成交. In a reverse auction this is the award to the lowest price.
    case sold(AuctionAward)
    /// 流拍.
    case noSale(NoSaleReason)

    /// The winning bidder, if any.
    public var winner: BidderID? {
        if case .sold(let award) = self { return award.bidder }
        return nil
    }
}

/// 重新拍卖 — what a re-auction of an unsold lot may start at.
public struct RelistingTerms: Hashable, Codable, Sendable {
    public var previousStartPrice: Fen
    /// The lowest start price the re-auction may use (拍§26: cut at most 20 % of the previous start price).
    public var minimumStartPrice: Fen

    public init(previousStartPrice: Fen, minimumStartPrice: Fen) {
        self.previousStartPrice = previousStartPrice
        self.minimumStartPrice = minimumStartPrice
    }

    /// The terms when the start price may be cut by at most `maximumCutPercent` % (0…100) of the previous one;
    /// the minimum is rounded up to whole fen, so a cut never exceeds the limit.
    public init(previousStartPrice: Fen, maximumCutPercent: Int) {
        self.previousStartPrice = previousStartPrice
        self.minimumStartPrice = previousStartPrice.percentRoundedUp(Int64(100 - maximumCutPercent))
    }
}

/// A bidder's identity behind its anonymous participant number, revealed when a reverse auction closes.
public struct ParticipantIdentity: Hashable, Codable, Sendable {
    public var participant: Int
    public var bidder: BidderID

    public init(participant: Int, bidder: BidderID) {
        self.participant = participant
        self.bidder = bidder
    }
}

/// What every auction does when it closes: announce the outcome and release the losers' deposits.
enum AuctionClosing {
    static func effects(
        outcome: AuctionOutcome,
        at closedAt: Date,
        depositHolders: Set<BidderID>,
        releaseWithin: TimeInterval
    ) -> [AuctionEffect] {
        var effects: [AuctionEffect] = [.closed(outcome, at: closedAt)]
        let released = depositHolders.subtracting(outcome.winner.map { [$0] } ?? []).sorted()
        if !released.isEmpty {
            effects.append(.releaseDeposits(released, by: closedAt.addingTimeInterval(releaseWithin)))
        }
        return effects
    }

    /// 拍卖法§50: the best bid of an ascending auction against the hidden reserve.
    static func ascendingOutcome(leader: AuctionBid?, reserve: Fen?, byPreemption: Bool = false) -> AuctionOutcome {
        guard let leader else { return .noSale(.noBids) }
        if let reserve, leader.amount < reserve {
            return .noSale(.reserveNotMet(bestBid: leader.amount, reserve: reserve))
        }
        return .sold(
            AuctionAward(bidder: leader.bidder, price: leader.amount, sequence: leader.sequence, byPreemption: byPreemption)
        )
    }
}
