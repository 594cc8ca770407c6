import Foundation

/// 优先购买权 — a bidder's right of pre-emption: it may match the highest price, and wins ties by its order.
public struct PreemptionRight: Hashable, Codable, Sendable {
    public var bidder: BidderID
    /// 顺序 — 1 is first; a smaller order outranks a larger one. Holders with the same order rank equally.
    public var order: Int

    public init(bidder: BidderID, order: Int = 1) {
        self.bidder = bidder
        self.order = order
    }
}

/// The parameters of a `JudicialAuction` (网络司法拍卖, 法释〔2016〕18号). Defaults are the statutory numbers
/// (拍§10–26 ✅); they stay parameters so a court's notice can be modelled exactly.
public struct JudicialAuctionRules: Hashable, Codable, Sendable {
    /// 评估价 (or the market price the court referred to).
    public var appraisedValue: Fen
    /// 起拍价.
    public var startPrice: Fen
    /// For a re-auction (再次拍卖): the previous start price, which replaces the appraisal check by the cut limit.
    public var previousStartPrice: Fen?
    /// 保证金.
    public var deposit: Fen
    /// 加价幅度.
    public var increment: Fen
    /// Upper bound on increments in one bid, if the court sets one.
    public var maximumIncrementsPerBid: Int?
    /// 保留价 — hidden until the close (拍卖法§50). Judicial auctions normally have none: the start price is the floor.
    public var reservePrice: Fen?
    public var biddingStart: Date
    /// The scheduled end; bids in the last `extensionWindow` move it.
    public var biddingEnd: Date
    /// 优先购买权人 and their order.
    public var preemptionRights: [PreemptionRight]
    /// Bids need a paid deposit (`.depositPaid`) first.
    public var requiresDeposit: Bool
    /// 拍§10: start price ≥ this % of the appraisal (70).
    public var minimumStartPercentOfAppraisal: Int
    /// 拍§17: deposit ≥ this % of the start price (5).
    public var minimumDepositPercent: Int
    /// 拍§17: deposit ≤ this % of the start price (20).
    public var maximumDepositPercent: Int
    /// 拍§20: bidding lasts at least this long (24 h).
    public var minimumBiddingPeriod: TimeInterval
    /// 拍§20: a bid this close to the end extends it (5 min)…
    public var extensionWindow: TimeInterval
    /// …to the bid's time plus this (5 min).
    public var extensionLength: TimeInterval
    /// 拍§26: a re-auction may cut the start price by at most this % (20).
    public var maximumRelistingCutPercent: Int
    /// 拍§24: losers' deposits are released within this after the close (24 h).
    public var depositReleaseWithin: TimeInterval

    public init(
        appraisedValue: Fen,
        startPrice: Fen,
        deposit: Fen,
        increment: Fen,
        biddingStart: Date,
        biddingEnd: Date,
        preemptionRights: [PreemptionRight] = [],
        previousStartPrice: Fen? = nil,
        maximumIncrementsPerBid: Int? = nil,
        reservePrice: Fen? = nil,
        requiresDeposit: Bool = true,
        minimumStartPercentOfAppraisal: Int = 70,
        minimumDepositPercent: Int = 5,
        maximumDepositPercent: Int = 20,
        minimumBiddingPeriod: TimeInterval = 24 * 3600,
        extensionWindow: TimeInterval = 300,
        extensionLength: TimeInterval = 300,
        maximumRelistingCutPercent: Int = 20,
        depositReleaseWithin: TimeInterval = 24 * 3600
    ) {
        self.appraisedValue = appraisedValue
        self.startPrice = startPrice
        self.previousStartPrice = previousStartPrice
        self.deposit = deposit
        self.increment = increment
        self.maximumIncrementsPerBid = maximumIncrementsPerBid
        self.reservePrice = reservePrice
        self.biddingStart = biddingStart
        self.biddingEnd = biddingEnd
        self.preemptionRights = preemptionRights
        self.requiresDeposit = requiresDeposit
        self.minimumStartPercentOfAppraisal = minimumStartPercentOfAppraisal
        self.minimumDepositPercent = minimumDepositPercent
        self.maximumDepositPercent = maximumDepositPercent
        self.minimumBiddingPeriod = minimumBiddingPeriod
        self.extensionWindow = extensionWindow
        self.extensionLength = extensionLength
        self.maximumRelistingCutPercent = maximumRelistingCutPercent
        self.depositReleaseWithin = depositReleaseWithin
    }

    var ladder: IncrementLadder {
        IncrementLadder(
            startPrice: self.startPrice,
            increment: self.increment,
            maximumIncrementsPerBid: self.maximumIncrementsPerBid,
            firstBidMayEqualStart: true
        )
    }

    /// The pre-emption order of `bidder`, or nil if it holds no right.
    public func preemptionOrder(of bidder: BidderID) -> Int? {
        self.preemptionRights.first { $0.bidder == bidder }?.order
    }

    /// 拍§26: what a re-auction of this lot may start at.
    public var relistingTerms: RelistingTerms {
        RelistingTerms(previousStartPrice: self.startPrice, maximumCutPercent: self.maximumRelistingCutPercent)
    }

    /// 拍§17: the share of the start price the deposit must lie within.
    public var depositBounds: DepositBounds {
        DepositBounds(minimumPercent: self.minimumDepositPercent, maximumPercent: self.maximumDepositPercent)
    }

    /// Rules for a re-auction of this lot (再次拍卖); `JudicialAuction.init` refuses them if the cut is too deep.
    public func relisting(startPrice: Fen, deposit: Fen, biddingStart: Date, biddingEnd: Date) -> JudicialAuctionRules {
        var rules = self
        rules.previousStartPrice = self.startPrice
        rules.startPrice = startPrice
        rules.deposit = deposit
        rules.biddingStart = biddingStart
        rules.biddingEnd = biddingEnd
        return rules
    }

    /// Everything wrong with these rules; empty when they are usable.
    public var violations: [AuctionRulesViolation] {
        var violations = self.ladder.violations
        let percents = [
            self.minimumStartPercentOfAppraisal, self.minimumDepositPercent, self.maximumDepositPercent,
            self.maximumRelistingCutPercent,
        ]
        guard percents.allSatisfy({ (0...100).contains($0) }), self.minimumDepositPercent <= self.maximumDepositPercent
        else {
            return violations + [.percentOutOfRange(.percentage)]
        }
        if self.appraisedValue <= 0 { violations.append(.notPositive(.appraisedValue)) }
        if self.deposit <= 0 { violations.append(.notPositive(.deposit)) }
        violations.checkReserve(self.reservePrice)
        if let previous = self.previousStartPrice {
            let minimum = RelistingTerms(previousStartPrice: previous, maximumCutPercent: self.maximumRelistingCutPercent)
                .minimumStartPrice
            if self.startPrice < minimum { violations.append(.relistingCutTooDeep(minimum: minimum)) }
        } else if self.appraisedValue > 0,
            !self.startPrice.timesIsAtLeast(100, self.appraisedValue, times: Int64(self.minimumStartPercentOfAppraisal))
        {
            violations.append(
                .startPriceBelowAppraisalShare(
                    percent: self.minimumStartPercentOfAppraisal,
                    minimum: self.appraisedValue.percentRoundedUp(Int64(self.minimumStartPercentOfAppraisal))
                )
            )
        }
        if self.startPrice > 0, self.deposit > 0,
            let violation = self.depositBounds.violation(deposit: self.deposit, startPrice: self.startPrice)
        {
            violations.append(violation)
        }
        if self.biddingEnd <= self.biddingStart {
            violations.append(.endNotAfterStart(.biddingPeriod))
        } else if self.biddingEnd.timeIntervalSince(self.biddingStart) < self.minimumBiddingPeriod {
            violations.append(.biddingPeriodTooShort(minimum: self.minimumBiddingPeriod))
        }
        if !(self.extensionWindow > 0) { violations.append(.notPositive(.extensionWindow)) }
        if !(self.extensionLength > 0) { violations.append(.notPositive(.extensionLength)) }
        violations.checkDepositRelease(within: self.depositReleaseWithin)
        var holders: Set<BidderID> = []
        for right in self.preemptionRights {
            if !holders.insert(right.bidder).inserted { violations.append(.duplicateBidder(right.bidder)) }
            if right.order < 1 { violations.append(.notPositive(.preemptionOrder)) }
        }
        return violations
    }
}
