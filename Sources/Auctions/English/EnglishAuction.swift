import Foundation

/// 产权网络竞价 — an English (ascending) auction of state property: 自由报价期 (free bidding until a fixed
/// instant), then 限时报价期 (a countdown that each valid bid restarts). Highest bid wins, subject to the reserve.
public struct EnglishAuction: AuctionMachine {
    public enum Event: Hashable, Sendable {
        case bid(BidRequest)
        /// Time passed; deliver at `nextDeadline`.
        case tick
        /// 撤回 — the organiser withdraws the auction.
        case withdraw
    }

    public enum Phase: Hashable, Codable, Sendable {
        case scheduled
        /// 自由报价期.
        case freeBidding
        /// 限时报价期.
        case timedBidding
        case closed
    }

    public let rules: EnglishAuctionRules
    public private(set) var phase: Phase = .scheduled
    /// The end of the current period: the end of free bidding, then the end of the running countdown.
    public private(set) var endsAt: Date
    public private(set) var outcome: AuctionOutcome?
    public private(set) var closedAt: Date?
    private var ledger = BidLedger()
    private var clock = MonotonicClock()

    public init(rules: EnglishAuctionRules) throws(InvalidAuctionRules) {
        let violations = rules.violations
        guard violations.isEmpty else { throw InvalidAuctionRules(violations: violations) }
        self.rules = rules
        self.endsAt = rules.freeBiddingEnd
    }

    public var standingPrice: Fen? { self.ledger.bids.last?.amount }
    public var acceptedBids: [AuctionBid] { self.ledger.bids }

    /// The lowest new bid that would be accepted now (the next rung of the increment ladder), nil when not bidding.
    public var minimumNextBid: Fen? {
        switch self.phase {
        case .freeBidding, .timedBidding: self.rules.ladder.lowestAcceptable(over: self.standingPrice)
        default: nil
        }
    }

    public var biddingWindow: BiddingWindow {
        switch self.phase {
        case .scheduled: .notOpenYet(opensAt: self.rules.freeBiddingStart)
        case .freeBidding, .timedBidding: .open
        case .closed: .closed
        }
    }

    public var nextDeadline: Date? {
        switch self.phase {
        case .scheduled: self.rules.freeBiddingStart
        case .freeBidding, .timedBidding: self.endsAt
        case .closed: nil
        }
    }

    public mutating func handle(_ event: Event, now: Date) -> [AuctionEffect] {
        let now = self.clock.observe(now)
        var effects = self.advance(to: now)
        switch event {
        case .tick:
            break
        case .withdraw:
            if self.phase != .closed { effects += self.close(with: .noSale(.withdrawn), at: now) }
        case .bid(let request):
            effects += self.bid(request, at: now)
        }
        return effects
    }

    private mutating func advance(to now: Date) -> [AuctionEffect] {
        var effects: [AuctionEffect] = []
        if self.phase == .scheduled, now >= self.rules.freeBiddingStart {
            self.phase = .freeBidding
            effects.append(.announce(.opened(endsAt: self.endsAt)))
        }
        if self.phase == .freeBidding, now >= self.endsAt {
            self.phase = .timedBidding
            self.endsAt = self.rules.freeBiddingEnd.addingTimeInterval(self.rules.countdown)
            effects.append(.announce(.timedPeriodStarted(endsAt: self.endsAt)))
        }
        if self.phase == .timedBidding, now >= self.endsAt {
            let outcome = AuctionClosing.ascendingOutcome(leader: self.ledger.bids.last, reserve: self.rules.reservePrice)
            effects += self.close(with: outcome, at: self.endsAt)
        }
        return effects
    }

    private mutating func bid(_ request: BidRequest, at now: Date) -> [AuctionEffect] {
        if let answer = self.ledger.screen(request, window: self.biddingWindow) { return [answer] }
        if let reason = self.rules.ladder.rejection(of: request.amount, over: self.standingPrice) {
            return [request.rejected(reason)]
        }
        let bid = self.ledger.append(request, amount: request.amount, time: now, kind: .raise)
        var extended: [AuctionEffect] = []
        if self.phase == .timedBidding {
            extended = EndOfBidding.postpone(&self.endsAt, to: now.addingTimeInterval(self.rules.countdown))
        }
        let acknowledgement = self.ledger.acknowledge(
            bid, of: request, standingPrice: bid.amount, isLeading: true, endsAt: self.endsAt)
        return AuctionEffect.raiseAccepted(acknowledgement) + extended
    }

    private mutating func close(with outcome: AuctionOutcome, at closedAt: Date) -> [AuctionEffect] {
        self.phase = .closed
        self.outcome = outcome
        self.closedAt = closedAt
        return AuctionClosing.effects(
            outcome: outcome,
            at: closedAt,
            depositHolders: self.ledger.bidders,
            releaseWithin: self.rules.depositReleaseWithin
        )
    }
}
