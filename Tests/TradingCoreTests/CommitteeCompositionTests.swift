import Testing
import TradingCore

/// Committee composition (RULES.md: 法37; 87§47; 采法38,40 and 74§7).
@Suite struct CommitteeCompositionTests {
    private static func committee(experts: Int, representatives: Int) -> EvaluationCommittee {
        let drawn = (0..<experts).map { CommitteeMember(id: "X\($0)", name: "专家\($0)", role: .expert(.drawn(drawID: "DRAW-1"))) }
        let others = (0..<representatives).map { CommitteeMember(id: "R\($0)", name: "代表\($0)", role: .representative) }
        return EvaluationCommittee(members: drawn + others)
    }

    /// The code of the TradingError `body` throws, nil when it throws none.
    private static func code(_ body: () throws -> Void) -> String? {
        do { try body() } catch { return (error as? TradingError)?.code ?? "\(error)" }
        return nil
    }

    @Test func engineeringCommitteeIsOddAtLeastFiveWithTwoThirdsExperts() {
        // 法37: odd, ≥ 5, experts ≥ 2/3
        let rule = CommitteeRule.engineeringTender
        #expect(Self.code { try Self.committee(experts: 4, representatives: 1).check(rule) } == nil)
        #expect(Self.code { try Self.committee(experts: 5, representatives: 2).check(rule) } == nil)
        #expect(Self.code { try Self.committee(experts: 3, representatives: 0).check(rule) } == "committee-too-small")
        #expect(Self.code { try Self.committee(experts: 4, representatives: 2).check(rule) } == "committee-even")
        #expect(Self.code { try Self.committee(experts: 3, representatives: 2).check(rule) } == "committee-expert-share")
        #expect(Self.code { try Self.committee(experts: 4, representatives: 3).check(rule) } == "committee-expert-share")
    }

    @Test func procurementCommitteeNeedsSevenFromTenMillionYuan() {
        // 87§47: ≥ 7 when the budget is ≥ 10 M yuan
        let rule = CommitteeRule.procurementTender
        let five = Self.committee(experts: 4, representatives: 1)
        let seven = Self.committee(experts: 5, representatives: 2)
        #expect(Self.code { try five.check(rule, budget: Money(fen: 10_000_000 * 100 - 1)) } == nil)
        #expect(Self.code { try five.check(rule, budget: .yuan(10_000_000)) } == "committee-too-small")
        #expect(Self.code { try seven.check(rule, budget: .yuan(10_000_000)) } == nil)
        #expect(Self.code { try five.check(rule, budget: .yuan(2_000_000), largeProject: true) } == "committee-too-small")
    }

    @Test func negotiationPanelIsOddAtLeastThreeWithTwoThirdsExperts() {
        // 采法38, 40; 74§7: odd, ≥ 3, experts ≥ 2/3 (2 of 3 is exactly two thirds)
        let rule = CommitteeRule.procurementPanel
        #expect(Self.code { try Self.committee(experts: 2, representatives: 1).check(rule) } == nil)
        #expect(Self.code { try Self.committee(experts: 1, representatives: 1).check(rule) } == "committee-too-small")
        #expect(Self.code { try Self.committee(experts: 1, representatives: 2).check(rule) } == "committee-expert-share")
    }

    @Test func membersAreDistinctAndAppointedExpertsGiveAReason() {
        var committee = Self.committee(experts: 5, representatives: 0)
        committee.members[4].id = committee.members[0].id
        #expect(Self.code { try committee.check(.engineeringTender) } == "committee-duplicate-member")
        committee.members[4] = CommitteeMember(id: "A", name: "甲", role: .expert(.appointed(reason: " ")))
        #expect(Self.code { try committee.check(.engineeringTender) } == "committee-appointment-reason")
        committee.members[4].role = .expert(.appointed(reason: "核电安全专业，库内无相应专家"))
        #expect(Self.code { try committee.check(.engineeringTender) } == nil)
    }
}
