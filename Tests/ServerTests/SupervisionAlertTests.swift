import Foundation
import Hummingbird
import HummingbirdTesting
import Server
import Testing

@Suite("Bid-rigging alerts (围标串标预警) raised at the opening and the result, decided by the regulator")
struct SupervisionAlertTests {
    /// Three bids at one price: 条例40(五)-style identical prices must be flagged when the lot opens.
    @Test("opening raises alerts; only the regulator sees and decides them; everything logged", arguments: TestEngine.available)
    func alertsAtOpening(engine: TestEngine) async throws {
        let test = try await TestPlatform.make(engine)
        defer { Task { await test.shutdown() } }
        try await test.test { client in
            let fixture = try await Fixture.make(client)
            try await fixture.announce(client, now: test.clock.now())
            for index in 0..<3 {
                let (status, _) = try await fixture.bid(client, index, price: 90_000_000_000)
                #expect(status == .created)
            }
            // before the opening nothing is screened
            let (_, none) = try await client.json(.get, "/api/v1/supervision/alerts", token: fixture.regulator)
            #expect((none["items"] as? [[String: Any]])?.isEmpty == true)
            test.clock.advance(by: 22 * 86_400)
            let (opened, _) = try await client.json(.post, "\(fixture.lotPath)/open", token: fixture.tenderer)
            #expect(opened == .ok)
            // who may: the regulator only
            for token in [fixture.tenderer, fixture.bidders[0], fixture.operatorToken] {
                let (status, problem) = try await client.json(.get, "/api/v1/supervision/alerts", token: token)
                #expect(status == .forbidden)
                #expect((problem["zh"] as? String)?.isEmpty == false && (problem["en"] as? String)?.isEmpty == false)
            }
            let (listed, list) = try await client.json(.get, "/api/v1/supervision/alerts?status=open", token: fixture.regulator)
            #expect(listed == .ok)
            let alerts = (list["items"] as? [[String: Any]]) ?? []
            let identical = alerts.first { $0["code"] as? String == "identical_prices" }
            #expect(identical != nil, "identical prices flagged: \(alerts.map { $0["code"] ?? "" })")
            #expect(identical?["stage"] as? String == "opening")
            #expect((identical?["bidders"] as? [String])?.contains("投标企业1有限公司") == true, "bidders named")
            let alertID = identical?["id"] as? String ?? "missing"
            // a decision needs a valid verdict and a note; a refusal writes nothing
            let before = try await test.snapshot()
            let (noNote, problem) = try await client.json(.post, "/api/v1/supervision/alerts/\(alertID)/decision", token: fixture.regulator, body: ["decision": "confirmed", "note": "  "])
            #expect(noNote == .unprocessableContent)
            #expect(problem["code"] as? String == "alert-note")
            let (badVerdict, _) = try await client.json(.post, "/api/v1/supervision/alerts/\(alertID)/decision", token: fixture.regulator, body: ["decision": "maybe", "note": "x"])
            #expect(badVerdict == .unprocessableContent)
            let (byTenderer, _) = try await client.json(.post, "/api/v1/supervision/alerts/\(alertID)/decision", token: fixture.tenderer, body: ["decision": "dismissed", "note": "无"])
            #expect(byTenderer == .forbidden)
            #expect(try await test.snapshot() == before)
            let (decided, alert) = try await client.json(.post, "/api/v1/supervision/alerts/\(alertID)/decision", token: fixture.regulator, body: ["decision": "confirmed", "note": "三家报价完全相同，移交调查"])
            #expect(decided == .ok)
            #expect(alert["status"] as? String == "confirmed")
            #expect(alert["note"] as? String == "三家报价完全相同，移交调查")
            let (again, conflict) = try await client.json(.post, "/api/v1/supervision/alerts/\(alertID)/decision", token: fixture.regulator, body: ["decision": "dismissed", "note": "改判"])
            #expect(again == .conflict)
            #expect(conflict["code"] as? String == "alert-decided")
            // logged, without naming the suspicion in the public log
            let (_, log) = try await client.json(.get, "/api/v1/log/entries?limit=1000")
            let entries = ((log["entries"] as? [[String: Any]]) ?? []).compactMap { $0["entry"] as? String }
            let types = entries.compactMap { TenderFlowTests.type(of: $0) }
            #expect(types.contains("supervision.alerts-raised"))
            #expect(types.contains("supervision.alert-decided"))
            #expect(!entries.contains { $0.contains("identical_prices") || $0.contains("移交调查") })
        }
    }

    @Test("recording the result screens again with the winner known; repeats are not raised twice", arguments: TestEngine.available)
    func alertsAtResult(engine: TestEngine) async throws {
        let test = try await TestPlatform.make(engine)
        defer { Task { await test.shutdown() } }
        try await test.test { client in
            let fixture = try await Fixture.make(client)
            try await fixture.announce(client, now: test.clock.now())
            // estimate 10,000,000 yuan: the two lowest bids are more than 30% below it (Cardinal R058 on the winner)
            for (index, price) in [(0, Int64(600_000_000)), (1, 650_000_000), (2, 950_000_000)] {
                _ = try await fixture.bid(client, index, price: price)
            }
            test.clock.advance(by: 22 * 86_400)
            _ = try await client.json(.post, "\(fixture.lotPath)/open", token: fixture.tenderer)
            let (_, atOpening) = try await client.json(.get, "/api/v1/supervision/alerts", token: fixture.regulator)
            let openingCodes = ((atOpening["items"] as? [[String: Any]]) ?? []).compactMap { $0["code"] as? String }
            #expect(openingCodes.contains("heavily_discounted_bid"), "the presumptive winner (lowest bid) at the opening")
            let (_, bidList) = try await client.json(.get, "\(fixture.lotPath)/bids", token: fixture.tenderer)
            // the committee ranks the second-lowest bid first (on quality): R058 now concerns that winner, not the lowest bid
            var bids = ((bidList["items"] as? [[String: Any]]) ?? []).sorted { ($0["priceFen"] as? Int ?? 0) < ($1["priceFen"] as? Int ?? 0) }
            bids.swapAt(0, 1)
            let candidates = bids.enumerated().map { ["bidId": $1["bidId"] as? String ?? "", "rank": $0 + 1] as [String: Any] }
            let (resulted, _) = try await client.json(.post, "\(fixture.lotPath)/result", token: fixture.tenderer, body: ["candidates": candidates])
            #expect(resulted == .ok)
            let (_, atResult) = try await client.json(.get, "/api/v1/supervision/alerts", token: fixture.regulator)
            let all = (atResult["items"] as? [[String: Any]]) ?? []
            #expect(all.contains { $0["stage"] as? String == "result" && $0["code"] as? String == "heavily_discounted_bid" && ($0["bidders"] as? [String]) == ["投标企业2有限公司"] }, "\(all)")
            let keys = all.map { "\($0["code"] ?? "")|\($0["bidders"] ?? "")" }
            #expect(Set(keys).count == keys.count, "no alert raised twice")
            #expect(all.filter { $0["stage"] as? String == "opening" }.count == openingCodes.count)
        }
    }

    @Test("the regulator's inbox page lists the alert and its form decides it; others are refused", arguments: TestEngine.available)
    func inboxPage(engine: TestEngine) async throws {
        let test = try await TestPlatform.make(engine)
        defer { Task { await test.shutdown() } }
        try await test.test { client in
            let fixture = try await Fixture.make(client)
            try await fixture.announce(client, now: test.clock.now())
            for index in 0..<3 { _ = try await fixture.bid(client, index, price: 90_000_000_000) }
            test.clock.advance(by: 22 * 86_400)
            _ = try await client.json(.post, "\(fixture.lotPath)/open", token: fixture.tenderer)
            let regulator = try await client.signIn("regulator")
            let inbox = try await client.page("/regulator/alerts", cookie: regulator)
            #expect(inbox.status == .ok)
            #expect(inbox.body.contains("identical_prices") && inbox.body.contains("待处理"))
            #expect(!inbox.body.contains("暂无待处理预警"))
            let bidder = try await client.signIn("bidder1")
            let refused = try await client.page("/regulator/alerts", cookie: bidder)
            #expect(refused.status == .forbidden)
            let (_, list) = try await client.json(.get, "/api/v1/supervision/alerts", token: fixture.regulator)
            let alertID = ((list["items"] as? [[String: Any]])?.first?["id"] as? String) ?? "missing"
            let posted = try await client.form("/regulator/alerts/\(alertID)/decision", ["decision": "dismissed", "note": "报价依政府指导价，属正常"], cookie: regulator)
            #expect(posted.status == .seeOther)
            let (_, after) = try await client.json(.get, "/api/v1/supervision/alerts?status=dismissed", token: fixture.regulator)
            #expect((after["items"] as? [[String: Any]])?.first?["id"] as? String == alertID)
        }
    }
}
