import Foundation

/// 竞买登记簿 — every registration of one auction: who registered, under which anonymous number, whose deposit
/// the operator has confirmed, and who holds a right of pre-emption. Internal to the platform: the public sees
/// only numbers and counts (`AuctionRoomView`), and names only of the winner after the close.
///
/// The runner feeds the auction engine with `AuctionRegistration.bidderID` (the bidder number): `.depositPaid`
/// once a deposit is confirmed, and bids under that id.
public struct AuctionRegistry: Hashable, Codable, Sendable {
    /// The auction these registrations belong to.
    public let auctionID: String
    /// The deposit each bidder must pay.
    public let deposit: DepositRequirement
    /// Registration and deposit confirmation close here, if the auction sets a deadline (报名截止).
    public let closesAt: Date?
    private let numbering: BidderNumberScheme
    private var entries: [RegistrationID: AuctionRegistration] = [:]
    private var numbers: [BidderNumber: RegistrationID] = [:]
    private var parties: Set<String> = []

    /// An empty registry for `auctionID`, numbering bidders with `numbering`.
    public init(auctionID: String, deposit: DepositRequirement, numbering: BidderNumberScheme, closesAt: Date? = nil) {
        self.auctionID = auctionID
        self.deposit = deposit
        self.numbering = numbering
        self.closesAt = closesAt
    }

    /// Registers `party` under `id` at `now` and gives it a bidder number. `preemptionOrder` is set only for a
    /// 优先购买权人 the court has confirmed, with the order the court set (1 first).
    public mutating func register(
        _ id: RegistrationID,
        party: BidderParty,
        at now: Date,
        preemptionOrder: Int? = nil
    ) throws(RegistrationError) -> AuctionRegistration {
        try self.requireOpen(at: now)
        guard self.entries[id] == nil else { throw .duplicateRegistration(id) }
        guard !self.parties.contains(party.id) else { throw .partyAlreadyRegistered(partyID: party.id) }
        if let order = preemptionOrder, order < 1 { throw .invalidPreemptionOrder(order) }
        guard let number = self.numbering.number(for: id, avoiding: self.numbers.keys) else {
            throw .noBidderNumberLeft(capacity: self.numbering.capacity)
        }
        let registration = AuctionRegistration(
            id: id, party: party, registeredAt: now, number: number, preemptionOrder: preemptionOrder)
        self.entries[id] = registration
        self.numbers[number] = id
        self.parties.insert(party.id)
        return registration
    }

    /// Records the operator's confirmation that `amount` fen of deposit arrived for `id`. From then on the bidder
    /// is qualified (竞买资格); the runner tells the engine with `.depositPaid(registration.bidderID)`.
    public mutating func confirmDeposit(
        of id: RegistrationID,
        amount: Fen,
        confirmedBy operatorAccount: String,
        at now: Date
    ) throws(RegistrationError) -> AuctionRegistration {
        try self.requireOpen(at: now)
        guard var registration = self.entries[id] else { throw .unknownRegistration(id) }
        guard registration.deposit == nil else { throw .depositAlreadyConfirmed(id) }
        guard amount >= self.deposit.amount else { throw .depositTooLow(required: self.deposit.amount, received: amount) }
        registration.deposit = DepositReceipt(amount: amount, confirmedBy: operatorAccount, confirmedAt: now)
        self.entries[id] = registration
        return registration
    }

    /// The registration with this id.
    public func registration(_ id: RegistrationID) -> AuctionRegistration? {
        self.entries[id]
    }

    /// The registration behind an engine's bidder id (its bidder number).
    public func registration(bidder: BidderID) -> AuctionRegistration? {
        BidderNumber(bidder.rawValue).flatMap { self.numbers[$0] }.flatMap { self.entries[$0] }
    }

    /// Every registration, in bidder-number order (which says nothing of the order of registration).
    public var registrations: [AuctionRegistration] {
        self.entries.values.sorted { $0.number < $1.number }
    }

    /// Registrations whose deposit is confirmed, in bidder-number order.
    public var qualified: [AuctionRegistration] {
        self.registrations.filter(\.isQualified)
    }

    /// 优先购买权 — the pre-emption rights to put into `JudicialAuctionRules`, by bidder number.
    public var preemptionRights: [PreemptionRight] {
        self.registrations.compactMap { registration in
            registration.preemptionOrder.map { PreemptionRight(bidder: registration.bidderID, order: $0) }
        }
    }

    private func requireOpen(at now: Date) throws(RegistrationError) {
        if let closesAt = self.closesAt, now >= closesAt { throw .registrationClosed(at: closesAt) }
    }
}
