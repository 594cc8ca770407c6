import Foundation
import Hummingbird
import HummingbirdTesting
import Server
import Testing

@Suite("The regulator's screen (一屏管交易): measures by trading type and period, SVG charts rendered on the server")
struct RegulatorScreenTests {
    @Test("one awarded lot: bidders, savings, disclosure, cycle time and alerts; the page draws SVG bars", arguments: TestEngine.available)
    func screen(engine: TestEngine) async throws {
        let test = try await TestPlatform.make(engine)
        defer { Task { await test.shutdown() } }
        try await test.test { client in
            let fixture = try await Fixture.make(client)
            try await fixture.announce(client, now: test.clock.now())
            for (index, price) in [(0, Int64(900_000_000)), (1, 910_000_000), (2, 950_000_000)] { _ = try await fixture.bid(client, index, price: price) }
            test.clock.advance(by: 22 * 86_400)
            _ = try await client.json(.post, "\(fixture.lotPath)/open", token: fixture.tenderer)
            try await fixture.rankByPriceAndPublicize(client, now: test.clock.now())
            test.clock.advance(by: 4 * 86_400)
            let (awarded, _) = try await client.json(.post, "\(fixture.lotPath)/award", token: fixture.tenderer, body: ["rank": 1])
            #expect(awarded == .ok)
            // who may
            let (refused, _) = try await client.json(.get, "/api/v1/supervision/screen", token: fixture.tenderer)
            #expect(refused == .forbidden)
            let (bad, problem) = try await client.json(.get, "/api/v1/supervision/screen?from=2026-13-01", token: fixture.regulator)
            #expect(bad == .unprocessableContent)
            #expect(problem["code"] as? String == "screen-period")
            let (ok, screen) = try await client.json(.get, "/api/v1/supervision/screen", token: fixture.regulator)
            #expect(ok == .ok)
            let overall = screen["overall"] as? [String: Any] ?? [:]
            #expect(overall["lots"] as? Int == 1)
            #expect(overall["opened"] as? Int == 1)
            #expect(overall["awarded"] as? Int == 1)
            #expect(overall["biddersPerTender"] as? Double == 3)
            // estimate 10,000,000.00 yuan, award 9,000,000.00 yuan
            #expect(abs((overall["savingsRate"] as? Double ?? -1) - 0.1) < 1e-9)
            #expect(overall["disclosureRate"] as? Double == 1, "tender notice, opening record, candidates and result all published")
            #expect(overall["electronicRate"] as? Double == 1)
            #expect(overall["remoteOpeningRate"] as? Double == 0)
            let cycle = overall["cycleDaysMean"] as? Double ?? 0
            #expect(cycle > 25.9 && cycle < 26.1, "notice → award is 26 days: \(cycle)")
            let types = (screen["byTradingType"] as? [[String: Any]]) ?? []
            #expect(types.count == 1 && types.first?["key"] as? String == "engineering")
            let (_, alerts) = try await client.json(.get, "/api/v1/supervision/alerts", token: fixture.regulator)
            let alertCount = ((screen["alertsByType"] as? [[String: Any]]) ?? []).reduce(0) { $0 + ($1["count"] as? Int ?? 0) }
            #expect(alertCount == ((alerts["items"] as? [[String: Any]]) ?? []).count)
            // a period without lots
            let (_, empty) = try await client.json(.get, "/api/v1/supervision/screen?from=2020-01-01&to=2020-12-31", token: fixture.regulator)
            #expect((empty["overall"] as? [String: Any])?["lots"] as? Int == 0)
            // the page
            let regulator = try await client.signIn("regulator")
            let page = try await client.page("/regulator/screen", cookie: regulator)
            #expect(page.status == .ok)
            #expect(page.body.components(separatedBy: "<svg").count - 1 == 6, "six charts")
            #expect(page.body.contains("10.0%") && page.body.contains("<rect"))
            #expect(!page.body.contains("<script"), "no chart script")
            let bidder = try await client.signIn("bidder1")
            #expect(try await client.page("/regulator/screen", cookie: bidder).status == .forbidden)
        }
    }
}
