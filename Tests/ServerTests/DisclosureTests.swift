import Foundation
import HummingbirdTesting
import Testing

@testable import Server
import Storage
import TradingCore

/// The disclosure catalog (公开目录) and the disclosure-rate report (公开率), issue 8 item 1.
@Suite struct DisclosureTests {
    static func duty(_ report: DisclosureService.Report, _ code: String) -> DisclosureService.Item? {
        report.outstanding.first { $0.duty == code }
    }

    @Test("a duty nobody publishes goes missing at its due time, then late when published; rates by type and party", arguments: TestEngine.available)
    func missingThenLate(engine: TestEngine) async throws {
        let test = try await TestPlatform.make(engine)
        defer { Task { await test.shutdown() } }
        try await test.test { client in
            let fixture = try await Fixture.make(client)
            try await fixture.announce(client, now: test.clock.now())
            let today = LocalDate(test.clock.now())
            // the notice is published by the platform at once; the tender documents are due by the end of the day
            var report = try await test.platform.disclosure.report(from: today, to: today)
            #expect(report.total.onTime == 1 && report.total.pending == 1 && report.total.missing == 0)
            #expect(report.rate == 1.0)
            // two days later nobody has uploaded them: missing, named with the responsible tenderer
            test.clock.advance(by: 2 * 86_400)
            report = try await test.platform.disclosure.report(from: today, to: today)
            #expect(report.total.missing == 1 && report.rate == 0.5)
            let missing = try #require(Self.duty(report, "tender-documents"))
            #expect(missing.outcome == .missing && missing.responsible == "市政工程建设中心")
            #expect(report.byResponsible.first { $0.key == "市政工程建设中心" }?.rate == 0.0)
            #expect(report.byResponsible.first { $0.key.contains("交易平台") }?.rate == 1.0)
            // uploaded late: published, but not on time
            let (uploaded, _) = try await client.upload("/api/v1/projects/\(fixture.projectID)/documents?filename=tender.pdf", token: fixture.tenderer, bytes: Array("招标文件".utf8))
            #expect(uploaded == .created)
            report = try await test.platform.disclosure.report(from: today, to: today)
            #expect(report.rate == 1.0 && report.onTimeRate == 0.5)
            #expect(Self.duty(report, "tender-documents")?.outcome == .late)
            #expect(report.byTradingType.map(\.key) == ["engineering"])
            // the same through the API and on the portal; a reversed period is refused
            let (status, json) = try await client.json(.get, "/api/v1/disclosure/report?from=\(today)&to=\(today)")
            #expect(status == .ok && json["rate"] as? Double == 1.0 && json["onTimeRate"] as? Double == 0.5)
            #expect(try await client.json(.get, "/api/v1/disclosure/report?from=\(today)&to=\(today.adding(days: -1))").status.code / 100 == 4)
            let page = try await client.page("/disclosure?from=\(today)&to=\(today)")
            #expect(page.status == .ok && page.body.contains("id=\"disclosure-on-time\">50.0%") && page.body.contains("<svg"))
            #expect(page.body.contains("逾期公开") && page.body.contains("政府采购法实施条例50"))
            let (catalog, duties) = try await client.json(.get, "/api/v1/disclosure/catalog")
            #expect(catalog == .ok && (duties["duties"] as? [Any])?.count == DisclosureService.catalog.duties.count)
        }
    }

    @Test func theCatalogIsDataAndRefusesNonsense() throws {
        #expect(DisclosureService.catalog.duties(for: "procurement").contains { $0.code == "contract" })
        #expect(!DisclosureService.catalog.duties(for: "engineering").contains { $0.code == "contract" })
        let duplicate = Data("""
            {"version":1,"duties":[
            {"code":"a","nameZh":"甲","nameEn":"A","tradingTypes":["x"],"item":{"notice":"announcement"},"trigger":"project.announced","within":0,"unit":"days","responsible":"platform","automatic":true,"basis":"-"},
            {"code":"a","nameZh":"甲","nameEn":"A","tradingTypes":["x"],"item":{"notice":"announcement"},"trigger":"project.announced","within":0,"unit":"days","responsible":"platform","automatic":true,"basis":"-"}]}
            """.utf8)
        #expect(throws: DisclosureCatalogError.self) { try DisclosureCatalog(json: duplicate) }
        let unknownKind = Data(String(decoding: duplicate, as: UTF8.self).replacingOccurrences(of: "\"code\":\"a\",\"nameZh\":\"甲\",\"nameEn\":\"A\",\"tradingTypes\":[\"x\"],\"item\":{\"notice\":\"announcement\"}", with: "\"code\":\"b\",\"nameZh\":\"乙\",\"nameEn\":\"B\",\"tradingTypes\":[\"x\"],\"item\":{\"notice\":\"poster\"}").utf8)
        #expect(throws: DisclosureCatalogError.self) { try DisclosureCatalog(json: unknownKind) }
    }

    @Test("2 working days after a Friday signing end on Tuesday 24:00 Beijing (采条50; 民法典201, 203)")
    func workingDayDeadlines() throws {
        let contract = try #require(DisclosureService.catalog.duties.first { $0.code == "contract" })
        let calendar = TradingCalendar.chinaDefault
        let friday = try #require(Timestamps.parse("2026-11-20T15:00:00+08:00"))
        let due = contract.due(after: friday, calendar: calendar)
        #expect(due == Timestamps.parse("2026-11-25T00:00:00+08:00"))
        #expect(contract.outcome(trigger: friday, published: due, now: due, calendar: calendar) == .onTime)
        #expect(contract.outcome(trigger: friday, published: due.addingTimeInterval(1), now: due, calendar: calendar) == .late)
        #expect(contract.outcome(trigger: friday, published: nil, now: due, calendar: calendar) == .pending)
        #expect(contract.outcome(trigger: friday, published: nil, now: due.addingTimeInterval(1), calendar: calendar) == .missing)
        var tally = DisclosureTally()
        for outcome in [DisclosureOutcome.onTime, .late, .missing, .pending] { tally.add(outcome) }
        #expect(tally.due == 3 && tally.rate == 2.0 / 3.0 && tally.onTimeRate == 1.0 / 3.0)
    }
}
