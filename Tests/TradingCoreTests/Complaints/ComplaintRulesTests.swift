import Foundation
import Testing
import TradingCore

@Suite("Complaint rules as data and refusals of malformed input")
struct ComplaintRulesTests {
    typealias F = ComplaintFixture

    @Test("the statutory defaults carry the numbers of RULES.md and validate")
    func standardNumbers() throws {
        for kind in ComplaintKind.allCases {
            try ComplaintRules.standard(for: kind).validate()
        }
        let objection = ComplaintRules.standard(for: .objection)
        #expect(objection.filingClock == .procedureWindows(
            documentsLead: StatutoryPeriod(10, .days, article: "条例22"), prequalificationLead: StatutoryPeriod(2, .days, article: "条例22")
        ))
        #expect(objection.responsePeriod == StatutoryPeriod(3, .days, article: "条例22"))
        #expect(objection.suspension == .untilAnswered && objection.answeredOnTheSpot == [.opening])
        let challenge = ComplaintRules.standard(for: .challenge)
        #expect(challenge.filingClock == .afterKnowing(StatutoryPeriod(7, .workingDays, article: "采法52"), resultKnownAtNoticeEnd: true))
        #expect(challenge.responsePeriod == StatutoryPeriod(7, .workingDays, article: "采法53"))
        let complaint = ComplaintRules.standard(for: .complaint)
        #expect(complaint.filingClock == .afterKnowing(StatutoryPeriod(10, .days, article: "条例60"), resultKnownAtNoticeEnd: false))
        #expect(complaint.acceptancePeriod == StatutoryPeriod(3, .workingDays, article: "条例61"))
        #expect(complaint.responsePeriod == StatutoryPeriod(30, .workingDays, article: "条例61") && complaint.responseClock == .acceptance)
        let procurement = ComplaintRules.standard(for: .procurementComplaint)
        #expect(procurement.filingClock == .afterPriorAnswerPeriod(StatutoryPeriod(15, .workingDays, article: "采法55")))
        #expect(procurement.responsePeriod == StatutoryPeriod(30, .workingDays, article: "采法56") && procurement.responseClock == .filing)
        #expect(procurement.suspension == .onOrder(article: "采法57", limit: StatutoryPeriod(30, .days, article: "采法57")))
    }

    @Test("configured numbers are used: a 5-day answer period instead of 3")
    func configured() throws {
        var rules = ComplaintRules.standard(for: .objection)
        rules.responsePeriod = StatutoryPeriod(5, .days, article: "地方规定")
        let (opened, _) = try ComplaintCase.file(.objection, filing: F.filing("O1"), trigger: F.documents, now: F.at(12, 1), calendar: F.calendar, rules: rules)
        #expect(opened.responseDue?.lastDay == F.day(12, 7), "12-01 + 5 days = Sunday 12-06 → Monday 12-07")
        #expect(opened.rules == rules)
    }

    @Test("rules out of range, of another kind, or a complaint pausing without an order are refused")
    func invalidRules() {
        var long = ComplaintRules.standard(for: .complaint)
        long.responsePeriod = StatutoryPeriod(400, .workingDays, article: "条例61")
        #expect(throws: TradingError.self) { try long.validate() }
        var automatic = ComplaintRules.standard(for: .complaint)
        automatic.suspension = .untilAnswered
        #expect(throws: TradingError.self) { try automatic.validate() }
        #expect(throws: TradingError.self) {
            try ComplaintCase.file(.complaint, filing: F.filing("T1"), trigger: F.documents, now: F.at(12, 1), calendar: F.calendar, rules: .standard(for: .objection))
        }
    }

    @Test("an objection can only be raised against documents, the opening or the evaluation result (条例22, 44, 54)")
    func objectionMatters() {
        #expect(throws: TradingError.self) { try F.file(.objection, trigger: .knowledge(matter: .process, knownAt: F.at(11, 2)), now: F.at(11, 3)) }
        #expect(throws: TradingError.self) { try F.file(.objection, trigger: .resultNotice(publishedAt: F.at(11, 2), noticeEnds: F.at(11, 3)), now: F.at(11, 3)) }
    }

    @Test("条例60: a filing needs a clear request and its identifiers")
    func malformedFiling() {
        let empty = ComplaintFiling(caseID: "C1", lotID: "lot-1", filerID: "bidder-1", request: " \n")
        #expect(throws: TradingError.self) { try ComplaintCase.file(.objection, filing: empty, trigger: F.documents, now: F.at(11, 3), calendar: F.calendar) }
        let anonymous = ComplaintFiling(caseID: "C1", lotID: "lot-1", filerID: "", request: "撤销")
        #expect(throws: TradingError.self) { try ComplaintCase.file(.objection, filing: anonymous, trigger: F.documents, now: F.at(11, 3), calendar: F.calendar) }
    }

    @Test("events in the wrong state are refused and leave the case unchanged")
    func wrongState() throws {
        var opened = try F.file(.objection, trigger: F.documents, now: F.at(11, 20)).opened
        let before = opened
        for event in [ComplaintEvent.close, .accept, .resumeClock, .pauseClock(reasonZh: "鉴定", reasonEn: "appraisal")] {
            #expect(throws: TradingError.self) { try opened.handle(event, now: F.at(11, 21), calendar: F.calendar) }
        }
        #expect(opened == before)
        _ = try opened.handle(.answer(.upheld, reasoning: "修改招标文件"), now: F.at(11, 21), calendar: F.calendar)
        #expect(throws: TradingError.self) { try opened.handle(.answer(.upheld, reasoning: "again"), now: F.at(11, 22), calendar: F.calendar) }
        #expect(throws: TradingError.self) { try opened.handle(.withdraw, now: F.at(11, 22), calendar: F.calendar) }
    }

    @Test("a case survives a JSON round trip, as storage needs")
    func codable() throws {
        var (opened, _) = try F.file(.complaint, trigger: .knowledge(matter: .process, knownAt: F.at(11, 11)), now: F.at(11, 12))
        _ = try opened.handle(.accept, now: F.at(11, 13), calendar: F.calendar)
        _ = try opened.handle(.orderSuspension(from: .award), now: F.at(11, 13), calendar: F.calendar)
        let data = try JSONEncoder().encode(opened)
        #expect(try JSONDecoder().decode(ComplaintCase.self, from: data) == opened)
    }
}
