import Foundation
import Hummingbird
import HummingbirdTesting
import Server
import Storage
import Testing

@Suite("Online auction engine snapshots: written at a phase change and every 256 or more accepted bids, the bids since replayed after a restart")
struct AuctionSnapshotTests {
    @Test("after 300 bids the stored snapshot holds the first 257; a restarted server replays the other 43 and goes on exactly where it was", arguments: TestEngine.available)
    func replayAfterRestart(engine: TestEngine) async throws {
        let test = try await TestPlatform.make(engine)
        let start = test.clock.now()
        let (fixture, auction, standing) = try await test.test { client -> (AuctionFixture, String, Int64) in
            let fixture = try await AuctionFixture.make(client)
            let auction = try await fixture.create(client, [
                "kind": "english", "startPriceFen": 100_000, "incrementFen": 1_000, "depositFen": 10_000,
                "opensAt": AuctionFixture.time(start.addingTimeInterval(60)), "closesAt": AuctionFixture.time(start.addingTimeInterval(7200)),
            ])
            try await fixture.qualify(client, auction, bidders: 2, depositFen: 10_000)
            test.clock.advance(by: 120)
            var amount: Int64 = 100_000
            for step in 0..<300 {
                let (status, json) = try await fixture.bid(client, auction, step % 2, amount, id: "b-\(step)")
                #expect(status == .created, "bid \(step): \(json)")
                test.clock.advance(by: 1)
                amount += 1_000
            }
            return (fixture, auction, amount - 1_000)
        }
        // The first bid also opened the auction (a change time made: snapshot at once, 1 bid); 256 bids later the
        // snapshot was due again (257 bids, written beside the bid path); none since: the last 43 bids are only in
        // auction_bids.
        var snapshot = try await test.auctionState(auction)[0]
        for _ in 0..<100 where !snapshot.contains("\"b-256\"") {
            try await Task.sleep(for: .milliseconds(100))
            snapshot = try await test.auctionState(auction)[0]
        }
        let holds = (snapshot.contains("\"b-256\""), snapshot.contains("\"b-257\""), snapshot.contains("\"b-299\""))
        #expect(holds == (true, false, false))
        let restarted = try await TestPlatform.reopen(test)
        defer { Task { await restarted.shutdown() } }
        try await restarted.test { client in
            let (_, view) = try await client.json(.get, "/api/v1/auctions/\(auction)")
            #expect(view["standingPriceFen"] as? Int == Int(standing))
            #expect(view["minimumNextBidFen"] as? Int == Int(standing + 1_000))
            #expect((view["bids"] as? [[String: Any]])?.count == 300)
            // a resent bid from after the snapshot: its stored answer, no new row
            let (again, replay) = try await fixture.bid(client, auction, 0, 100_000 + 290 * 1_000, id: "b-290")
            #expect(again == .created)
            #expect(replay["bidSequence"] as? Int == 291)
            // the replayed engine refuses what the live one would, and numbers the next bid 301
            let (low, problem) = try await fixture.bid(client, auction, 1, standing, id: "n-0")
            #expect(low == .unprocessableContent, "\(problem)")
            let (next, ack) = try await fixture.bid(client, auction, 1, standing + 1_000, id: "n-1")
            #expect(next == .created, "\(ack)")
            #expect(ack["bidSequence"] as? Int == 301)
            #expect(try await restarted.auctionBidRows(auction) == 302)
        }
    }
}
