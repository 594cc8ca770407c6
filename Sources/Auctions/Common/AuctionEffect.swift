import Foundation

/// 公告信息 — what everyone watching the auction room is told. Never names a bidder before the close.
public enum AuctionAnnouncement: Hashable, Codable, Sendable {
    /// Bidding has opened; ends at `endsAt` if the auction has a fixed end.
    case opened(endsAt: Date?)
    /// A new standing price (the bidder stays anonymous).
    case standingPrice(Fen, sequence: Int)
    /// 限时报价期 — the timed period of an English auction has started.
    case timedPeriodStarted(endsAt: Date)
    /// The Dutch clock now shows `price`, until `nextStepAt` (nil at the floor).
    case clockPrice(Fen, nextStepAt: Date?)
    /// 现场竞价 — a listing goes to a live round among `participants` bidders.
    case liveRoundStarted(startsAt: Date, endsAt: Date, participants: Int)
    /// A reverse auction round has started.
    case roundStarted(Int)
    /// It is anonymous participant `participant`'s turn until `endsAt`.
    case turnStarted(round: Int, participant: Int, endsAt: Date)
    /// Anonymous participant `participant` lowered its price.
    case priceLowered(participant: Int, amount: Fen)
    /// At the close of a reverse auction: who was behind each participant number.
    case identitiesRevealed([ParticipantIdentity])
}

/// Something a bidder does that is not a priced bid.
public enum AuctionAction: String, Hashable, Codable, Sendable {
    /// 表示继续竞价 — a listing bidder wants to keep bidding after the listing ends.
    case intentToContinue
    /// A reverse-auction bidder keeps its price for this turn.
    case pass
}

/// What the runner must do after an event. The machine never does I/O itself.
public enum AuctionEffect: Hashable, Codable, Sendable {
    /// A new bid was accepted: answer the bidder with this acknowledgement.
    case bidAccepted(BidAcknowledgement)
    /// The bid was already accepted earlier under the same client bid id: answer with the original
    /// acknowledgement and do nothing else.
    case bidReplayed(BidAcknowledgement)
    /// The bid was refused: answer the bidder with the reason (4xx).
    case bidRejected(BidRejection)
    /// A bidder's action other than a bid was recorded.
    case actionAccepted(BidderID, AuctionAction)
    /// A bidder's action other than a bid was refused: answer with the reason (4xx).
    case actionRejected(BidderID, AuctionAction, AuctionRejection)
    /// Tell the room.
    case announce(AuctionAnnouncement)
    /// The end of bidding moved later.
    case extendEnd(to: Date)
    /// The auction closed at `at` (the legal close instant, which may precede the event that noticed it).
    case closed(AuctionOutcome, at: Date)
    /// Release these bidders' deposits (保证金) no later than `by`.
    case releaseDeposits([BidderID], by: Date)
    /// The lot is unsold and may be auctioned again on these terms.
    case relist(RelistingTerms)
}
