import Foundation

/// 流拍原因 — why a lot did not sell, as the close record and the result notice state it.
public enum UnsoldReason: Hashable, Codable, Sendable {
    /// Nobody had a confirmed deposit, so nobody could bid.
    case noQualifiedBidders
    /// Bidders qualified but nobody bid.
    case noBids(qualifiedBidders: Int)
    /// 拍卖法§50: the best bid missed the reserve, revealed now.
    case reserveNotMet(bestBid: Fen, reserve: Fen)
    /// A Dutch clock reached its floor and nobody took it.
    case floorReached(floor: Fen)
    /// Fewer bidders than the procedure needs.
    case tooFewBidders(count: Int, minimum: Int)
    /// 撤回 — the organiser withdrew the auction.
    case withdrawn

    /// The reason for an engine's `NoSaleReason`, given how many bidders had qualified.
    public init(_ reason: NoSaleReason, qualifiedBidders: Int) {
        switch reason {
        case .noBids: self = qualifiedBidders == 0 ? .noQualifiedBidders : .noBids(qualifiedBidders: qualifiedBidders)
        case .reserveNotMet(let bestBid, let reserve): self = .reserveNotMet(bestBid: bestBid, reserve: reserve)
        case .floorReached(let floor): self = .floorReached(floor: floor)
        case .tooFewBidders(let count, let minimum): self = .tooFewBidders(count: count, minimum: minimum)
        case .withdrawn: self = .withdrawn
        }
    }

    /// 中文说明.
    public var chineseMessage: String {
        switch self {
        case .noQualifiedBidders: "流拍：无人交纳保证金取得竞买资格"
        case .noBids(let count): "流拍：\(count) 名竞买人取得资格，但竞价期间无人出价"
        case .reserveNotMet(let bestBid, let reserve):
            "流拍：最高应价 \(bestBid.yuanText) 元未达到保留价 \(reserve.yuanText) 元"
        case .floorReached(let floor): "流拍：价格降至最低价 \(floor.yuanText) 元仍无人应价"
        case .tooFewBidders(let count, let minimum): "流拍：参与人数 \(count) 少于规定的 \(minimum) 人"
        case .withdrawn: "已撤回"
        }
    }

    /// English explanation.
    public var englishMessage: String {
        switch self {
        case .noQualifiedBidders: "Unsold: nobody paid a deposit to qualify."
        case .noBids(let count): "Unsold: \(count) bidders qualified but nobody bid."
        case .reserveNotMet(let bestBid, let reserve):
            "Unsold: the best bid, CNY \(bestBid.yuanText), was below the reserve of CNY \(reserve.yuanText)."
        case .floorReached(let floor): "Unsold: the clock reached its floor of CNY \(floor.yuanText) with no taker."
        case .tooFewBidders(let count, let minimum): "Unsold: \(count) bidders, fewer than the \(minimum) required."
        case .withdrawn: "Withdrawn."
        }
    }
}
