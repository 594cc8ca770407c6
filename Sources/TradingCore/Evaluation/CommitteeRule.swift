/// 评标委员会组成规则 — how large an evaluation committee or review panel must be, and how many of its
/// members must be experts (the rest are the purchaser's or tenderer's representatives).
///
/// Procedures are data: a catalog entry can carry its own rule; the statutory ones are below (RULES.md).
public struct CommitteeRule: Sendable, Codable, Equatable {
    /// Fewest members.
    public var minimumMembers: Int
    /// Whether the number of members must be odd.
    public var oddMembers: Bool
    /// Experts must be at least `expertShareNumerator / expertShareDenominator` of all members (2/3).
    public var expertShareNumerator: Int
    /// The denominator of the experts' least share.
    public var expertShareDenominator: Int
    /// At or above this budget (fen) the larger minimum applies.
    public var largeBudgetFen: Int64?
    /// The minimum for budgets at or above ``largeBudgetFen``.
    public var largeBudgetMinimumMembers: Int?
    /// The article the rule comes from.
    public var article: String

    /// Creates a ``CommitteeRule`` from its fields.
    public init(
        minimumMembers: Int, oddMembers: Bool = true, expertShareNumerator: Int = 2, expertShareDenominator: Int = 3,
        largeBudgetFen: Int64? = nil, largeBudgetMinimumMembers: Int? = nil, article: String
    ) {
        self.minimumMembers = minimumMembers
        self.oddMembers = oddMembers
        self.expertShareNumerator = expertShareNumerator
        self.expertShareDenominator = expertShareDenominator
        self.largeBudgetFen = largeBudgetFen
        self.largeBudgetMinimumMembers = largeBudgetMinimumMembers
        self.article = article
    }

    /// Engineering tender committee: odd, ≥ 5, experts ≥ 2/3 (法37).
    public static let engineeringTender = CommitteeRule(minimumMembers: 5, article: "法37")

    /// Procurement tender committee: odd, ≥ 5, experts ≥ 2/3; ≥ 7 when the budget is ≥ 10 M yuan (87§47).
    public static let procurementTender = CommitteeRule(
        minimumMembers: 5, largeBudgetFen: 10_000_000 * 100, largeBudgetMinimumMembers: 7, article: "87§47"
    )

    /// Negotiation, inquiry or consultation panel (谈判小组/询价小组/磋商小组): odd, ≥ 3, experts ≥ 2/3
    /// (采法38, 40; 74§7).
    public static let procurementPanel = CommitteeRule(minimumMembers: 3, article: "采法38,40; 74§7")

    /// The minimum number of members for a project with this budget (and 87§47's other grounds for
    /// seven: technically complex or of wide social impact, when `largeProject` says so).
    public func minimumMembers(budget: Money?, largeProject: Bool = false) -> Int {
        guard let large = self.largeBudgetMinimumMembers else { return self.minimumMembers }
        if largeProject { return max(self.minimumMembers, large) }
        if let threshold = self.largeBudgetFen, let budget, budget.fen >= threshold { return max(self.minimumMembers, large) }
        return self.minimumMembers
    }
}
