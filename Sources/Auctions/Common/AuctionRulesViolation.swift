import Foundation

/// A parameter of an auction's rules, named in Chinese and English for messages.
public enum AuctionRulesField: String, Hashable, Codable, Sendable {
    case startPrice, increment, maximumIncrementsPerBid, reservePrice, appraisedValue, deposit
    case biddingPeriod, countdown, extensionWindow, extensionLength, depositReleaseWithin
    case decrement, stepInterval, floorPrice, listingPeriod, liveRoundDelay, liveRoundCountdown
    case minimumBiddersForLiveRound, rounds, turnDuration, pauseBetweenRounds, minimumDecrement
    case minimumBidders, initialPrice, percentage, preemptionOrder

    var chineseName: String {
        switch self {
        case .startPrice: "起拍价"
        case .increment: "加价幅度"
        case .maximumIncrementsPerBid: "单次最多加价档数"
        case .reservePrice: "保留价"
        case .appraisedValue: "评估价"
        case .deposit: "保证金"
        case .biddingPeriod: "竞价期间"
        case .countdown: "限时报价倒计时"
        case .extensionWindow: "延时触发时段"
        case .extensionLength: "延时时长"
        case .depositReleaseWithin: "保证金退还期限"
        case .decrement: "降价幅度"
        case .stepInterval: "降价周期"
        case .floorPrice: "最低价"
        case .listingPeriod: "挂牌期间"
        case .liveRoundDelay: "现场竞价等待时间"
        case .liveRoundCountdown: "现场竞价倒计时"
        case .minimumBiddersForLiveRound: "进入现场竞价的最少人数"
        case .rounds: "报价轮数"
        case .turnDuration: "每次报价时长"
        case .pauseBetweenRounds: "轮间间隔"
        case .minimumDecrement: "最小降价幅度"
        case .minimumBidders: "最少供应商数"
        case .initialPrice: "初始报价"
        case .percentage: "百分比参数"
        case .preemptionOrder: "优先购买权顺序"
        }
    }
}

/// A rule an auction's parameters break; every violation is listed at once in `InvalidAuctionRules`.
public enum AuctionRulesViolation: Hashable, Codable, Sendable {
    /// A money amount, duration or count must be greater than zero.
    case notPositive(AuctionRulesField)
    /// A period ends at or before it starts.
    case endNotAfterStart(AuctionRulesField)
    /// 拍§10: the start price must be at least `percent` % of the appraisal, i.e. ≥ `minimum`.
    case startPriceBelowAppraisalShare(percent: Int, minimum: Fen)
    /// 拍§17: the deposit must lie in `minimum...maximum` (5–20 % of the start price).
    case depositOutOfRange(minimum: Fen, maximum: Fen)
    /// 拍§20: the bidding period must last at least `minimum` seconds.
    case biddingPeriodTooShort(minimum: TimeInterval)
    /// 拍§26: a re-auction's start price may be cut at most 20 %, i.e. must be ≥ `minimum`.
    case relistingCutTooDeep(minimum: Fen)
    /// A Dutch floor must be below the start price.
    case floorNotBelowStart
    /// A percentage parameter is outside 0...100 or its range is upside down.
    case percentOutOfRange(AuctionRulesField)
    /// The same bidder appears twice.
    case duplicateBidder(BidderID)
    /// 拍§24: deposits must be released within `maximum` seconds of the close (24 h).
    case depositReleaseTooLate(maximum: TimeInterval)

    /// 中文说明.
    public var chineseMessage: String {
        switch self {
        case .notPositive(let field): "\(field.chineseName)必须大于零"
        case .endNotAfterStart(let field): "\(field.chineseName)的结束时间必须晚于开始时间"
        case .startPriceBelowAppraisalShare(let percent, let minimum):
            "起拍价不得低于评估价的 \(percent)%（\(minimum.yuanText) 元）"
        case .depositOutOfRange(let minimum, let maximum):
            "保证金应在 \(minimum.yuanText) 元至 \(maximum.yuanText) 元之间"
        case .biddingPeriodTooShort(let minimum): "竞价时间不得少于 \(Int(minimum / 3600)) 小时"
        case .relistingCutTooDeep(let minimum): "再次拍卖起拍价降价幅度超过上限，起拍价不得低于 \(minimum.yuanText) 元"
        case .floorNotBelowStart: "最低价必须低于起始价"
        case .percentOutOfRange(let field): "\(field.chineseName)超出 0–100% 范围"
        case .duplicateBidder(let bidder): "竞买人 \(bidder) 重复"
        case .depositReleaseTooLate(let maximum): "保证金应在竞价结束后 \(Int(maximum / 3600)) 小时内退还"
        }
    }

    /// English explanation.
    public var englishMessage: String {
        switch self {
        case .notPositive(let field): "The \(field.rawValue) must be greater than zero."
        case .endNotAfterStart(let field): "The \(field.rawValue) must end after it starts."
        case .startPriceBelowAppraisalShare(let percent, let minimum):
            "The start price must be at least \(percent) % of the appraisal (CNY \(minimum.yuanText))."
        case .depositOutOfRange(let minimum, let maximum):
            "The deposit must be between CNY \(minimum.yuanText) and CNY \(maximum.yuanText)."
        case .biddingPeriodTooShort(let minimum): "Bidding must last at least \(Int(minimum / 3600)) hours."
        case .relistingCutTooDeep(let minimum):
            "The re-auction start price is cut too deep; it must be at least CNY \(minimum.yuanText)."
        case .floorNotBelowStart: "The floor price must be below the start price."
        case .percentOutOfRange(let field): "The \(field.rawValue) is outside 0–100 %."
        case .duplicateBidder(let bidder): "Bidder \(bidder) appears more than once."
        case .depositReleaseTooLate(let maximum):
            "Deposits must be released within \(Int(maximum / 3600)) hours of the close."
        }
    }
}

/// Thrown by an auction's initialiser when its rules break one or more statutory or sanity checks.
public struct InvalidAuctionRules: Error, Hashable, Sendable {
    public var violations: [AuctionRulesViolation]

    public init(violations: [AuctionRulesViolation]) {
        self.violations = violations
    }
}

extension Array where Element == AuctionRulesViolation {
    /// Adds `.notPositive(.reservePrice)` when a reserve is set and is not positive.
    mutating func checkReserve(_ reserve: Fen?) {
        if let reserve, reserve <= 0 { self.append(.notPositive(.reservePrice)) }
    }

    /// Adds `.notPositive(.depositReleaseWithin)` when the deposit release period is negative.
    mutating func checkDepositRelease(within period: TimeInterval) {
        if period < 0 { self.append(.notPositive(.depositReleaseWithin)) }
    }
}
