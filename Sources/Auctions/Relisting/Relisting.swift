import Foundation

/// 再次拍卖 / 重新挂牌 — offering an unsold lot again. Only a lot that did not sell (流拍, not a withdrawal) may be
/// relisted, and its new start price may be cut at most as far as the policy allows (拍§26: 20 % of the previous
/// start price for a judicial re-auction; configurable for other procedures).
public struct Relisting: Hashable, Codable, Sendable {
    /// The auction that did not sell.
    public let previousAuctionID: String
    /// Why it did not sell.
    public let reason: UnsoldReason
    /// The previous start price, in fen.
    public let previousStartPrice: Fen
    /// The cut the rules allow.
    public let policy: RelistingPolicy

    /// A relisting after `close`, whose start price was `previousStartPrice`; refused if the lot sold or the
    /// auction was withdrawn.
    public init(after close: AuctionClose, previousStartPrice: Fen, policy: RelistingPolicy) throws(RelistingRefusal) {
        guard let reason = close.unsoldReason else { throw .lotWasSold }
        guard reason != .withdrawn else { throw .auctionWasWithdrawn }
        guard previousStartPrice > 0 else { throw .startPriceNotPositive }
        if let percent = policy.maximumCutPercent, !(0...100).contains(percent) {
            throw .cutPercentOutOfRange(percent)
        }
        self.previousAuctionID = close.auctionID
        self.reason = reason
        self.previousStartPrice = previousStartPrice
        self.policy = policy
    }

    /// The lowest start price allowed (rounded up to whole fen, so the cut never exceeds the limit); 1 fen when
    /// no rule limits the cut.
    public var minimumStartPrice: Fen {
        self.terms?.minimumStartPrice ?? 1
    }

    /// The terms in the engines' form, when a rule limits the cut.
    public var terms: RelistingTerms? {
        self.policy.maximumCutPercent.map {
            RelistingTerms(previousStartPrice: self.previousStartPrice, maximumCutPercent: $0)
        }
    }

    /// `proposed` if it is an allowed start price for the new auction; raising the price is always allowed.
    public func checkedStartPrice(_ proposed: Fen) throws(RelistingRefusal) -> Fen {
        guard proposed > 0 else { throw .startPriceNotPositive }
        guard proposed >= self.minimumStartPrice else { throw .cutTooDeep(minimum: self.minimumStartPrice) }
        return proposed
    }

    /// The rules of the judicial re-auction that follows `previous`, at `startPrice` with `deposit` (拍§17 again
    /// applies to the new start price) and the new bidding period. The cut is checked against this relisting's
    /// policy, then the rules against every other statutory check.
    public func judicialRules(
        after previous: JudicialAuctionRules,
        startPrice: Fen,
        deposit: Fen,
        biddingStart: Date,
        biddingEnd: Date
    ) throws(RelistingRefusal) -> JudicialAuctionRules {
        let startPrice = try self.checkedStartPrice(startPrice)
        let rules = previous.relisting(
            startPrice: startPrice, deposit: deposit, biddingStart: biddingStart, biddingEnd: biddingEnd)
        let violations = rules.violations
        guard violations.isEmpty else { throw .invalidRules(violations) }
        return rules
    }
}
