import Auctions
import Foundation

/// The rule engine of one stored auction: the pure machine of its kind, kept as a JSON snapshot in `auctions.machine`.
/// Only the locked bid path (`AuctionService.locked`) feeds it, so no process memory decides the order of bids.
enum AuctionEngine: Codable, Sendable {
    /// 产权·资产网络竞价: 自由报价期 then 限时报价期.
    case english(EnglishAuction)
    /// 网络司法拍卖: ≥ 24 h, 5-minute extension, 优先购买权人.
    case judicial(JudicialAuction)

    /// The machine behind the case, for the views of the Auctions module.
    var machine: any AuctionMachine {
        switch self {
        case .english(let auction): auction
        case .judicial(let auction): auction
        }
    }

    mutating func bid(_ request: BidRequest, now: Date) -> [AuctionEffect] {
        switch self {
        case .english(var auction):
            let effects = auction.handle(.bid(request), now: now)
            self = .english(auction)
            return effects
        case .judicial(var auction):
            let effects = auction.handle(.bid(request), now: now)
            self = .judicial(auction)
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
        }
    }

    /// Tells a judicial engine that the operator confirmed `bidder`'s deposit (the English engine leaves deposits to
    /// the registry, which the service checks before every bid).
    mutating func depositPaid(_ bidder: BidderID, now: Date) -> [AuctionEffect] {
        guard case .judicial(var auction) = self else { return [] }
        let effects = auction.handle(.depositPaid(bidder), now: now)
        self = .judicial(auction)
        return effects
    }

    /// The current end of bidding while the auction runs (the free-bidding end, then the countdown; the extended end
    /// of a judicial sale); nil once closed.
    var endsAt: Date? {
        switch self {
        case .english(let auction): auction.phase == .closed ? nil : auction.endsAt
        case .judicial(let auction): auction.phase == .closed ? nil : auction.endsAt
        }
    }

    /// The lowest bid the engine would accept now.
    var minimumNextBid: Fen? {
        switch self {
        case .english(let auction): auction.minimumNextBid
        case .judicial(let auction): auction.minimumNextBid
        }
    }

    /// `scheduled`, `open` or `closed`.
    var status: String {
        switch self.machine.biddingWindow {
        case .notOpenYet: "scheduled"
        case .open: "open"
        case .closed: "closed"
        }
    }

    /// The sub-phase shown in the room: `free` / `timed` for an English auction, else the status.
    var phase: String {
        if case .english(let auction) = self {
            switch auction.phase {
            case .freeBidding: return "free-bidding"
            case .timedBidding: return "timed-bidding"
            default: break
            }
        }
        return self.status
    }

    static func decode(_ text: String) throws -> AuctionEngine {
        try JSONDecoder().decode(AuctionEngine.self, from: Data(text.utf8))
    }

    func encoded() throws -> String {
        String(decoding: try JSONEncoder().encode(self), as: UTF8.self)
    }
}
