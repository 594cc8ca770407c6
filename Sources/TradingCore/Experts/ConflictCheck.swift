import Foundation

/// 回避审查 — the automatic exclusions of one expert from one draw (评标委员会规定12): an employer or
/// affiliation within three years with a bidder or the tenderer, staff of the supervising department,
/// a recorded punishment, a declared relative at a bidder or the tenderer.
public struct ConflictCheck: Sendable {
    /// The bidders of the lot (registered parties).
    public var bidders: [Organisation]
    /// The tenderer (purchaser).
    public var tenderer: Organisation
    /// The supervising departments of the project.
    public var supervisors: [Organisation]
    /// The draw date; affiliations that ended before three years earlier no longer count.
    public var date: LocalDate

    /// How far back an ended affiliation still counts (years).
    public static let lookBackYears = 3

    /// Creates a ``ConflictCheck`` from its fields.
    public init(bidders: [Organisation], tenderer: Organisation, supervisors: [Organisation] = [], date: LocalDate) {
        self.bidders = bidders
        self.tenderer = tenderer
        self.supervisors = supervisors
        self.date = date
    }

    /// The first day from which an ended affiliation still counts.
    public var lookBackStart: LocalDate {
        var start = self.date
        start.year -= Self.lookBackYears
        if start.month == 2 && start.day == 29 { start.day = 28 }
        return start
    }

    /// The reasons `expert` must stand aside, joined into one text, or nil when there are none.
    public func reason(for expert: ExpertProfile) -> String? {
        let reasons = self.reasons(for: expert)
        return reasons.isEmpty ? nil : reasons.joined(separator: "; ")
    }

    /// Every reason `expert` must stand aside, in a fixed order.
    public func reasons(for expert: ExpertProfile) -> [String] {
        var reasons: [String] = []
        let parties = self.bidders.map { ("bidder", $0) } + [("tenderer", self.tenderer)]
        var ties = [expert.employer]
        for affiliation in expert.affiliations where (affiliation.until ?? self.date) >= self.lookBackStart && affiliation.from <= self.date {
            ties.append(affiliation.organisation)
        }
        for (role, party) in parties where ties.contains(where: { Self.same($0, party) }) {
            reasons.append("employer or affiliation within \(Self.lookBackYears) years: \(role) \(party.key) (评标委员会规定12(3))")
        }
        for supervisor in self.supervisors where Self.same(expert.employer, supervisor) {
            reasons.append("staff of the supervising department \(supervisor.key) (评标委员会规定12(2))")
        }
        if expert.punishment != nil {
            reasons.append("recorded punishment for a tendering offence (评标委员会规定12(4))")
        }
        for (role, party) in parties where expert.relatives.contains(where: { Self.same($0, party) }) {
            reasons.append("declared close relative at \(role) \(party.key) (评标委员会规定12(1))")
        }
        return reasons
    }

    /// Two organisations are the same when their credit codes match, or, lacking a code, their names.
    static func same(_ lhs: Organisation, _ rhs: Organisation) -> Bool {
        if !lhs.code.isEmpty && !rhs.code.isEmpty { return lhs.code == rhs.code }
        let left = lhs.name.trimmingCharacters(in: .whitespaces)
        return !left.isEmpty && left == rhs.name.trimmingCharacters(in: .whitespaces)
    }
}
