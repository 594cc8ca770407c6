import Foundation
import Testing
import TradingCore

@Suite("PushCheck: completeness, validity and timeliness of a pushed item, without I/O")
struct PushCheckTests {
    static let catalog = try! DisclosureCatalog(json: Data("""
        {"version": 1, "duties": [{"code": "result", "nameZh": "中标结果公告", "nameEn": "Award notice", "tradingTypes": ["procurement"],
         "item": {"notice": "result"}, "trigger": "lot.awarded", "within": 2, "unit": "workingDays", "responsible": "platform",
         "automatic": true, "basis": "87号令69"}]}
        """.utf8))
    /// Thursday 2026-10-01 (National Day) … 2026-10-08: the 2026 calendar's holidays matter for working days.
    static let calendar = TradingCalendar(holidays: Set((1...7).map { LocalDate(year: 2026, month: 10, day: $0) }))

    static func check(_ kind: PushKind, known: Set<String> = ["P-1"]) -> PushCheck {
        PushCheck(kind: kind, context: .init(
            tradingTypes: ["procurement"], region: "广东省", knownProjects: known, receivedAt: Date(timeIntervalSince1970: 1_793_584_800), catalog: Self.catalog, calendar: Self.calendar
        ))
    }

    static func result(published: String, event: String = "2026-09-30T10:00:00+08:00") -> PushedItem {
        PushedItem(id: "r-1", projectCode: "P-1", title: "结果", tradingType: "procurement", region: "广东省广州市", winner: PushedParty(name: "某公司", creditCode: "91110000053621038D"),
                   amountFen: 100, eventAt: event, publishedAt: published)
    }

    @Test("87号令69: a result awarded on 30 Sep is due by the 2nd working day, Fri 9 Oct, after the National Day holidays")
    func workingDaysOverHolidays() {
        let onTime = Self.check(.results).check(Self.result(published: "2026-10-09T23:00:00+08:00"))
        #expect(onTime.accepted && onTime.timely == true && onTime.duty == "result")
        let late = Self.check(.results).check(Self.result(published: "2026-10-10T00:30:00+08:00"))
        #expect(late.accepted, "late is recorded, not refused")
        #expect(late.timely == false)
        #expect(late.findings.map(\.code) == ["published-late"])
    }

    @Test("required fields differ by kind; announcements also need the budget")
    func completeness() {
        let bare = PushedItem(id: "x")
        #expect(Self.check(.deals).check(bare).findings.filter { $0.aspect == .completeness }.count == 10)
        let announcement = PushedItem(noticeKind: "announcement")
        let fields = Self.check(.notices).requiredFields(announcement)
        #expect(fields.contains("amountFen") && fields.contains("projectTitle"))
        #expect(!Self.check(.notices).requiredFields(PushedItem(noticeKind: "clarification")).contains("amountFen"))
        #expect(Self.check(.notices).check(PushedItem(title: "  ")).findings.contains { $0.field == "title" && $0.aspect == .completeness }, "blank counts as missing")
    }

    @Test("validity: credit code form refuses, its check character only flags (RULES.md); amounts, dates, region, project")
    func validity() {
        var item = Self.result(published: "2026-10-09T10:00:00+08:00")
        item.winner?.creditCode = "91350100M0001TGQXM"
        let flagged = Self.check(.results).check(item)
        #expect(flagged.accepted && flagged.valid)
        #expect(flagged.findings.first?.code == "credit-code-check")
        item.winner?.creditCode = "9135010"
        #expect(Self.check(.results).check(item).findings.first?.code == "credit-code-length")
        var other = Self.result(published: "2026-10-09")
        other.amountFen = -1
        other.region = "北京市"
        other.projectCode = "P-9"
        let codes = Set(Self.check(.results).check(other).findings.map(\.code))
        #expect(codes == ["negative-amount", "region-outside-platform", "invalid-date", "unknown-project"])
        let future = Self.check(.results).check(Self.result(published: "2026-11-03T10:00:00+08:00", event: "2026-11-03T09:00:00+08:00"))
        #expect(future.findings.map(\.code) == ["date-in-future", "date-in-future"])
        let backwards = Self.check(.results).check(Self.result(published: "2026-09-29T10:00:00+08:00"))
        #expect(backwards.findings.map(\.code) == ["published-before-event"])
    }
}
