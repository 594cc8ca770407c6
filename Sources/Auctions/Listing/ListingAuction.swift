import Foundation

/// 挂牌出让 — land listing: during the listing period bidders post quotes (报价) from the start price. At the end,
/// if enough bidders declared they want to continue (表示继续竞价), a live round (现场竞价) with its own
/// countdown decides; otherwise the highest quote wins, equal quotes → the earliest, one bidder at or above the
/// reserve wins, and below the reserve there is no sale.
public struct ListingAuction: AuctionMachine {
    public enum Event: Hashable, Sendable {
        /// A quote during the listing, or a bid in the live round.
        case bid(BidRequest)
        /// The bidder wants to keep bidding after the listing period (only during the listing).
        case declareIntentToContinue(BidderID)
        /// Time passed; deliver at `nextDeadline`.
        case tick
        /// 撤回 / 终止 — the organiser withdraws the listing.
        case withdraw
    }

    public enum Phase: Hashable, Codable, Sendable {
        case scheduled
        /// 挂牌期.
        case listing
        /// Between the listing end and a delayed live round.
        case awaitingLiveRound
        /// 现场竞价.
        case liveRound
        case closed
    }

    public let rules: ListingAuctionRules
    public private(set) var phase: Phase = .scheduled
    /// The end of the listing, then of the live round's running countdown.
    public private(set) var endsAt: Date
    /// When the live round starts, once it is called.
    public private(set) var liveRoundStartsAt: Date?
    /// Highest quote; on equal quotes the earliest. Not public information before the close.
    public private(set) var leader: AuctionBid?
    /// Who declared intent to continue; the live round's participants.
    public private(set) var continuingBidders: Set<BidderID> = []
    public private(set) var outcome: AuctionOutcome?
    public private(set) var closedAt: Date?
    private var ledger = BidLedger()
    private var clock = MonotonicClock()

    public init(rules: ListingAuctionRules) throws(InvalidAuctionRules) {
        let violations = rules.violations
        guard violations.isEmpty else { throw InvalidAuctionRules(violations: violations) }
        self.rules = rules
        self.endsAt = rules.listingEnd
    }

    public var standingPrice: Fen? { self.leader?.amount }
    public var acceptedBids: [AuctionBid] { self.ledger.bids }

    /// The lowest new bid that would be accepted now (the next rung of the increment ladder), nil when not bidding. An equal quote is also accepted in a listing when the rules allow it.
    public var minimumNextBid: Fen? {
        switch self.phase {
        case .listing, .liveRound: self.rules.ladder.lowestAcceptable(over: self.standingPrice)
        default: nil
        }
    }

    public var biddingWindow: BiddingWindow {
        switch self.phase {
        case .scheduled: .notOpenYet(opensAt: self.rules.listingStart)
        case .awaitingLiveRound: .notOpenYet(opensAt: self.liveRoundStartsAt ?? self.endsAt)
        case .listing, .liveRound: .open
        case .closed: .closed
        }
    }

    public var nextDeadline: Date? {
        switch self.phase {
        case .scheduled: self.rules.listingStart
        case .listing, .liveRound: self.endsAt
        case .awaitingLiveRound: self.liveRoundStartsAt
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
        case .declareIntentToContinue(let bidder):
            effects += self.declareIntent(of: bidder)
        case .bid(let request):
            effects += self.bid(request, at: now)
        }
        return effects
    }

    private mutating func advance(to now: Date) -> [AuctionEffect] {
        var effects: [AuctionEffect] = []
        if self.phase == .scheduled, now >= self.rules.listingStart {
            self.phase = .listing
            effects.append(.announce(.opened(endsAt: self.endsAt)))
        }
        if self.phase == .listing, now >= self.endsAt {
            if self.continuingBidders.count >= self.rules.minimumBiddersForLiveRound {
                let startsAt = self.rules.listingEnd.addingTimeInterval(self.rules.liveRoundDelay)
                self.liveRoundStartsAt = startsAt
                self.endsAt = startsAt.addingTimeInterval(self.rules.liveRoundCountdown)
                self.phase = .awaitingLiveRound
                effects.append(
                    .announce(
                        .liveRoundStarted(
                            startsAt: startsAt,
                            endsAt: self.endsAt,
                            participants: self.continuingBidders.count
                        )
                    )
                )
            } else {
                effects += self.close(at: self.rules.listingEnd)
            }
        }
        if self.phase == .awaitingLiveRound, let startsAt = self.liveRoundStartsAt, now >= startsAt {
            self.phase = .liveRound
        }
        if self.phase == .liveRound, now >= self.endsAt {
            effects += self.close(at: self.endsAt)
        }
        return effects
    }

    private mutating func declareIntent(of bidder: BidderID) -> [AuctionEffect] {
        guard self.phase == .listing else {
            let reason: AuctionRejection = self.phase == .closed ? .closed : .wrongPhase
            return [.actionRejected(bidder, .intentToContinue, reason)]
        }
        if self.rules.intentRequiresQuote, !self.ledger.bidders.contains(bidder) {
            return [.actionRejected(bidder, .intentToContinue, .notAParticipant)]
        }
        guard self.continuingBidders.insert(bidder).inserted else { return [] }
        return [.actionAccepted(bidder, .intentToContinue)]
    }

    private mutating func bid(_ request: BidRequest, at now: Date) -> [AuctionEffect] {
        if let answer = self.ledger.screen(request, window: self.biddingWindow) { return [answer] }
        let inLiveRound = self.phase == .liveRound
        if inLiveRound, !self.continuingBidders.contains(request.bidder) {
            return [request.rejected(.notAParticipant)]
        }
        let mayEqual = !inLiveRound && self.rules.quotesMayEqualHighest
        if let reason = self.rules.ladder.rejection(of: request.amount, over: self.standingPrice, mayEqualStanding: mayEqual) {
            return [request.rejected(reason)]
        }
        let bid = self.ledger.append(request, amount: request.amount, time: now, kind: .raise)
        if self.leader.map({ bid.amount > $0.amount }) ?? true {
            self.leader = bid
        }
        var extended: [AuctionEffect] = []
        if inLiveRound {
            extended = EndOfBidding.postpone(&self.endsAt, to: now.addingTimeInterval(self.rules.liveRoundCountdown))
        }
        let acknowledgement = self.ledger.acknowledge(
            bid,
            of: request,
            standingPrice: self.leader?.amount ?? bid.amount,
            isLeading: self.leader?.sequence == bid.sequence,
            endsAt: self.endsAt
        )
        return AuctionEffect.raiseAccepted(acknowledgement) + extended
    }

    private mutating func close(at closedAt: Date) -> [AuctionEffect] {
        self.close(with: AuctionClosing.ascendingOutcome(leader: self.leader, reserve: self.rules.reservePrice), at: closedAt)
    }

    private mutating func close(with outcome: AuctionOutcome, at closedAt: Date) -> [AuctionEffect] {
        self.phase = .closed
        self.outcome = outcome
        self.closedAt = closedAt
        return AuctionClosing.effects(
            outcome: outcome,
            at: closedAt,
            depositHolders: self.ledger.bidders.union(self.continuingBidders),
            releaseWithin: self.rules.depositReleaseWithin
        )
    }
}
