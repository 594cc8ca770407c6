import Auctions
import Foundation

/// The rule engine of one stored auction: the pure machine of its kind, kept as a JSON snapshot in `auctions.machine`.
/// Only the locked paths of `AuctionService` feed it, so no process memory decides the order of bids.
enum AuctionEngine: Codable, Sendable {
    /// 产权·资产网络竞价: 自由报价期 then 限时报价期.
    case english(EnglishAuction)
    /// 网络司法拍卖: ≥ 24 h, 5-minute extension, 优先购买权人.
    case judicial(JudicialAuction)
    /// 降价拍卖: a clock drops to a floor; the first acceptance takes the lot.
    case dutch(DutchAuction)
    /// 挂牌: quotes during the listing, then a live round among those who want to continue.
    case listing(ListingAuction)
    /// 多轮反向竞价: procurement suppliers lower their opened prices in turns.
    case reverse(ReverseAuction)

    /// The machine behind the case, for the views of the Auctions module.
    var machine: any AuctionMachine {
        switch self {
        case .english(let auction): auction
        case .judicial(let auction): auction
        case .dutch(let auction): auction
        case .listing(let auction): auction
        case .reverse(let auction): auction
        }
    }

    /// A bid through the common bid path: a raise, a quote, (Dutch) 应价 at the clock price, or (reverse) a lowered price.
    /// `self` is consumed while the machine handles the bid, so that the machine's ledger is uniquely referenced and
    /// grows in place (a `switch self` would keep a second reference and copy the whole ledger on every bid).
    mutating func bid(_ request: BidRequest, now: Date) -> [AuctionEffect] {
        switch consume self {
        case .english(var auction):
            let effects = auction.handle(.bid(request), now: now)
            self = .english(auction)
            return effects
        case .judicial(var auction):
            let effects = auction.handle(.bid(request), now: now)
            self = .judicial(auction)
            return effects
        case .dutch(var auction):
            let effects = auction.handle(.accept(request), now: now)
            self = .dutch(auction)
            return effects
        case .listing(var auction):
            let effects = auction.handle(.bid(request), now: now)
            self = .listing(auction)
            return effects
        case .reverse(var auction):
            let effects = auction.handle(.lower(request), now: now)
            self = .reverse(auction)
            return effects
        }
    }

    mutating func tick(now: Date) -> [AuctionEffect] {
        switch self {
        case .english(var auction):
            let effects = auction.handle(.tick, now: now)
            self = .english(auction)
            return effects
        case .judicial(var auction):
            let effects = auction.handle(.tick, now: now)
            self = .judicial(auction)
            return effects
        case .dutch(var auction):
            let effects = auction.handle(.tick, now: now)
            self = .dutch(auction)
            return effects
        case .listing(var auction):
            let effects = auction.handle(.tick, now: now)
            self = .listing(auction)
            return effects
        case .reverse(var auction):
            let effects = auction.handle(.tick, now: now)
            self = .reverse(auction)
            return effects
        }
    }

    /// 撤回 — what time already did, then the close with no sale (nothing more once closed).
    mutating func withdraw(now: Date) -> [AuctionEffect] {
        switch self {
        case .english(var auction):
            let effects = auction.handle(.withdraw, now: now)
            self = .english(auction)
            return effects
        case .judicial(var auction):
            let effects = auction.handle(.withdraw, now: now)
            self = .judicial(auction)
            return effects
        case .dutch(var auction):
            let effects = auction.handle(.withdraw, now: now)
            self = .dutch(auction)
            return effects
        case .listing(var auction):
            let effects = auction.handle(.withdraw, now: now)
            self = .listing(auction)
            return effects
        case .reverse(var auction):
            let effects = auction.handle(.withdraw, now: now)
            self = .reverse(auction)
            return effects
        }
    }

    /// 表示继续竞价 — a listing bidder wants the live round; every other kind refuses (wrong phase).
    mutating func declareIntentToContinue(_ bidder: BidderID, now: Date) -> [AuctionEffect] {
        guard case .listing(var auction) = self else { return self.tick(now: now) + [.actionRejected(bidder, .intentToContinue, .wrongPhase)] }
        let effects = auction.handle(.declareIntentToContinue(bidder), now: now)
        self = .listing(auction)
        return effects
    }

    /// A reverse-auction participant keeps its price for this turn; every other kind refuses (wrong phase).
    mutating func pass(_ bidder: BidderID, now: Date) -> [AuctionEffect] {
        guard case .reverse(var auction) = self else { return self.tick(now: now) + [.actionRejected(bidder, .pass, .wrongPhase)] }
        let effects = auction.handle(.pass(bidder), now: now)
        self = .reverse(auction)
        return effects
    }

    /// Tells a judicial engine that the operator confirmed `bidder`'s deposit (the other engines leave deposits to
    /// the registry, which the service checks before every bid).
    mutating func depositPaid(_ bidder: BidderID, now: Date) -> [AuctionEffect] {
        guard case .judicial(var auction) = self else { return [] }
        let effects = auction.handle(.depositPaid(bidder), now: now)
        self = .judicial(auction)
        return effects
    }

    /// The current end of bidding while the auction runs (the free-bidding end, then the countdown; the extended end
    /// of a judicial sale; a Dutch clock's close at the floor; the listing's end, then the live round's; the end of a
    /// reverse auction's current turn); nil once closed.
    var endsAt: Date? {
        switch self {
        case .english(let auction): auction.phase == .closed ? nil : auction.endsAt
        case .judicial(let auction): auction.phase == .closed ? nil : auction.endsAt
        case .dutch(let auction): auction.phase == .closed ? nil : auction.rules.closesAt
        case .listing(let auction): auction.phase == .closed ? nil : auction.endsAt
        case .reverse(let auction): auction.phase == .bidding ? auction.turnEndsAt : nil
        }
    }

    /// The lowest bid the engine would accept now (a Dutch clock: its current price).
    var minimumNextBid: Fen? {
        switch self {
        case .english(let auction): auction.minimumNextBid
        case .judicial(let auction): auction.minimumNextBid
        case .dutch(let auction): auction.phase == .descending ? auction.standingPrice : nil
        case .listing(let auction): auction.minimumNextBid
        case .reverse: nil
        }
    }

    /// `scheduled`, `open` or `closed` (a listing waiting for its live round counts as open).
    var status: String {
        if case .listing(let auction) = self, auction.phase == .awaitingLiveRound { return "open" }
        switch self.machine.biddingWindow {
        case .notOpenYet: return "scheduled"
        case .open: return "open"
        case .closed: return "closed"
        }
    }

    /// The sub-phase shown in the room: `free-bidding` / `timed-bidding` (English), `descending` (Dutch), `listing` /
    /// `awaiting-live-round` / `live-round` (listing), `round-N` (reverse), `withdrawn` once withdrawn, else the status.
    var phase: String {
        if case .noSale(.withdrawn) = self.machine.outcome { return "withdrawn" }
        switch self {
        case .english(let auction) where auction.phase == .freeBidding: return "free-bidding"
        case .english(let auction) where auction.phase == .timedBidding: return "timed-bidding"
        case .dutch(let auction) where auction.phase == .descending: return "descending"
        case .listing(let auction) where auction.phase == .listing: return "listing"
        case .listing(let auction) where auction.phase == .awaitingLiveRound: return "awaiting-live-round"
        case .listing(let auction) where auction.phase == .liveRound: return "live-round"
        case .reverse(let auction) where auction.phase == .bidding: return "round-\(auction.round)"
        default: return self.status
        }
    }

    static func decode(_ text: String) throws -> AuctionEngine {
        try JSONDecoder().decode(AuctionEngine.self, from: Data(text.utf8))
    }

    func encoded() throws -> String {
        String(decoding: try JSONEncoder().encode(self), as: UTF8.self)
    }
}
