import Foundation
import Testing
import TradingCore

@Suite("异议 — objections to the tenderer (条例22, 44, 54)")
struct ObjectionTests {
    typealias F = ComplaintFixture

    @Test("条例22: an objection to the documents on the 10th day before the deadline is admitted and pauses the opening")
    func documentsOnTime() throws {
        // Deadline Monday 12-21 → the last day to object is Friday 12-11 (10 days before).
        let (opened, effects) = try F.file(.objection, trigger: F.documents, now: F.at(12, 11, 23.9))
        #expect(opened.phase == .accepted)
        #expect(opened.window.lastDay == F.day(12, 11))
        let hold = try #require(opened.hold)
        #expect(hold.from == .opening && hold.article == "条例22" && hold.lotID == "lot-1")
        // 条例22: answer within 3 days of receipt → Monday 12-14, due at 24:00.
        let answer = CaseDeadline(duty: .answer, lastDay: F.day(12, 14), article: "条例22")
        #expect(opened.responseDue == answer)
        #expect(answer.due == F.day(12, 15).startInstant)
        #expect(effects == [.watch(answer), .suspendProcedure(hold)])
    }

    @Test("条例22: an objection to the documents 9 days before the deadline is late, rejected, and pauses nothing")
    func documentsLate() throws {
        let (opened, effects) = try F.file(.objection, trigger: F.documents, now: F.day(12, 12).startInstant)
        let late = Inadmissibility.late(closesAt: F.day(12, 12).startInstant, lastDay: F.day(12, 11), article: "条例22")
        #expect(opened.phase == .rejected)
        #expect(opened.inadmissibility == late)
        #expect(effects == [.rejected(late)])
        #expect(opened.hold == nil && opened.pendingDeadlines.isEmpty)
        #expect(late.zh.contains("2026-12-11") && late.zh.contains("条例22"))
        #expect(late.en.contains("2026-12-11"))
    }

    @Test("条例22: an objection to prequalification documents must come 2 days before the application deadline")
    func prequalification() throws {
        // Applications due Monday 11-16 09:00 → last day Saturday 11-14 (counting back is not moved to a working day).
        let trigger = ComplaintTrigger.prequalificationIssued(issuedAt: F.at(11, 2), applicationDeadline: F.at(11, 16, 9))
        let onTime = try F.file(.objection, trigger: trigger, now: F.at(11, 14, 20))
        #expect(onTime.opened.phase == .accepted)
        #expect(onTime.opened.hold?.from == .prequalification)
        let late = try F.file(.objection, trigger: trigger, now: F.at(11, 15, 8))
        #expect(late.opened.inadmissibility?.article == "条例22")
        #expect(late.opened.phase == .rejected)
    }

    @Test("条例22 + 民法典203: a 3-day answer period ending in the National Day holiday runs to the next working day")
    func answerAcrossHoliday() throws {
        let trigger = ComplaintTrigger.documentsIssued(issuedAt: F.at(9, 1), bidDeadline: F.at(10, 20, 9.5))
        // Filed Tuesday 09-29: 3 days → Friday 10-02, a holiday → Thursday 10-08.
        let (opened, _) = try F.file(.objection, trigger: trigger, now: F.at(9, 29))
        #expect(opened.responseDue?.lastDay == F.day(10, 8))
        #expect(TradingCalendar().lastDay(of: 3, .days, from: F.day(9, 29)) == F.day(10, 2), "without the holidays it would be 10-02")
    }

    @Test("条例54: an objection to the evaluation result only during candidate publicity; it holds the award")
    func candidates() throws {
        // Publicity Friday 11-20 09:00 until Monday 11-23 24:00.
        let publicity = ComplaintTrigger.candidatePublicity(start: F.at(11, 20, 9), end: F.day(11, 24).startInstant)
        let early = try F.file(.objection, trigger: publicity, now: F.at(11, 19))
        #expect(early.opened.inadmissibility == .tooEarly(opensAt: F.at(11, 20, 9), article: "条例54"))
        let late = try F.file(.objection, trigger: publicity, now: F.day(11, 24).startInstant)
        #expect(late.opened.inadmissibility == .late(closesAt: F.day(11, 24).startInstant, lastDay: F.day(11, 23), article: "条例54"))

        var (opened, effects) = try F.file(.objection, trigger: publicity, now: F.at(11, 23, 23))
        let hold = try #require(opened.hold)
        #expect(hold.from == .award && hold.article == "条例54")
        #expect(effects.contains(.suspendProcedure(hold)))
        // 条例54: answer within 3 days → Thursday 11-26.
        #expect(opened.responseDue == CaseDeadline(duty: .answer, lastDay: F.day(11, 26), article: "条例54"))
        #expect(throws: TradingError.self) { try ProcedureHold.check(.award, of: "lot-1", among: [opened]) }
        try ProcedureHold.check(.evaluation, of: "lot-1", among: [opened])

        let answered = try opened.handle(.answer(.dismissed, reasoning: "评标符合招标文件规定"), now: F.at(11, 25), calendar: F.calendar)
        #expect(answered == [.resumeProcedure(hold)])
        #expect(opened.phase == .answered && opened.hold == nil)
        try ProcedureHold.check(.award, of: "lot-1", among: [opened])
    }

    @Test("条例44: an objection at the opening is answered on the spot and does not pause the procedure")
    func opening() throws {
        let session = ComplaintTrigger.opening(start: F.at(12, 21, 9.5), end: F.at(12, 21, 11))
        var (opened, effects) = try F.file(.objection, trigger: session, now: F.at(12, 21, 10.25))
        let due = CaseDeadline(duty: .answer, due: F.at(12, 21, 11), article: "条例44")
        #expect(effects == [.watch(due)])
        #expect(opened.hold == nil)
        let late = try F.file(.objection, trigger: session, now: F.at(12, 21, 11.1))
        #expect(late.opened.inadmissibility == .late(closesAt: F.at(12, 21, 11), lastDay: nil, article: "条例44"))
        #expect(try opened.handle(.answer(.upheld, reasoning: "重新唱标"), now: F.at(12, 21, 11.5), calendar: F.calendar) == [.doneLate(due)])
    }

    @Test("条例22: an unanswered objection is overdue from 24:00 of the 3rd day; a late answer is recorded and resumes")
    func overdue() throws {
        var (opened, _) = try F.file(.objection, trigger: F.documents, now: F.at(12, 11))
        let due = try #require(opened.responseDue)
        #expect(opened.overdue(at: F.at(12, 14, 23.9)).isEmpty)
        #expect(opened.overdue(at: F.day(12, 15).startInstant) == [due])
        let hold = try #require(opened.hold)
        let effects = try opened.handle(.answer(.partlyUpheld, reasoning: "发布澄清修改资格条件"), now: F.at(12, 16), calendar: F.calendar)
        #expect(effects == [.doneLate(due), .resumeProcedure(hold)])
        #expect(opened.lateDuties == [.answer])
        #expect(opened.overdue(at: F.at(12, 30)).isEmpty)
        _ = try opened.handle(.close, now: F.at(12, 17), calendar: F.calendar)
        #expect(opened.phase == .closed && opened.resolution?.outcome == .partlyUpheld)
    }
}
