import Foundation

/// 多轮反向竞价 — a ProZorro-style reverse auction for procurement. Suppliers start from their sealed initial
/// prices; in each of the rounds every supplier in turn (highest current price first) may lower its price by at
/// least the minimum decrement, or pass. Everyone is an anonymous participant number until the close. The lowest
/// final price wins; equal prices → the one that reached it earlier.
public struct ReverseAuction: AuctionMachine {
    public enum Event: Hashable, Sendable {
        /// Lower the bidder's own price to `amount`, in its turn.
        case lower(BidRequest)
        /// Keep the current price and end the turn.
        case pass(BidderID)
        /// Time passed; deliver at `nextDeadline`.
        case tick
        /// 终止 — the purchaser withdraws the auction.
        case withdraw
    }

    public enum Phase: Hashable, Codable, Sendable {
        case scheduled, bidding, closed
    }

    /// One supplier's place in the auction.
    public struct Participant: Hashable, Codable, Sendable {
        /// The anonymous number shown to everyone (1-based, in order of initial submission).
        public var number: Int
        public var bidder: BidderID
        public var price: Fen
        /// When `price` was reached (its sealed submission time for the initial price).
        public var priceSetAt: Date
        /// Sequence number of the bid that set `price`.
        public var sequence: Int

        /// Ranks better (lower price, then earlier) than `other`.
        func ranksBefore(_ other: Participant) -> Bool {
            (self.price, self.priceSetAt, self.sequence) < (other.price, other.priceSetAt, other.sequence)
        }
    }

    public let rules: ReverseAuctionRules
    public private(set) var phase: Phase = .scheduled
    public private(set) var participants: [Participant]
    /// Current round, 1-based (0 before the start).
    public private(set) var round = 0
    /// Indices into `participants`, in this round's turn order.
    public private(set) var turnOrder: [Int] = []
    public private(set) var turnIndex = 0
    public private(set) var turnStartsAt: Date
    public private(set) var turnEndsAt: Date
    public private(set) var outcome: AuctionOutcome?
    public private(set) var closedAt: Date?
    private var ledger = BidLedger()
    private var clock = MonotonicClock()

    public init(rules: ReverseAuctionRules, initialPrices: [SealedInitialPrice]) throws(InvalidAuctionRules) {
        let violations = rules.violations(initialPrices: initialPrices)
        guard violations.isEmpty else { throw InvalidAuctionRules(violations: violations) }
        self.rules = rules
        self.turnStartsAt = rules.start
        self.turnEndsAt = rules.start
        let sorted = initialPrices.sorted { ($0.submittedAt, $0.bidder) < ($1.submittedAt, $1.bidder) }
        var ledger = BidLedger()
        self.participants = sorted.enumerated().map { index, sealed in
            let request = BidRequest(clientBidID: "sealed-initial", bidder: sealed.bidder, amount: sealed.amount)
            let bid = ledger.append(request, amount: sealed.amount, time: sealed.submittedAt, kind: .sealedInitial)
            return Participant(
                number: index + 1,
                bidder: sealed.bidder,
                price: sealed.amount,
                priceSetAt: sealed.submittedAt,
                sequence: bid.sequence
            )
        }
        self.ledger = ledger
    }

    /// The lowest current price; nil while the initial prices are still sealed.
    public var standingPrice: Fen? {
        self.phase == .scheduled ? nil : self.participants.map(\.price).min()
    }

    public var acceptedBids: [AuctionBid] { self.ledger.bids }

    /// The bidder whose turn it is, if bidding.
    public var bidderInTurn: BidderID? {
        guard self.phase == .bidding, self.turnIndex < self.turnOrder.count else { return nil }
        return self.participants[self.turnOrder[self.turnIndex]].bidder
    }

    public var biddingWindow: BiddingWindow {
        switch self.phase {
        case .scheduled: .notOpenYet(opensAt: self.rules.start)
        case .bidding: .open
        case .closed: .closed
        }
    }

    public var nextDeadline: Date? {
        switch self.phase {
        case .scheduled: self.rules.start
        case .bidding: self.turnEndsAt
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
        case .pass(let bidder):
            if let reason = self.turnRejection(for: bidder, at: now) {
                effects.append(.actionRejected(bidder, .pass, reason))
            } else {
                effects.append(.actionAccepted(bidder, .pass))
                effects += self.endTurn(at: now)
            }
        case .lower(let request):
            effects += self.lower(request, at: now)
        }
        return effects
    }

    private mutating func advance(to now: Date) -> [AuctionEffect] {
        var effects: [AuctionEffect] = []
        if self.phase == .scheduled, now >= self.rules.start {
            guard self.participants.count >= self.rules.minimumBidders else {
                let reason = NoSaleReason.tooFewBidders(count: self.participants.count, minimum: self.rules.minimumBidders)
                return self.close(with: .noSale(reason), at: self.rules.start)
            }
            self.phase = .bidding
            effects.append(.announce(.opened(endsAt: nil)))
            effects += self.startRound(1, at: self.rules.start)
        }
        while self.phase == .bidding, now >= self.turnEndsAt {
            effects += self.endTurn(at: self.turnEndsAt)
        }
        return effects
    }

    private mutating func startRound(_ round: Int, at start: Date) -> [AuctionEffect] {
        self.round = round
        // Highest price first; on equal prices the one that reached it later goes first, so better ranks go last.
        self.turnOrder = self.participants.indices.sorted { self.participants[$1].ranksBefore(self.participants[$0]) }
        self.turnIndex = 0
        return [.announce(.roundStarted(round))] + self.startTurn(at: start)
    }

    private mutating func startTurn(at start: Date) -> [AuctionEffect] {
        self.turnStartsAt = start
        self.turnEndsAt = start.addingTimeInterval(self.rules.turnDuration)
        let number = self.participants[self.turnOrder[self.turnIndex]].number
        return [.announce(.turnStarted(round: self.round, participant: number, endsAt: self.turnEndsAt))]
    }

    private mutating func endTurn(at end: Date) -> [AuctionEffect] {
        self.turnIndex += 1
        if self.turnIndex < self.turnOrder.count { return self.startTurn(at: end) }
        if self.round < self.rules.rounds {
            return self.startRound(self.round + 1, at: end.addingTimeInterval(self.rules.pauseBetweenRounds))
        }
        return self.close(with: self.finalOutcome, at: end)
    }

    private func turnRejection(for bidder: BidderID, at now: Date) -> AuctionRejection? {
        if let rejection = self.biddingWindow.rejection { return rejection }
        guard self.participants.contains(where: { $0.bidder == bidder }) else { return .notAParticipant }
        guard self.bidderInTurn == bidder, now >= self.turnStartsAt else { return .notYourTurn }
        return nil
    }

    private mutating func lower(_ request: BidRequest, at now: Date) -> [AuctionEffect] {
        if let replay = self.ledger.replay(of: request) { return [replay] }
        if let reason = self.turnRejection(for: request.bidder, at: now) { return [request.rejected(reason)] }
        guard request.amount > 0 else { return [request.rejected(.invalidAmount)] }
        let index = self.turnOrder[self.turnIndex]
        let maximum = self.participants[index].price - self.rules.minimumDecrement
        guard request.amount <= maximum else { return [request.rejected(.reductionTooSmall(maximum: maximum))] }
        let bid = self.ledger.append(request, amount: request.amount, time: now, kind: .reduction)
        self.participants[index].price = bid.amount
        self.participants[index].priceSetAt = now
        self.participants[index].sequence = bid.sequence
        let best = self.bestParticipant
        let acknowledgement = self.ledger.acknowledge(
            bid,
            of: request,
            standingPrice: best?.price ?? bid.amount,
            isLeading: best?.bidder == request.bidder,
            endsAt: nil
        )
        let number = self.participants[index].number
        return [.bidAccepted(acknowledgement), .announce(.priceLowered(participant: number, amount: bid.amount))]
            + self.endTurn(at: now)
    }

    private var bestParticipant: Participant? {
        self.participants.min { $0.ranksBefore($1) }
    }

    private var finalOutcome: AuctionOutcome {
        guard let best = self.bestParticipant else { return .noSale(.noBids) }
        if let reserve = self.rules.reservePrice, best.price > reserve {
            return .noSale(.reserveNotMet(bestBid: best.price, reserve: reserve))
        }
        return .sold(AuctionAward(bidder: best.bidder, price: best.price, sequence: best.sequence))
    }

    private mutating func close(with outcome: AuctionOutcome, at closedAt: Date) -> [AuctionEffect] {
        self.phase = .closed
        self.outcome = outcome
        self.closedAt = closedAt
        let identities = self.participants.map { ParticipantIdentity(participant: $0.number, bidder: $0.bidder) }
        return AuctionClosing.effects(
            outcome: outcome,
            at: closedAt,
            depositHolders: Set(self.participants.map(\.bidder)),
            releaseWithin: self.rules.depositReleaseWithin
        ) + [.announce(.identitiesRevealed(identities))]
    }
}
