import Foundation

/// An auction rule engine: a value-type state machine fed with events and the server's receipt time.
///
/// `handle(_:now:)` never throws: refused bids come back as `.bidRejected`, so that the effects of time passing
/// (a close noticed by the same event) are never lost. Times earlier than the last one seen are treated as the
/// last one seen, so the machine's clock never runs backwards.
public protocol AuctionMachine: Hashable, Codable, Sendable {
    associatedtype Event: Hashable, Sendable

    /// Feed one event received at `now`; returns what the runner must do.
    mutating func handle(_ event: Event, now: Date) -> [AuctionEffect]

    /// The next instant at which time alone changes the state; the runner should deliver a tick then.
    var nextDeadline: Date? { get }
    /// The standing price: highest bid (ascending), clock price (Dutch), or lowest price (reverse).
    var standingPrice: Fen? { get }
    /// Every accepted bid in sequence order.
    var acceptedBids: [AuctionBid] { get }
    /// Set once the auction has closed.
    var outcome: AuctionOutcome? { get }
    /// The legal close instant, set with `outcome`.
    var closedAt: Date? { get }
    /// Whether bids are taken now, as the phase decides (time passing is only seen through `handle`).
    var biddingWindow: BiddingWindow { get }
}
