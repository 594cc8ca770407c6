import Foundation
import Testing
import TradingCore

@Suite("Tender lifecycle state machine (RULES.md)")
struct TenderLifecycleTests {
    /// Wednesday 2026-11-04 10:00 Asia/Shanghai: day 19 is Monday 11-23, day 20 Tuesday 11-24.
    let start = LocalDate(year: 2026, month: 11, day: 4).startInstant.addingTimeInterval(10 * 3600)
    let calendar = TradingCalendar()
    let lot = LotAmounts(estimate: .yuan(10_000_000), deposit: .yuan(200_000))

    func at(_ days: Int, hour: Double = 9.5) -> Date {
        LocalDate(self.start).adding(days: days).startInstant.addingTimeInterval(hour * 3600)
    }

    func announced(deadlineDay: Int = 21) throws -> TenderLifecycle {
        var machine = TenderLifecycle(rules: ProcedureRules())
        _ = try machine.handle(.announce(bidDeadline: self.at(deadlineDay), documentsUntil: self.at(6), lots: [self.lot]), now: self.start, calendar: self.calendar)
        return machine
    }

    @Test("法24: a bid deadline 19 days after issue is refused; 20 days is accepted")
    func twentyDays() throws {
        var machine = TenderLifecycle(rules: ProcedureRules())
        #expect(throws: TradingError.self) {
            try machine.handle(.announce(bidDeadline: self.at(19), documentsUntil: self.at(6), lots: [self.lot]), now: self.start, calendar: self.calendar)
        }
        #expect(machine.phase == .draft, "a refused event leaves the state unchanged")
        let effects = try machine.handle(.announce(bidDeadline: self.at(20), documentsUntil: self.at(6), lots: [self.lot]), now: self.start, calendar: self.calendar)
        #expect(machine.phase == .announced)
        #expect(effects == [.publishNotice(.announcement)])
    }

    @Test("法24 + 民法典203: a period ending on a non-working day runs to the next working day")
    func holidayEnd() throws {
        // Monday 2026-11-02 + 20 days = Sunday 2026-11-22 → the period ends Monday 11-23.
        let calendar = self.calendar
        let monday = LocalDate(year: 2026, month: 11, day: 2)
        #expect(calendar.lastDay(of: 20, .days, from: monday) == LocalDate(year: 2026, month: 11, day: 23))
        var machine = TenderLifecycle(rules: ProcedureRules())
        let issued = monday.startInstant.addingTimeInterval(10 * 3600)
        let sunday = monday.adding(days: 20).startInstant.addingTimeInterval(9.5 * 3600)
        #expect(throws: TradingError.self) {
            try machine.handle(.announce(bidDeadline: sunday, documentsUntil: monday.adding(days: 7).startInstant, lots: [self.lot]), now: issued, calendar: calendar)
        }
        _ = try machine.handle(.announce(bidDeadline: sunday.addingTimeInterval(86_400), documentsUntil: monday.adding(days: 7).startInstant, lots: [self.lot]), now: issued, calendar: calendar)
        #expect(machine.phase == .announced)
    }

    @Test("条例16: documents available fewer than 5 days are refused")
    func documentPeriod() throws {
        var machine = TenderLifecycle(rules: ProcedureRules())
        #expect(throws: TradingError.self) {
            try machine.handle(.announce(bidDeadline: self.at(21), documentsUntil: self.at(4), lots: [self.lot]), now: self.start, calendar: self.calendar)
        }
        _ = try machine.handle(.announce(bidDeadline: self.at(21), documentsUntil: self.at(5), lots: [self.lot]), now: self.start, calendar: self.calendar)
    }

    @Test("条例26: a deposit above 2 % of the estimate is refused; construction is also capped at 800,000 yuan")
    func depositCap() throws {
        var machine = TenderLifecycle(rules: ProcedureRules())
        let over = LotAmounts(estimate: .yuan(10_000_000), deposit: .yuan(200_001))
        #expect(throws: TradingError.self) {
            try machine.handle(.announce(bidDeadline: self.at(21), documentsUntil: self.at(6), lots: [over]), now: self.start, calendar: self.calendar)
        }
        let construction = ProcedureRules(depositCapFen: 80_000_000)
        #expect(construction.depositCap(estimate: .yuan(100_000_000)) == .yuan(800_000))
        #expect(throws: TradingError.self) { try StatutoryChecks.deposit(.yuan(800_001), estimate: .yuan(100_000_000), rules: construction) }
        #expect(throws: TradingError.self) { try StatutoryChecks.deposit(Money(fen: -1), estimate: .yuan(1), rules: construction) }
    }

    @Test("法34: bids are refused from the deadline instant on, by server time")
    func deadline() throws {
        let machine = try self.announced()
        try machine.checkAcceptsBids(now: self.at(21).addingTimeInterval(-1))
        #expect(throws: TradingError.self) { try machine.checkAcceptsBids(now: self.at(21)) }
    }

    @Test("条例21: a clarification affecting bids 10 days before the deadline moves it to 15 days after the clarification")
    func clarificationMoves() throws {
        var machine = try self.announced()
        let effects = try machine.handle(.clarify(affectsBids: true), now: self.at(11, hour: 15), calendar: self.calendar)
        let moved = try #require(machine.schedule?.bidDeadline)
        #expect(LocalDate(moved) == LocalDate(self.at(11)).adding(days: 15))
        #expect(effects.contains(.deadlineMoved(from: self.at(21), to: moved)))
    }

    @Test("条例21: a clarification 15 or more days before the deadline, or one not affecting bids, leaves it")
    func clarificationStays() throws {
        var machine = try self.announced()
        _ = try machine.handle(.clarify(affectsBids: true), now: self.at(6), calendar: self.calendar)
        #expect(machine.schedule?.bidDeadline == self.at(21))
        _ = try machine.handle(.clarify(affectsBids: false), now: self.at(18), calendar: self.calendar)
        #expect(machine.schedule?.bidDeadline == self.at(21))
    }

    @Test("法28: fewer than 3 bids at the deadline → 流标 with a failure notice; re-tender starts over")
    func tooFewBids() throws {
        var machine = try self.announced()
        #expect(throws: TradingError.self) { try machine.handle(.closeBidding(bids: 5), now: self.at(20), calendar: self.calendar) }
        let effects = try machine.handle(.closeBidding(bids: 2), now: self.at(21), calendar: self.calendar)
        #expect(machine.phase == .failed)
        #expect(effects == [.publishNotice(.failure)])
        _ = try machine.handle(.retender, now: self.at(22), calendar: self.calendar)
        #expect(machine.phase == .draft)
        #expect(machine.attempt == 2)
    }

    func opened() throws -> TenderLifecycle {
        var machine = try self.announced()
        _ = try machine.handle(.closeBidding(bids: 3), now: self.at(21), calendar: self.calendar)
        _ = try machine.handle(.open, now: self.at(21), calendar: self.calendar)
        return machine
    }

    func candidates(_ count: Int) -> [TenderCandidate] {
        (1...count).map { TenderCandidate(rank: $0, bidID: "b\($0)", partyID: "p\($0)", price: .yuan(Int64(900_000 + $0))) }
    }

    @Test("条例53: at most 3 candidates, ranked 1…n without gaps")
    func ranking() throws {
        var machine = try self.opened()
        #expect(throws: TradingError.self) { try machine.handle(.recordResult(self.candidates(4)), now: self.at(22), calendar: self.calendar) }
        var gap = self.candidates(2)
        gap[1].rank = 3
        #expect(throws: TradingError.self) { try machine.handle(.recordResult(gap), now: self.at(22), calendar: self.calendar) }
        _ = try machine.handle(.recordResult(self.candidates(3)), now: self.at(22), calendar: self.calendar)
        #expect(machine.phase == .evaluation)
    }

    @Test("条例54: publicity shorter than 3 days is refused; no award until it ends")
    func publicity() throws {
        var machine = try self.opened()
        _ = try machine.handle(.recordResult(self.candidates(3)), now: self.at(22), calendar: self.calendar)
        #expect(throws: TradingError.self) { try machine.handle(.publishCandidates(until: self.at(24, hour: 18)), now: self.at(22), calendar: self.calendar) }
        // Thursday 11-26 + 3 days = Sunday 11-29 → the publicity runs to Monday 11-30 (民法典203).
        #expect(throws: TradingError.self) { try machine.handle(.publishCandidates(until: self.at(25, hour: 18)), now: self.at(22), calendar: self.calendar) }
        _ = try machine.handle(.publishCandidates(until: self.at(26, hour: 18)), now: self.at(22), calendar: self.calendar)
        #expect(throws: TradingError.self) { try machine.handle(.award(rank: 1, passedOverReason: nil), now: self.at(26), calendar: self.calendar) }
        #expect(machine.phase == .candidatesPublished)
    }

    @Test("条例55: the first candidate is awarded; another needs a reason. 法46: the contract is due in 30 days, late signing is recorded")
    func awardAndContract() throws {
        var machine = try self.opened()
        _ = try machine.handle(.recordResult(self.candidates(3)), now: self.at(22), calendar: self.calendar)
        _ = try machine.handle(.publishCandidates(until: self.at(26, hour: 18)), now: self.at(22), calendar: self.calendar)
        #expect(throws: TradingError.self) { try machine.handle(.award(rank: 2, passedOverReason: nil), now: self.at(27), calendar: self.calendar) }
        let effects = try machine.handle(.award(rank: 2, passedOverReason: "第一名放弃中标"), now: self.at(27), calendar: self.calendar)
        let due = try #require(machine.award?.contractDue)
        #expect(effects.contains(.contractDue(due)))
        #expect(LocalDate(due.addingTimeInterval(-1)) >= LocalDate(self.at(27)).adding(days: 30))
        #expect(machine.contractReminder(now: self.at(28))?.overdue == false)
        #expect(machine.contractReminder(now: self.at(60))?.overdue == true)
        let late = try machine.handle(.signContract, now: self.at(60), calendar: self.calendar)
        #expect(late == [.contractSignedLate(due: due)])
        _ = try machine.handle(.archive, now: self.at(61), calendar: self.calendar)
        #expect(machine.phase == .archived)
    }

    @Test("终止: any phase before the award can be terminated with a reason; an awarded lot cannot")
    func terminate() throws {
        var machine = try self.announced()
        #expect(throws: TradingError.self) { try machine.handle(.terminate(reasonZh: "", reasonEn: ""), now: self.at(3), calendar: self.calendar) }
        let effects = try machine.handle(.terminate(reasonZh: "项目取消", reasonEn: "cancelled"), now: self.at(3), calendar: self.calendar)
        #expect(effects == [.publishNotice(.termination)])
        #expect(throws: TradingError.self) { try machine.handle(.open, now: self.at(22), calendar: self.calendar) }
    }

    @Test("events in the wrong phase are refused with a conflict")
    func wrongPhase() {
        var machine = TenderLifecycle(rules: ProcedureRules())
        for event in [TenderEvent.open, .signContract, .archive, .retender, .clarify(affectsBids: false)] {
            #expect(throws: TradingError.self) { try machine.handle(event, now: self.start, calendar: self.calendar) }
        }
    }
}
