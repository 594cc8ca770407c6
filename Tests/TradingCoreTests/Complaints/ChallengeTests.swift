import Foundation
import Testing
import TradingCore

@Suite("质疑 — challenges in government procurement (采法52–53, 采条53)")
struct ChallengeTests {
    typealias F = ComplaintFixture

    @Test("采法52: a challenge within 7 working days of knowing, counted across National Day and its make-up Saturday")
    func sevenWorkingDays() throws {
        // Known Monday 09-28: 09-29, 09-30, (10-01…07 off) 10-08, 10-09, Saturday 10-10 (make-up), 10-12, 10-13.
        let known = ComplaintTrigger.knowledge(matter: .process, knownAt: F.at(9, 28))
        let onTime = try F.file(.challenge, trigger: known, now: F.at(10, 13, 23))
        #expect(onTime.opened.phase == .accepted)
        #expect(onTime.opened.window.lastDay == F.day(10, 13))
        let late = try F.file(.challenge, trigger: known, now: F.day(10, 14).startInstant)
        #expect(late.opened.inadmissibility == .late(closesAt: F.day(10, 14).startInstant, lastDay: F.day(10, 13), article: "采法52"))
        #expect(late.effects == [.rejected(try #require(late.opened.inadmissibility))])

        // Without the make-up Saturday the 7th working day is Wednesday 10-14.
        var calendar = F.calendar
        calendar.makeUpWorkdays = []
        let window = try FilingWindow.direct(known, rules: .standard(for: .challenge), calendar: calendar)
        #expect(window.lastDay == F.day(10, 14))
    }

    @Test("采法53: the purchaser answers within 7 working days; 采法 sets no pause, so nothing is held")
    func answer() throws {
        let known = ComplaintTrigger.knowledge(matter: .documents, knownAt: F.at(10, 12))
        var (opened, effects) = try F.file(.challenge, trigger: known, now: F.at(10, 13, 23))
        // From Tuesday 10-13: 10-14, 15, 16, 19, 20, 21, 22.
        let due = CaseDeadline(duty: .answer, lastDay: F.day(10, 22), article: "采法53")
        #expect(effects == [.watch(due)])
        #expect(opened.hold == nil)
        #expect(throws: TradingError.self) { try opened.handle(.orderSuspension(from: .contract), now: F.at(10, 14), calendar: F.calendar) }
        #expect(try opened.handle(.answer(.dismissed, reasoning: "采购文件符合规定"), now: F.at(10, 22, 17), calendar: F.calendar).isEmpty)
        #expect(opened.phase == .answered)
    }

    @Test("采条53: a challenge to the result counts from the end of the result notice period; one during the notice is admitted")
    func resultNotice() throws {
        // Published Monday 11-02; the 1-working-day notice ends Tuesday 11-03 at 24:00 → 7 working days end Thursday 11-12.
        let notice = ComplaintTrigger.resultNotice(publishedAt: F.at(11, 2), noticeEnds: F.day(11, 4).startInstant)
        #expect(try F.file(.challenge, trigger: notice, now: F.at(11, 2, 15)).opened.phase == .accepted)
        let last = try F.file(.challenge, trigger: notice, now: F.at(11, 12, 22))
        #expect(last.opened.phase == .accepted && last.opened.matter == .result)
        #expect(try F.file(.challenge, trigger: notice, now: F.at(11, 13, 8)).opened.phase == .rejected)
    }

    @Test("a challenge cannot be decided as if it were a complaint, nor answered without reasoning")
    func wrongResponse() throws {
        var (opened, _) = try F.file(.challenge, trigger: .knowledge(matter: .process, knownAt: F.at(11, 2)), now: F.at(11, 3))
        #expect(throws: TradingError.self) { try opened.handle(.decide(.upheld, reasoning: "x"), now: F.at(11, 4), calendar: F.calendar) }
        #expect(throws: TradingError.self) { try opened.handle(.answer(.upheld, reasoning: "  "), now: F.at(11, 4), calendar: F.calendar) }
        #expect(throws: TradingError.self) { try opened.handle(.accept, now: F.at(11, 4), calendar: F.calendar) }
        #expect(opened.phase == .accepted && opened.resolution == nil)
    }
}
