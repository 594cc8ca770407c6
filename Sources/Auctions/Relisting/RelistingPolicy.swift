import Foundation

/// How far a re-auction (再次拍卖) or a new listing (重新挂牌) may cut the previous start price.
public struct RelistingPolicy: Hashable, Codable, Sendable {
    /// The start price may fall by at most this % of the previous one; nil when no rule limits the cut
    /// (⚠️ other procedures: set per project).
    public var maximumCutPercent: Int?

    /// 拍§26: a judicial re-auction cuts the start price by at most 20 %.
    public static let judicial = RelistingPolicy(maximumCutPercent: 20)

    /// A policy allowing cuts of at most `maximumCutPercent` % (0…100), or any cut when nil.
    public init(maximumCutPercent: Int?) {
        self.maximumCutPercent = maximumCutPercent
    }
}

/// Why a relisting, or its start price, was refused. Each case has a message in Chinese and in English.
public enum RelistingRefusal: Error, Hashable, Codable, Sendable {
    /// The lot sold; there is nothing to relist.
    case lotWasSold
    /// The auction was withdrawn (撤回), which is not a 流拍.
    case auctionWasWithdrawn
    /// The proposed start price cuts deeper than the rule allows; it must be at least `minimum`.
    case cutTooDeep(minimum: Fen)
    /// A start price must be greater than zero.
    case startPriceNotPositive
    /// The policy's cut percentage is outside 0…100.
    case cutPercentOutOfRange(Int)
    /// The re-auction's rules break other checks.
    case invalidRules([AuctionRulesViolation])

    /// 中文说明.
    public var chineseMessage: String {
        switch self {
        case .lotWasSold: "标的已成交，不能再次拍卖"
        case .auctionWasWithdrawn: "拍卖已撤回，并非流拍，不能按流拍再次拍卖"
        case .cutTooDeep(let minimum): "起拍价降价幅度超过规定，起拍价不得低于 \(minimum.yuanText) 元"
        case .startPriceNotPositive: "起拍价必须大于零"
        case .cutPercentOutOfRange(let percent): "降价比例 \(percent)% 超出 0–100% 范围"
        case .invalidRules(let violations): violations.map(\.chineseMessage).joined(separator: "；")
        }
    }

    /// English explanation.
    public var englishMessage: String {
        switch self {
        case .lotWasSold: "The lot sold; it cannot be auctioned again."
        case .auctionWasWithdrawn: "The auction was withdrawn, which is not a failed auction; it cannot be relisted as one."
        case .cutTooDeep(let minimum): "The start price is cut too deep; it must be at least CNY \(minimum.yuanText)."
        case .startPriceNotPositive: "The start price must be greater than zero."
        case .cutPercentOutOfRange(let percent): "A cut of \(percent) % is outside 0–100 %."
        case .invalidRules(let violations): violations.map(\.englishMessage).joined(separator: " ")
        }
    }
}
