import Foundation

extension ComplaintCase {
    /// Files a case of `kind` against `trigger` at server time `now` under `rules` (the kind's statutory defaults
    /// when nil). A filing outside its window, or one that needs a prior case (条例60, 采法55), comes back
    /// rejected with the reason; an admissible objection pauses the procedure at once (条例22, 54).
    /// Throws only for a malformed filing (no request, a trigger the kind cannot take, rules of another kind).
    ///
    /// `priorCaseID` names a prior case kept elsewhere — an objection raised in the opening session
    /// (``OpeningObjection``, 条例44) or one made on paper — for a complaint that must follow one (条例60); the
    /// server checks that it exists. A prior ``ComplaintCase`` is better escalated with ``escalate(filing:knownAt:now:calendar:rules:)``,
    /// which also leaves its answer period out of the count.
    public static func file(
        _ kind: ComplaintKind, filing: ComplaintFiling, trigger: ComplaintTrigger, now: Date,
        calendar: TradingCalendar, rules: ComplaintRules? = nil, priorCaseID: String? = nil
    ) throws(TradingError) -> (opened: ComplaintCase, effects: [ComplaintEffect]) {
        let rules = rules ?? .standard(for: kind)
        try Self.check(filing, kind: kind, rules: rules)
        let window = try FilingWindow.direct(trigger, rules: rules, calendar: calendar)
        return Self.open(kind, filing: filing, trigger: trigger, window: window, rules: rules, precedingCaseID: priorCaseID, now: now, calendar: calendar)
    }

    /// Escalates this objection or challenge, answered unsatisfactorily or not answered in time, to a complaint
    /// (条例60; 采法55) filed at `now` by the same filer on the same lot. The window of a complaint counts from
    /// `knownAt` (default: when this case was filed) without the days this case waited for its answer (条例60);
    /// a procurement complaint's counts from the end of the challenge's answer period (采法55).
    public mutating func escalate(
        filing: ComplaintFiling, knownAt: Date? = nil, now: Date, calendar: TradingCalendar, rules: ComplaintRules? = nil
    ) throws(TradingError) -> (opened: ComplaintCase, effects: [ComplaintEffect]) {
        guard let target = self.kind.escalatesTo else {
            throw .invalid("no-escalation", zh: "\(self.kind.nameZh)不能再升级为投诉", en: "A \(self.kind.nameEn) cannot be escalated")
        }
        guard self.escalatedTo == nil else {
            throw .conflict("already-escalated", zh: "该案件已提起投诉", en: "This case was already escalated")
        }
        guard filing.filerID == self.filing.filerID, filing.lotID == self.filing.lotID else {
            throw .invalid(
                "escalation-filer", zh: "只有原\(self.kind.nameZh)人可就同一标段提起投诉", en: "Only the filer of the \(self.kind.nameEn) can escalate it, on the same lot"
            )
        }
        let overdueUnanswered = self.phase == .accepted && self.clockPausedAt == nil && self.responseDue.map { now >= $0.due } == true
        guard let answerDay = self.resolution.map({ LocalDate($0.at) }) ?? (overdueUnanswered ? self.responseDue?.lastDay : nil) else {
            throw .conflict(
                "escalation-early", zh: "\(self.kind.nameZh)尚未答复且答复期限未届满，暂不能投诉",
                en: "The \(self.kind.nameEn) has not been answered and its answer period has not ended yet"
            )
        }
        let rules = rules ?? .standard(for: target)
        try Self.check(filing, kind: target, rules: rules)
        let window: FilingWindow
        switch rules.filingClock {
        case .afterKnowing(let period, _):
            let knownDay = LocalDate(knownAt ?? self.filedAt)
            let excluded = calendar.count(period.unit, after: max(LocalDate(self.filedAt), knownDay), through: answerDay)
            window = FilingWindow(opensAt: nil, lastDay: calendar.lastDay(of: period.count + excluded, period.unit, from: knownDay), article: period.article)
        case .afterPriorAnswerPeriod(let period):
            let answerPeriodEnd = self.responseDue?.lastDay ?? answerDay
            window = FilingWindow(opensAt: nil, lastDay: calendar.lastDay(of: period.count, period.unit, from: answerPeriodEnd), article: period.article)
        case .procedureWindows:
            throw .invalid("complaint-rules", zh: "投诉不适用异议的提出期限", en: "A complaint cannot use the filing windows of an objection")
        }
        let opened = Self.open(target, filing: filing, trigger: self.trigger, window: window, rules: rules, precedingCaseID: self.id, now: now, calendar: calendar)
        self.escalatedTo = filing.caseID
        return opened
    }

    /// The deadlines still open: acceptance, answer or decision, and the longest an ordered pause may last.
    public var pendingDeadlines: [CaseDeadline] {
        var deadlines: [CaseDeadline] = []
        switch self.phase {
        case .filed: deadlines = [self.acceptanceDue, self.responseDue].compactMap { $0 }
        case .accepted: deadlines = [self.responseDue].compactMap { $0 }
        case .rejected, .answered, .decided, .withdrawn, .closed: break
        }
        if self.hold != nil, let suspensionDue = self.suspensionDue { deadlines.append(suspensionDue) }
        return deadlines
    }

    /// 逾期 — the open deadlines that have passed at `now`. A decision deadline whose clock is paused for expert
    /// review (条例61) is not overdue meanwhile.
    public func overdue(at now: Date) -> [CaseDeadline] {
        self.pendingDeadlines.filter { deadline in
            now >= deadline.due && !(self.clockPausedAt != nil && deadline == self.responseDue)
        }
    }

    static func check(_ filing: ComplaintFiling, kind: ComplaintKind, rules: ComplaintRules) throws(TradingError) {
        guard rules.kind == kind else {
            throw .invalid("complaint-rules", zh: "规则适用于\(rules.kind.nameZh)而非\(kind.nameZh)", en: "The rules are for a \(rules.kind.nameEn), not a \(kind.nameEn)")
        }
        try rules.validate()
        for (name, value) in [("caseID", filing.caseID), ("lotID", filing.lotID), ("filerID", filing.filerID)] where value.isEmpty {
            throw .invalid("complaint-filing", zh: "缺少\(name)", en: "\(name) is missing")
        }
        guard !filing.request.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else {
            throw .invalid("complaint-request", zh: "\(kind.nameZh)应当有明确的请求", en: "A \(kind.nameEn) needs a clear request", article: "条例60")
        }
    }

    static func open(
        _ kind: ComplaintKind, filing: ComplaintFiling, trigger: ComplaintTrigger, window: FilingWindow,
        rules: ComplaintRules, precedingCaseID: String?, now: Date, calendar: TradingCalendar
    ) -> (opened: ComplaintCase, effects: [ComplaintEffect]) {
        var opened = ComplaintCase(
            kind: kind, filing: filing, trigger: trigger, window: window, rules: rules, precedingCaseID: precedingCaseID, filedAt: now
        )
        let missingPrior = precedingCaseID == nil ? rules.priorCase.requirement(for: opened.matter) : nil
        if let refusal = window.refusal(at: now) ?? missingPrior.map({ Inadmissibility.priorCaseRequired(kind: $0.kind, article: $0.article) }) {
            opened.phase = .rejected
            opened.inadmissibility = refusal
            return (opened, [.rejected(refusal)])
        }
        var effects: [ComplaintEffect] = []
        if let period = rules.acceptancePeriod {
            let due = CaseDeadline(duty: .accept, lastDay: period.lastDay(from: now, calendar: calendar), article: period.article)
            opened.acceptanceDue = due
            effects.append(.watch(due))
        } else {
            opened.phase = .accepted
            opened.acceptedAt = now
        }
        if rules.responseClock == .filing {
            let due = opened.responseDeadline(from: now, calendar: calendar)
            opened.responseDue = due
            effects.append(.watch(due))
        }
        if rules.suspension == .untilAnswered, !rules.answeredOnTheSpot.contains(opened.matter) {
            let hold = ProcedureHold(caseID: opened.id, lotID: filing.lotID, from: opened.matter.heldStep, article: window.article, since: now)
            opened.hold = hold
            effects.append(.suspendProcedure(hold))
        }
        return (opened, effects)
    }
}
