import Foundation
import Hummingbird
import HummingbirdTesting
import Server
import Testing

@Suite("Regulator pages: credit lists and complaints; complaints on the project page")
struct OversightPageTests {
    @Test("a bidder files an objection from the project page; the regulator sees it; credit lists import from the page", arguments: TestEngine.available)
    func pages(engine: TestEngine) async throws {
        let test = try await TestPlatform.make(engine)
        defer { Task { await test.shutdown() } }
        try await test.test { client in
            let fixture = try await Fixture.make(client)
            try await fixture.announce(client, now: test.clock.now())
            let bidder = try await client.signIn("bidder1")
            let project = try await client.page("/projects/\(fixture.projectID)", cookie: bidder)
            #expect(project.status == .ok)
            #expect(project.body.contains("action=\"/projects/\(fixture.projectID)/complaints\""), "bidders get the filing form")
            let filed = try await client.form("/projects/\(fixture.projectID)/complaints", [
                "lot": fixture.lotID, "kind": "objection", "matter": "documents", "request": "资格条件设置不合理",
            ], cookie: bidder)
            #expect(filed.status == .seeOther, "\(filed.body)")
            let after = try await client.page("/projects/\(fixture.projectID)", cookie: bidder)
            #expect(after.body.contains("资格条件设置不合理") && after.body.contains("程序暂停"))
            let anonymous = try await client.page("/projects/\(fixture.projectID)")
            #expect(!anonymous.body.contains("资格条件设置不合理"), "cases are not public")
            let regulator = try await client.signIn("regulator")
            let cases = try await client.page("/regulator/complaints", cookie: regulator)
            #expect(cases.status == .ok)
            #expect(cases.body.contains("资格条件设置不合理") && cases.body.contains("条例22"))
            #expect(try await client.page("/regulator/complaints", cookie: bidder).status == .forbidden)
            // credit import through the page
            let csv = Array("统一社会信用代码,名称,列入原因,列入日期\n\(TestPlatform.code(12)),投标企业2有限公司,拒不履行判决,2026-01-01\n".utf8)
            let imported = try await client.multipart("/regulator/credit", fields: ["id": "court-page", "kind": "judgment-defaulters", "publisher": "最高人民法院"],
                                                      file: (name: "file", filename: "list.csv", bytes: csv), cookie: regulator)
            #expect(imported.status == .seeOther, "\(imported.body)")
            let credit = try await client.page("/regulator/credit", cookie: regulator)
            #expect(credit.status == .ok && credit.body.contains("court-page") && credit.body.contains("失信被执行人名单"))
            let screen = try await client.page("/regulator/alerts", cookie: regulator)
            #expect(screen.body.contains("/regulator/screen"))
        }
    }
}
