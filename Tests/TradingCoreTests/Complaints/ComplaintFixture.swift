import Foundation
import TradingCore

/// Dates, a holiday calendar and filings shared by the complaint tests.
enum ComplaintFixture {
    /// The calendar of these tests: National Day 2026 off from Thursday 10-01 to Wednesday 10-07, Saturday 10-10 a
    /// make-up working day, and New Year's Day 2027 (Friday 01-01) off.
    static let calendar = TradingCalendar(
        holidays: Set((1...7).map { LocalDate(year: 2026, month: 10, day: $0) } + [LocalDate(year: 2027, month: 1, day: 1)]),
        makeUpWorkdays: [LocalDate(year: 2026, month: 10, day: 10)]
    )

    /// `hour` o'clock (Beijing time) on the given day of 2026 (or `year`).
    static func at(_ month: Int, _ day: Int, _ hour: Double = 10, year: Int = 2026) -> Date {
        LocalDate(year: year, month: month, day: day).startInstant.addingTimeInterval(hour * 3600)
    }

    /// A Beijing date of 2026 (or `year`).
    static func day(_ month: Int, _ day: Int, year: Int = 2026) -> LocalDate {
        LocalDate(year: year, month: month, day: day)
    }

    /// A filing by `filer` on `lot`.
    static func filing(_ id: String, lot: String = "lot-1", filer: String = "bidder-1") -> ComplaintFiling {
        ComplaintFiling(caseID: id, lotID: lot, filerID: filer, request: "请求修改招标文件第3章资格条件", evidence: ["9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08"])
    }

    /// Files `kind` against `trigger` at `now` with the standard rules and this calendar.
    static func file(
        _ kind: ComplaintKind, _ id: String = "C1", lot: String = "lot-1", trigger: ComplaintTrigger, now: Date
    ) throws -> (opened: ComplaintCase, effects: [ComplaintEffect]) {
        try ComplaintCase.file(kind, filing: Self.filing(id, lot: lot), trigger: trigger, now: now, calendar: Self.calendar)
    }

    /// Tender documents issued Monday 2026-11-02 10:00 with the bid deadline Monday 2026-12-21 09:30.
    static let documents = ComplaintTrigger.documentsIssued(issuedAt: at(11, 2), bidDeadline: at(12, 21, 9.5))
}
