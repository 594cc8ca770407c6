import Foundation

/// 竞价结束 — everything the close of an auction settles, computed from the closed engine and the registry: the
/// outcome, the 成交确认书 or the reason for 流拍, the reserve (revealed now), what happens to every deposit, and the
/// public bidding record (竞价记录).
public struct AuctionClose: Hashable, Codable, Sendable {
    /// The auction.
    public var auctionID: String
    /// The legal close instant.
    public var closedAt: Date
    /// The engine's outcome.
    public var outcome: AuctionOutcome
    /// 成交确认书, when the lot sold.
    public var confirmation: SaleConfirmation?
    /// 流拍原因, when it did not.
    public var unsoldReason: UnsoldReason?
    /// The reserve, revealed at the close (nil when there was none).
    public var revealedReserve: Fen?
    /// What happens to every confirmed deposit.
    public var deposits: DepositSettlement
    /// 竞价记录 — the public record of the bids.
    public var record: BiddingRecord

    /// The close of `machine`, whose bidders are `registry`'s bidder numbers. `reserve` is the sealed reserve the
    /// engine's rules were given (`withReserve`); deposits are released under `depositRelease`.
    public init(
        machine: some AuctionMachine,
        registry: AuctionRegistry,
        reserve: SealedReserve?,
        depositRelease: DepositReleaseRule
    ) throws(AuctionRecordError) {
        guard let outcome = machine.outcome, let closedAt = machine.closedAt else { throw .notClosed }
        if case .noSale(.reserveNotMet(_, let named)) = outcome, named != reserve?.revealed(after: machine) {
            throw .reserveMismatch
        }
        let bids = machine.acceptedBids
        let winner = outcome.winner
        self.auctionID = registry.auctionID
        self.closedAt = closedAt
        self.outcome = outcome
        self.revealedReserve = reserve?.revealed(after: machine)
        let entries = try BiddingRecordEntry.lines(bids, registry: registry, naming: winner)
        let winningNumber = winner.flatMap { registry.registration(bidder: $0)?.number }
        self.record = BiddingRecord(auctionID: registry.auctionID, closedAt: closedAt, entries: entries, winner: winningNumber)
        switch outcome {
        case .sold(let award):
            guard let registration = registry.registration(bidder: award.bidder) else {
                throw .unknownBidder(award.bidder)
            }
            let deposits = DepositSettlement(
                registry: registry, winner: award.bidder, price: award.price, closedAt: closedAt, rule: depositRelease)
            self.deposits = deposits
            self.unsoldReason = nil
            self.confirmation = SaleConfirmation(
                auctionID: registry.auctionID,
                winnerNumber: registration.number,
                winner: registration.party,
                price: award.price,
                closedAt: closedAt,
                winningBidAt: bids.first { $0.sequence == award.sequence }?.time ?? closedAt,
                winningSequence: award.sequence,
                byPreemption: award.byPreemption,
                history: BiddingSummary(bids: bids, price: award.price),
                depositApplied: deposits.conversion?.applied ?? 0,
                balanceDue: deposits.conversion?.balanceDue ?? award.price
            )
        case .noSale(let reason):
            self.deposits = DepositSettlement(
                registry: registry, winner: nil, price: nil, closedAt: closedAt, rule: depositRelease)
            self.unsoldReason = UnsoldReason(reason, qualifiedBidders: registry.qualified.count)
            self.confirmation = nil
        }
    }

    /// Whether the lot may be offered again: it did not sell and was not withdrawn.
    public var mayBeRelisted: Bool {
        guard let reason = self.unsoldReason else { return false }
        return reason != .withdrawn
    }
}

/// Why a public view or the close record of an auction could not be produced.
public enum AuctionRecordError: Error, Hashable, Codable, Sendable {
    /// The auction has not closed, so there is nothing to settle or publish as final.
    case notClosed
    /// The engine holds a bid from a bidder id that is no registration's bidder number.
    case unknownBidder(BidderID)
    /// The engine's 流拍 names a reserve other than the sealed one given.
    case reserveMismatch

    /// 中文说明.
    public var chineseMessage: String {
        switch self {
        case .notClosed: "竞价尚未结束"
        case .unknownBidder(let bidder): "出价人 \(bidder) 不是本场登记的竞买号"
        case .reserveMismatch: "竞价结果中的保留价与密封的保留价不一致"
        }
    }

    /// English explanation.
    public var englishMessage: String {
        switch self {
        case .notClosed: "The auction has not closed."
        case .unknownBidder(let bidder): "Bidder \(bidder) is not the number of any registration of this auction."
        case .reserveMismatch: "The reserve in the auction's outcome differs from the sealed reserve."
        }
    }
}
