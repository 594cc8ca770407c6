import Auctions
import Foundation
import Synchronization
import Testing
import TradingCore

@testable import Server

/// The bid intake's grouping (in-memory: the commit is a double that records what it is given): bids that arrive
/// while a transaction runs wait for the next, which takes every auction's, and a failing group of several auctions is
/// tried again auction by auction.
@Suite("Online auction bid intake: one transaction for the bids of many auctions, a failure retried auction by auction")
struct BidIntakeTests {
    /// A commit double: records each call's groups, answers every order with its amount, holds the first call until
    /// `release`, and fails any call that holds a group of `failing`.
    final class Recorder: Sendable {
        let calls = Mutex<[[BidIntake.Group]]>([])
        let gate = Mutex<CheckedContinuation<Void, Never>?>(nil)
        let held = Atomic<Bool>(false)
        let failing: String?

        init(failing: String? = nil) { self.failing = failing }

        func commit(_ groups: [BidIntake.Group]) async throws -> [[Result<BidAnswer, TradingError>]] {
            let first = self.calls.withLock { calls in
                calls.append(groups)
                return calls.count == 1
            }
            if first { await withCheckedContinuation { continuation in self.hold(continuation) } }
            if let failing = self.failing, groups.contains(where: { $0.auctionID == failing }) { throw TradingError.auctionNotFound }
            return groups.map { group in
                group.orders.map { order in
                    let acknowledgement = BidAcknowledgement(
                        clientBidID: order.clientBidID, bidder: BidderID("001"), sequence: 1, amount: order.amountFen, receivedAt: Date(),
                        standingPrice: order.amountFen, isLeading: true, endsAt: nil)
                    return .success(BidAnswer(auctionID: group.auctionID, acknowledgement: acknowledgement, seq: 1))
                }
            }
        }

        private func hold(_ continuation: CheckedContinuation<Void, Never>) {
            self.gate.withLock { $0 = continuation }
            self.held.store(true, ordering: .sequentiallyConsistent)
        }

        func release() {
            self.gate.withLock { $0?.resume(); $0 = nil }
        }
    }

    /// Submits one order per entry of `auctions` (the amount its position), each once the one before is queued, while
    /// the first transaction is held; returns the answers' amounts by auction, or the error.
    static func run(_ auctions: [String], recorder: Recorder) async throws -> [String: [Result<Int64, TradingError>]] {
        let intake = BidIntake()
        return try await withThrowingTaskGroup(of: (String, Result<Int64, TradingError>).self) { group in
            for (index, auction) in auctions.enumerated() {
                group.addTask {
                    let order = BidIntake.Order(clientBidID: "c\(index)", partyID: "p", amountFen: Int64(index))
                    do {
                        let answer = try await intake.submit(order, auctionID: auction, commit: recorder.commit)
                        return (auction, answer.map(\.amountFen))
                    } catch let error as TradingError {
                        return (auction, .failure(error))
                    }
                }
                if index == 0 {
                    while !recorder.held.load(ordering: .sequentiallyConsistent) { await Task.yield() }
                } else {
                    while intake.waiting() < index { await Task.yield() }
                }
            }
            recorder.release()
            var answers: [String: [Result<Int64, TradingError>]] = [:]
            for try await (auction, answer) in group { answers[auction, default: []].append(answer) }
            return answers
        }
    }

    @Test("bids queued during a transaction go together in the next: every auction's, at most 100, a busy auction's leftovers behind the others")
    func groups() async throws {
        let recorder = Recorder()
        // One bid starts the held transaction; then 150 bids of A, 30 of B, 30 of C.
        let queued = Array(repeating: "A", count: 150) + Array(repeating: "B", count: 30) + Array(repeating: "C", count: 30)
        let answers = try await Self.run(["first"] + queued, recorder: recorder)
        let calls = recorder.calls.withLock { $0 }
        // 100 of A fill the next; then B and C, which waited, before A's other 50 (of which 40 fit); then A's last 10.
        #expect(calls.map { $0.map(\.auctionID) } == [["first"], ["A"], ["B", "C", "A"], ["A"]])
        #expect(calls.map { $0.map(\.orders.count) } == [[1], [100], [30, 30, 40], [10]])
        #expect(calls.allSatisfy { $0.reduce(0) { $0 + $1.orders.count } <= BidIntake.transactionLimit })
        // Each auction's orders in their arrival order, each answered with its own answer.
        let positions = Dictionary(grouping: queued.enumerated(), by: \.element).mapValues { $0.map { Int64($0.offset + 1) } }
        for (auction, expected) in positions {
            let orders = calls.flatMap { $0.filter { $0.auctionID == auction }.flatMap(\.orders) }
            #expect(orders.map(\.amountFen) == expected)
            #expect(answers[auction]?.compactMap { try? $0.get() }.sorted() == expected)
        }
    }

    @Test("a failing transaction of several auctions is tried again auction by auction: only the failing auction's bids fail")
    func failureRetriedAlone() async throws {
        let recorder = Recorder(failing: "missing")
        let answers = try await Self.run(["first", "A", "missing", "B", "A"], recorder: recorder)
        let calls = recorder.calls.withLock { $0 }.map { $0.map(\.auctionID) }
        #expect(calls == [["first"], ["A", "missing", "B"], ["A"], ["missing"], ["B"]])
        #expect(answers["A"]?.compactMap { try? $0.get() }.sorted() == [1, 4])
        #expect(answers["B"]?.compactMap { try? $0.get() } == [3])
        #expect(answers["missing"]?.count == 1)
        #expect(answers["missing"]?.allSatisfy { if case .failure(let error) = $0 { error.kind == .notFound } else { false } } == true)
    }
}
