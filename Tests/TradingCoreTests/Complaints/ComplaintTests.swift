import Foundation
import Testing
import TradingCore

@Suite("投诉 — complaints to the supervisor (条例60–62)")
struct ComplaintTests {
    typealias F = ComplaintFixture

    /// Known Wednesday 11-11; 10 days end Saturday 11-21 → Monday 11-23 (民法典203).
    let known = ComplaintTrigger.knowledge(matter: .process, knownAt: F.at(11, 11))

    func accepted(on day: Int = 25) throws -> ComplaintCase {
        var (opened, _) = try F.file(.complaint, trigger: self.known, now: F.at(11, 23, 20))
        _ = try opened.handle(.accept, now: F.at(11, day), calendar: F.calendar)
        return opened
    }

    @Test("条例60: a complaint within 10 days of knowing; the last day on a weekend moves to Monday")
    func tenDays() throws {
        let (opened, effects) = try F.file(.complaint, trigger: self.known, now: F.at(11, 23, 20))
        #expect(opened.phase == .filed)
        #expect(opened.window.lastDay == F.day(11, 23))
        // 条例61: accept within 3 working days of receipt → Thursday 11-26; the decision clock waits for acceptance.
        let accept = CaseDeadline(duty: .accept, lastDay: F.day(11, 26), article: "条例61")
        #expect(effects == [.watch(accept)])
        #expect(opened.responseDue == nil)
        let late = try F.file(.complaint, trigger: self.known, now: F.at(11, 24, 8))
        #expect(late.opened.inadmissibility == .late(closesAt: F.day(11, 24).startInstant, lastDay: F.day(11, 23), article: "条例60"))
    }

    @Test("条例61: decided within 30 working days of acceptance, across New Year's Day")
    func decisionDeadline() throws {
        var opened = try self.accepted()
        // Accepted Wednesday 11-25: 30 working days, skipping Friday 2027-01-01, end Thursday 2027-01-07.
        let decide = CaseDeadline(duty: .decide, lastDay: F.day(1, 7, year: 2027), article: "条例61")
        #expect(opened.responseDue == decide)
        #expect(opened.overdue(at: F.at(1, 7, 23, year: 2027)).isEmpty)
        #expect(opened.overdue(at: F.day(1, 8, year: 2027).startInstant) == [decide])
        let effects = try opened.handle(.decide(.upheld, reasoning: "责令招标人改正"), now: F.at(1, 6, year: 2027), calendar: F.calendar)
        #expect(effects.isEmpty)
        #expect(opened.phase == .decided && opened.lateDuties.isEmpty)
    }

    @Test("条例61: accepting after 3 working days is recorded as late")
    func lateAcceptance() throws {
        var (opened, _) = try F.file(.complaint, trigger: self.known, now: F.at(11, 23, 20))
        #expect(opened.overdue(at: F.day(11, 27).startInstant).map(\.duty) == [.accept])
        let effects = try opened.handle(.accept, now: F.at(11, 27), calendar: F.calendar)
        #expect(effects.first == .doneLate(CaseDeadline(duty: .accept, lastDay: F.day(11, 26), article: "条例61")))
        #expect(opened.lateDuties == [.accept])
    }

    @Test("条例61: time for expert review is not counted; the decision deadline moves by the working days it took")
    func expertReview() throws {
        var opened = try self.accepted()
        let before = try #require(opened.responseDue)
        #expect(throws: TradingError.self) { try opened.handle(.resumeClock, now: F.at(12, 1), calendar: F.calendar) }
        #expect(try opened.handle(.pauseClock(reasonZh: "专家评审", reasonEn: "expert review"), now: F.at(12, 1), calendar: F.calendar).isEmpty)
        #expect(opened.overdue(at: F.at(2, 1, year: 2027)).isEmpty, "a paused clock is never overdue")
        // Paused Tuesday 12-01, resumed Friday 12-04: 12-02, 12-03, 12-04 are not counted → 33 working days → 2027-01-12.
        let effects = try opened.handle(.resumeClock, now: F.at(12, 4), calendar: F.calendar)
        let after = CaseDeadline(duty: .decide, lastDay: F.day(1, 12, year: 2027), article: "条例61")
        #expect(effects == [.deadlineMoved(from: before, to: after)])
        #expect(opened.responseDue == after)
    }

    @Test("条例60: a complaint on the documents, opening or candidates without a prior objection is not admissible")
    func objectionFirst() throws {
        for matter in [ComplaintMatter.prequalificationDocuments, .documents, .opening, .candidates] {
            let (opened, effects) = try F.file(.complaint, trigger: .knowledge(matter: matter, knownAt: F.at(11, 11)), now: F.at(11, 12))
            let reason = Inadmissibility.priorCaseRequired(kind: .objection, article: "条例60")
            #expect(opened.inadmissibility == reason)
            #expect(effects == [.rejected(reason)])
        }
        #expect(try F.file(.complaint, trigger: .resultNotice(publishedAt: F.at(11, 11), noticeEnds: F.at(11, 14)), now: F.at(11, 12)).opened.phase == .filed)
        // An objection raised in the opening session (条例44) is named as the prior case.
        let afterOpening = try ComplaintCase.file(
            .complaint, filing: F.filing("T1"), trigger: .opening(start: F.at(12, 21, 9.5), end: F.at(12, 21, 11)), now: F.at(12, 22),
            calendar: F.calendar, priorCaseID: "opening-objection-1"
        ).opened
        #expect(afterOpening.phase == .filed && afterOpening.precedingCaseID == "opening-objection-1")
        #expect(afterOpening.window.lastDay == F.day(12, 31), "10 days from the opening on 12-21")
    }

    @Test("条例62: the supervisor may order the procedure paused; the decision lifts it")
    func orderedSuspension() throws {
        var opened = try self.accepted()
        let effects = try opened.handle(.orderSuspension(from: .award), now: F.at(11, 26), calendar: F.calendar)
        let hold = ProcedureHold(caseID: "C1", lotID: "lot-1", from: .award, article: "条例62", since: F.at(11, 26))
        #expect(effects == [.suspendProcedure(hold)], "条例62 sets no time limit")
        #expect(throws: TradingError.self) { try opened.handle(.orderSuspension(from: .opening), now: F.at(11, 27), calendar: F.calendar) }
        #expect(try opened.handle(.decide(.dismissed, reasoning: "投诉缺乏事实依据"), now: F.at(12, 2), calendar: F.calendar) == [.resumeProcedure(hold)])
    }

    @Test("the supervisor may reject a complaint on other grounds; a complaint cannot be answered like an objection")
    func supervisorRejects() throws {
        var (opened, _) = try F.file(.complaint, trigger: self.known, now: F.at(11, 23, 20))
        #expect(throws: TradingError.self) { try opened.handle(.answer(.upheld, reasoning: "x"), now: F.at(11, 24), calendar: F.calendar) }
        let reason = Inadmissibility.other(reasonZh: "投诉人不是利害关系人", reasonEn: "The complainant is not an interested party")
        #expect(try opened.handle(.reject(reason), now: F.at(11, 24), calendar: F.calendar) == [.rejected(reason)])
        #expect(opened.phase == .rejected && opened.inadmissibility?.article == nil)
    }
}
