import Foundation

/// 荷兰式拍卖 (降价拍卖) — a Dutch (descending) auction: a clock drops from the start price by a fixed decrement at
/// fixed intervals down to a floor; the first bidder to accept takes the lot at the clock price.
public struct DutchAuction: AuctionMachine {
    public enum Event: Hashable, Sendable {
        /// 应价 — take the lot at the clock price. `amount` is the price the bidder saw; an acceptance is valid
        /// when it is at least the current clock price, and is made at the clock price.
        case accept(BidRequest)
        /// Time passed; deliver at `nextDeadline`.
        case tick
        /// 撤回 — the organiser withdraws the auction.
        case withdraw
    }

    public enum Phase: Hashable, Codable, Sendable {
        case scheduled, descending, closed
    }

    public let rules: DutchAuctionRules
    public private(set) var phase: Phase = .scheduled
    /// Drops so far.
    public private(set) var step: Int64 = 0
    public private(set) var outcome: AuctionOutcome?
    public private(set) var closedAt: Date?
    private var ledger = BidLedger()
    private var clock = MonotonicClock()

    public init(rules: DutchAuctionRules) throws(InvalidAuctionRules) {
        let violations = rules.violations
        guard violations.isEmpty else { throw InvalidAuctionRules(violations: violations) }
        self.rules = rules
    }

    /// The clock price (the accepted price once sold); nil before the start.
    public var standingPrice: Fen? {
        if let accepted = self.ledger.bids.first { return accepted.amount }
        return self.phase == .scheduled ? nil : self.rules.price(afterSteps: self.step)
    }

    public var acceptedBids: [AuctionBid] { self.ledger.bids }

    public var biddingWindow: BiddingWindow {
        switch self.phase {
        case .scheduled: .notOpenYet(opensAt: self.rules.start)
        case .descending: .open
        case .closed: .closed
        }
    }

    public var nextDeadline: Date? {
        switch self.phase {
        case .scheduled: self.rules.start
        case .descending:
            self.step < self.rules.stepsToFloor ? self.rules.instant(ofStep: self.step + 1) : self.rules.closesAt
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
        case .accept(let request):
            effects += self.accept(request, at: now)
        }
        return effects
    }

    private mutating func advance(to now: Date) -> [AuctionEffect] {
        var effects: [AuctionEffect] = []
        if self.phase == .scheduled, now >= self.rules.start {
            self.phase = .descending
            effects.append(.announce(.opened(endsAt: self.rules.closesAt)))
            effects.append(.announce(.clockPrice(self.rules.startPrice, nextStepAt: self.rules.instant(ofStep: 1))))
        }
        guard self.phase == .descending else { return effects }
        if now >= self.rules.closesAt {
            self.step = self.rules.stepsToFloor
            return effects + self.close(with: .noSale(.floorReached(floor: self.rules.floorPrice)), at: self.rules.closesAt)
        }
        let step = self.rules.steps(at: now)
        if step > self.step {
            self.step = step
            let next = step < self.rules.stepsToFloor ? self.rules.instant(ofStep: step + 1) : nil
            effects.append(.announce(.clockPrice(self.rules.price(afterSteps: step), nextStepAt: next)))
        }
        return effects
    }

    private mutating func accept(_ request: BidRequest, at now: Date) -> [AuctionEffect] {
        if let answer = self.ledger.screen(request, window: self.biddingWindow) { return [answer] }
        guard request.amount > 0 else { return [request.rejected(.invalidAmount)] }
        let price = self.rules.price(afterSteps: self.step)
        guard request.amount >= price else { return [request.rejected(.belowClockPrice(current: price))] }
        let bid = self.ledger.append(request, amount: price, time: now, kind: .clockAcceptance)
        let acknowledgement = self.ledger.acknowledge(bid, of: request, standingPrice: price, isLeading: true, endsAt: now)
        let outcome = AuctionClosing.ascendingOutcome(leader: bid, reserve: self.rules.reservePrice)
        return [.bidAccepted(acknowledgement)] + self.close(with: outcome, at: now)
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
