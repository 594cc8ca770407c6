/// 失信联合惩戒核查 — checks a party against the credit lists at a checkpoint of a procedure.
///
/// Matching: an entry that gives a credit code matches only that code, normalised (trimmed, upper case; a party
/// code that is not 18 characters of the code alphabet matches nothing). Only an entry that gives no code is
/// matched by name, and then by the exact name (surrounding spaces aside; no fuzzy matching, so 全角/半角
/// brackets differ). An entry applies from its start day through its end day inclusive.
public enum CreditCheck {
    /// The findings for `party` at `checkpoint` on `date`: one per applying entry that matches, with the
    /// consequence `policy` gives its list, strongest first. Matches the policy ignores are not reported.
    public static func check(
        party: CreditParty, at checkpoint: CreditCheckpoint, on date: LocalDate, lists: [CreditList], policy: CreditPolicy
    ) -> [CreditFinding] {
        var findings: [CreditFinding] = []
        for list in lists {
            let consequence = policy.consequence(for: list, at: checkpoint)
            guard consequence != .ignore else { continue }
            for entry in list.entries where entry.applies(on: date) {
                guard let match = entry.match(party) else { continue }
                findings.append(CreditFinding(list: list, entry: entry, checkpoint: checkpoint, consequence: consequence, matchedBy: match))
            }
        }
        return findings.enumerated().sorted { ($0.element.consequence, -$0.offset) > ($1.element.consequence, -$1.offset) }.map(\.element)
    }

    /// The same check with the party given as a (credit code, name) pair.
    public static func check(
        party: (creditCode: String?, name: String?), at checkpoint: CreditCheckpoint, on date: LocalDate, lists: [CreditList], policy: CreditPolicy
    ) -> [CreditFinding] {
        Self.check(party: CreditParty(creditCode: party.creditCode, name: party.name), at: checkpoint, on: date, lists: lists, policy: policy)
    }

    /// The strongest consequence among `findings`: ``CreditConsequence/ignore`` when there are none.
    public static func verdict(_ findings: [CreditFinding]) -> CreditConsequence {
        findings.map(\.consequence).max() ?? .ignore
    }
}

/// One match of a party on a credit list, with what it leads to and a message naming the list and the reason.
public struct CreditFinding: Sendable, Codable, Equatable {
    /// The list's id.
    public var listID: String
    /// The list's kind.
    public var listKind: CreditListKind
    /// Who publishes the list.
    public var publisher: String
    /// The entry that matched.
    public var entry: CreditListEntry
    /// Where the check was made.
    public var checkpoint: CreditCheckpoint
    /// What the match leads to.
    public var consequence: CreditConsequence
    /// By credit code, or by exact name because the entry gives no code.
    public var matchedBy: CreditMatch

    /// A finding of `entry` on `list`.
    public init(list: CreditList, entry: CreditListEntry, checkpoint: CreditCheckpoint, consequence: CreditConsequence, matchedBy: CreditMatch) {
        self.listID = list.id
        self.listKind = list.kind
        self.publisher = list.publisher
        self.entry = entry
        self.checkpoint = checkpoint
        self.consequence = consequence
        self.matchedBy = matchedBy
    }

    /// The message in Chinese, e.g. "列入失信被执行人名单（最高人民法院；2026-01-05起；原因：…），在投标环节提示人工核查".
    public var zh: String {
        let period = self.entry.end.map { "\(self.entry.start)至\($0)" } ?? "\(self.entry.start)起"
        let source = self.entry.source.map { "；来源：\($0)" } ?? ""
        let how = self.matchedBy == .name ? "；名单未载统一社会信用代码，按名称完全一致匹配" : ""
        return "列入\(self.listKind.nameZh)（\(self.publisher)；\(period)；原因：\(self.entry.reason)\(source)\(how)），在\(self.checkpoint.nameZh)环节\(self.consequence.nameZh)"
    }

    /// The message in English; the reason is quoted as the list gives it.
    public var en: String {
        let period = self.entry.end.map { "\(self.entry.start) to \($0)" } ?? "from \(self.entry.start)"
        let source = self.entry.source.map { "; source: \($0)" } ?? ""
        let how = self.matchedBy == .name ? "; matched by exact name because the list gives no credit code" : ""
        return "On \(self.listKind.nameEn) (\(self.publisher); \(period); reason: \(self.entry.reason)\(source)\(how)): \(self.consequence.nameEn) at \(self.checkpoint.nameEn)"
    }
}
