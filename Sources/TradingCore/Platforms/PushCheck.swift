import Foundation

/// 数据质量校验 — checks one pushed item for completeness (the fields its kind requires), validity (credit codes,
/// amounts, dates, trading type, region, the referenced project) and timeliness (published within the disclosure
/// catalog's period after the step it discloses). Pure: the caller supplies what the database knows.
public struct PushCheck: Sendable {
    /// What the check needs to know about the pushing platform and the database.
    public struct Context: Sendable {
        /// Trading types the platform is registered for (each also a catalog trading type).
        public var tradingTypes: Set<String>
        /// The platform's region: an item's region must be it or lie within it (start with it).
        public var region: String
        /// Project codes the platform has pushed a notice for (results and deals must reference one).
        public var knownProjects: Set<String>
        /// The server's receipt time of the push.
        public var receivedAt: Date
        /// The disclosure catalog whose periods time the items.
        public var catalog: DisclosureCatalog
        /// The trading calendar (working days, holidays).
        public var calendar: TradingCalendar

        /// The context of one push.
        public init(tradingTypes: Set<String>, region: String, knownProjects: Set<String>, receivedAt: Date, catalog: DisclosureCatalog, calendar: TradingCalendar) {
            self.tradingTypes = tradingTypes
            self.region = region
            self.knownProjects = knownProjects
            self.receivedAt = receivedAt
            self.catalog = catalog
            self.calendar = calendar
        }
    }

    /// The three aspects of data quality.
    public enum Aspect: String, Sendable, Codable {
        case completeness, validity, timeliness
    }

    /// One finding about an item; `refuses` findings keep the item out, the others are recorded.
    public struct Finding: Sendable, Codable, Equatable {
        /// Which aspect of quality the finding concerns.
        public var aspect: Aspect
        /// The item field concerned (dotted for parties, e.g. `tenderer.creditCode`).
        public var field: String
        /// A stable machine-readable code, e.g. `missing-field`.
        public var code: String
        /// The finding in Chinese.
        public var zh: String
        /// The finding in English.
        public var en: String
        /// True when the finding keeps the item out.
        public var refuses: Bool

        /// A finding.
        public init(aspect: Aspect, field: String, code: String, zh: String, en: String, refuses: Bool) {
            self.aspect = aspect
            self.field = field
            self.code = code
            self.zh = zh
            self.en = en
            self.refuses = refuses
        }
    }

    /// The verdict on one item.
    public struct Verdict: Sendable, Equatable {
        /// Every finding, in check order.
        public var findings: [Finding] = []
        /// The disclosure duty the item was timed against (nil: the catalog has none for it).
        public var duty: String?
        /// When that duty fell due.
        public var dueAt: Date?

        /// No required field is missing.
        public var complete: Bool { !self.findings.contains { $0.aspect == .completeness } }
        /// No refusing validity finding.
        public var valid: Bool { !self.findings.contains { $0.aspect == .validity && $0.refuses } }
        /// nil when timeliness could not be judged (no duty, or the dates are missing or invalid).
        public var timely: Bool? {
            guard self.dueAt != nil else { return nil }
            return !self.findings.contains { $0.aspect == .timeliness }
        }
        /// Nothing refuses the item.
        public var accepted: Bool { !self.findings.contains(where: \.refuses) }
    }

    /// What is pushed.
    public let kind: PushKind
    /// What the check knows about the platform and the database.
    public let context: Context

    /// A check of items of `kind` in `context`.
    public init(kind: PushKind, context: Context) {
        self.kind = kind
        self.context = context
    }

    /// The fields an item of this kind must carry (notices of kind `announcement` also need their budget).
    public func requiredFields(_ item: PushedItem) -> [String] {
        switch self.kind {
        case .notices:
            let base = ["id", "projectCode", "noticeKind", "title", "body", "tradingType", "region", "tenderer.name", "tenderer.creditCode", "eventAt", "publishedAt"]
            return item.noticeKind == NoticeKind.announcement.rawValue ? base + ["projectTitle", "amountFen"] : base
        case .results:
            return ["id", "projectCode", "title", "tradingType", "region", "winner.name", "winner.creditCode", "amountFen", "eventAt", "publishedAt"]
        case .deals:
            return ["id", "projectCode", "tradingType", "region", "tenderer.name", "tenderer.creditCode", "winner.name", "winner.creditCode", "amountFen", "eventAt", "publishedAt"]
        }
    }

    /// Checks `item`.
    public func check(_ item: PushedItem) -> Verdict {
        var verdict = Verdict()
        for field in self.requiredFields(item) where Self.isMissing(field, in: item) {
            verdict.findings.append(Finding(
                aspect: .completeness, field: field, code: "missing-field", zh: "缺少必填字段 \(field)", en: "The required field \(field) is missing", refuses: true
            ))
        }
        verdict.findings += self.validity(item)
        self.timeliness(item, into: &verdict)
        return verdict
    }

    static func isMissing(_ field: String, in item: PushedItem) -> Bool {
        let text: String? = switch field {
        case "id": item.id
        case "projectCode": item.projectCode
        case "projectTitle": item.projectTitle
        case "noticeKind": item.noticeKind
        case "title": item.title
        case "body": item.body
        case "tradingType": item.tradingType
        case "region": item.region
        case "tenderer.name": item.tenderer?.name
        case "tenderer.creditCode": item.tenderer?.creditCode
        case "winner.name": item.winner?.name
        case "winner.creditCode": item.winner?.creditCode
        case "amountFen": item.amountFen.map(String.init)
        case "eventAt": item.eventAt
        case "publishedAt": item.publishedAt
        default: nil
        }
        return (text ?? "").trimmingCharacters(in: .whitespacesAndNewlines).isEmpty
    }
}
