import Foundation

/// 开标会（不见面开标） — the remote opening of one lot's sealed bids, as a pure state machine:
/// `handle(event, now) -> [effect]`, with the rules of shared/RULES.md and DESIGN.md "Sealed bids and remote opening".
///
/// scheduled → (deadline) → awaiting shares → (k releases) → decrypting → (every bid decided) → recording
/// → signed → published; with 流标 at the deadline (`failed`, nothing decrypted), a stall when the share-release limit
/// passes, and termination.
///
/// - Too few bids at the deadline (法28, 条例44): the lot fails and no envelope is decrypted or even asked for.
/// - Shares: only panel custodians, only after the deadline, each custodian once (a second release is refused, so the
///   log shows exactly one release per custodian). The k-th distinct release asks to decrypt every bid.
/// - Stall: when the limit passes with fewer than k releases, the session does not fail and does not open; it moves
///   to `stalled` and tells the supervisor. The law gives no way to open a bid without its key, and by design nobody
///   holds one; 电子招标投标办法31 would treat every unopened bid as withdrawn (not the bidders' fault), which is
///   irreversible and leaves too few bids. A platform-set limit of one hour is no reason to take that step alone:
///   the tenderer decides, with the supervisor watching, either to postpone (`postponed(until:)`, a new limit) or to
///   terminate (`terminated`), after which the tender lifecycle re-tenders. Late shares are refused while stalled so
///   that the limit means something; postponing reopens the release.
/// - Decryption failures (电子招标投标办法31): bidder's fault → revoked (撤销), otherwise → withdrawn (撤回);
///   the other bids still open. Fewer than the minimum valid bids left → 流标 (``OpeningFailure/tooFewValidBids``).
/// - The price sheet (唱标) is published once every bid is decided, all rows at once, in submission order.
/// - Objections (条例44) may be raised from the deadline until the runner signs; each must be answered first.
public struct OpeningSession: Sendable, Codable, Equatable {
    /// The fixed inputs.
    public let plan: OpeningPlan
    /// Where the session stands.
    public internal(set) var phase: OpeningPhase
    /// Bidders present in the live room, in order of joining.
    public internal(set) var present: [String]
    /// The frozen bid set in submission order; nil before the deadline.
    public internal(set) var bids: [ReceivedBid]?
    /// Share releases in the order received.
    public internal(set) var releases: [ShareRelease]
    /// The current share-release limit (the plan's, moved by postponements).
    public internal(set) var shareReleaseLimit: Date
    /// The decision on each decided bid, by bid id.
    public internal(set) var outcomes: [String: BidOutcome]
    /// The published price sheet; nil until every bid is decided (and for ever when the lot failed).
    public internal(set) var priceSheet: PriceSheet?
    /// Why the lot failed, when it did.
    public internal(set) var failure: OpeningFailure?
    /// Every objection, in the order raised.
    public internal(set) var objections: [OpeningObjection]
    /// Signatures on the opening record.
    public internal(set) var signatures: [OpeningSignature]
    /// Why the session was terminated, in Chinese, when it was.
    public internal(set) var terminationReasonZh: String?
    /// Why the session was terminated, in English, when it was.
    public internal(set) var terminationReasonEn: String?

    /// Starts a session before the deadline; throws when the plan does not make sense.
    public init(plan: OpeningPlan) throws(TradingError) {
        try plan.validate()
        self.plan = plan
        self.phase = .scheduled
        self.present = []
        self.bids = nil
        self.releases = []
        self.shareReleaseLimit = plan.shareReleaseLimit
        self.outcomes = [:]
        self.priceSheet = nil
        self.failure = nil
        self.objections = []
        self.signatures = []
        self.terminationReasonZh = nil
        self.terminationReasonEn = nil
    }

    /// Applies one event at server time `now`, returning what must happen as a result.
    /// Throws a ``TradingError`` naming the rule when the event is not allowed; the state is then unchanged.
    public mutating func handle(_ event: OpeningEvent, now: Date) throws(TradingError) -> [OpeningEffect] {
        var next = self
        let effects = try next.apply(event, now: now)
        self = next
        return effects
    }

    private mutating func apply(_ event: OpeningEvent, now: Date) throws(TradingError) -> [OpeningEffect] {
        switch event {
        case .bidderJoined(let bidderID):
            return try self.join(bidderID, event: event)
        case .bidderLeft(let bidderID):
            return try self.leave(bidderID, event: event)
        case .deadlineReached(let bids):
            return try self.freeze(bids, now: now, event: event)
        case .shareReleased(let custodianID, let bidIDs):
            return try self.release(custodianID, bidIDs: bidIDs, now: now, event: event)
        case .tick:
            return self.tick(now: now)
        case .postponed(let until):
            return try self.postpone(until: until, now: now, event: event)
        case .terminated(let reasonZh, let reasonEn):
            return try self.terminate(reasonZh: reasonZh, reasonEn: reasonEn, event: event)
        case .decrypted(let bidID, let result):
            return try self.decide(bidID, outcome: BidOutcome(result), event: event)
        case .objectionRaised(let id, let bidderID, let text):
            return try self.raise(id, bidderID: bidderID, text: text, now: now, event: event)
        case .objectionAnswered(let id, let by, let text):
            return try self.answer(id, by: by, text: text, now: now, event: event)
        case .recordSigned(let by, let signature):
            return try self.sign(by: by, signature: signature, now: now, event: event)
        case .recordPublished:
            return try self.publish(event: event)
        }
    }

    /// The ids of the custodians who have released, in release order.
    public var releasedCustodianIDs: [String] {
        self.releases.map(\.custodianID)
    }

    /// The frozen bids that could not be decrypted, in submission order.
    public var setAside: [SetAsideBid] {
        (self.bids ?? []).enumerated().compactMap { offset, bid in
            guard case .setAside(let failure) = self.outcomes[bid.bidID] else { return nil }
            return SetAsideBid(position: offset + 1, bidID: bid.bidID, bidderID: bid.bidderID, failure: failure)
        }
    }

    func expect(_ phases: Set<OpeningPhase>, for event: OpeningEvent) throws(TradingError) {
        guard phases.contains(self.phase) else { throw self.refusal(event) }
    }

    func refusal(_ event: OpeningEvent) -> TradingError {
        .conflict(
            "opening-wrong-state", zh: "开标会当前处于“\(self.phase.nameZh)”阶段，不能\(event.nameZh)",
            en: "Cannot \(event.nameEn) while the opening is at “\(self.phase.nameEn.lowercased())”"
        )
    }
}
