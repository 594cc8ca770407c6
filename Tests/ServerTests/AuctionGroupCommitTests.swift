import Foundation
import Hummingbird
import HummingbirdTesting
import SQLKit
import Storage
import Testing
import TradingCore

@testable import Server

/// Bids of several auctions committed in one transaction (`AuctionService.commit` with several groups), on the real
/// database: each auction comes out as if its bids had been committed alone, and a failure writes nothing.
@Suite("Online auction bid transactions of several auctions: each auction as if alone; a failure writes nothing")
struct AuctionGroupCommitTests {
    /// Two open English auctions on the fixture's lot, bidders 0 and 1 qualified on each.
    static func twoAuctions(_ test: TestPlatform, _ client: any TestClientProtocol) async throws -> (AuctionFixture, [String]) {
        let fixture = try await AuctionFixture.make(client)
        let start = test.clock.now()
        var auctions: [String] = []
        for _ in 0..<2 {
            let auction = try await fixture.create(client, [
                "kind": "english", "startPriceFen": 100_000, "incrementFen": 1_000, "depositFen": 10_000,
                "opensAt": AuctionFixture.time(start.addingTimeInterval(60)), "closesAt": AuctionFixture.time(start.addingTimeInterval(3600)),
            ])
            try await fixture.qualify(client, auction, bidders: 2, depositFen: 10_000)
            auctions.append(auction)
        }
        test.clock.advance(by: 120)
        return (fixture, auctions)
    }

    static func order(_ fixture: AuctionFixture, _ bidder: Int, _ amount: Int64, _ id: String) -> BidIntake.Order {
        BidIntake.Order(clientBidID: id, partyID: fixture.base.bidderParties[bidder], amountFen: amount)
    }

    @Test("one transaction, two auctions: each one's bid sequence, stream and witness-log entries as if alone", arguments: TestEngine.available)
    func twoAuctionsTogether(engine: TestEngine) async throws {
        let test = try await TestPlatform.make(engine)
        defer { Task { await test.shutdown() } }
        try await test.test { client in
            let (fixture, auctions) = try await Self.twoAuctions(test, client)
            let (a, b) = (auctions[0], auctions[1])
            let answers = try await AuctionService.commit([
                BidIntake.Group(auctionID: a, orders: [Self.order(fixture, 0, 100_000, "a1"), Self.order(fixture, 1, 101_000, "a2"), Self.order(fixture, 0, 100_500, "a3")]),
                BidIntake.Group(auctionID: b, orders: [Self.order(fixture, 1, 100_000, "b1")]),
            ], platform: test.platform)
            let sequences: [[Int64]] = answers.map { group in group.map { answer -> Int64 in (try? answer.get())?.bidSequence ?? -1 } }
            #expect(sequences == [[1, 2, -1], [1]])
            #expect(answers[0][2].failureCode == "bid-below-minimum")
            let expected: [(String, [Int])] = [(a, [100_000, 101_000]), (b, [100_000])]
            for (auction, amounts) in expected {
                let (_, events) = try await client.json(.get, "/api/v1/auctions/\(auction)/events?after=0")
                let items = events["items"] as? [[String: Any]] ?? []
                #expect(items.map { $0["seq"] as? Int ?? 0 } == Array(1...max(items.count, 1)))
                #expect(items.filter { $0["type"] as? String == "bid" }.map { $0["amountFen"] as? Int ?? 0 } == amounts)
            }
            // Each bid row points at its own witness-log entry; the project's entries chain without a gap.
            let linked = try await test.platform.engine.read { db in
                try await db.rows(
                    "SELECT b.auction_id, b.amount_fen, e.entry FROM auction_bids b JOIN log_entries e ON e.idx = b.log_index ORDER BY b.log_index",
                    as: Linked.self)
            }
            let projectID = fixture.projectID
            let chain = try await test.platform.engine.read { db in try await LogRecords.entries(project: projectID, on: db) }
            #expect(linked.count == 4)
            for row in linked {
                let entry = try JSONSerialization.jsonObject(with: Data(row.entry.utf8)) as? [String: Any]
                let data = entry?["data"] as? [String: String]
                #expect(data?["auction"] == row.auctionId && data?["amountFen"] == "\(row.amountFen)")
            }
            #expect(chain.count >= linked.count)
            for (earlier, later) in zip(chain, chain.dropFirst()) {
                let entry = try JSONSerialization.jsonObject(with: Data(later.entry.utf8)) as? [String: Any]
                #expect((entry?["prev"] as? Int).map(Int64.init) == earlier.idx)
            }
            // The kept engines go on from the committed state.
            #expect(try await fixture.bid(client, a, 1, 102_000, id: "a4").json["bidSequence"] as? Int == 3)
            #expect(try await fixture.bid(client, b, 0, 101_000, id: "b2").json["bidSequence"] as? Int == 2)
        }
    }

    @Test("a transaction with a missing auction writes nothing; through the intake only that auction's bid fails", arguments: TestEngine.available)
    func missingAuction(engine: TestEngine) async throws {
        let test = try await TestPlatform.make(engine)
        defer { Task { await test.shutdown() } }
        try await test.test { client in
            let (fixture, auctions) = try await Self.twoAuctions(test, client)
            let before = try await test.auctionState(auctions[0])
            let logSize = try await test.platform.engine.read { db in try await LogRecords.size(on: db) }
            await #expect(throws: TradingError.self) {
                try await AuctionService.commit([
                    BidIntake.Group(auctionID: auctions[0], orders: [Self.order(fixture, 0, 100_000, "a1")]),
                    BidIntake.Group(auctionID: "no-such-auction", orders: [Self.order(fixture, 0, 100_000, "x1")]),
                ], platform: test.platform)
            }
            #expect(try await test.auctionState(auctions[0]) == before)
            #expect(try await test.auctionBidRows(auctions[0]) == 0)
            #expect(try await test.platform.engine.read { db in try await LogRecords.size(on: db) } == logSize)
            // Concurrent bids through the service: the missing auction's answer is 404, the others are committed.
            let statuses = try await withThrowingTaskGroup(of: (String, HTTPResponse.Status).self) { group in
                for (index, auction) in (auctions + ["no-such-auction"]).enumerated() {
                    for bidder in 0..<2 {
                        group.addTask {
                            (auction, try await fixture.bid(client, auction, bidder, Int64(100_000 + bidder * 1_000), id: "c\(index)-\(bidder)").status)
                        }
                    }
                }
                return try await group.reduce(into: [String: [HTTPResponse.Status]]()) { $0[$1.0, default: []].append($1.1) }
            }
            #expect(statuses["no-such-auction"] == [.notFound, .notFound])
            for auction in auctions {
                #expect(statuses[auction]?.contains(.created) == true)
                #expect(try await test.auctionBidRows(auction) == 2)
            }
        }
    }
}

/// A bid row with its witness-log entry.
private struct Linked: Decodable, Sendable {
    var auctionId: String
    var amountFen: Int64
    var entry: String
}

extension Result where Failure == TradingError {
    var failureCode: String? {
        if case .failure(let error) = self { error.code } else { nil }
    }
}
