import Foundation
import Hummingbird
import HummingbirdTesting
import Server
import Storage
import Testing

@Suite("Online auction, land listing (挂牌): quotes during ≥ 10 working days, 表示继续竞价, a live round among those who continue")
struct AuctionListingTests {
    /// A land project (土地使用权) with one lot, run by the fixture's tenderer.
    static func land(_ client: any TestClientProtocol, _ fixture: AuctionFixture) async throws -> AuctionFixture {
        let (created, project) = try await client.json(.post, "/api/v1/projects", token: fixture.base.tenderer, body: [
            "title": "同安区工业用地使用权挂牌出让", "catalogCode": "land.listing", "region": "厦门市同安区",
            "lots": [["title": "TA2026G01 地块", "estimateFen": 2_000_000_00, "depositFen": 20_000_000]],
        ])
        guard created == .created, let projectID = project["id"] as? String, let lotID = ((project["lots"] as? [[String: Any]])?.first?["id"]) as? String else {
            throw TestFailure("land project: \(created) \(project)")
        }
        return AuctionFixture(base: fixture.base, projectID: projectID, lotID: lotID)
    }

    static func body(opens: Date, days: Double = 15) -> [String: Any] {
        [
            "kind": "listing", "startPriceFen": 1_000_000, "incrementFen": 10_000, "depositFen": 100_000,
            "opensAt": AuctionFixture.time(opens), "closesAt": AuctionFixture.time(opens.addingTimeInterval(days * 86_400)),
            "liveRoundCountdownSeconds": 120,
        ]
    }

    @Test("RULES.md land listing: ≥ 10 working days, land projects only, live-round fields on listings only — else 422 (zh + en)", arguments: TestEngine.available)
    func setup(engine: TestEngine) async throws {
        let test = try await TestPlatform.make(engine)
        defer { Task { await test.shutdown() } }
        try await test.test { client in
            let property = try await AuctionFixture.make(client)
            let land = try await Self.land(client, property)
            let opens = test.clock.now().addingTimeInterval(3600)
            var english = AuctionDutchTests.body(opens: opens)
            english["kind"] = "english"
            english["decrementFen"] = nil
            english["stepSeconds"] = nil
            english["floorPriceFen"] = nil
            english["incrementFen"] = 10_000
            english["closesAt"] = AuctionFixture.time(opens.addingTimeInterval(3600))
            english["liveRoundCountdownSeconds"] = 60
            for (fixture, body, code) in [
                (land, Self.body(opens: opens, days: 6), "listing-period"), (property, Self.body(opens: opens), "auction-trading-type"),
                (property, english, "auction-kind-fields"),
            ] {
                let (status, problem) = try await client.json(.post, fixture.auctionsPath, token: fixture.base.tenderer, body: body)
                #expect(status == .unprocessableContent, "\(code): \(problem)")
                #expect(problem["code"] as? String == code)
                #expect((problem["zh"] as? String)?.isEmpty == false)
                #expect((problem["en"] as? String)?.isEmpty == false)
            }
            let auction = try await land.create(client, Self.body(opens: opens))
            let (_, room) = try await client.json(.get, "/api/v1/auctions/\(auction)")
            #expect(room["kind"] as? String == "listing")
            #expect(room["liveRoundCountdownSeconds"] as? Int == 120)
            #expect(room["minimumBiddersForLiveRound"] as? Int == 2)
        }
    }

    @Test("equal quotes keep the earlier lead; only quoters continue; the live round is among them, each bid restarts its countdown", arguments: TestEngine.available)
    func liveRound(engine: TestEngine) async throws {
        let test = try await TestPlatform.make(engine)
        defer { Task { await test.shutdown() } }
        try await test.test { client in
            let fixture = try await Self.land(client, try await AuctionFixture.make(client))
            let opens = test.clock.now().addingTimeInterval(3600)
            let closes = opens.addingTimeInterval(15 * 86_400)
            let auction = try await fixture.create(client, Self.body(opens: opens))
            let registrations = try await fixture.qualify(client, auction, bidders: 3, depositFen: 100_000)
            test.clock.set(opens.addingTimeInterval(60))
            let (first, firstAck) = try await fixture.bid(client, auction, 0, 1_000_000, id: "q0")
            #expect(first == .created, "\(firstAck)")
            let (equal, equalAck) = try await fixture.bid(client, auction, 1, 1_000_000, id: "q1")
            #expect(equal == .created, "\(equalAck)")
            #expect(equalAck["leading"] as? Bool == false)
            let (off, offProblem) = try await fixture.bid(client, auction, 2, 1_005_000, id: "q2")
            #expect(off == .unprocessableContent)
            #expect(offProblem["code"] as? String == "bid-off-increment")
            // 表示继续竞价: a bidder without a quote is refused 422, an unregistered one 403; twice is one declaration
            let path = "/api/v1/auctions/\(auction)/continue"
            let (noQuote, noQuoteProblem) = try await client.json(.post, path, token: fixture.base.bidders[2], body: [:])
            #expect(noQuote == .unprocessableContent)
            #expect(noQuoteProblem["code"] as? String == "not-a-participant")
            #expect((noQuoteProblem["zh"] as? String)?.isEmpty == false)
            let (stranger, _) = try await client.json(.post, path, token: fixture.base.bidders[3], body: [:])
            #expect(stranger == .forbidden)
            for index in [0, 1, 1] {
                let (status, view) = try await client.json(.post, path, token: fixture.base.bidders[index], body: [:])
                #expect(status == .ok, "\(view)")
                #expect(view["continuing"] as? Bool == true)
            }
            let (_, mine) = try await client.json(.get, "/api/v1/auctions/\(auction)", token: fixture.base.bidders[0])
            #expect((mine["registration"] as? [String: Any])?["continuing"] as? Bool == true)
            #expect(mine["phase"] as? String == "listing")
            // the listing ends: a live round among the two, ending 120 s after it starts (no delay)
            test.clock.set(closes.addingTimeInterval(10))
            let (_, live) = try await client.json(.get, "/api/v1/auctions/\(auction)")
            #expect(live["phase"] as? String == "live-round")
            #expect(live["status"] as? String == "open")
            #expect(live["endsAt"] as? String == AuctionFixture.time(closes.addingTimeInterval(120)))
            let (_, events) = try await client.json(.get, "/api/v1/auctions/\(auction)/events?after=0")
            let called = (events["items"] as? [[String: Any]] ?? []).first { $0["type"] as? String == "live-round" }
            #expect(called?["participants"] as? Int == 2)
            #expect(called?["startsAt"] as? String == AuctionFixture.time(closes))
            let (outsider, outsiderProblem) = try await fixture.bid(client, auction, 2, 1_010_000, id: "l2")
            #expect(outsider == .unprocessableContent)
            #expect(outsiderProblem["code"] as? String == "not-a-participant")
            let (tooLate, tooLateProblem) = try await client.json(.post, path, token: fixture.base.bidders[0], body: [:])
            #expect(tooLate == .conflict)
            #expect(tooLateProblem["code"] as? String == "wrong-phase")
            test.clock.set(closes.addingTimeInterval(100))
            let (raise, raiseAck) = try await fixture.bid(client, auction, 1, 1_010_000, id: "l1")
            #expect(raise == .created, "\(raiseAck)")
            #expect(raiseAck["endsAt"] as? String == AuctionFixture.time(closes.addingTimeInterval(220)))
            test.clock.set(closes.addingTimeInterval(221))
            let (_, record) = try await client.json(.get, "/api/v1/auctions/\(auction)/record")
            #expect(record["outcome"] as? String == "sold")
            #expect((record["confirmation"] as? [String: Any])?["winnerNumber"] as? String == registrations[1].number)
            #expect((record["confirmation"] as? [String: Any])?["priceFen"] as? Int == 1_010_000)
        }
    }

    @Test("拍卖法§50 in a listing: one quote below the sealed 底价 and nobody continues — closed at the listing end, unsold, reserve revealed", arguments: TestEngine.available)
    func belowReserve(engine: TestEngine) async throws {
        let test = try await TestPlatform.make(engine)
        defer { Task { await test.shutdown() } }
        try await test.test { client in
            let fixture = try await Self.land(client, try await AuctionFixture.make(client))
            let opens = test.clock.now().addingTimeInterval(3600)
            var body = Self.body(opens: opens)
            body["reserveFen"] = 1_200_000
            let auction = try await fixture.create(client, body)
            let bidder = try await fixture.register(client, auction, 0)
            try await fixture.confirm(client, auction, bidder.id, amountFen: 100_000)
            test.clock.set(opens.addingTimeInterval(60))
            #expect(try await fixture.bid(client, auction, 0, 1_000_000, id: "only").status == .created)
            let (_, open) = try await client.json(.get, "/api/v1/auctions/\(auction)")
            #expect(open["reserve"] as? String == "sealed")
            #expect(open["reserveFen"] == nil)
            test.clock.set(opens.addingTimeInterval(15 * 86_400 + 1))
            let (_, record) = try await client.json(.get, "/api/v1/auctions/\(auction)/record")
            #expect(record["outcome"] as? String == "unsold")
            #expect(record["reserveFen"] as? Int == 1_200_000)
            #expect(record["closedAt"] as? String == AuctionFixture.time(opens.addingTimeInterval(15 * 86_400)))
        }
    }
}
