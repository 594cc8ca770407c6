import Foundation

/// What the live room shows at one instant: phase, countdown, custodians, bids, price sheet, open objections.
public struct OpeningStatus: Sendable, Codable, Equatable {
    /// Where the session stands.
    public var phase: OpeningPhase
    /// The phase in Chinese.
    public var phaseZh: String
    /// The phase in English.
    public var phaseEn: String
    /// What the countdown runs to: the deadline before it, the share-release limit while waiting for shares.
    public var countdownTarget: Date?
    /// Whole seconds left until the countdown target (never negative).
    public var secondsLeft: Int?
    /// The threshold k.
    public var threshold: Int
    /// Custodians who released, in panel order.
    public var released: [OpeningCustodian]
    /// Custodians who have not, in panel order.
    public var pending: [OpeningCustodian]
    /// The number of frozen bids; nil before the deadline.
    public var bidCount: Int?
    /// How many bids are decided (opened or set aside).
    public var decidedCount: Int
    /// Bidders present in the room.
    public var present: [String]
    /// The price sheet rows, once published (never a part of them).
    public var priceSheet: [PriceSheetRow]?
    /// Bids set aside so far, with their treatment.
    public var setAside: [SetAsideBid]
    /// Objections not yet answered.
    public var openObjections: [OpeningObjection]
    /// 流标 reason, when the lot failed.
    public var failure: OpeningFailure?
}

extension OpeningSession {
    /// The live room's view at server time `now`.
    public func status(now: Date) -> OpeningStatus {
        let target: Date? =
            switch self.phase {
            case .scheduled: self.plan.bidDeadline
            case .awaitingShares: self.shareReleaseLimit
            default: nil
            }
        let secondsLeft = target.map { Int(max(0, $0.timeIntervalSince(now)).rounded(.up)) }
        let stall = self.stall
        return OpeningStatus(
            phase: self.phase, phaseZh: self.phase.nameZh, phaseEn: self.phase.nameEn,
            countdownTarget: target, secondsLeft: secondsLeft, threshold: self.plan.threshold,
            released: stall.released, pending: stall.pending, bidCount: self.bids?.count,
            decidedCount: self.outcomes.count, present: self.present, priceSheet: self.priceSheet?.rows,
            setAside: self.setAside, openObjections: self.objections.filter(\.isOpen), failure: self.failure
        )
    }
}
