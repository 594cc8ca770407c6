import Foundation
import Hummingbird
import HummingbirdTesting
import Server
import Storage
import Testing

@Suite("Procurement reverse auction (多轮反向竞价): the opened bidders lower their prices in turns, highest first; the lowest wins")
struct AuctionReverseTests {
    @Test("only on an opened procurement lot; turns in order, refusals 4xx (zh + en), passes and time-outs; the lowest price wins and identities are revealed", arguments: TestEngine.available)
    func rounds(engine: TestEngine) async throws {
        let test = try await TestPlatform.make(engine)
        defer { Task { await test.shutdown() } }
        try await test.test { client in
            // setup: a procurement lot with three opened bids (submitted a minute apart: participants 1, 2, 3)
            let property = try await AuctionFixture.make(client)
            let (created, project) = try await client.json(.post, "/api/v1/projects", token: property.base.tenderer, body: [
                "title": "市公共资源交易中心信息化运维服务采购", "catalogCode": "procurement.open-tender", "region": "厦门市",
                "lots": [["title": "运维服务", "estimateFen": 1_000_000_000, "depositFen": 10_000_000]],
            ])
            var procurement = property.base
            procurement.projectID = try #require(project["id"] as? String, "\(created) \(project)")
            procurement.lotID = try #require(((project["lots"] as? [[String: Any]])?.first?["id"]) as? String)
            let auctions = AuctionFixture(base: procurement, projectID: procurement.projectID, lotID: procurement.lotID)
            try await procurement.announce(client, now: test.clock.now())
            for (index, price) in [(0, 300_000_000), (1, 290_000_000), (2, 310_000_000)] {
                test.clock.advance(by: 60)
                #expect(try await procurement.bid(client, index, price: Int64(price)).status == .created)
            }
            let opens = test.clock.now().addingTimeInterval(22 * 86_400)
            let body: [String: Any] = ["kind": "reverse", "incrementFen": 1_000_000, "depositFen": 1, "rounds": 2, "turnSeconds": 60, "opensAt": AuctionFixture.time(opens)]
            let (unopened, unopenedProblem) = try await client.json(.post, auctions.auctionsPath, token: procurement.tenderer, body: body)
            #expect(unopened == .conflict)
            #expect(unopenedProblem["code"] as? String == "lot-not-opened")
            test.clock.advance(by: 22 * 86_400 - 3600)
            let (opened, openedJSON) = try await client.json(.post, "\(procurement.lotPath)/open", token: procurement.tenderer)
            #expect(opened == .ok, "\(openedJSON)")
            let (onProperty, onPropertyProblem) = try await client.json(.post, property.auctionsPath, token: property.base.tenderer, body: body)
            #expect(onProperty == .unprocessableContent)
            #expect(onPropertyProblem["code"] as? String == "auction-trading-type")
            var withEnd = body
            withEnd["closesAt"] = AuctionFixture.time(opens.addingTimeInterval(3600))
            #expect(try await client.json(.post, auctions.auctionsPath, token: procurement.tenderer, body: withEnd).status == .unprocessableContent)
            let auction = try await auctions.create(client, body)
            let (_, scheduled) = try await client.json(.get, "/api/v1/auctions/\(auction)", token: procurement.bidders[2])
            #expect(scheduled["kind"] as? String == "reverse")
            #expect(scheduled["registeredBidders"] as? Int == 3)
            #expect(scheduled["qualifiedBidders"] as? Int == 3)
            #expect(scheduled["closesAt"] as? String == AuctionFixture.time(opens.addingTimeInterval(2 * 3 * 60)))
            #expect(scheduled["participants"] == nil, "opened prices stay out of the room until the auction starts")
            #expect((scheduled["registration"] as? [String: Any])?["participant"] as? Int == 3)
            let (_, page) = try await OpeningPageTests.page(client, "/auctions/\(auction)", token: procurement.bidders[2])
            #expect(page.contains("多轮反向竞价") && page.contains("最小降价幅度") && page.contains("id=\"auction-pass\""))
            let (register, registerProblem) = try await client.json(.post, "/api/v1/auctions/\(auction)/registrations", token: procurement.bidders[3])
            #expect(register == .conflict)
            #expect(registerProblem["code"] as? String == "reverse-participants-fixed")
            // exercise: round 1, highest price first — participant 3 (3,100,000 yuan)
            test.clock.set(opens.addingTimeInterval(10))
            let (_, round1) = try await client.json(.get, "/api/v1/auctions/\(auction)")
            #expect(round1["phase"] as? String == "round-1")
            #expect(round1["participantInTurn"] as? Int == 3)
            #expect(round1["endsAt"] as? String == AuctionFixture.time(opens.addingTimeInterval(60)))
            #expect((round1["participants"] as? [[String: Any]])?.compactMap { $0["priceFen"] as? Int } == [300_000_000, 290_000_000, 310_000_000])
            let (early, earlyProblem) = try await client.json(.post, "/api/v1/auctions/\(auction)/lower", token: procurement.bidders[0], body: ["clientBidId": "p1", "amountFen": 280_000_000])
            #expect(early == .conflict)
            #expect(earlyProblem["code"] as? String == "not-your-turn")
            #expect((earlyProblem["zh"] as? String)?.isEmpty == false)
            let (small, smallProblem) = try await client.json(.post, "/api/v1/auctions/\(auction)/lower", token: procurement.bidders[2], body: ["clientBidId": "p3", "amountFen": 309_500_000])
            #expect(small == .unprocessableContent)
            #expect(smallProblem["code"] as? String == "reduction-too-small")
            let (lowered, ack) = try await client.json(.post, "/api/v1/auctions/\(auction)/lower", token: procurement.bidders[2], body: ["clientBidId": "p3-again", "amountFen": 285_000_000])
            #expect(lowered == .created, "\(ack)")
            #expect(ack["leading"] as? Bool == true)
            let (passed, _) = try await client.json(.post, "/api/v1/auctions/\(auction)/pass", token: procurement.bidders[0], body: [:])
            #expect(passed == .ok)
            // participant 2's turn runs out; round 2 (highest first: 1, 2, 3) — 1 and 2 run out too
            test.clock.set(opens.addingTimeInterval(200))
            let (_, round2) = try await client.json(.get, "/api/v1/auctions/\(auction)")
            #expect(round2["phase"] as? String == "round-2")
            #expect(round2["participantInTurn"] as? Int == 3)
            let (last, _) = try await client.json(.post, "/api/v1/auctions/\(auction)/pass", token: procurement.bidders[2], body: [:])
            #expect(last == .ok)
            // validate: closed, the lowest price wins; the stream names the numbers behind the participants only now
            let (_, record) = try await client.json(.get, "/api/v1/auctions/\(auction)/record")
            #expect(record["outcome"] as? String == "sold")
            #expect((record["confirmation"] as? [String: Any])?["priceFen"] as? Int == 285_000_000)
            #expect((record["confirmation"] as? [String: Any])?["winnerNumber"] as? String == (scheduled["registration"] as? [String: Any])?["number"] as? String)
            let (_, events) = try await client.json(.get, "/api/v1/auctions/\(auction)/events?after=0")
            let items = events["items"] as? [[String: Any]] ?? []
            #expect(items.contains { $0["type"] as? String == "price-lowered" && $0["participant"] as? Int == 3 && $0["amountFen"] as? Int == 285_000_000 })
            #expect(items.filter { $0["type"] as? String == "round" }.count == 2)
            let identities = items.first { $0["type"] as? String == "identities" }?["identities"] as? [[String: Any]]
            #expect(identities?.count == 3)
            #expect(items.last?["type"] as? String == "identities" || items.last?["type"] as? String == "closed")
            let (relist, _) = try await client.json(.post, "/api/v1/auctions/\(auction)/relist", token: procurement.tenderer, body: ["startPriceFen": 1, "opensAt": AuctionFixture.time(opens.addingTimeInterval(86_400))])
            #expect(relist == .conflict)
        }
    }
}
