import Foundation

/// The checks of shared/RULES.md that the tender lifecycle enforces, each naming its article.
public enum StatutoryChecks {
    /// 法24 / 采法35: documents issued → bid deadline ≥ the minimum period; 条例16 / 87§18: documents available ≥ the minimum.
    public static func schedule(_ schedule: TenderSchedule, rules: ProcedureRules, calendar: TradingCalendar) throws(TradingError) {
        guard schedule.bidDeadline > schedule.documentsFrom else {
            throw .invalid("deadline-in-past", zh: "投标截止时间必须晚于公告发布时间", en: "The bid deadline must be after the notice is published")
        }
        guard schedule.documentsUntil > schedule.documentsFrom, schedule.documentsUntil <= schedule.bidDeadline else {
            throw .invalid(
                "document-period-order", zh: "招标文件获取截止时间应晚于发布时间且不晚于投标截止时间",
                en: "The document period must end after publication and no later than the bid deadline"
            )
        }
        if !calendar.periodHolds(from: schedule.documentsFrom, to: schedule.bidDeadline, atLeast: rules.minBidPeriod, rules.minBidPeriodUnit) {
            let earliest = calendar.lastDay(of: rules.minBidPeriod, rules.minBidPeriodUnit, from: LocalDate(schedule.documentsFrom))
            throw .invalid(
                "bid-period-too-short",
                zh: "自招标文件发出之日起至投标截止之日止不得少于\(rules.minBidPeriod)\(rules.minBidPeriodUnit.nameZh)，投标截止最早为\(earliest)",
                en: "At least \(rules.minBidPeriod) \(rules.minBidPeriodUnit.nameEn) must pass from issuing the documents to the bid deadline; the earliest deadline is \(earliest)",
                article: "法24"
            )
        }
        if !calendar.periodHolds(from: schedule.documentsFrom, to: schedule.documentsUntil, atLeast: rules.minDocumentPeriod, rules.minDocumentPeriodUnit) {
            let earliest = calendar.lastDay(of: rules.minDocumentPeriod, rules.minDocumentPeriodUnit, from: LocalDate(schedule.documentsFrom))
            throw .invalid(
                "document-period-too-short",
                zh: "招标文件发售期不得少于\(rules.minDocumentPeriod)\(rules.minDocumentPeriodUnit.nameZh)，最早截止于\(earliest)",
                en: "Documents must be available for at least \(rules.minDocumentPeriod) \(rules.minDocumentPeriodUnit.nameEn); the earliest end is \(earliest)",
                article: "条例16"
            )
        }
    }

    /// 条例26 / 采条33: deposit ≤ 2 % of the estimate (construction also ≤ 800,000 yuan); never negative.
    public static func deposit(_ deposit: Money, estimate: Money, rules: ProcedureRules) throws(TradingError) {
        guard estimate.fen > 0 else {
            throw .invalid("estimate-not-positive", zh: "估算价/预算金额必须大于0", en: "The estimate or budget must be greater than zero")
        }
        guard deposit.fen >= 0 else {
            throw .invalid("deposit-negative", zh: "投标保证金不能为负数", en: "The bid deposit cannot be negative")
        }
        let cap = rules.depositCap(estimate: estimate)
        guard deposit <= cap else {
            throw .invalid(
                "deposit-over-cap",
                zh: "投标保证金\(deposit.yuanText)元超过上限\(cap.yuanText)元（估算价的\(Double(rules.depositCapBasisPoints) / 100)%\(rules.depositCapFen.map { "且不超过\(Money(fen: $0).yuanText)元" } ?? "")）",
                en: "The bid deposit \(deposit.yuanText) yuan exceeds the cap of \(cap.yuanText) yuan",
                article: "条例26"
            )
        }
    }

    /// 条例21: a clarification that affects bids less than the lead days before the deadline moves the deadline.
    /// Returns the new deadline, or nil when it stays.
    public static func clarificationDeadline(
        current: Date, clarifiedAt: Date, affectsBids: Bool, rules: ProcedureRules, calendar: TradingCalendar
    ) -> Date? {
        guard affectsBids, rules.clarificationLeadDays > 0 else { return nil }
        if calendar.periodHolds(from: clarifiedAt, to: current, atLeast: rules.clarificationLeadDays, .days) { return nil }
        let lastDay = calendar.lastDay(of: rules.clarificationLeadDays, .days, from: LocalDate(clarifiedAt))
        let timeOfDay = current.timeIntervalSince(LocalDate(current).startInstant)
        return lastDay.startInstant.addingTimeInterval(timeOfDay)
    }

    /// 条例53: 1…max candidates, ranked 1, 2, 3 without gaps, each a different bid.
    public static func ranking(_ candidates: [TenderCandidate], rules: ProcedureRules) throws(TradingError) {
        guard !candidates.isEmpty, candidates.count <= rules.maxCandidates else {
            throw .invalid(
                "candidate-count", zh: "中标候选人应为1至\(rules.maxCandidates)名", en: "Between 1 and \(rules.maxCandidates) candidates are required", article: "条例53"
            )
        }
        guard candidates.map(\.rank).sorted() == Array(1...candidates.count) else {
            throw .invalid("candidate-ranks", zh: "候选人排名应从1开始连续编号", en: "Candidate ranks must be 1, 2, 3 … without gaps", article: "条例53")
        }
        guard Set(candidates.map(\.bidID)).count == candidates.count, Set(candidates.map(\.partyID)).count == candidates.count else {
            throw .invalid("candidate-duplicate", zh: "同一投标人不能重复列为候选人", en: "A bidder can be a candidate only once")
        }
    }

    /// 条例54: candidate publicity lasts at least the minimum number of days.
    public static func publicity(from start: Date, until end: Date, rules: ProcedureRules, calendar: TradingCalendar) throws(TradingError) {
        guard end >= start, calendar.periodHolds(from: start, to: end, atLeast: rules.publicityMinDays, .days) || rules.publicityMinDays == 0 else {
            let earliest = calendar.lastDay(of: rules.publicityMinDays, .days, from: LocalDate(start))
            throw .invalid(
                "publicity-too-short", zh: "中标候选人公示期不得少于\(rules.publicityMinDays)日，最早结束于\(earliest)",
                en: "Candidate publicity must last at least \(rules.publicityMinDays) days; the earliest end is \(earliest)", article: "条例54"
            )
        }
    }

    static func afterDeadline(now: Date) -> TradingError {
        .conflict(
            "after-deadline", zh: "已过投标截止时间（服务器时间\(Self.localText(now))），不再接受投标文件",
            en: "The bid deadline has passed (server time \(Self.localText(now))); bids are refused", article: "法34"
        )
    }

    /// `2026-11-23 14:05:00` in Asia/Shanghai.
    public static func localText(_ instant: Date) -> String {
        let parts = TradingCalendar.gregorian.dateComponents([.year, .month, .day, .hour, .minute, .second], from: instant)
        return String(format: "%04d-%02d-%02d %02d:%02d:%02d", parts.year!, parts.month!, parts.day!, parts.hour!, parts.minute!, parts.second!)
    }
}
