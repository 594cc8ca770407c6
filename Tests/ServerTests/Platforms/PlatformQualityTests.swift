import Foundation
import Hummingbird
import HummingbirdTesting
import Server
import Testing

@Suite("Data quality per connected platform: completeness, validity and timeliness by month, on the API and the public page")
struct PlatformQualityTests {
    @Test("rates by month count every pushed item; the page shows them with the refused items' reasons", arguments: TestEngine.available)
    func rates(engine: TestEngine) async throws {
        let test = try await TestPlatform.make(engine)
        defer { Task { await test.shutdown() } }
        try await test.test { client in
            // setup: November — 4 items: 2 accepted on time, 1 late, 1 incomplete
            let fixture = try await PlatformFixture.make(client)
            var late = PlatformFixture.notice("n-3", project: "P-3")
            late["eventAt"] = "2026-10-28T09:00:00+08:00"
            var incomplete = PlatformFixture.notice("n-4", project: "P-4")
            incomplete["title"] = nil
            _ = try await fixture.push(client, "notices", [PlatformFixture.notice("n-1", project: "P-1"), PlatformFixture.notice("n-2", project: "P-2"), late, incomplete])
            // December — 1 item with an invalid credit code (complete, not valid, timeliness still judged)
            test.clock.advance(by: 30 * 86_400)
            var invalid = PlatformFixture.notice("n-5", project: "P-5")
            invalid["tenderer"] = ["name": "某单位", "creditCode": "9111000005362103IO"]
            invalid["eventAt"] = "2026-12-02T09:00:00+08:00"
            invalid["publishedAt"] = "2026-12-02T09:30:00+08:00"
            _ = try await fixture.push(client, "notices", [invalid])
            // exercise
            let (status, report) = try await client.json(.get, "/api/v1/platforms/\(PlatformFixture.code)/quality")
            // validate
            #expect(status == .ok, "\(report)")
            let totals = report["totals"] as? [String: Any] ?? [:]
            #expect(totals["items"] as? Int == 5)
            #expect(totals["complete"] as? Int == 4)
            #expect(totals["valid"] as? Int == 4)
            #expect(totals["judged"] as? Int == 5 && totals["timely"] as? Int == 4)
            #expect(totals["completenessRate"] as? Double == 0.8)
            #expect(totals["timelinessRate"] as? Double == 0.8)
            let periods = report["periods"] as? [[String: Any]] ?? []
            #expect(periods.map { $0["period"] as? String } == ["2026-11", "2026-12"])
            let november = periods.first?["rates"] as? [String: Any] ?? [:]
            #expect(november["items"] as? Int == 4 && november["completenessRate"] as? Double == 0.75 && november["validityRate"] as? Double == 1.0)
            #expect(november["timelinessRate"] as? Double == 0.75)
            let refused = report["refusedItems"] as? [[String: Any]] ?? []
            #expect(refused.compactMap { $0["id"] as? String }.sorted() == ["n-4", "n-5"])
            #expect((report["recentPushes"] as? [[String: Any]])?.count == 2)
            // a period that holds nothing
            let (_, empty) = try await client.json(.get, "/api/v1/platforms/\(PlatformFixture.code)/quality?from=2025-01-01&to=2025-01-31")
            #expect((empty["totals"] as? [String: Any])?["items"] as? Int == 0)
            #expect((empty["totals"] as? [String: Any])?["completenessRate"] == nil)
            let (badDate, _) = try await client.json(.get, "/api/v1/platforms/\(PlatformFixture.code)/quality?from=2025-13-01")
            #expect(badDate == .unprocessableContent)
            let (unknown, _) = try await client.json(.get, "/api/v1/platforms/none/quality")
            #expect(unknown == .notFound)
            // the public page
            let (page, html) = try await client.execute(uri: "/platforms/\(PlatformFixture.code)", method: .get) { ($0.status, String(buffer: $0.body)) }
            #expect(page == .ok)
            #expect(html.contains("id=\"quality-completeness\">80.0%"))
            #expect(html.contains("id=\"quality-timeliness\">80.0%"))
            #expect(html.contains("tenderer.creditCode") && html.contains("title："))
            #expect(html.contains("<svg"))
            let list = try await client.execute(uri: "/platforms", method: .get) { String(buffer: $0.body) }
            #expect(list.contains("/platforms/\(PlatformFixture.code)"))
        }
    }
}
