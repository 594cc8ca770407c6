import Foundation
import Testing
import TradingCore

@Suite("暂停与恢复 — pending cases hold the procedure (条例22, 54, 62)")
struct SuspensionTests {
    typealias F = ComplaintFixture

    @Test("条例22: the opening waits until every objection on the lot is answered or withdrawn; other lots go on")
    func severalCases() throws {
        var first = try F.file(.objection, "O1", trigger: F.documents, now: F.at(11, 20)).opened
        var second = try F.file(.objection, "O2", trigger: F.documents, now: F.at(11, 21)).opened
        let other = try F.file(.objection, "O3", lot: "lot-2", trigger: F.documents, now: F.at(11, 21)).opened
        #expect(ProcedureHold.holds(blocking: .opening, of: "lot-1", among: [first, second, other]).map(\.caseID) == ["O1", "O2"])
        #expect(ProcedureHold.holds(blocking: .prequalification, of: "lot-1", among: [first, second, other]).isEmpty)

        let hold = try #require(first.hold)
        #expect(try first.handle(.withdraw, now: F.at(11, 22), calendar: F.calendar) == [.resumeProcedure(hold)])
        #expect(first.phase == .withdrawn)
        do {
            try ProcedureHold.check(.award, of: "lot-1", among: [first, second, other])
            Issue.record("the award should be held by O2")
        } catch {
            #expect(error.code == "procedure-suspended" && error.article == "条例22" && error.zh.contains("O2"))
            #expect(error.kind == .conflict)
        }
        _ = try second.handle(.answer(.dismissed, reasoning: "招标文件合法"), now: F.at(11, 23), calendar: F.calendar)
        try ProcedureHold.check(.opening, of: "lot-1", among: [first, second, other])
        #expect(throws: TradingError.self) { try ProcedureHold.check(.opening, of: "lot-2", among: [first, second, other]) }
    }

    @Test("条例22: a pause until the answer cannot be lifted by order; withdrawing or answering lifts it")
    func noEarlyLift() throws {
        var opened = try F.file(.objection, trigger: F.documents, now: F.at(11, 20)).opened
        #expect(throws: TradingError.self) { try opened.handle(.liftSuspension, now: F.at(11, 21), calendar: F.calendar) }
        #expect(throws: TradingError.self) { try opened.handle(.orderSuspension(from: .award), now: F.at(11, 21), calendar: F.calendar) }
        #expect(opened.hold?.from == .opening)
    }

    @Test("条例62: rejecting a complaint lifts the pause its order put on the procedure")
    func rejectLifts() throws {
        var (complaint, _) = try F.file(.complaint, trigger: .knowledge(matter: .process, knownAt: F.at(11, 11)), now: F.at(11, 12))
        let effects = try complaint.handle(.orderSuspension(from: .evaluation), now: F.at(11, 13), calendar: F.calendar)
        let hold = try #require(complaint.hold)
        #expect(effects == [.suspendProcedure(hold)])
        #expect(hold.blocks(.evaluation) && hold.blocks(.contract) && !hold.blocks(.opening))
        let reason = Inadmissibility.other(reasonZh: "投诉事项已经处理", reasonEn: "The matter was already decided")
        #expect(try complaint.handle(.reject(reason), now: F.at(11, 14), calendar: F.calendar) == [.resumeProcedure(hold), .rejected(reason)])
        #expect(complaint.hold == nil)
        try ProcedureHold.check(.evaluation, of: "lot-1", among: [complaint])
    }

    @Test("a late objection never pauses anything, so the opening can go ahead")
    func lateHoldsNothing() throws {
        let late = try F.file(.objection, trigger: F.documents, now: F.at(12, 15)).opened
        try ProcedureHold.check(.opening, of: "lot-1", among: [late])
    }
}
