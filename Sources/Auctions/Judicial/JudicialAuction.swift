import Foundation

/// 网络司法拍卖 — a court's online auction under 法释〔2016〕18号: ascending bids from the start price for at least
/// 24 h; a bid in the last 5 minutes moves the end to that bid's time + 5 minutes; when 5 minutes pass without a
/// bid the highest bid wins, even a single bidder's at the start price. 优先购买权人 may match the highest price
/// and win ties (lower order number first, same order → earlier bid). Unsold lots may be re-auctioned with the
/// start price cut at most 20 %.
public struct JudicialAuction: AuctionMachine {
    public enum Event: Hashable, Sendable {
        /// The bidder's deposit (保证金) arrived; it may bid from now on.
        case depositPaid(BidderID)
        case bid(BidRequest)
        /// Time passed; deliver at `nextDeadline`.
        case tick
        /// 撤回 — the court withdraws the auction.
        case withdraw
    }

    public enum Phase: Hashable, Codable, Sendable {
        case scheduled, bidding, closed
    }

    public let rules: JudicialAuctionRules
    public private(set) var phase: Phase = .scheduled
    /// The current end of bidding; only ever moves later.
    public private(set) var endsAt: Date
    /// The bid that would win if bidding ended now. Not public information before the close.
    public private(set) var leader: AuctionBid?
    public private(set) var outcome: AuctionOutcome?
    public private(set) var closedAt: Date?
    public private(set) var depositPayers: Set<BidderID> = []
    private var ledger = BidLedger()
    private var clock = MonotonicClock()

    public init(rules: JudicialAuctionRules) throws(InvalidAuctionRules) {
        let violations = rules.violations
        guard violations.isEmpty else { throw InvalidAuctionRules(violations: violations) }
        self.rules = rules
        self.endsAt = rules.biddingEnd
    }

    public var standingPrice: Fen? { self.leader?.amount }
    public var acceptedBids: [AuctionBid] { self.ledger.bids }

    /// The lowest new bid that would be accepted now (the next rung of the increment ladder), nil when not bidding. A 优先购买权人 may also match the standing price.
    public var minimumNextBid: Fen? {
        switch self.phase {
        case .bidding: self.rules.ladder.lowestAcceptable(over: self.standingPrice)
        default: nil
        }
    }

    public var biddingWindow: BiddingWindow {
        switch self.phase {
        case .scheduled: .notOpenYet(opensAt: self.rules.biddingStart)
        case .bidding: .open
        case .closed: .closed
        }
    }

    public var nextDeadline: Date? {
        switch self.phase {
        case .scheduled: self.rules.biddingStart
        case .bidding: self.endsAt
        case .closed: nil
        }
    }

    public mutating func handle(_ event: Event, now: Date) -> [AuctionEffect] {
        let now = self.clock.observe(now)
        var effects = self.advance(to: now)
        switch event {
        case .tick:
            break
        case .depositPaid(let bidder):
            if self.phase != .closed { self.depositPayers.insert(bidder) }
        case .withdraw:
            if self.phase != .closed { effects += self.close(with: .noSale(.withdrawn), at: now) }
        case .bid(let request):
            effects += self.bid(request, at: now)
        }
        return effects
    }

    private mutating func advance(to now: Date) -> [AuctionEffect] {
        var effects: [AuctionEffect] = []
        if self.phase == .scheduled, now >= self.rules.biddingStart {
            self.phase = .bidding
            effects.append(.announce(.opened(endsAt: self.endsAt)))
        }
        if self.phase == .bidding, now >= self.endsAt {
            let outcome = AuctionClosing.ascendingOutcome(
                leader: self.leader,
                reserve: self.rules.reservePrice,
                byPreemption: self.leader?.kind == .preemptionMatch
            )
            effects += self.close(with: outcome, at: self.endsAt)
        }
        return effects
    }

    private mutating func bid(_ request: BidRequest, at now: Date) -> [AuctionEffect] {
        if let answer = self.ledger.screen(request, window: self.biddingWindow) { return [answer] }
        if self.rules.requiresDeposit, !self.depositPayers.contains(request.bidder) {
            return [request.rejected(.depositNotPaid)]
        }
        let kind: AuctionBid.Kind
        if let leader = self.leader, request.amount == leader.amount,
            let order = self.rules.preemptionOrder(of: request.bidder)
        {
            // 优先购买权人 matching: counts only if it outranks the leader, who bid earlier.
            let leaderOrder = self.rules.preemptionOrder(of: leader.bidder)
            guard leader.bidder != request.bidder, leaderOrder.map({ order < $0 }) ?? true else {
                return [request.rejected(.cannotOutrankLeader)]
            }
            kind = .preemptionMatch
        } else if let reason = self.rules.ladder.rejection(of: request.amount, over: self.standingPrice) {
            return [request.rejected(reason)]
        } else {
            kind = .raise
        }
        let bid = self.ledger.append(request, amount: request.amount, time: now, kind: kind)
        self.leader = bid
        var extended: [AuctionEffect] = []
        if now > self.endsAt.addingTimeInterval(-self.rules.extensionWindow) {
            extended = EndOfBidding.postpone(&self.endsAt, to: now.addingTimeInterval(self.rules.extensionLength))
        }
        let acknowledgement = self.ledger.acknowledge(
            bid, of: request, standingPrice: bid.amount, isLeading: true, endsAt: self.endsAt)
        return AuctionEffect.raiseAccepted(acknowledgement) + extended
    }

    private mutating func close(with outcome: AuctionOutcome, at closedAt: Date) -> [AuctionEffect] {
        self.phase = .closed
        self.outcome = outcome
        self.closedAt = closedAt
        var effects = AuctionClosing.effects(
            outcome: outcome,
            at: closedAt,
            depositHolders: self.depositPayers.union(self.ledger.bidders),
            releaseWithin: self.rules.depositReleaseWithin
        )
        if case .noSale(let reason) = outcome, reason != .withdrawn {
            effects.append(.relist(self.rules.relistingTerms))
        }
        return effects
    }
}
