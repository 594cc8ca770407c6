import Foundation

/// Why a bid was refused. Each case has a message in Chinese and in English for the bidder.
public enum AuctionRejection: Error, Hashable, Codable, Sendable {
    /// Bidding has not opened yet.
    case notOpenYet(opensAt: Date)
    /// Bidding has closed.
    case closed
    /// The amount is zero or negative.
    case invalidAmount
    /// The amount is below the lowest acceptable bid.
    case belowMinimum(minimum: Fen)
    /// The amount is not the base plus a whole number of increments (加价幅度).
    case notOnIncrementLadder(base: Fen, increment: Fen)
    /// The raise is more increments than one bid may add.
    case raiseTooLarge(maximum: Fen)
    /// A 优先购买权人's equal bid would not take the lead (the leader ranks the same or higher).
    case cannotOutrankLeader
    /// The bidder has not paid the deposit (保证金).
    case depositNotPaid
    /// The client bid id was already used for a different bid.
    case clientBidIDReused
    /// A Dutch acceptance below the current clock price.
    case belowClockPrice(current: Fen)
    /// Reverse auction: not this bidder's turn.
    case notYourTurn
    /// Reverse auction: the new price must be at most `maximum` (current price minus the minimum decrement).
    case reductionTooSmall(maximum: Fen)
    /// The bidder takes no part in this auction or round.
    case notAParticipant
    /// The action does not fit the auction's current phase.
    case wrongPhase

    /// 中文说明.
    public var chineseMessage: String {
        switch self {
        case .notOpenYet(let opensAt): "竞价尚未开始，开始时间：\(opensAt.shanghaiText)"
        case .closed: "竞价已结束"
        case .invalidAmount: "出价金额必须大于零"
        case .belowMinimum(let minimum): "出价低于最低可接受价 \(minimum.yuanText) 元"
        case .notOnIncrementLadder(let base, let increment):
            "出价须为 \(base.yuanText) 元加上加价幅度 \(increment.yuanText) 元的整数倍"
        case .raiseTooLarge(let maximum): "单次加价超过上限，出价最高为 \(maximum.yuanText) 元"
        case .cannotOutrankLeader: "优先购买权人以同等价格应价，但当前最高出价人顺序不低于您，应价无效"
        case .depositNotPaid: "未交纳保证金，不能出价"
        case .clientBidIDReused: "出价编号已用于另一笔出价"
        case .belowClockPrice(let current): "应价低于当前价格 \(current.yuanText) 元"
        case .notYourTurn: "尚未轮到您报价"
        case .reductionTooSmall(let maximum): "降价幅度不足，报价最高为 \(maximum.yuanText) 元"
        case .notAParticipant: "您不是本场竞价的参与人"
        case .wrongPhase: "当前阶段不能进行此操作"
        }
    }

    /// English explanation.
    public var englishMessage: String {
        switch self {
        case .notOpenYet(let opensAt): "Bidding has not opened yet; it opens at \(opensAt.shanghaiText)."
        case .closed: "Bidding has closed."
        case .invalidAmount: "The amount must be greater than zero."
        case .belowMinimum(let minimum): "The bid is below the lowest acceptable amount, CNY \(minimum.yuanText)."
        case .notOnIncrementLadder(let base, let increment):
            "The bid must be CNY \(base.yuanText) plus a whole number of increments of CNY \(increment.yuanText)."
        case .raiseTooLarge(let maximum): "The raise is too large; the highest bid allowed now is CNY \(maximum.yuanText)."
        case .cannotOutrankLeader:
            "A pre-emption holder's equal bid only counts if it outranks the current leader, which it does not."
        case .depositNotPaid: "The deposit has not been paid, so you cannot bid."
        case .clientBidIDReused: "This client bid id was already used for a different bid."
        case .belowClockPrice(let current): "The acceptance is below the current clock price, CNY \(current.yuanText)."
        case .notYourTurn: "It is not your turn to bid."
        case .reductionTooSmall(let maximum):
            "The reduction is smaller than the minimum; your new price may be at most CNY \(maximum.yuanText)."
        case .notAParticipant: "You are not a participant in this auction."
        case .wrongPhase: "That action is not possible in the auction's current phase."
        }
    }
}
