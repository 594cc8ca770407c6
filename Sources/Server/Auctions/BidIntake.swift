import Foundation
import Synchronization
import TradingCore

/// The bids waiting for this platform's next bid transaction (group commit across auctions). The first bid to arrive
/// while no bid transaction is running starts one for every bid waiting by then, of every auction; bids that arrive
/// meanwhile wait for the next. Each bid still gets its own receipt time, row and witness-log entry inside its
/// auction's lock, and its answer only after the commit — the group saves round trips and commits, not any check.
///
/// One transaction for many auctions matters on PostgreSQL: every transaction holds the witness log's lock through
/// its commit, so a transaction per auction queued 100 auctions' commits one behind another. The order among
/// processes is still decided by the database's row locks (taken in auction-id order).
final class BidIntake: Sendable {
    /// One bid as the service received it.
    struct Order: Sendable {
        var clientBidID: String
        var partyID: String
        var amountFen: Int64
    }

    /// The orders of one auction in one transaction, in arrival order.
    struct Group: Sendable {
        var auctionID: String
        var orders: [Order]
    }

    /// Commits groups (distinct auctions) in one transaction and answers each order, group by group, in order.
    typealias Commit = @Sendable ([Group]) async throws -> [[Result<BidAnswer, TradingError>]]

    private struct Waiting: Sendable {
        var order: Order
        var continuation: CheckedContinuation<Result<BidAnswer, TradingError>, any Error>
    }

    private struct State: Sendable {
        /// Waiting bids by auction, and the auctions in the order their first waiting bid came.
        var waiting: [String: [Waiting]] = [:]
        var arrival: [String] = []
        var committing = false
    }

    /// The most orders one transaction takes. Their receipt times are read at its start and published at its commit, so
    /// its length is the live room's delay: 100 bids take about 20 ms on the benchmark machine (BENCHMARKS.md).
    static let transactionLimit = 100

    private let state = Mutex(State())

    /// Queues `order` and returns its answer once the transaction holding it has committed (or failed).
    func submit(_ order: Order, auctionID: String, commit: @escaping Commit) async throws -> Result<BidAnswer, TradingError> {
        try await withCheckedThrowingContinuation { continuation in
            let starts = self.state.withLock { state in
                if state.waiting[auctionID] == nil { state.arrival.append(auctionID) }
                state.waiting[auctionID, default: []].append(Waiting(order: order, continuation: continuation))
                guard !state.committing else { return false }
                state.committing = true
                return true
            }
            if starts { Task { await self.drain(commit: commit) } }
        }
    }

    /// How many bids wait for a transaction (not counting those of the running one).
    func waiting() -> Int {
        self.state.withLock { $0.waiting.values.reduce(0) { $0 + $1.count } }
    }

    /// Commits transactions until nothing waits.
    private func drain(commit: Commit) async {
        while true {
            let taken = self.state.withLock { state in Self.take(&state) }
            if taken.isEmpty { return }
            await Self.run(taken, commit: commit)
        }
    }

    /// The next transaction's bids: up to `transactionLimit`, auctions in the order they have waited, each auction's in
    /// arrival order. An auction with bids left over goes behind the auctions that waited, so a busy auction does not
    /// keep the others out. Marks the intake idle when none wait.
    private static func take(_ state: inout State) -> [(auctionID: String, waiting: [Waiting])] {
        var taken: [(auctionID: String, waiting: [Waiting])] = []
        var count = 0
        var untaken: [String] = []
        var leftOver: [String] = []
        for auctionID in state.arrival {
            guard var waiting = state.waiting[auctionID] else { continue }
            guard count < Self.transactionLimit else {
                untaken.append(auctionID)
                continue
            }
            let prefix = Array(waiting.prefix(Self.transactionLimit - count))
            waiting.removeFirst(prefix.count)
            taken.append((auctionID, prefix))
            count += prefix.count
            if waiting.isEmpty {
                state.waiting[auctionID] = nil
            } else {
                state.waiting[auctionID] = waiting
                leftOver.append(auctionID)
            }
        }
        state.arrival = untaken + leftOver
        if taken.isEmpty { state.committing = false }
        return taken
    }

    /// Commits `taken` and answers it. When a transaction of several auctions fails, nothing of it was written: each
    /// auction is tried again alone, so one auction's failure (not found, an inconsistent record) answers only its bids.
    private static func run(_ taken: [(auctionID: String, waiting: [Waiting])], commit: Commit) async {
        do {
            let answers = try await commit(taken.map { Group(auctionID: $0.auctionID, orders: $0.waiting.map(\.order)) })
            for (group, groupAnswers) in zip(taken, answers) {
                for (waiting, answer) in zip(group.waiting, groupAnswers) { waiting.continuation.resume(returning: answer) }
            }
        } catch {
            if taken.count > 1 {
                for group in taken { await Self.run([group], commit: commit) }
            } else {
                for group in taken { for waiting in group.waiting { waiting.continuation.resume(throwing: error) } }
            }
        }
    }
}
