import Foundation

/// Whether an auction takes bids right now, as its phase decides.
public enum BiddingWindow: Hashable, Codable, Sendable {
    /// Bidding opens (or, after a pause such as the wait for a live round, reopens) at `opensAt`.
    case notOpenYet(opensAt: Date)
    /// Bids are taken.
    case open
    /// The auction has closed.
    case closed

    /// Why a bid or action is refused in this window, or nil while bidding is open.
    var rejection: AuctionRejection? {
        switch self {
        case .notOpenYet(let opensAt): .notOpenYet(opensAt: opensAt)
        case .open: nil
        case .closed: .closed
        }
    }
}

/// The end of bidding, which a bid may only move later (限时报价期 countdowns, 拍 five-minute extensions).
enum EndOfBidding {
    /// Moves `end` to `candidate` if that is later; returns the effect to report, if it moved.
    static func postpone(_ end: inout Date, to candidate: Date) -> [AuctionEffect] {
        guard candidate > end else { return [] }
        end = candidate
        return [.extendEnd(to: candidate)]
    }
}

/// The clock of an auction machine: the latest server receipt time it has seen. An event stamped earlier than
/// that counts as received at that time, so the machine's clock never runs backwards.
///
/// Encodes as the bare date, so a machine's JSON is the same as when it kept a plain `Date`.
struct MonotonicClock: Hashable, Codable, Sendable {
    private(set) var lastSeen: Date

    init() {
        self.lastSeen = .distantPast
    }

    /// Takes `now` into account and returns the time the event counts as received at.
    mutating func observe(_ now: Date) -> Date {
        let now = max(now, self.lastSeen)
        self.lastSeen = now
        return now
    }

    init(from decoder: any Decoder) throws {
        self.lastSeen = try decoder.singleValueContainer().decode(Date.self)
    }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(self.lastSeen)
    }
}
