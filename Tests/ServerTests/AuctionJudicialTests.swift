import Foundation
import Hummingbird
import HummingbirdTesting
import SQLKit
import Server
import Storage
import Testing

@Suite("Online auction, judicial (网络司法拍卖): statutory checks, pre-emption, 5-minute extension, 成交确认书 and disclosure")
struct AuctionJudicialTests {
    @Test("拍§10/§17/§20: rules that break the statute are refused 422 (zh + en) and nothing is written", arguments: TestEngine.available)
    func statutoryChecks(engine: TestEngine) async throws {
        let test = try await TestPlatform.make(engine)
        defer { Task { await test.shutdown() } }
        try await test.test { client in
            let fixture = try await AuctionFixture.make(client)
            let opens = test.clock.now().addingTimeInterval(3600)
            let before = try await test.snapshot()
            let logBefore = try await test.platform.engine.read { db in try await LogRecords.count(on: db) }
            // start 65 % of the appraisal (拍§10: ≥ 70 %), bidding 12 h (拍§20: ≥ 24 h)
            let (status, problem) = try await client.json(.post, fixture.auctionsPath, token: fixture.base.tenderer, body: [
                "kind": "judicial", "appraisedValueFen": 2_000_000, "startPriceFen": 1_300_000, "incrementFen": 20_000, "depositFen": 130_000,
                "opensAt": AuctionFixture.time(opens), "closesAt": AuctionFixture.time(opens.addingTimeInterval(12 * 3600)),
            ])
            #expect(status == .unprocessableContent)
            #expect(problem["code"] as? String == "auction-rules-invalid")
            #expect((problem["zh"] as? String)?.isEmpty == false)
            #expect((problem["en"] as? String)?.isEmpty == false)
            #expect(try await test.snapshot() == before)
            #expect(try await test.platform.engine.read { db in try await LogRecords.count(on: db) } == logBefore)
            // a bidder cannot set up an auction
            let (forbidden, _) = try await client.json(.post, fixture.auctionsPath, token: fixture.base.bidders[0], body: [
                "kind": "judicial", "appraisedValueFen": 2_000_000, "startPriceFen": 1_400_000, "incrementFen": 20_000, "depositFen": 140_000,
                "opensAt": AuctionFixture.time(opens), "closesAt": AuctionFixture.time(opens.addingTimeInterval(24 * 3600)),
            ])
            #expect(forbidden == .forbidden)
        }
    }

    @Test("拍§20–22: a pre-emption holder matches and wins the tie; a bid in the last 5 minutes extends; the winner is named only at the close", arguments: TestEngine.available)
    func preemptionAndClose(engine: TestEngine) async throws {
        let test = try await TestPlatform.make(engine)
        defer { Task { await test.shutdown() } }
        try await test.test { client in
            let fixture = try await AuctionFixture.make(client)
            let opens = test.clock.now().addingTimeInterval(3600)
            let closes = opens.addingTimeInterval(24 * 3600)
            let auction = try await fixture.create(client, [
                "kind": "judicial", "appraisedValueFen": 2_000_000, "startPriceFen": 1_400_000, "incrementFen": 20_000, "depositFen": 140_000,
                "opensAt": AuctionFixture.time(opens), "closesAt": AuctionFixture.time(closes),
                "preemption": [["partyId": fixture.base.bidderParties[2], "order": 1]],
            ])
            let first = try await fixture.register(client, auction, 0)
            let second = try await fixture.register(client, auction, 1)
            let holder = try await fixture.register(client, auction, 2)
            #expect(holder.json["preemptionOrder"] as? Int == 1)
            #expect(first.json["preemptionOrder"] == nil)
            for registration in [first, second, holder] { try await fixture.confirm(client, auction, registration.id, amountFen: 140_000) }
            // a deposit below the requirement is refused
            let (low, _) = try await client.json(.post, "/api/v1/auctions/\(auction)/registrations/\(first.id)/deposit", token: fixture.base.operatorToken, body: ["amountFen": 1])
            #expect(low == .conflict)
            test.clock.set(opens.addingTimeInterval(60))
            #expect(try await fixture.bid(client, auction, 0, 1_400_000, id: "a").status == .created)
            #expect(try await fixture.bid(client, auction, 1, 1_420_000, id: "b").status == .created)
            // an ordinary bidder cannot match; the holder can, and leads at the same price
            let (notHolder, notHolderProblem) = try await fixture.bid(client, auction, 0, 1_420_000, id: "a2")
            #expect(notHolder == .unprocessableContent)
            #expect(notHolderProblem["code"] as? String == "bid-below-minimum")
            let (matched, match) = try await fixture.bid(client, auction, 2, 1_420_000, id: "h")
            #expect(matched == .created, "\(match)")
            #expect(match["leading"] as? Bool == true)
            // 拍§21: 60 s before the end a bid moves the end to its time + 5 minutes
            test.clock.set(closes.addingTimeInterval(-60))
            let (late, lateAck) = try await fixture.bid(client, auction, 0, 1_440_000, id: "a3")
            #expect(late == .created)
            #expect(lateAck["endsAt"] as? String == AuctionFixture.time(closes.addingTimeInterval(240)))
            test.clock.set(closes.addingTimeInterval(30))
            let (holderAgain, _) = try await fixture.bid(client, auction, 2, 1_440_000, id: "h2")
            #expect(holderAgain == .created)
            let (_, room) = try await client.json(.get, "/api/v1/auctions/\(auction)")
            #expect(room["status"] as? String == "open")
            #expect(room["endsAt"] as? String == AuctionFixture.time(closes.addingTimeInterval(330)))
            #expect(!String(describing: room).contains("投标企业"))
            // the scheduler closes it at the end (拍§22: 5 minutes without a bid)
            test.clock.set(closes.addingTimeInterval(331))
            #expect(try await test.platform.auctions.advanceDue() == 1)
            let (_, record) = try await client.json(.get, "/api/v1/auctions/\(auction)/record")
            #expect(record["outcome"] as? String == "sold")
            let confirmation = record["confirmation"] as? [String: Any] ?? [:]
            #expect(confirmation["winnerNumber"] as? String == holder.number)
            #expect(confirmation["winnerName"] as? String == "投标企业3有限公司")
            #expect(confirmation["priceFen"] as? Int == 1_440_000)
            #expect(confirmation["byPreemption"] as? Bool == true)
            #expect(confirmation["depositAppliedFen"] as? Int == 140_000)
            #expect(confirmation["balanceDueFen"] as? Int == 1_300_000)
            #expect(confirmation["closedAt"] as? String == AuctionFixture.time(closes.addingTimeInterval(330)))
            let releases = record["depositReleases"] as? [[String: Any]] ?? []
            #expect(Set(releases.compactMap { $0["number"] as? String }) == [first.number, second.number])
            // disclosure: every bid by number; only the winner's lines carry a name
            let lines = record["bids"] as? [[String: Any]] ?? []
            #expect(lines.count == 5)
            #expect(lines.filter { $0["partyName"] != nil }.allSatisfy { $0["number"] as? String == holder.number })
            #expect(lines.filter { $0["kind"] as? String == "preemptionMatch" }.count == 2)
            // a sold lot cannot be relisted
            let (relist, relistProblem) = try await client.json(.post, "/api/v1/auctions/\(auction)/relist", token: fixture.base.tenderer, body: [
                "startPriceFen": 1_400_000, "opensAt": AuctionFixture.time(closes.addingTimeInterval(86_400)),
                "closesAt": AuctionFixture.time(closes.addingTimeInterval(3 * 86_400)),
            ])
            #expect(relist == .conflict)
            #expect(relistProblem["code"] as? String == "relisting-refused")
            // every change is in the witness log; bids under the bidder number, never the account
            let types = try await test.platform.engine.read { db in
                try await LogRecords.entries(from: 0, limit: 10_000, on: db).map(\.entry).filter { $0.contains(auction) }
            }
            #expect(types.filter { $0.contains("\"auction.bid\"") }.count == 5)
            #expect(types.contains { $0.contains("\"auction.closed\"") && $0.contains("\"sold\"") })
            #expect(types.filter { $0.contains("\"auction.bid\"") }.allSatisfy { $0.contains("bidder-number:") })
        }
    }

    @Test("拍§26: nobody bids → 流拍; the re-auction may cut the start price by at most 20 %", arguments: TestEngine.available)
    func unsoldRelisting(engine: TestEngine) async throws {
        let test = try await TestPlatform.make(engine)
        defer { Task { await test.shutdown() } }
        try await test.test { client in
            let fixture = try await AuctionFixture.make(client)
            let opens = test.clock.now().addingTimeInterval(3600)
            let closes = opens.addingTimeInterval(24 * 3600)
            let auction = try await fixture.create(client, [
                "kind": "judicial", "appraisedValueFen": 2_000_000, "startPriceFen": 1_400_000, "incrementFen": 20_000, "depositFen": 140_000,
                "opensAt": AuctionFixture.time(opens), "closesAt": AuctionFixture.time(closes),
            ])
            let only = try await fixture.register(client, auction, 0)
            try await fixture.confirm(client, auction, only.id, amountFen: 140_000)
            test.clock.set(closes.addingTimeInterval(1))
            let (_, record) = try await client.json(.get, "/api/v1/auctions/\(auction)/record")
            #expect(record["outcome"] as? String == "unsold")
            #expect(record["mayBeRelisted"] as? Bool == true)
            #expect(record["relistingMinimumStartPriceFen"] as? Int == 1_120_000)
            #expect((record["depositReleases"] as? [[String: Any]])?.count == 1)
            let next: [String: Any] = [
                "startPriceFen": 1_100_000, "depositFen": 110_000, "opensAt": AuctionFixture.time(closes.addingTimeInterval(86_400)),
                "closesAt": AuctionFixture.time(closes.addingTimeInterval(3 * 86_400)),
            ]
            let (tooDeep, problem) = try await client.json(.post, "/api/v1/auctions/\(auction)/relist", token: fixture.base.tenderer, body: next)
            #expect(tooDeep == .conflict)
            #expect((problem["zh"] as? String)?.contains("11200.00") == true)
            var allowed = next
            allowed["startPriceFen"] = 1_120_000
            allowed["depositFen"] = 112_000
            let (relisted, view) = try await client.json(.post, "/api/v1/auctions/\(auction)/relist", token: fixture.base.tenderer, body: allowed)
            #expect(relisted == .created, "\(view)")
            #expect(view["startPriceFen"] as? Int == 1_120_000)
            #expect(view["kind"] as? String == "judicial")
        }
    }
}
