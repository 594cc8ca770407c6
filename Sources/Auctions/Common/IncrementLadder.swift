import Foundation

/// The bid ladder of an ascending auction: first bid from the start price, then the standing price plus
/// N × increment (产权: "next valid bid = current price + N × increment").
struct IncrementLadder: Hashable, Codable, Sendable {
    var startPrice: Fen
    var increment: Fen
    /// Upper bound on N, if the exchange sets one.
    var maximumIncrementsPerBid: Int?
    /// Whether the first bid may be exactly the start price (N = 0).
    var firstBidMayEqualStart: Bool

    /// Why `amount` is not acceptable over `standing`, or nil if it is.
    func rejection(of amount: Fen, over standing: Fen?, mayEqualStanding: Bool = false) -> AuctionRejection? {
        guard amount > 0 else { return .invalidAmount }
        let base = standing ?? self.startPrice
        let minimumSteps: Int64 = (standing == nil ? self.firstBidMayEqualStart : mayEqualStanding) ? 0 : 1
        let (minimum, overflow) = base.addingReportingOverflow(minimumSteps * self.increment)
        guard !overflow, amount >= minimum else { return .belowMinimum(minimum: overflow ? .max : minimum) }
        let raise = amount - base
        guard raise % self.increment == 0 else {
            return .notOnIncrementLadder(base: base, increment: self.increment)
        }
        if let cap = self.maximumIncrementsPerBid, raise / self.increment > Int64(cap) {
            let (maximum, overflow) = Int64(cap).multipliedReportingOverflow(by: self.increment)
            return .raiseTooLarge(maximum: overflow ? .max : base + maximum)
        }
        return nil
    }

    /// The lowest amount a new bid may have over `standing`.
    func lowestAcceptable(over standing: Fen?) -> Fen {
        let steps: Int64 = standing == nil && self.firstBidMayEqualStart ? 0 : 1
        let (lowest, overflow) = (standing ?? self.startPrice).addingReportingOverflow(steps * self.increment)
        return overflow ? .max : lowest
    }

    var violations: [AuctionRulesViolation] {
        var violations: [AuctionRulesViolation] = []
        if self.startPrice <= 0 { violations.append(.notPositive(.startPrice)) }
        if self.increment <= 0 { violations.append(.notPositive(.increment)) }
        if let cap = self.maximumIncrementsPerBid, cap <= 0 { violations.append(.notPositive(.maximumIncrementsPerBid)) }
        return violations
    }
}
