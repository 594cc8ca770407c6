import Foundation
import Testing
import TradingCore

@Suite("升级 — an objection or challenge answered unsatisfactorily becomes a complaint (条例60, 采法55–57)")
struct EscalationTests {
    typealias F = ComplaintFixture

    /// An objection to the documents filed Tuesday 11-10 (answer due Friday 11-13).
    func objection() throws -> ComplaintCase {
        try F.file(.objection, "O1", trigger: F.documents, now: F.at(11, 10)).opened
    }

    @Test("条例60: the objection's answer period is not counted in the complaint's 10 days")
    func excludesAnswerPeriod() throws {
        var source = try self.objection()
        _ = try source.handle(.answer(.dismissed, reasoning: "招标文件合法"), now: F.at(11, 12), calendar: F.calendar)
        // Known 11-10 (the objection), answered 11-12: 2 days not counted → 12 days → Sunday 11-22 → Monday 11-23.
        var copy = source
        let (complaint, effects) = try copy.escalate(filing: F.filing("T1"), now: F.at(11, 23, 20), calendar: F.calendar)
        #expect(complaint.kind == .complaint && complaint.matter == .documents && complaint.precedingCaseID == "O1")
        #expect(complaint.window.lastDay == F.day(11, 23))
        #expect(complaint.phase == .filed)
        #expect(effects == [.watch(CaseDeadline(duty: .accept, lastDay: F.day(11, 26), article: "条例61"))])
        #expect(copy.escalatedTo == "T1")
        #expect(throws: TradingError.self) { try copy.escalate(filing: F.filing("T2"), now: F.at(11, 23), calendar: F.calendar) }

        // Known earlier, when the documents were issued (Monday 11-02): 10 + 2 days → Saturday 11-14 → Monday 11-16.
        var again = source
        let early = try again.escalate(filing: F.filing("T3"), knownAt: F.at(11, 2), now: F.at(11, 17), calendar: F.calendar).opened
        #expect(early.window.lastDay == F.day(11, 16))
        #expect(early.phase == .rejected)
    }

    @Test("条例60: no escalation while the objection awaits its answer within 3 days; after the deadline it may escalate")
    func unansweredObjection() throws {
        var source = try self.objection()
        #expect(throws: TradingError.self) { try source.escalate(filing: F.filing("T1"), now: F.at(11, 13, 20), calendar: F.calendar) }
        #expect(source.escalatedTo == nil)
        // Unanswered by Friday 11-13 24:00: 3 days not counted → 13 days from 11-10 → Monday 11-23.
        let complaint = try source.escalate(filing: F.filing("T1"), now: F.at(11, 16), calendar: F.calendar).opened
        #expect(complaint.window.lastDay == F.day(11, 23))
        #expect(complaint.phase == .filed)
        #expect(source.hold != nil, "the objection still holds the opening until it is answered")
    }

    @Test("only the objector may escalate, on the same lot")
    func sameFiler() throws {
        var source = try self.objection()
        _ = try source.handle(.answer(.dismissed, reasoning: "x"), now: F.at(11, 12), calendar: F.calendar)
        let stranger = ComplaintFiling(caseID: "T1", lotID: "lot-1", filerID: "bidder-2", request: "撤销招标文件")
        #expect(throws: TradingError.self) { try source.escalate(filing: stranger, now: F.at(11, 13), calendar: F.calendar) }
        var complaint = try source.escalate(filing: F.filing("T1"), now: F.at(11, 13), calendar: F.calendar).opened
        #expect(throws: TradingError.self) { try complaint.escalate(filing: F.filing("T9"), now: F.at(11, 14), calendar: F.calendar) }
    }

    /// A challenge known Monday 11-02, filed Tuesday 11-03 (answer due Thursday 11-12), answered Friday 11-06.
    func answeredChallenge() throws -> ComplaintCase {
        var challenge = try F.file(.challenge, "Q1", trigger: .knowledge(matter: .result, knownAt: F.at(11, 2)), now: F.at(11, 3)).opened
        #expect(challenge.responseDue?.lastDay == F.day(11, 12))
        _ = try challenge.handle(.answer(.dismissed, reasoning: "评审程序合法"), now: F.at(11, 6), calendar: F.calendar)
        return challenge
    }

    @Test("采法55: a procurement complaint within 15 working days after the challenge's answer period; 采法56: decided in 30")
    func procurementComplaint() throws {
        var challenge = try self.answeredChallenge()
        let (complaint, effects) = try challenge.escalate(filing: F.filing("P1"), now: F.at(11, 20), calendar: F.calendar)
        // 15 working days after Thursday 11-12 → Thursday 12-03.
        #expect(complaint.kind == .procurementComplaint && complaint.window.lastDay == F.day(12, 3))
        // 94号令21 (⚠️ default): acceptance review 5 working days → 11-27. 采法56: 30 working days of receipt,
        // skipping New Year's Day → Monday 2027-01-04.
        #expect(effects == [
            .watch(CaseDeadline(duty: .accept, lastDay: F.day(11, 27), article: "94号令21")),
            .watch(CaseDeadline(duty: .decide, lastDay: F.day(1, 4, year: 2027), article: "采法56")),
        ])
        var late = try self.answeredChallenge()
        #expect(try late.escalate(filing: F.filing("P2"), now: F.at(12, 4), calendar: F.calendar).opened.inadmissibility?.article == "采法55")
    }

    @Test("采法55: a procurement complaint without a prior challenge is not admissible")
    func challengeFirst() throws {
        let (opened, _) = try F.file(.procurementComplaint, trigger: .knowledge(matter: .result, knownAt: F.at(11, 2)), now: F.at(11, 3))
        #expect(opened.inadmissibility == .priorCaseRequired(kind: .challenge, article: "采法55"))
        #expect(opened.inadmissibility?.en.contains("challenge") == true)
    }

    @Test("采法57: an ordered suspension lasts at most 30 days; past that it is overdue, and lifting it late is recorded")
    func suspensionLimit() throws {
        var challenge = try self.answeredChallenge()
        var complaint = try challenge.escalate(filing: F.filing("P1"), now: F.at(11, 20), calendar: F.calendar).opened
        _ = try complaint.handle(.accept, now: F.at(11, 23), calendar: F.calendar)
        let effects = try complaint.handle(.orderSuspension(from: .contract), now: F.at(11, 23), calendar: F.calendar)
        let hold = ProcedureHold(caseID: "P1", lotID: "lot-1", from: .contract, article: "采法57", since: F.at(11, 23))
        // 11-23 + 30 days = Wednesday 12-23.
        let limit = CaseDeadline(duty: .endSuspension, lastDay: F.day(12, 23), article: "采法57")
        #expect(effects == [.suspendProcedure(hold), .watch(limit)])
        #expect(complaint.overdue(at: F.at(12, 23, 23)).isEmpty)
        #expect(complaint.overdue(at: F.at(12, 24)) == [limit])
        #expect(try complaint.handle(.liftSuspension, now: F.at(12, 24), calendar: F.calendar) == [.doneLate(limit), .resumeProcedure(hold)])
        #expect(complaint.pendingDeadlines.map(\.duty) == [.decide])
        #expect(throws: TradingError.self) { try complaint.handle(.liftSuspension, now: F.at(12, 25), calendar: F.calendar) }
    }
}
