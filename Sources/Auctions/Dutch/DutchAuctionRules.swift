import Foundation

/// The parameters of a `DutchAuction` (荷兰式拍卖 / 降价拍卖). ⚠️ No statute fixes these; all are per auction.
public struct DutchAuctionRules: Hashable, Codable, Sendable {
    /// 起始价 — the clock's first price.
    public var startPrice: Fen
    /// 降价幅度 — the clock drops by this…
    public var decrement: Fen
    /// …every this many seconds (降价周期).
    public var stepInterval: TimeInterval
    /// 最低价 — the clock stops here (public); it stays one interval, then the auction closes unsold.
    public var floorPrice: Fen
    /// 保留价 — hidden; an acceptance below it is no sale (拍卖法§50).
    public var reservePrice: Fen?
    /// The clock starts here.
    public var start: Date
    /// Deposits of bidders other than the winner are released within this after the close.
    public var depositReleaseWithin: TimeInterval

    public init(
        startPrice: Fen,
        decrement: Fen,
        stepInterval: TimeInterval,
        floorPrice: Fen,
        start: Date,
        reservePrice: Fen? = nil,
        depositReleaseWithin: TimeInterval = 24 * 3600
    ) {
        self.startPrice = startPrice
        self.decrement = decrement
        self.stepInterval = stepInterval
        self.floorPrice = floorPrice
        self.reservePrice = reservePrice
        self.start = start
        self.depositReleaseWithin = depositReleaseWithin
    }

    /// Everything wrong with these rules; empty when they are usable.
    public var violations: [AuctionRulesViolation] {
        var violations: [AuctionRulesViolation] = []
        if self.startPrice <= 0 { violations.append(.notPositive(.startPrice)) }
        if self.decrement <= 0 { violations.append(.notPositive(.decrement)) }
        if !(self.stepInterval > 0) { violations.append(.notPositive(.stepInterval)) }
        if self.floorPrice <= 0 { violations.append(.notPositive(.floorPrice)) }
        if self.floorPrice >= self.startPrice { violations.append(.floorNotBelowStart) }
        violations.checkReserve(self.reservePrice)
        violations.checkDepositRelease(within: self.depositReleaseWithin)
        return violations
    }

    /// Number of drops from the start price to the floor (the last drop may be smaller).
    var stepsToFloor: Int64 {
        let span = self.startPrice - self.floorPrice
        return span / self.decrement + (span % self.decrement == 0 ? 0 : 1)
    }

    /// The clock price after `step` drops.
    func price(afterSteps step: Int64) -> Fen {
        step >= self.stepsToFloor ? self.floorPrice : self.startPrice - step * self.decrement
    }

    /// When drop number `step` happens.
    func instant(ofStep step: Int64) -> Date {
        self.start.addingTimeInterval(Double(step) * self.stepInterval)
    }

    /// The close if nobody accepts: one interval after the clock reached the floor.
    public var closesAt: Date {
        self.instant(ofStep: self.stepsToFloor + 1)
    }

    /// The number of drops that have happened at `now` (≥ start), capped at the floor.
    func steps(at now: Date) -> Int64 {
        var step = min(Int64((now.timeIntervalSince(self.start) / self.stepInterval).rounded(.down)), self.stepsToFloor)
        step = max(step, 0)
        // Guard against floating-point rounding at exact step instants.
        while step < self.stepsToFloor, self.instant(ofStep: step + 1) <= now { step += 1 }
        while step > 0, self.instant(ofStep: step) > now { step -= 1 }
        return step
    }
}
