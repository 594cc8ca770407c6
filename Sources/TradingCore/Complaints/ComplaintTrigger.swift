import Foundation

/// The event of the procedure a case is filed against; the filing window is counted from it.
public enum ComplaintTrigger: Sendable, Codable, Equatable {
    /// Prequalification documents issued at `issuedAt`; applications are due at `applicationDeadline` (条例22).
    case prequalificationIssued(issuedAt: Date, applicationDeadline: Date)
    /// Tender or procurement documents issued at `issuedAt`; bids are due at `bidDeadline` (条例22).
    case documentsIssued(issuedAt: Date, bidDeadline: Date)
    /// The opening session ran from `start` until `end` (条例44).
    case opening(start: Date, end: Date)
    /// Candidate publicity ran from `start` until `end` (条例54).
    case candidatePublicity(start: Date, end: Date)
    /// The result notice was published at `publishedAt` and its notice period ended at `noticeEnds` (采条53).
    case resultNotice(publishedAt: Date, noticeEnds: Date)
    /// The filer knew or ought to have known of the harm at `knownAt` (采法52, 条例60), e.g. when a procedure
    /// step ended (采条53).
    case knowledge(matter: ComplaintMatter, knownAt: Date)

    /// What a case against this event is about.
    public var matter: ComplaintMatter {
        switch self {
        case .prequalificationIssued: .prequalificationDocuments
        case .documentsIssued: .documents
        case .opening: .opening
        case .candidatePublicity: .candidates
        case .resultNotice: .result
        case .knowledge(let matter, _): matter
        }
    }

    /// When the filer knew of the event: when it started, or for a result notice when it was published or, with
    /// `resultKnownAtNoticeEnd` (采条53), when its notice period ended.
    public func knownAt(resultKnownAtNoticeEnd: Bool) -> Date {
        switch self {
        case .prequalificationIssued(let issuedAt, _), .documentsIssued(let issuedAt, _): issuedAt
        case .opening(let start, _), .candidatePublicity(let start, _): start
        case .resultNotice(let publishedAt, let noticeEnds): resultKnownAtNoticeEnd ? noticeEnds.addingTimeInterval(-1) : publishedAt
        case .knowledge(_, let knownAt): knownAt
        }
    }
}

/// 提出期限 — when a case may be filed: from `opensAt` (if any) until `closesAt` (exclusive).
public struct FilingWindow: Sendable, Codable, Equatable {
    /// The earliest instant of filing; nil when there is none.
    public var opensAt: Date?
    /// Filings from this instant on are late.
    public var closesAt: Date
    /// The last day of filing, when the window ends at 24:00 of a day.
    public var lastDay: LocalDate?
    /// The article that sets the window.
    public var article: String

    /// A window from `opensAt` until `closesAt`.
    public init(opensAt: Date?, closesAt: Date, lastDay: LocalDate?, article: String) {
        self.opensAt = opensAt
        self.closesAt = closesAt
        self.lastDay = lastDay
        self.article = article
    }

    /// A window that ends at 24:00 of `lastDay`.
    init(opensAt: Date?, lastDay: LocalDate, article: String) {
        self.init(opensAt: opensAt, closesAt: lastDay.endInstant, lastDay: lastDay, article: article)
    }

    /// Why a filing at `instant` is not admissible on time grounds, or nil when it is in the window.
    public func refusal(at instant: Date) -> Inadmissibility? {
        if let opensAt = self.opensAt, instant < opensAt {
            return .tooEarly(opensAt: opensAt, article: self.article)
        }
        if instant >= self.closesAt {
            return .late(closesAt: self.closesAt, lastDay: self.lastDay, article: self.article)
        }
        return nil
    }

    /// The window for a case filed directly against `trigger` under `rules`.
    public static func direct(_ trigger: ComplaintTrigger, rules: ComplaintRules, calendar: TradingCalendar) throws(TradingError) -> FilingWindow {
        switch rules.filingClock {
        case .procedureWindows(let documentsLead, let prequalificationLead):
            switch trigger {
            case .prequalificationIssued(let issuedAt, let deadline):
                return FilingWindow(opensAt: issuedAt, lastDay: LocalDate(deadline).adding(days: -prequalificationLead.count), article: prequalificationLead.article)
            case .documentsIssued(let issuedAt, let deadline):
                return FilingWindow(opensAt: issuedAt, lastDay: LocalDate(deadline).adding(days: -documentsLead.count), article: documentsLead.article)
            case .opening(let start, let end):
                return FilingWindow(opensAt: start, closesAt: end, lastDay: nil, article: "条例44")
            case .candidatePublicity(let start, let end):
                return FilingWindow(opensAt: start, closesAt: end, lastDay: LocalDate.lastDay(endingAt: end), article: "条例54")
            case .resultNotice, .knowledge:
                throw .invalid(
                    "objection-matter",
                    zh: "异议只能针对资格预审文件、招标文件、开标或评标结果提出（条例22、44、54）；其他事项可依法投诉（条例60）",
                    en: "An objection can only be raised against prequalification or tender documents, the opening or the evaluation result (条例22, 44, 54); other matters go to a complaint (条例60)",
                    article: "条例22"
                )
            }
        case .afterKnowing(let period, let resultKnownAtNoticeEnd):
            let knownAt = trigger.knownAt(resultKnownAtNoticeEnd: resultKnownAtNoticeEnd)
            return FilingWindow(opensAt: nil, lastDay: period.lastDay(from: knownAt, calendar: calendar), article: period.article)
        case .afterPriorAnswerPeriod(let period):
            // Without a prior case the filing is refused for that reason (PriorCaseRule); the window counts from knowing.
            let knownAt = trigger.knownAt(resultKnownAtNoticeEnd: false)
            return FilingWindow(opensAt: nil, lastDay: period.lastDay(from: knownAt, calendar: calendar), article: period.article)
        }
    }
}

/// 不予受理的理由 — why a case is not admissible.
public enum Inadmissibility: Sendable, Codable, Equatable {
    /// Filed before the window opened (e.g. an objection to candidates before their publicity, 条例54).
    case tooEarly(opensAt: Date, article: String)
    /// Filed after the window closed.
    case late(closesAt: Date, lastDay: LocalDate?, article: String)
    /// A case of `kind` had to come first (条例60: objection first; 采法55: challenge first).
    case priorCaseRequired(kind: ComplaintKind, article: String)
    /// Another reason the deciding body gives (e.g. not an interested party, no clear request or evidence).
    case other(reasonZh: String, reasonEn: String)

    /// The article the refusal rests on, when there is one.
    public var article: String? {
        switch self {
        case .tooEarly(_, let article), .late(_, _, let article), .priorCaseRequired(_, let article): article
        case .other: nil
        }
    }

    /// The reason in Chinese.
    public var zh: String {
        switch self {
        case .tooEarly(let opensAt, let article):
            "提出时间早于可提出之时（\(StatutoryChecks.localText(opensAt))，\(article)）"
        case .late(let closesAt, let lastDay, let article):
            "已超过提出期限（\(lastDay.map { "最后一日为\($0)" } ?? "截止于\(StatutoryChecks.localText(closesAt))")，\(article)）"
        case .priorCaseRequired(let kind, let article):
            "就该事项应当先提出\(kind.nameZh)（\(article)）"
        case .other(let reasonZh, _):
            reasonZh
        }
    }

    /// The reason in English.
    public var en: String {
        switch self {
        case .tooEarly(let opensAt, let article):
            "Filed before the window opens at \(StatutoryChecks.localText(opensAt)) (\(article))"
        case .late(let closesAt, let lastDay, let article):
            "Filed too late: \(lastDay.map { "the last day was \($0)" } ?? "the window closed at \(StatutoryChecks.localText(closesAt))") (\(article))"
        case .priorCaseRequired(let kind, let article):
            "A prior \(kind.nameEn) is required on this matter (\(article))"
        case .other(_, let reasonEn):
            reasonEn
        }
    }
}
