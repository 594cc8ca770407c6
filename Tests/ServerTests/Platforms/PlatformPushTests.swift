import Foundation
import Hummingbird
import HummingbirdTesting
import SQLKit
import Server
import Storage
import Testing

@Suite("Pushes from connected platforms: per-item validation report, one transaction and one log entry, idempotent, on the portal")
struct PlatformPushTests {
    @Test("a mixed batch: valid items accepted, invalid ones refused with zh/en reasons, late ones flagged; one log entry", arguments: TestEngine.available)
    func mixedBatch(engine: TestEngine) async throws {
        let test = try await TestPlatform.make(engine)
        defer { Task { await test.shutdown() } }
        try await test.test { client in
            // setup
            let fixture = try await PlatformFixture.make(client)
            var missing = PlatformFixture.notice("n-2", project: "P-2")
            missing["tenderer"] = nil
            missing["body"] = ""
            var badCode = PlatformFixture.notice("n-3", project: "P-3")
            badCode["tenderer"] = ["name": "某公司", "creditCode": "91110000O5362103"]
            var late = PlatformFixture.notice("n-4", project: "P-4", title: "逾期发布的招标公告")
            late["eventAt"] = "2026-10-28T09:00:00+08:00"
            late["publishedAt"] = "2026-10-30T09:00:00+08:00"
            var wrongType = PlatformFixture.notice("n-5", project: "P-5", type: "land")
            wrongType["amountFen"] = -5
            var flaggedCode = PlatformFixture.notice("n-6", project: "P-6", title: "校验位不符的招标人")
            flaggedCode["tenderer"] = ["name": "早期登记企业", "creditCode": "91350100M0001TGQXM"]
            var malformed = PlatformFixture.notice("n-7", project: "P-7")
            malformed["amountFen"] = "一千元"
            let logBefore = try await PlatformFixture.logTypes(client).count
            let noticesBefore = try await Self.count("notices", test)
            // exercise
            let items = [PlatformFixture.notice("n-1", project: "P-1"), missing, badCode, late, wrongType, flaggedCode, malformed]
            let (status, report) = try await fixture.push(client, "notices", items)
            // validate
            #expect(status == .created, "\(report)")
            let byID = Dictionary(report.reportItems.map { ($0["id"] as? String ?? "#\($0["position"] ?? "")", $0) }) { a, _ in a }
            #expect(byID["n-1"]?["status"] as? String == "accepted")
            #expect(byID["n-1"]?["timely"] as? Bool == true)
            #expect(byID["n-1"]?["duty"] as? String == "tender-notice")
            #expect(byID["n-2"]?["status"] as? String == "refused")
            #expect(byID["n-2"]?["complete"] as? Bool == false)
            let missingFields = (byID["n-2"]?["findings"] as? [[String: Any]] ?? []).compactMap { $0["field"] as? String }
            #expect(Set(missingFields) == ["body", "tenderer.name", "tenderer.creditCode"])
            let codeFinding = (byID["n-3"]?["findings"] as? [[String: Any]])?.first
            #expect(byID["n-3"]?["status"] as? String == "refused" && byID["n-3"]?["valid"] as? Bool == false)
            #expect(codeFinding?["code"] as? String == "credit-code-length")
            #expect((codeFinding?["zh"] as? String)?.contains("18位") == true && (codeFinding?["en"] as? String)?.isEmpty == false)
            #expect(byID["n-4"]?["status"] as? String == "accepted", "late data is accepted and flagged")
            #expect(byID["n-4"]?["timely"] as? Bool == false)
            #expect(byID["n-4"]?["dueAt"] as? String == "2026-10-28T16:00:00.000Z", "announcement: the same day, 24:00 Beijing (民法典201/203)")
            let wrong = (byID["n-5"]?["findings"] as? [[String: Any]] ?? []).compactMap { $0["code"] as? String }
            #expect(Set(wrong) == ["trading-type-not-allowed", "negative-amount"])
            #expect(byID["n-6"]?["status"] as? String == "accepted", "a failed check character is flagged for review, not refused (RULES.md)")
            #expect((byID["n-6"]?["findings"] as? [[String: Any]])?.first?["refuses"] as? Bool == false)
            #expect(report.reportItems.last?["status"] as? String == "refused")
            #expect((report.reportItems.last?["findings"] as? [[String: Any]])?.first?["field"] as? String == "amountFen")
            #expect(report.summary["items"] as? Int == 7)
            #expect(report.summary["accepted"] as? Int == 3)
            #expect(report.summary["refused"] as? Int == 4)
            #expect(report.summary["late"] as? Int == 1)
            #expect(try await Self.count("notices", test) == noticesBefore + 3)
            let types = try await PlatformFixture.logTypes(client)
            #expect(types.count == logBefore + 1 && types.last == "platform.push", "one log entry per push")
            #expect(report["logIndex"] as? Int == logBefore)
            // the report is kept
            let (kept, stored) = try await client.json(.get, "/api/v1/platforms/\(PlatformFixture.code)/pushes/\(report["id"] as? String ?? "")")
            #expect(kept == .ok)
            #expect(stored["summary"] as? [String: Int] == report.summary as? [String: Int])
            #expect(stored.reportItems.count == 7)
            let (absent, _) = try await client.json(.get, "/api/v1/platforms/\(PlatformFixture.code)/pushes/none")
            #expect(absent == .notFound)
        }
    }

    @Test("accepted notices are public and searchable with their source platform; a result needs a known project", arguments: TestEngine.available)
    func portalAndResults(engine: TestEngine) async throws {
        let test = try await TestPlatform.make(engine)
        defer { Task { await test.shutdown() } }
        try await test.test { client in
            let fixture = try await PlatformFixture.make(client)
            let (_, report) = try await fixture.push(client, "notices", [PlatformFixture.notice("n-1", project: "P-1")])
            let noticeID = report.reportItems.first?["noticeId"] as? String ?? ""
            // search finds a two-character word of the pushed notice
            let (_, found) = try await client.json(.get, "/api/v1/notices?q=%E7%BB%BF%E5%8C%96")  // 绿化
            let hits = found["items"] as? [[String: Any]] ?? []
            #expect(hits.map { $0["id"] as? String } == [noticeID])
            #expect(hits.first?["sourcePlatform"] as? String == PlatformFixture.code)
            let list = try await client.execute(uri: "/notices?q=%E7%BB%BF%E5%8C%96", method: .get) { String(buffer: $0.body) }
            #expect(list.contains("来源 \(PlatformFixture.code)"), "the list names the source platform")
            let html = try await client.execute(uri: "/notices/\(noticeID)", method: .get) { String(buffer: $0.body) }
            #expect(html.contains("深圳公共资源交易分平台"))
            #expect(html.contains("/platforms/\(PlatformFixture.code)"))
            // the operator's project list does not fill up with pushed projects
            let (_, projects) = try await client.json(.get, "/api/v1/projects?scope=mine", token: fixture.operatorToken)
            #expect((projects["items"] as? [[String: Any]] ?? []).isEmpty)
            // results: unknown project refused, known one accepted and published as a result notice
            let (_, refused) = try await fixture.push(client, "results", [PlatformFixture.result("r-0", project: "P-404", daysAfter: 1)])
            #expect((refused.reportItems.first?["findings"] as? [[String: Any]])?.first?["code"] as? String == "unknown-project")
            let (status, results) = try await fixture.push(client, "results", [PlatformFixture.result("r-1", project: "P-1", daysAfter: 5)])
            #expect(status == .created)
            let result = results.reportItems.first ?? [:]
            #expect(result["status"] as? String == "accepted")
            #expect(result["duty"] as? String == "result")
            #expect(result["timely"] as? Bool == false, "87号令69: 2 working days after the award; Wed 28 Oct + 5 days is late")
            let (_, inTime) = try await fixture.push(client, "results", [PlatformFixture.result("r-2", project: "P-1", daysAfter: 2)])
            #expect(inTime.reportItems.first?["timely"] as? Bool == true, "Fri 30 Oct is the 2nd working day")
            let (_, notice) = try await client.json(.get, "/api/v1/notices/\(result["noticeId"] as? String ?? "")")
            #expect(notice["kind"] as? String == "result")
            #expect((notice["body"] as? String)?.contains("深圳市绿城园林有限公司") == true)
            // deals: stored, timed against the procurement contract duty
            var deal = PlatformFixture.result("d-1", project: "P-1", daysAfter: 1)
            deal["tenderer"] = ["name": "深圳市南山区城市管理局", "creditCode": "91110000053621038D"]
            let (_, deals) = try await fixture.push(client, "deals", [deal])
            #expect(deals.reportItems.first?["status"] as? String == "accepted")
            #expect(deals.reportItems.first?["duty"] as? String == "contract")
            #expect(deals.reportItems.first?["noticeId"] == nil)
        }
    }

    @Test("re-pushing an item id: same content is a duplicate, changed content updates the notice and the index", arguments: TestEngine.available)
    func idempotency(engine: TestEngine) async throws {
        let test = try await TestPlatform.make(engine)
        defer { Task { await test.shutdown() } }
        try await test.test { client in
            let fixture = try await PlatformFixture.make(client)
            let (_, first) = try await fixture.push(client, "notices", [PlatformFixture.notice("n-1", project: "P-1")])
            let noticeID = first.reportItems.first?["noticeId"] as? String
            let notices = try await Self.count("notices", test)
            let (_, again) = try await fixture.push(client, "notices", [PlatformFixture.notice("n-1", project: "P-1")])
            #expect(again.reportItems.first?["status"] as? String == "duplicate")
            #expect(again.reportItems.first?["noticeId"] as? String == noticeID)
            #expect(try await Self.count("notices", test) == notices)
            let (_, changed) = try await fixture.push(client, "notices", [PlatformFixture.notice("n-1", project: "P-1", title: "深圳市南山区桥梁维修工程招标公告")])
            #expect(changed.reportItems.first?["status"] as? String == "updated")
            #expect(changed.reportItems.first?["noticeId"] as? String == noticeID)
            #expect(try await Self.count("notices", test) == notices)
            let (_, bridge) = try await client.json(.get, "/api/v1/notices?q=%E6%A1%A5%E6%A2%81")  // 桥梁
            #expect((bridge["items"] as? [[String: Any]])?.count == 1)
            let (_, oldTitle) = try await client.json(.get, "/api/v1/notices?q=%E7%BB%BF%E5%8C%96%E6%8F%90%E5%8D%87%E5%B7%A5%E7%A8%8B%E6%8B%9B")  // 绿化提升工程招 (old title only)
            #expect((oldTitle["items"] as? [[String: Any]])?.isEmpty == true)
            // the same id twice in one push: the second is refused
            let (_, twice) = try await fixture.push(client, "notices", [PlatformFixture.notice("n-9", project: "P-9"), PlatformFixture.notice("n-9", project: "P-9")])
            #expect(twice.reportItems.map { $0["status"] as? String } == ["accepted", "refused"])
            // an empty push is refused as a whole, nothing written
            let before = try await test.snapshot()
            let (empty, _) = try await fixture.push(client, "notices", [])
            #expect(empty == .unprocessableContent)
            #expect(try await test.snapshot() == before)
        }
    }

    @Test("two pushes of the same new item at once: one accepts it, the other finds a duplicate (never a 5xx)", arguments: TestEngine.available)
    func concurrentPushes(engine: TestEngine) async throws {
        let test = try await TestPlatform.make(engine)
        defer { Task { await test.shutdown() } }
        try await test.test { client in
            let fixture = try await PlatformFixture.make(client)
            let statuses = try await withThrowingTaskGroup(of: (HTTPResponse.Status, String?).self) { group in
                for _ in 0..<4 {
                    group.addTask {
                        let (status, report) = try await fixture.push(client, "notices", [PlatformFixture.notice("n-1", project: "P-1")])
                        return (status, report.reportItems.first?["status"] as? String)
                    }
                }
                return try await group.reduce(into: []) { $0.append($1) }
            }
            #expect(statuses.allSatisfy { $0.0 == .created })
            #expect(statuses.compactMap(\.1).sorted() == ["accepted", "duplicate", "duplicate", "duplicate"])
            #expect(try await Self.count("platform_projects", test) == 1)
        }
    }

    static func count(_ table: String, _ test: TestPlatform) async throws -> Int64 {
        try await test.platform.engine.read { db in
            try await db.raw("SELECT COUNT(*) AS n FROM \(unsafeRaw: table)").first()?.decode(column: "n", as: Int64.self) ?? -1
        }
    }
}
