import Foundation

/// 竞价室 — what the public sees of an auction at any moment: whether bidding is open, the standing price, the
/// deposit, how many have registered and qualified, the live bids by bidder number only, and the reserve only as
/// `ReserveDisclosure` (sealed until the close). Never names a party: the winner is named in `AuctionClose`.
public struct AuctionRoomView: Hashable, Codable, Sendable {
    /// The auction.
    public var auctionID: String
    /// Whether bids are taken now.
    public var window: BiddingWindow
    /// The standing price (highest, clock or lowest, as the auction goes).
    public var standingPrice: Fen?
    /// The next instant at which time alone changes the auction (the current end of bidding, a clock step…).
    public var nextDeadline: Date?
    /// The deposit a bidder must pay, in fen.
    public var deposit: Fen
    /// How many parties registered.
    public var registeredBidders: Int
    /// How many have a confirmed deposit.
    public var qualifiedBidders: Int
    /// The reserve: none, sealed, or (after the close) revealed.
    public var reserve: ReserveDisclosure
    /// The accepted bids by number, price and time; sealed initial prices are left out until the close.
    public var bids: [BiddingRecordEntry]

    /// The view of `machine`, whose bidders are `registry`'s bidder numbers.
    public init(
        machine: some AuctionMachine,
        registry: AuctionRegistry,
        reserve: SealedReserve?
    ) throws(AuctionRecordError) {
        let closed = machine.outcome != nil
        let visible = machine.acceptedBids.filter { closed || $0.kind != .sealedInitial }
        self.auctionID = registry.auctionID
        self.window = machine.biddingWindow
        self.standingPrice = machine.standingPrice
        self.nextDeadline = machine.nextDeadline
        self.deposit = registry.deposit.amount
        self.registeredBidders = registry.registrations.count
        self.qualifiedBidders = registry.qualified.count
        self.reserve = ReserveDisclosure.of(reserve, for: machine)
        self.bids = try BiddingRecordEntry.lines(visible, registry: registry, naming: nil)
    }
}
