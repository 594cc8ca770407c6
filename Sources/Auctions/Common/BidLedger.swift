import Foundation

/// The accepted bids of one auction, their sequence numbers, and the acknowledgements kept for idempotency.
struct BidLedger: Hashable, Codable, Sendable {
    private struct Key: Hashable, Codable, Sendable {
        var bidder: BidderID
        var clientBidID: String
    }

    private struct Receipt: Hashable, Codable, Sendable {
        var requestedAmount: Fen
        var acknowledgement: BidAcknowledgement
    }

    private(set) var bids: [AuctionBid] = []
    private var receipts: [Key: Receipt] = [:]

    /// If this `(bidder, clientBidID)` was accepted before: the original acknowledgement, or a rejection when the
    /// id now carries a different amount. `nil` for a new bid.
    func replay(of request: BidRequest) -> AuctionEffect? {
        let key = Key(bidder: request.bidder, clientBidID: request.clientBidID)
        guard let receipt = self.receipts[key] else { return nil }
        guard receipt.requestedAmount == request.amount else {
            return .bidRejected(
                BidRejection(clientBidID: request.clientBidID, bidder: request.bidder, reason: .clientBidIDReused)
            )
        }
        return .bidReplayed(receipt.acknowledgement)
    }

    /// Records an accepted bid and gives it the next sequence number.
    mutating func append(_ request: BidRequest, amount: Fen, time: Date, kind: AuctionBid.Kind) -> AuctionBid {
        let bid = AuctionBid(
            sequence: self.bids.count + 1,
            clientBidID: request.clientBidID,
            bidder: request.bidder,
            amount: amount,
            time: time,
            kind: kind
        )
        self.bids.append(bid)
        return bid
    }

    /// Keeps the acknowledgement so that a resent request gets it back unchanged.
    mutating func remember(_ acknowledgement: BidAcknowledgement, for request: BidRequest) {
        let key = Key(bidder: request.bidder, clientBidID: request.clientBidID)
        self.receipts[key] = Receipt(requestedAmount: request.amount, acknowledgement: acknowledgement)
    }

    /// Everyone who has an accepted bid.
    var bidders: Set<BidderID> {
        Set(self.bids.map(\.bidder))
    }
}

/// The bid ladder of an ascending auction: first bid from the start price, then the standing price plus
/// N × increment (产权: "next valid bid = current price + N × increment").
struct IncrementLadder: Hashable, Codable, Sendable {
    var startPrice: Fen
    var increment: Fen
    /// Upper bound on N, if the exchange sets one.
    var maximumIncrementsPerBid: Int?
    /// Whether the first bid may be exactly the start price (N = 0).
    var firstBidMayEqualStart: Bool

    /// Why `amount` is not acceptable over `standing`, or nil if it is.
    func rejection(of amount: Fen, over standing: Fen?, mayEqualStanding: Bool = false) -> AuctionRejection? {
        guard amount > 0 else { return .invalidAmount }
        let base = standing ?? self.startPrice
        let minimumSteps: Int64 = (standing == nil ? self.firstBidMayEqualStart : mayEqualStanding) ? 0 : 1
        let (minimum, overflow) = base.addingReportingOverflow(minimumSteps * self.increment)
        guard !overflow, amount >= minimum else { return .belowMinimum(minimum: overflow ? .max : minimum) }
        let raise = amount - base
        guard raise % self.increment == 0 else {
            return .notOnIncrementLadder(base: base, increment: self.increment)
        }
        if let cap = self.maximumIncrementsPerBid, raise / self.increment > Int64(cap) {
            let (maximum, overflow) = Int64(cap).multipliedReportingOverflow(by: self.increment)
            return .raiseTooLarge(maximum: overflow ? .max : base + maximum)
        }
        return nil
    }

    /// The lowest amount a new bid may have over `standing`.
    func lowestAcceptable(over standing: Fen?) -> Fen {
        let steps: Int64 = standing == nil && self.firstBidMayEqualStart ? 0 : 1
        let (lowest, overflow) = (standing ?? self.startPrice).addingReportingOverflow(steps * self.increment)
        return overflow ? .max : lowest
    }

    var violations: [AuctionRulesViolation] {
        var violations: [AuctionRulesViolation] = []
        if self.startPrice <= 0 { violations.append(.notPositive(.startPrice)) }
        if self.increment <= 0 { violations.append(.notPositive(.increment)) }
        if let cap = self.maximumIncrementsPerBid, cap <= 0 { violations.append(.notPositive(.maximumIncrementsPerBid)) }
        return violations
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

extension BidRequest {
    func rejected(_ reason: AuctionRejection) -> AuctionEffect {
        .bidRejected(BidRejection(clientBidID: self.clientBidID, bidder: self.bidder, reason: reason))
    }
}
