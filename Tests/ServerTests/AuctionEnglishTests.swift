import Foundation
import Hummingbird
import HummingbirdTesting
import Server
import Storage
import Testing

@Suite("Online auction, English (产权网络竞价): the locked bid path, idempotency, refusals, close with a sealed reserve, relisting")
struct AuctionEnglishTests {
    @Test("bids are numbered in lock order, a resent client bid id gets the same answer and no second row, refusals write nothing else", arguments: TestEngine.available)
    func bidPath(engine: TestEngine) async throws {
        let test = try await TestPlatform.make(engine)
        defer { Task { await test.shutdown() } }
        try await test.test { client in
            let fixture = try await AuctionFixture.make(client)
            let start = test.clock.now()
            let opens = start.addingTimeInterval(3600)
            let closes = start.addingTimeInterval(7200)
            let auction = try await fixture.create(client, [
                "kind": "english", "startPriceFen": 1_000_000, "incrementFen": 10_000, "depositFen": 100_000, "reserveFen": 1_100_000,
                "opensAt": AuctionFixture.time(opens), "closesAt": AuctionFixture.time(closes), "countdownSeconds": 300, "relistingMaxCutPercent": 20,
            ])
            let first = try await fixture.register(client, auction, 0)
            let second = try await fixture.register(client, auction, 1)
            let third = try await fixture.register(client, auction, 2)
            #expect(Set([first.number, second.number, third.number]).count == 3)
            #expect(first.number.count == 6 && first.number.allSatisfy(\.isNumber))
            try await fixture.confirm(client, auction, first.id, amountFen: 100_000)
            try await fixture.confirm(client, auction, second.id, amountFen: 100_000)
            // before the opening: refused 409 (zh + en), nothing but the refused row is written
            let closed = try await test.auctionState(auction)
            let (early, notOpen) = try await fixture.bid(client, auction, 0, 1_000_000, id: "early")
            #expect(early == .conflict)
            #expect(notOpen["code"] as? String == "auction-not-open")
            #expect((notOpen["zh"] as? String)?.contains("尚未开始") == true)
            #expect((notOpen["en"] as? String)?.isEmpty == false)
            #expect(try await test.auctionState(auction) == closed)
            test.clock.set(opens.addingTimeInterval(10))
            let (accepted, ack) = try await fixture.bid(client, auction, 0, 1_000_000, id: "b-1")
            #expect(accepted == .created, "\(ack)")
            #expect(ack["bidSequence"] as? Int == 1)
            #expect(ack["number"] as? String == first.number)
            #expect(ack["receivedAt"] as? String == AuctionFixture.time(opens.addingTimeInterval(10)))
            let seq = ack["seq"] as? Int ?? -1
            #expect(seq >= 2)  // "opened" came first
            // resent: the same answer, no second row
            let rows = try await test.auctionBidRows(auction)
            test.clock.advance(by: 5)
            let (again, replay) = try await fixture.bid(client, auction, 0, 1_000_000, id: "b-1")
            #expect(again == .created)
            #expect(NSDictionary(dictionary: replay) == NSDictionary(dictionary: ack))
            #expect(try await test.auctionBidRows(auction) == rows)
            // the same id with another amount: 409, no row
            let (reused, reusedProblem) = try await fixture.bid(client, auction, 0, 1_010_000, id: "b-1")
            #expect(reused == .conflict)
            #expect(reusedProblem["code"] as? String == "client-bid-id-reused")
            #expect(try await test.auctionBidRows(auction) == rows)
            // no confirmed deposit: 409; off the increment ladder: 422 — the engine state stays as it was
            let before = try await test.auctionState(auction)
            let (unpaid, unpaidProblem) = try await fixture.bid(client, auction, 2, 1_010_000, id: "c-1")
            #expect(unpaid == .conflict)
            #expect(unpaidProblem["code"] as? String == "deposit-not-confirmed")
            let (offLadder, ladderProblem) = try await fixture.bid(client, auction, 1, 1_015_000, id: "s-1")
            #expect(offLadder == .unprocessableContent)
            #expect(ladderProblem["code"] as? String == "bid-off-increment")
            #expect((ladderProblem["zh"] as? String)?.contains("加价幅度") == true)
            #expect(try await test.auctionState(auction) == before)
            #expect(try await test.auctionBidRows(auction) == rows + 2)
            // a refused id resent gets the same refusal again, still no new row
            let (offAgain, _) = try await fixture.bid(client, auction, 1, 1_015_000, id: "s-1")
            #expect(offAgain == .unprocessableContent)
            #expect(try await test.auctionBidRows(auction) == rows + 2)
            // the room: numbers only, the reserve sealed; the record is not public yet
            let (_, room) = try await client.json(.get, "/api/v1/auctions/\(auction)")
            #expect(room["reserve"] as? String == "sealed")
            #expect(room["reserveFen"] == nil)
            #expect(room["standingPriceFen"] as? Int == 1_000_000)
            #expect(room["minimumNextBidFen"] as? Int == 1_010_000)
            let roomText = String(describing: room)
            #expect(!roomText.contains("投标企业"))
            let (early2, _) = try await client.json(.get, "/api/v1/auctions/\(auction)/record")
            #expect(early2 == .conflict)
            // 限时报价期: each bid restarts the 300 s countdown from its receipt time
            _ = try await fixture.bid(client, auction, 1, 1_020_000, id: "s-2")
            test.clock.set(closes.addingTimeInterval(100))
            let (late, lateAck) = try await fixture.bid(client, auction, 0, 1_030_000, id: "b-2")
            #expect(late == .created, "\(lateAck)")
            #expect(lateAck["endsAt"] as? String == AuctionFixture.time(closes.addingTimeInterval(400)))
            test.clock.set(closes.addingTimeInterval(401))
            let (_, closedRoom) = try await client.json(.get, "/api/v1/auctions/\(auction)")
            #expect(closedRoom["status"] as? String == "closed")
            #expect(closedRoom["outcome"] as? String == "unsold")
            #expect(closedRoom["reserveFen"] as? Int == 1_100_000)
            // 拍卖法§50: best bid below the reserve → 流拍; deposits of both qualified bidders to release within 24 h
            let (recorded, record) = try await client.json(.get, "/api/v1/auctions/\(auction)/record")
            #expect(recorded == .ok, "\(record)")
            #expect(record["outcome"] as? String == "unsold")
            #expect((record["unsoldReasonZh"] as? String)?.contains("保留价") == true)
            let releases = record["depositReleases"] as? [[String: Any]] ?? []
            #expect(Set(releases.compactMap { $0["number"] as? String }) == [first.number, second.number])
            #expect(releases.allSatisfy { $0["releaseBy"] as? String == AuctionFixture.time(closes.addingTimeInterval(400 + 86_400)) })
            let lines = record["bids"] as? [[String: Any]] ?? []
            #expect(lines.map { $0["bidSequence"] as? Int ?? 0 } == [1, 2, 3])
            #expect(lines.allSatisfy { $0["partyName"] == nil })
            #expect(record["relistingMinimumStartPriceFen"] as? Int == 800_000)
            // a bid after the close is refused
            let (after, afterProblem) = try await fixture.bid(client, auction, 1, 1_040_000, id: "s-3")
            #expect(after == .conflict)
            #expect(afterProblem["code"] as? String == "auction-closed")
            // relisting: the cut is limited (20 %), the lot is offered again
            let relist: [String: Any] = [
                "startPriceFen": 700_000, "opensAt": AuctionFixture.time(closes.addingTimeInterval(86_400)),
                "closesAt": AuctionFixture.time(closes.addingTimeInterval(90_000)),
            ]
            let (tooDeep, tooDeepProblem) = try await client.json(.post, "/api/v1/auctions/\(auction)/relist", token: fixture.base.tenderer, body: relist)
            #expect(tooDeep == .conflict)
            #expect(tooDeepProblem["code"] as? String == "relisting-refused")
            var allowed = relist
            allowed["startPriceFen"] = 800_000
            let (relisted, second2) = try await client.json(.post, "/api/v1/auctions/\(auction)/relist", token: fixture.base.tenderer, body: allowed)
            #expect(relisted == .created, "\(second2)")
            #expect(second2["relistedFrom"] as? String == auction)
            #expect(second2["startPriceFen"] as? Int == 800_000)
            #expect(second2["reserve"] as? String == "sealed")
            // the stream: 1, 2, 3… without a gap, prices never backwards, closed last
            let (_, events) = try await client.json(.get, "/api/v1/auctions/\(auction)/events?after=0")
            let items = events["items"] as? [[String: Any]] ?? []
            #expect(items.map { $0["seq"] as? Int ?? 0 } == Array(1...items.count))
            let prices = items.compactMap { $0["type"] as? String == "bid" ? $0["amountFen"] as? Int : nil }
            #expect(prices == [1_000_000, 1_020_000, 1_030_000])
            #expect(items.last?["type"] as? String == "closed")
            let (_, tail) = try await client.json(.get, "/api/v1/auctions/\(auction)/events?after=\(items.count - 1)")
            #expect((tail["items"] as? [[String: Any]])?.count == 1)
        }
    }

    @Test("concurrent bids: one order, no gap, the standing price never goes backwards, one row per client bid id", arguments: TestEngine.available)
    func concurrentBids(engine: TestEngine) async throws {
        let test = try await TestPlatform.make(engine)
        defer { Task { await test.shutdown() } }
        try await test.test { client in
            let fixture = try await AuctionFixture.make(client)
            let start = test.clock.now()
            let auction = try await fixture.create(client, [
                "kind": "english", "startPriceFen": 100_000, "incrementFen": 1_000, "depositFen": 10_000,
                "opensAt": AuctionFixture.time(start.addingTimeInterval(60)), "closesAt": AuctionFixture.time(start.addingTimeInterval(3600)),
            ])
            try await fixture.qualify(client, auction, bidders: 4, depositFen: 10_000)
            test.clock.advance(by: 120)
            let statuses = try await withThrowingTaskGroup(of: [HTTPResponse.Status].self) { group in
                for index in 0..<4 {
                    group.addTask {
                        var statuses: [HTTPResponse.Status] = []
                        for step in 0..<8 {
                            let amount = Int64(100_000 + (step * 4 + index) * 1_000)
                            // every request is sent twice: the resend must not make a second bid
                            for _ in 0..<2 { statuses.append(try await fixture.bid(client, auction, index, amount, id: "\(index)-\(step)").status) }
                        }
                        return statuses
                    }
                }
                return try await group.reduce(into: []) { $0 += $1 }
            }
            #expect(statuses.allSatisfy { $0 == .created || $0 == .unprocessableContent })
            #expect(try await test.auctionBidRows(auction) == 32)
            let (_, events) = try await client.json(.get, "/api/v1/auctions/\(auction)/events?after=0")
            let items = events["items"] as? [[String: Any]] ?? []
            #expect(items.map { $0["seq"] as? Int ?? 0 } == Array(1...items.count))
            let bids = items.filter { $0["type"] as? String == "bid" }
            #expect(bids.map { $0["bidSequence"] as? Int ?? 0 } == Array(1...bids.count))
            let prices = bids.map { $0["amountFen"] as? Int ?? 0 }
            #expect(prices == prices.sorted() && Set(prices).count == prices.count)
            #expect(!bids.isEmpty)
        }
    }
}
