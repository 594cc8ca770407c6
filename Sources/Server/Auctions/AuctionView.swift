import Auctions
import Foundation
import Storage

/// 竞价室 — an auction as anyone sees it: its parameters, where it stands, the bids by bidder number, the reserve only
/// as `none` / `sealed` until the close, and (for a signed-in bidder) its own registration.
public struct AuctionView: Sendable, Codable, Equatable {
    /// The identifier.
    public var id: String
    /// The project.
    public var projectId: String
    /// The lot.
    public var lotId: String
    /// `english`, `judicial`, `dutch` or `listing`.
    public var kind: String
    /// `scheduled`, `open` or `closed`.
    public var status: String
    /// `scheduled`, `free-bidding`, `timed-bidding`, `descending`, `listing`, `awaiting-live-round`, `live-round`,
    /// `open`, `closed`, `withdrawn`.
    public var phase: String
    /// 起始价 (起拍价), fen.
    public var startPriceFen: Int64
    /// 加价幅度, fen.
    public var incrementFen: Int64
    /// 竞买保证金, fen.
    public var depositFen: Int64
    /// 评估价, fen (judicial).
    public var appraisedValueFen: Int64?
    /// Bidding opens (RFC 3339).
    public var opensAt: String
    /// The scheduled end of free bidding (English) or of bidding (judicial).
    public var closesAt: String
    /// 限时报价期 countdown in seconds (English).
    public var countdownSeconds: Int?
    /// Extension window and length in seconds (judicial).
    public var extensionSeconds: Int?
    /// 降价幅度 (Dutch), fen.
    public var decrementFen: Int64?
    /// 降价周期 (Dutch), seconds.
    public var stepSeconds: Int?
    /// 最低价 (Dutch), fen.
    public var floorPriceFen: Int64?
    /// The Dutch clock's next drop, nil at the floor and once closed.
    public var nextStepAt: String?
    /// 现场竞价 delay after the listing ends (listing), seconds.
    public var liveRoundDelaySeconds: Int?
    /// 现场竞价 countdown (listing), seconds.
    public var liveRoundCountdownSeconds: Int?
    /// Bidders needed for a live round (listing).
    public var minimumBiddersForLiveRound: Int?
    /// When the live round starts, once called (listing).
    public var liveRoundStartsAt: String?
    /// 报价轮数 (reverse).
    public var rounds: Int?
    /// Each turn, seconds (reverse).
    public var turnSeconds: Int?
    /// The current round (reverse), 0 before the start.
    public var round: Int?
    /// The participant whose turn it is (reverse).
    public var participantInTurn: Int?
    /// Every participant's current price by anonymous number (reverse; after the opening of the auction).
    public var participants: [AuctionParticipantLine]?
    /// The current end of bidding (countdowns and extensions included), nil once closed.
    public var endsAt: String?
    /// The standing price, fen.
    public var standingPriceFen: Int64?
    /// The lowest bid accepted now, fen.
    public var minimumNextBidFen: Int64?
    /// The last stream sequence number (resume the live room after it).
    public var seq: Int64
    /// The server clock now.
    public var serverTime: String
    /// Parties registered.
    public var registeredBidders: Int
    /// Parties whose deposit is confirmed.
    public var qualifiedBidders: Int
    /// `none`, `sealed` or `revealed`.
    public var reserve: String
    /// The reserve, only once closed.
    public var reserveFen: Int64?
    /// Accepted bids by bidder number.
    public var bids: [AuctionBidLine]
    /// `sold` or `unsold` once closed.
    public var outcome: String?
    /// The legal close instant.
    public var closedAt: String?
    /// The auction this one relists after 流拍.
    public var relistedFrom: String?
    /// The signed-in bidder's own registration.
    public var registration: AuctionRegistrationView?

    init(_ row: AuctionRow, engine: AuctionEngine, registration: AuctionRegistrationView?, now: Date) throws {
        let parameters = try row.decodedParameters()
        let kindParameters = try row.decodedKindParameters()
        let registry = try row.decodedRegistry()
        let room = try AuctionRoomView(machine: engine.machine, registry: registry, reserve: try row.sealedReserve())
        self.id = row.id
        self.projectId = row.projectId
        self.lotId = row.lotId
        self.kind = row.kind
        self.status = engine.status
        self.phase = engine.phase
        self.startPriceFen = parameters.startPriceFen
        self.incrementFen = parameters.incrementFen
        self.depositFen = parameters.depositFen
        self.appraisedValueFen = parameters.appraisedValueFen
        self.opensAt = Timestamps.rfc3339(Timestamps.date(parameters.opensAt))
        self.closesAt = Timestamps.rfc3339(Timestamps.date(parameters.closesAt))
        self.countdownSeconds = row.kind == "english" ? parameters.countdownSeconds ?? 300 : nil
        self.extensionSeconds = row.kind == "judicial" ? parameters.extensionSeconds ?? 300 : nil
        var registration = registration
        switch engine {
        case .dutch(let auction):
            self.decrementFen = kindParameters.decrementFen
            self.stepSeconds = kindParameters.stepSeconds
            self.floorPriceFen = kindParameters.floorPriceFen
            if auction.phase == .descending, auction.standingPrice != auction.rules.floorPrice {
                self.nextStepAt = auction.nextDeadline.map(Timestamps.rfc3339)
            }
        case .listing(let auction):
            self.liveRoundDelaySeconds = Int(auction.rules.liveRoundDelay)
            self.liveRoundCountdownSeconds = Int(auction.rules.liveRoundCountdown)
            self.minimumBiddersForLiveRound = auction.rules.minimumBiddersForLiveRound
            self.liveRoundStartsAt = auction.liveRoundStartsAt.map(Timestamps.rfc3339)
            if let number = registration?.number { registration?.continuing = auction.continuingBidders.contains(BidderID(number)) }
        case .reverse(let auction):
            self.rounds = auction.rules.rounds
            self.turnSeconds = Int(auction.rules.turnDuration)
            self.round = auction.round
            self.participantInTurn = auction.bidderInTurn.flatMap { bidder in auction.participants.first { $0.bidder == bidder }?.number }
            if auction.phase != .scheduled {
                self.participants = auction.participants.map { AuctionParticipantLine(participant: $0.number, priceFen: $0.price) }
            }
            if let number = registration?.number { registration?.participant = auction.participants.first { $0.bidder == BidderID(number) }?.number }
        default:
            break
        }
        self.endsAt = engine.endsAt.map(Timestamps.rfc3339)
        self.standingPriceFen = room.standingPrice
        self.minimumNextBidFen = engine.minimumNextBid
        self.seq = row.seq
        self.serverTime = Timestamps.rfc3339(now)
        self.registeredBidders = room.registeredBidders
        self.qualifiedBidders = room.qualifiedBidders
        switch room.reserve {
        case .none: self.reserve = "none"
        case .sealed: self.reserve = "sealed"
        case .revealed(let amount):
            self.reserve = "revealed"
            self.reserveFen = amount
        }
        self.bids = room.bids.map(AuctionBidLine.init)
        self.outcome = engine.machine.outcome.map { $0.winner == nil ? "unsold" : "sold" }
        self.closedAt = engine.machine.closedAt.map(Timestamps.rfc3339)
        self.relistedFrom = row.relistedFrom
        self.registration = registration
    }
}

/// 竞价结果 — published at the close: the 成交确认书 (naming the buyer) or the reason for 流拍, the revealed reserve,
/// the deposits to release (by bidder number) and the full bidding record, plus what a relisting may start at.
public struct AuctionRecordView: Sendable, Codable, Equatable {
    /// 成交确认书.
    public struct Confirmation: Sendable, Codable, Equatable {
        /// The winner's bidder number.
        public var winnerNumber: String
        /// The buyer's party.
        public var winnerPartyId: String
        /// 买受人.
        public var winnerName: String
        /// 成交价, fen.
        public var priceFen: Int64
        /// The legal close instant.
        public var closedAt: String
        /// When the winning bid was received.
        public var winningBidAt: String
        /// The winning bid's sequence.
        public var winningSequence: Int
        /// Won by a 优先购买权人's match.
        public var byPreemption: Bool
        /// Accepted bids.
        public var bidCount: Int
        /// Distinct bidders.
        public var bidderCount: Int
        /// Deposit counted towards the price, fen.
        public var depositAppliedFen: Int64
        /// Still owed, fen.
        public var balanceDueFen: Int64
    }

    /// 退还保证金.
    public struct Release: Sendable, Codable, Equatable {
        /// 竞买号 (bidder number).
        public var number: String
        /// The amount, fen.
        public var amountFen: Int64
        /// Released at the latest then.
        public var releaseBy: String
    }

    /// The auction.
    public var auctionId: String
    /// The legal close instant.
    public var closedAt: String
    /// `sold` or `unsold`.
    public var outcome: String
    /// 成交确认书, when sold.
    public var confirmation: Confirmation?
    /// 流拍原因.
    public var unsoldReasonZh: String?
    /// Why unsold.
    public var unsoldReasonEn: String?
    /// The reserve, fen — only once closed.
    public var reserveFen: Int64?
    /// Deposits to release.
    public var depositReleases: [Release]
    /// Accepted bids by bidder number.
    public var bids: [AuctionBidLine]
    /// Whether the lot may be auctioned again (流拍, not withdrawn), and the lowest start price allowed.
    public var mayBeRelisted: Bool
    /// The lowest start price a relisting may use, fen.
    public var relistingMinimumStartPriceFen: Int64?
    /// 撤回 — who withdrew the auction, when and why, if it was withdrawn.
    public var withdrawal: AuctionWithdrawal?

    init(_ close: AuctionClose, parameters: AuctionParameters) {
        self.auctionId = close.auctionID
        self.closedAt = Timestamps.rfc3339(close.closedAt)
        self.outcome = close.confirmation == nil ? "unsold" : "sold"
        self.confirmation = close.confirmation.map {
            Confirmation(
                winnerNumber: $0.winnerNumber.digits, winnerPartyId: $0.winner.id, winnerName: $0.winner.name, priceFen: $0.price,
                closedAt: Timestamps.rfc3339($0.closedAt), winningBidAt: Timestamps.rfc3339($0.winningBidAt), winningSequence: $0.winningSequence,
                byPreemption: $0.byPreemption, bidCount: $0.history.bidCount, bidderCount: $0.history.bidderCount,
                depositAppliedFen: $0.depositApplied, balanceDueFen: $0.balanceDue
            )
        }
        self.unsoldReasonZh = close.unsoldReason?.chineseMessage
        self.unsoldReasonEn = close.unsoldReason?.englishMessage
        self.reserveFen = close.revealedReserve
        self.depositReleases = close.deposits.releases.map {
            Release(number: $0.number.digits, amountFen: $0.amount, releaseBy: Timestamps.rfc3339($0.releaseBy))
        }
        self.bids = close.record.entries.map(AuctionBidLine.init)
        self.mayBeRelisted = close.mayBeRelisted
        if close.mayBeRelisted, let relisting = try? Relisting(after: close, previousStartPrice: parameters.startPriceFen, policy: AuctionSetup.relistingPolicy(parameters)) {
            self.relistingMinimumStartPriceFen = relisting.minimumStartPrice
        }
    }
}
