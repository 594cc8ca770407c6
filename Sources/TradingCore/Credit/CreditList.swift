import Foundation

/// 失信联合惩戒名单 — a list of parties under joint punishment for broken trust, as the platform holds it.
/// Reading list files is I/O and lives in the CLI and server; ``CreditListDecoder`` turns their rows into entries.
public struct CreditList: Sendable, Codable, Equatable {
    /// Stable identifier of the list on this platform, e.g. `court-2026-11`.
    public var id: String
    /// Which kind of list it is; the policy decides consequences by kind.
    public var kind: CreditListKind
    /// Who publishes it, e.g. 最高人民法院 or 中国政府采购网.
    public var publisher: String
    /// The entries.
    public var entries: [CreditListEntry]

    /// A list of `kind` published by `publisher`.
    public init(id: String, kind: CreditListKind, publisher: String, entries: [CreditListEntry]) {
        self.id = id
        self.kind = kind
        self.publisher = publisher
        self.entries = entries
    }
}

/// The kinds of list the platform checks.
public enum CreditListKind: String, Sendable, Codable, CaseIterable {
    /// 失信被执行人 — judgment defaulters published by the courts (法〔2016〕285号 restricts their bidding).
    case judgmentDefaulters = "judgment-defaulters"
    /// 政府采购严重违法失信名单 — suppliers barred from government procurement for a period (采法77; 采条19).
    case procurementSeriousViolations = "procurement-serious-violations"
    /// 平台名单 — the platform's own list (e.g. parties under investigation); never a legal bar by itself.
    case platform

    /// The name shown to users in Chinese.
    public var nameZh: String {
        switch self {
        case .judgmentDefaulters: "失信被执行人名单"
        case .procurementSeriousViolations: "政府采购严重违法失信名单"
        case .platform: "平台信用名单"
        }
    }

    /// The name shown to users in English.
    public var nameEn: String {
        switch self {
        case .judgmentDefaulters: "the list of judgment defaulters"
        case .procurementSeriousViolations: "the government procurement list of serious violations"
        case .platform: "the platform's credit list"
        }
    }
}

/// One entry of a credit list: a party named by credit code and/or name, why it is listed and for how long.
public struct CreditListEntry: Sendable, Codable, Equatable {
    /// The unified social credit code, normalised (trimmed, upper case); nil when the list gives none.
    public var creditCode: String?
    /// Whether the code passes its check characters; a failing code is kept and flagged (RULES.md).
    public var creditCodeChecked: CreditCode.Verdict?
    /// The name as listed, trimmed.
    public var name: String?
    /// Why the party is listed.
    public var reason: String
    /// First day the entry applies (Beijing date).
    public var start: LocalDate
    /// Last day the entry applies, inclusive; nil while it stands until removed.
    public var end: LocalDate?
    /// Where the entry comes from, e.g. a case or decision number (案号, 文号).
    public var source: String?

    /// An entry; throws when it names no party, its code is malformed, it gives no reason or ends before it starts.
    public init(
        creditCode: String?, name: String?, reason: String, start: LocalDate, end: LocalDate? = nil, source: String? = nil
    ) throws(TradingError) {
        let rawCode = creditCode?.trimmingCharacters(in: .whitespacesAndNewlines) ?? ""
        let trimmedName = name?.trimmingCharacters(in: .whitespacesAndNewlines) ?? ""
        guard !rawCode.isEmpty || !trimmedName.isEmpty else {
            throw .invalid("credit-entry-party", zh: "名单条目应载明统一社会信用代码或名称", en: "A list entry needs a credit code or a name")
        }
        if rawCode.isEmpty {
            self.creditCode = nil
            self.creditCodeChecked = nil
        } else {
            let code = try CreditCode(rawCode)
            self.creditCode = code.text
            self.creditCodeChecked = code.verdict
        }
        self.name = trimmedName.isEmpty ? nil : trimmedName
        let trimmedReason = reason.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !trimmedReason.isEmpty else {
            throw .invalid("credit-entry-reason", zh: "名单条目应载明列入原因", en: "A list entry needs a reason")
        }
        self.reason = trimmedReason
        if let end, end < start {
            throw .invalid("credit-entry-dates", zh: "移出日期\(end)早于列入日期\(start)", en: "The end date \(end) is before the start date \(start)")
        }
        self.start = start
        self.end = end
        let trimmedSource = source?.trimmingCharacters(in: .whitespacesAndNewlines) ?? ""
        self.source = trimmedSource.isEmpty ? nil : trimmedSource
    }

    /// Whether the entry applies on `date`: from its start through its end day inclusive.
    public func applies(on date: LocalDate) -> Bool {
        self.start <= date && self.end.map { date <= $0 } ?? true
    }

    /// How `party` matches this entry, if it does. An entry with a credit code matches only that code
    /// (normalised); an entry without one matches only the exact name (surrounding spaces aside).
    public func match(_ party: CreditParty) -> CreditMatch? {
        if let code = self.creditCode {
            return party.normalisedCreditCode == code ? .creditCode : nil
        }
        if let name = self.name, name == party.normalisedName {
            return .name
        }
        return nil
    }
}

/// The party being checked: a market entity's credit code and/or name.
public struct CreditParty: Sendable, Codable, Equatable {
    /// The credit code as given; normalised for matching.
    public var creditCode: String?
    /// The name as given; only surrounding spaces are ignored.
    public var name: String?

    /// A party with a code and/or a name.
    public init(creditCode: String?, name: String?) {
        self.creditCode = creditCode
        self.name = name
    }

    /// The code trimmed and upper-cased when it is well-formed (18 characters of the code alphabet), else nil:
    /// a malformed code can match no entry.
    public var normalisedCreditCode: String? {
        guard let creditCode else { return nil }
        return try? CreditCode(creditCode).text
    }

    /// The name without surrounding spaces, or nil when empty.
    public var normalisedName: String? {
        let trimmed = self.name?.trimmingCharacters(in: .whitespacesAndNewlines) ?? ""
        return trimmed.isEmpty ? nil : trimmed
    }
}

/// How a party matched an entry.
public enum CreditMatch: String, Sendable, Codable {
    /// By the unified social credit code.
    case creditCode = "credit-code"
    /// By exact name, because the entry gives no credit code.
    case name
}
