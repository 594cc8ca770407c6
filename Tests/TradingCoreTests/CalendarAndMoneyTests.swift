import Foundation
import Testing
import TradingCore

@Suite("Counting time and money (RULES.md)")
struct CalendarAndMoneyTests {
    @Test("工作日: working days skip weekends and holidays and count make-up Saturdays")
    func workingDays() {
        let friday = LocalDate(year: 2026, month: 9, day: 25)
        var calendar = TradingCalendar(holidays: [LocalDate(year: 2026, month: 9, day: 28)], makeUpWorkdays: [LocalDate(year: 2026, month: 9, day: 26)])
        // Sat 26 (make-up) = 1, Sun 27 skip, Mon 28 holiday, Tue 29 = 2, Wed 30 = 3
        #expect(calendar.lastDay(of: 3, .workingDays, from: friday) == LocalDate(year: 2026, month: 9, day: 30))
        calendar.makeUpWorkdays = []
        #expect(calendar.lastDay(of: 3, .workingDays, from: friday) == LocalDate(year: 2026, month: 10, day: 1))
    }

    @Test("民法典201: the start day is not counted; a deadline day ends at 24:00 local time")
    func periodEnd() {
        let calendar = TradingCalendar()
        let issued = LocalDate(year: 2026, month: 11, day: 2).startInstant.addingTimeInterval(15 * 3600)
        let end = calendar.endOfPeriod(3, .days, from: issued)
        #expect(end == LocalDate(year: 2026, month: 11, day: 6).startInstant, "Nov 2 + 3 days = Nov 5, ending at 24:00")
        #expect(LocalDate(end.addingTimeInterval(-1)) == LocalDate(year: 2026, month: 11, day: 5))
    }

    @Test("money is integer fen; shares round down without overflow")
    func money() {
        #expect(Money.yuan(1_234_567).yuanText == "1,234,567.00")
        #expect(Money(fen: 5).yuanText == "0.05")
        #expect(Money(fen: 999).share(basisPoints: 200) == Money(fen: 19))
        #expect(Money(fen: Int64.max / 2).share(basisPoints: 10_000) == Money(fen: Int64.max / 2))
    }

    @Test("the standard catalog has the entries the issue names, each with valid rules")
    func catalog() throws {
        let codes = Set(StandardCatalog.entries.map(\.code))
        for code in ["engineering.open-tender", "procurement.open-tender", "procurement.consultation", "procurement.inquiry", "property.online-auction", "land.listing", "assets.online-auction"] {
            #expect(codes.contains(code))
        }
        for entry in StandardCatalog.entries { try entry.validate() }
        var bad = StandardCatalog.entries[0]
        bad.rules.minBidders = 0
        #expect(throws: TradingError.self) { try bad.validate() }
    }
}
