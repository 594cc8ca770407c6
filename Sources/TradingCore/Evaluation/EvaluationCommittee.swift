import Foundation

/// 评标委员会 — the committee (or review panel) that evaluates one lot: experts and representatives.
public struct EvaluationCommittee: Sendable, Codable, Equatable {
    /// The members, in the order they sign the report.
    public var members: [CommitteeMember]

    /// Creates an ``EvaluationCommittee`` from its fields.
    public init(members: [CommitteeMember]) {
        self.members = members
    }

    /// Number of experts among the members.
    public var expertCount: Int {
        self.members.filter { $0.role.isExpert }.count
    }

    /// Checks the composition against `rule`: distinct members, the minimum size (larger for big budgets),
    /// an odd size, the experts' share, and that every expert was drawn at random or appointed with a reason.
    public func check(_ rule: CommitteeRule, budget: Money? = nil, largeProject: Bool = false) throws(TradingError) {
        let count = self.members.count
        guard Set(self.members.map(\.id)).count == count else {
            throw .invalid("committee-duplicate-member", zh: "评标委员会成员重复", en: "A member appears twice on the committee")
        }
        let minimum = rule.minimumMembers(budget: budget, largeProject: largeProject)
        guard count >= minimum else {
            throw .invalid(
                "committee-too-small", zh: "评标委员会成员应为\(minimum)人以上，现为\(count)人",
                en: "The committee needs at least \(minimum) members, it has \(count)", article: rule.article
            )
        }
        guard !rule.oddMembers || count % 2 == 1 else {
            throw .invalid(
                "committee-even", zh: "评标委员会成员人数应为单数，现为\(count)人", en: "The committee must have an odd number of members, it has \(count)",
                article: rule.article
            )
        }
        let experts = self.expertCount
        guard experts * rule.expertShareDenominator >= count * rule.expertShareNumerator else {
            throw .invalid(
                "committee-expert-share",
                zh: "技术、经济等方面的专家不得少于成员总数的\(rule.expertShareNumerator)/\(rule.expertShareDenominator)，现为\(experts)/\(count)",
                en: "Experts must be at least \(rule.expertShareNumerator)/\(rule.expertShareDenominator) of the members, found \(experts) of \(count)",
                article: rule.article
            )
        }
        for member in self.members {
            if case .expert(let selection) = member.role, case .appointed(let reason) = selection,
                reason.trimmingCharacters(in: .whitespaces).isEmpty
            {
                throw .invalid(
                    "committee-appointment-reason", zh: "直接确定的专家\(member.name)须说明理由", en: "Expert \(member.name) was appointed without a reason",
                    article: "条例47"
                )
            }
        }
    }
}

/// 评标委员会成员 — one member of a committee.
public struct CommitteeMember: Sendable, Codable, Equatable {
    /// Expert or party identifier.
    public var id: String
    /// Name, as on the signed report.
    public var name: String
    /// Expert or representative.
    public var role: Role

    /// Creates a ``CommitteeMember`` from its fields.
    public init(id: String, name: String, role: Role) {
        self.id = id
        self.name = name
        self.role = role
    }

    /// Whether the member sits as an expert or represents the tenderer or purchaser.
    public enum Role: Sendable, Codable, Equatable {
        /// An expert from the pool.
        case expert(ExpertSelection)
        /// 招标人/采购人代表 — the tenderer's or purchaser's representative.
        case representative

        /// Whether the role is an expert.
        public var isExpert: Bool {
            if case .expert = self { return true }
            return false
        }
    }

    /// How an expert came onto the committee.
    public enum ExpertSelection: Sendable, Codable, Equatable {
        /// Drawn at random (法37; 条例46), with the draw's id for its bundle.
        case drawn(drawID: String)
        /// Appointed directly where a drawn expert could not be competent (条例47), with the reason.
        case appointed(reason: String)
    }
}
