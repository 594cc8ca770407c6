import Foundation
import Synchronization
import TradingCore

/// The bids of one auction waiting for this process's next transaction (group commit). The first bid to arrive while
/// no transaction of the auction is running starts one for every bid waiting by then; bids that arrive meanwhile wait
/// for the next. Each bid still gets its own receipt time, row and witness-log entry inside the lock, and its answer
/// only after the commit — the batch saves the round trips and the commit, not any check. The order among processes
/// is still decided by the database's row lock.
final class BidIntake: Sendable {
    /// One bid as the service received it.
    struct Order: Sendable {
        var clientBidID: String
        var partyID: String
        var amountFen: Int64
    }

    /// Commits a batch of one auction's orders in one transaction and answers each, in order.
    typealias Commit = @Sendable ([Order]) async throws -> [Result<BidAnswer, TradingError>]

    private struct Waiting: Sendable {
        var order: Order
        var continuation: CheckedContinuation<Result<BidAnswer, TradingError>, any Error>
    }

    private struct Queue: Sendable {
        var waiting: [Waiting] = []
        var committing = false
    }

    /// The most orders one transaction takes (bounded by the statement's bind limits).
    static let batchLimit = 100
    /// One intake per process: auction ids are UUIDs, so platforms in one process (tests) never collide.
    static let shared = BidIntake()

    private let queues = Mutex<[String: Queue]>([:])

    /// Queues `order` and returns its answer once the transaction holding it has committed (or failed).
    func submit(_ order: Order, auctionID: String, commit: @escaping Commit) async throws -> Result<BidAnswer, TradingError> {
        try await withCheckedThrowingContinuation { continuation in
            let starts = self.queues.withLock { queues in
                queues[auctionID, default: Queue()].waiting.append(Waiting(order: order, continuation: continuation))
                guard queues[auctionID]?.committing == false else { return false }
                queues[auctionID]?.committing = true
                return true
            }
            if starts { Task { await self.drain(auctionID, commit: commit) } }
        }
    }

    /// Commits batches until nothing waits.
    private func drain(_ auctionID: String, commit: Commit) async {
        while true {
            let batch = self.queues.withLock { queues -> [Waiting] in
                guard var queue = queues[auctionID], !queue.waiting.isEmpty else {
                    queues[auctionID] = nil
                    return []
                }
                let taken = Array(queue.waiting.prefix(Self.batchLimit))
                queue.waiting.removeFirst(taken.count)
                queues[auctionID] = queue
                return taken
            }
            if batch.isEmpty { return }
            do {
                let answers = try await commit(batch.map(\.order))
                for (waiting, answer) in zip(batch, answers) { waiting.continuation.resume(returning: answer) }
            } catch {
                for waiting in batch { waiting.continuation.resume(throwing: error) }
            }
        }
    }
}
