import Foundation
import Hummingbird
import HummingbirdTesting
import Server
import Storage
import Testing

@Suite("Online auction, Dutch (降价拍卖): the clock drops by steps to a floor; the first acceptance at the clock price takes the lot")
struct AuctionDutchTests {
    /// start 10,000 yuan, −500 yuan every 60 s, floor 8,000 yuan: 4 drops, the close one step after the floor.
    static func body(opens: Date) -> [String: Any] {
        [
            "kind": "dutch", "startPriceFen": 1_000_000, "decrementFen": 50_000, "stepSeconds": 60, "floorPriceFen": 800_000,
            "depositFen": 100_000, "opensAt": AuctionFixture.time(opens),
        ]
    }

    @Test("the clock's end is computed; missing or foreign fields and a wrong closesAt are refused 422 (zh + en), nothing written", arguments: TestEngine.available)
    func setup(engine: TestEngine) async throws {
        let test = try await TestPlatform.make(engine)
        defer { Task { await test.shutdown() } }
        try await test.test { client in
            let fixture = try await AuctionFixture.make(client)
            let opens = test.clock.now().addingTimeInterval(3600)
            let before = try await test.snapshot()
            var noFloor = Self.body(opens: opens)
            noFloor["floorPriceFen"] = nil
            var wrongEnd = Self.body(opens: opens)
            wrongEnd["closesAt"] = AuctionFixture.time(opens.addingTimeInterval(3600))
            var floorAboveStart = Self.body(opens: opens)
            floorAboveStart["floorPriceFen"] = 1_200_000
            var withIncrement = Self.body(opens: opens)
            withIncrement["incrementFen"] = 10_000
            var englishWithFloor = Self.body(opens: opens)
            englishWithFloor["kind"] = "english"
            englishWithFloor["incrementFen"] = 10_000
            englishWithFloor["closesAt"] = AuctionFixture.time(opens.addingTimeInterval(3600))
            for (body, code) in [
                (noFloor, "auction-dutch-parameters"), (wrongEnd, "dutch-closes-at"), (floorAboveStart, "auction-rules-invalid"),
                (withIncrement, "auction-kind-fields"), (englishWithFloor, "auction-kind-fields"),
            ] {
                let (status, problem) = try await client.json(.post, fixture.auctionsPath, token: fixture.base.tenderer, body: body)
                #expect(status == .unprocessableContent, "\(code): \(problem)")
                #expect(problem["code"] as? String == code)
                #expect((problem["zh"] as? String)?.isEmpty == false)
                #expect((problem["en"] as? String)?.isEmpty == false)
            }
            #expect(try await test.snapshot() == before)
            var rightEnd = Self.body(opens: opens)
            rightEnd["closesAt"] = AuctionFixture.time(opens.addingTimeInterval(300))
            let auction = try await fixture.create(client, rightEnd)
            let (_, room) = try await client.json(.get, "/api/v1/auctions/\(auction)")
            #expect(room["kind"] as? String == "dutch")
            #expect(room["closesAt"] as? String == AuctionFixture.time(opens.addingTimeInterval(300)))
            #expect(room["decrementFen"] as? Int == 50_000)
            #expect(room["floorPriceFen"] as? Int == 800_000)
            #expect(room["stepSeconds"] as? Int == 60)
            #expect(room["status"] as? String == "scheduled")
        }
    }

    @Test("the clock drops on time (stream clock-price), an acceptance below the clock is 422, the first at the clock wins and closes", arguments: TestEngine.available)
    func acceptance(engine: TestEngine) async throws {
        let test = try await TestPlatform.make(engine)
        defer { Task { await test.shutdown() } }
        try await test.test { client in
            let fixture = try await AuctionFixture.make(client)
            let opens = test.clock.now().addingTimeInterval(3600)
            let auction = try await fixture.create(client, Self.body(opens: opens))
            let first = try await fixture.register(client, auction, 0)
            let second = try await fixture.register(client, auction, 1)
            try await fixture.confirm(client, auction, first.id, amountFen: 100_000)
            try await fixture.confirm(client, auction, second.id, amountFen: 100_000)
            let (early, earlyProblem) = try await fixture.bid(client, auction, 0, 1_000_000, id: "early")
            #expect(early == .conflict)
            #expect(earlyProblem["code"] as? String == "auction-not-open")
            // two drops after 130 s: 9,000 yuan, the next at 180 s
            test.clock.set(opens.addingTimeInterval(130))
            let (_, room) = try await client.json(.get, "/api/v1/auctions/\(auction)")
            #expect(room["phase"] as? String == "descending")
            #expect(room["standingPriceFen"] as? Int == 900_000)
            #expect(room["minimumNextBidFen"] as? Int == 900_000)
            #expect(room["nextStepAt"] as? String == AuctionFixture.time(opens.addingTimeInterval(180)))
            let (_, events) = try await client.json(.get, "/api/v1/auctions/\(auction)/events?after=0")
            let clock = (events["items"] as? [[String: Any]] ?? []).filter { $0["type"] as? String == "clock-price" }
            #expect(clock.last?["standingPriceFen"] as? Int == 900_000)
            #expect(clock.last?["nextStepAt"] as? String == AuctionFixture.time(opens.addingTimeInterval(180)))
            let (below, belowProblem) = try await fixture.bid(client, auction, 1, 850_000, id: "low")
            #expect(below == .unprocessableContent)
            #expect(belowProblem["code"] as? String == "bid-below-clock")
            #expect((belowProblem["zh"] as? String)?.contains("9000.00") == true)
            // a listing's "continue" means nothing here: 409
            let (notListing, _) = try await client.json(.post, "/api/v1/auctions/\(auction)/continue", token: fixture.base.bidders[0], body: [:])
            #expect(notListing == .conflict)
            // an acceptance above the clock is made at the clock price, and closes the auction sold
            let (taken, ack) = try await fixture.bid(client, auction, 0, 950_000, id: "take")
            #expect(taken == .created, "\(ack)")
            #expect(ack["amountFen"] as? Int == 900_000)
            let (late, lateProblem) = try await fixture.bid(client, auction, 1, 900_000, id: "late")
            #expect(late == .conflict)
            #expect(lateProblem["code"] as? String == "auction-closed")
            let (_, record) = try await client.json(.get, "/api/v1/auctions/\(auction)/record")
            #expect(record["outcome"] as? String == "sold")
            let confirmation = record["confirmation"] as? [String: Any]
            #expect(confirmation?["priceFen"] as? Int == 900_000)
            #expect(confirmation?["winnerNumber"] as? String == first.number)
            #expect((record["bids"] as? [[String: Any]])?.first?["kind"] as? String == "clockAcceptance")
        }
    }

    @Test("nobody accepts: the clock stays at the floor one step, then the auction closes unsold (floor reached)", arguments: TestEngine.available)
    func floorReached(engine: TestEngine) async throws {
        let test = try await TestPlatform.make(engine)
        defer { Task { await test.shutdown() } }
        try await test.test { client in
            let fixture = try await AuctionFixture.make(client)
            let opens = test.clock.now().addingTimeInterval(3600)
            let auction = try await fixture.create(client, Self.body(opens: opens))
            test.clock.set(opens.addingTimeInterval(250))
            let (_, atFloor) = try await client.json(.get, "/api/v1/auctions/\(auction)")
            #expect(atFloor["standingPriceFen"] as? Int == 800_000)
            #expect(atFloor["nextStepAt"] == nil)
            #expect(atFloor["status"] as? String == "open")
            test.clock.set(opens.addingTimeInterval(301))
            let (_, room) = try await client.json(.get, "/api/v1/auctions/\(auction)")
            #expect(room["status"] as? String == "closed")
            #expect(room["outcome"] as? String == "unsold")
            let (_, record) = try await client.json(.get, "/api/v1/auctions/\(auction)/record")
            #expect((record["unsoldReasonZh"] as? String)?.contains("最低价") == true)
            #expect(record["closedAt"] as? String == AuctionFixture.time(opens.addingTimeInterval(300)))
        }
    }
}
