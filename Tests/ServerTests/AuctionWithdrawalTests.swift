import Foundation
import Hummingbird
import HummingbirdTesting
import Server
import Storage
import Testing

@Suite("Online auction withdrawal (撤回/中止): runner or operator only, closes with no sale, refused once closed")
struct AuctionWithdrawalTests {
    @Test("English: the runner withdraws a running auction — closed unsold (withdrawn), close record with the reason, stream and log; then 409", arguments: TestEngine.available)
    func withdrawRunningEnglish(engine: TestEngine) async throws {
        let test = try await TestPlatform.make(engine)
        defer { Task { await test.shutdown() } }
        try await test.test { client in
            let fixture = try await AuctionFixture.make(client)
            let opens = test.clock.now().addingTimeInterval(3600)
            let auction = try await fixture.create(client, [
                "kind": "english", "startPriceFen": 1_000_000, "incrementFen": 10_000, "depositFen": 100_000,
                "opensAt": AuctionFixture.time(opens), "closesAt": AuctionFixture.time(opens.addingTimeInterval(3600)),
            ])
            let first = try await fixture.register(client, auction, 0)
            try await fixture.confirm(client, auction, first.id, amountFen: 100_000)
            test.clock.set(opens.addingTimeInterval(60))
            #expect(try await fixture.bid(client, auction, 0, 1_000_000, id: "a").status == .created)
            // a bidder and the regulator may not withdraw: 403, nothing changes
            let before = try await test.auctionState(auction)
            let (byBidder, _) = try await client.json(.post, "/api/v1/auctions/\(auction)/withdraw", token: fixture.base.bidders[0], body: [:])
            #expect(byBidder == .forbidden)
            let (byRegulator, _) = try await client.json(.post, "/api/v1/auctions/\(auction)/withdraw", token: fixture.base.regulator, body: [:])
            #expect(byRegulator == .forbidden)
            #expect(try await test.auctionState(auction) == before)
            test.clock.advance(by: 30)
            let (status, record) = try await client.json(.post, "/api/v1/auctions/\(auction)/withdraw", token: fixture.base.tenderer, body: ["reasonZh": "标的权属存在争议"])
            #expect(status == .ok, "\(record)")
            #expect(record["outcome"] as? String == "unsold")
            #expect(record["unsoldReasonZh"] as? String == "已撤回")
            #expect(record["mayBeRelisted"] as? Bool == false)
            let withdrawal = record["withdrawal"] as? [String: Any]
            #expect(withdrawal?["reasonZh"] as? String == "标的权属存在争议")
            #expect(withdrawal?["at"] as? String == AuctionFixture.time(opens.addingTimeInterval(90)))
            // the room, the public record and the stream agree
            let (_, room) = try await client.json(.get, "/api/v1/auctions/\(auction)")
            #expect(room["status"] as? String == "closed")
            #expect(room["phase"] as? String == "withdrawn")
            #expect(room["outcome"] as? String == "unsold")
            let (_, published) = try await client.json(.get, "/api/v1/auctions/\(auction)/record")
            #expect((published["withdrawal"] as? [String: Any])?["reasonZh"] as? String == "标的权属存在争议")
            #expect((published["bids"] as? [[String: Any]])?.count == 1)
            let (_, events) = try await client.json(.get, "/api/v1/auctions/\(auction)/events?after=0")
            let last = (events["items"] as? [[String: Any]])?.last
            #expect(last?["type"] as? String == "closed")
            #expect(last?["outcome"] as? String == "unsold")
            #expect(last?["reasonZh"] as? String == "已撤回")
            let entries = try await test.platform.engine.read { db in
                try await LogRecords.entries(from: 0, limit: 10_000, on: db).map(\.entry).filter { $0.contains(auction) }
            }
            #expect(entries.contains { $0.contains("\"auction.withdrawn\"") && $0.contains("标的权属存在争议") })
            #expect(entries.contains { $0.contains("\"auction.closed\"") && $0.contains("closeRecordSha256") })
            // already closed: 409 zh + en; a bid is refused; a withdrawn lot is not relisted
            let (again, problem) = try await client.json(.post, "/api/v1/auctions/\(auction)/withdraw", token: fixture.base.operatorToken, body: [:])
            #expect(again == .conflict)
            #expect(problem["code"] as? String == "auction-closed")
            #expect((problem["zh"] as? String)?.contains("不能撤回") == true)
            #expect((problem["en"] as? String)?.isEmpty == false)
            #expect(try await fixture.bid(client, auction, 0, 1_010_000, id: "b").status == .conflict)
            let (relist, _) = try await client.json(.post, "/api/v1/auctions/\(auction)/relist", token: fixture.base.tenderer, body: [
                "startPriceFen": 900_000, "opensAt": AuctionFixture.time(opens.addingTimeInterval(86_400)),
                "closesAt": AuctionFixture.time(opens.addingTimeInterval(90_000)),
            ])
            #expect(relist == .conflict)
        }
    }

    @Test("judicial: the operator withdraws before the opening; once the deadline passed, time's close stands and withdrawal is 409", arguments: TestEngine.available)
    func withdrawJudicial(engine: TestEngine) async throws {
        let test = try await TestPlatform.make(engine)
        defer { Task { await test.shutdown() } }
        try await test.test { client in
            let fixture = try await AuctionFixture.make(client)
            let opens = test.clock.now().addingTimeInterval(3600)
            let closes = opens.addingTimeInterval(24 * 3600)
            let body: [String: Any] = [
                "kind": "judicial", "appraisedValueFen": 2_000_000, "startPriceFen": 1_400_000, "incrementFen": 20_000, "depositFen": 140_000,
                "opensAt": AuctionFixture.time(opens), "closesAt": AuctionFixture.time(closes),
            ]
            let early = try await fixture.create(client, body)
            let (status, record) = try await client.json(.post, "/api/v1/auctions/\(early)/withdraw", token: fixture.base.operatorToken, body: [:])
            #expect(status == .ok, "\(record)")
            #expect(record["unsoldReasonEn"] as? String == "Withdrawn.")
            #expect((record["withdrawal"] as? [String: Any])?["by"] as? String == "operator")
            #expect((record["withdrawal"] as? [String: Any])?["reasonZh"] == nil)
            let (_, room) = try await client.json(.get, "/api/v1/auctions/\(early)")
            #expect(room["phase"] as? String == "withdrawn")
            #expect(room["endsAt"] == nil)
            // a second auction: one bid, then the deadline passes unseen — the withdrawal delivers the close and is refused
            let late = try await fixture.create(client, body)
            let bidder = try await fixture.register(client, late, 0)
            try await fixture.confirm(client, late, bidder.id, amountFen: 140_000)
            test.clock.set(opens.addingTimeInterval(60))
            #expect(try await fixture.bid(client, late, 0, 1_400_000, id: "x").status == .created)
            test.clock.set(closes.addingTimeInterval(60))
            let (refused, problem) = try await client.json(.post, "/api/v1/auctions/\(late)/withdraw", token: fixture.base.tenderer, body: ["reasonZh": "太迟"])
            #expect(refused == .conflict)
            #expect(problem["code"] as? String == "auction-closed")
            let (_, closed) = try await client.json(.get, "/api/v1/auctions/\(late)/record")
            #expect(closed["outcome"] as? String == "sold")
            #expect(closed["withdrawal"] == nil)
        }
    }
}
