import Foundation

/// 异议、质疑与投诉案件 — one objection, challenge or complaint as a pure state machine:
/// `handle(event, now, calendar) -> [effect]`, with the statutory windows, deadlines and pauses of its
/// ``ComplaintRules``.
///
/// filed → accepted | rejected → answered | decided → closed, or withdrawn before the answer or decision.
/// An objection or challenge filed in its window is accepted at once (the law gives it no acceptance step); a
/// complaint waits for the supervisor to accept it (条例61). A filing outside its window, or without the prior
/// case the law requires, is rejected at once and never pauses the procedure.
public struct ComplaintCase: Sendable, Codable, Equatable {
    /// Objection, challenge or complaint.
    public let kind: ComplaintKind
    /// What the case is about.
    public let matter: ComplaintMatter
    /// What the filer submitted.
    public let filing: ComplaintFiling
    /// The rules in force when the case was filed.
    public let rules: ComplaintRules
    /// The event of the procedure the case is filed against.
    public let trigger: ComplaintTrigger
    /// Server receipt time of the filing: the legal time of the case.
    public let filedAt: Date
    /// The window the filing was checked against.
    public let window: FilingWindow
    /// The objection or challenge this complaint escalates, if any.
    public let precedingCaseID: String?
    /// Where the case stands.
    public internal(set) var phase: ComplaintPhase
    /// Why the case was not admitted, when it was rejected.
    public internal(set) var inadmissibility: Inadmissibility?
    /// When the case was accepted.
    public internal(set) var acceptedAt: Date?
    /// The answer or decision.
    public internal(set) var resolution: ComplaintResolution?
    /// The acceptance deadline (条例61), for kinds with an acceptance step.
    public internal(set) var acceptanceDue: CaseDeadline?
    /// The answer or decision deadline, once its clock runs.
    public internal(set) var responseDue: CaseDeadline?
    /// The pause this case holds on the procedure, if any.
    public internal(set) var hold: ProcedureHold?
    /// The longest the ordered pause may last (采法57), while there is one.
    public internal(set) var suspensionDue: CaseDeadline?
    /// When testing, appraisal or expert review began, while it runs (条例61).
    public internal(set) var clockPausedAt: Date?
    /// Units of the response period not counted because of testing, appraisal or expert review (条例61).
    public internal(set) var excludedUnits: Int
    /// Duties done after their deadline.
    public internal(set) var lateDuties: [CaseDuty]
    /// The complaint this case was escalated to, if any.
    public internal(set) var escalatedTo: String?

    /// The case number.
    public var id: String { self.filing.caseID }

    init(
        kind: ComplaintKind, filing: ComplaintFiling, trigger: ComplaintTrigger, window: FilingWindow,
        rules: ComplaintRules, precedingCaseID: String?, filedAt: Date
    ) {
        self.kind = kind
        self.matter = trigger.matter
        self.filing = filing
        self.rules = rules
        self.trigger = trigger
        self.filedAt = filedAt
        self.window = window
        self.precedingCaseID = precedingCaseID
        self.phase = .filed
        self.excludedUnits = 0
        self.lateDuties = []
    }

    /// Applies one event at server time `now`, returning what must happen as a result.
    /// Throws a ``TradingError`` when the event is not allowed; the case is then unchanged.
    public mutating func handle(_ event: ComplaintEvent, now: Date, calendar: TradingCalendar) throws(TradingError) -> [ComplaintEffect] {
        var next = self
        let effects = try next.apply(event, now: now, calendar: calendar)
        self = next
        return effects
    }

    private mutating func apply(_ event: ComplaintEvent, now: Date, calendar: TradingCalendar) throws(TradingError) -> [ComplaintEffect] {
        switch event {
        case .accept:
            try self.expect([.filed], for: event)
            var effects = self.finish(self.acceptanceDue, at: now)
            self.phase = .accepted
            self.acceptedAt = now
            if self.rules.responseClock == .acceptance {
                let due = self.responseDeadline(from: now, calendar: calendar)
                self.responseDue = due
                effects.append(.watch(due))
            }
            return effects

        case .reject(let reason):
            try self.expect([.filed], for: event)
            var effects = self.finish(self.acceptanceDue, at: now) + self.releaseHold()
            self.phase = .rejected
            self.inadmissibility = reason
            effects.append(.rejected(reason))
            return effects

        case .answer(let outcome, let reasoning), .decide(let outcome, let reasoning):
            let decides = if case .decide = event { true } else { false }
            guard decides == self.kind.isDecidedBySupervisor else {
                throw .conflict(
                    "wrong-response", zh: "\(self.kind.nameZh)应当\(self.kind.isDecidedBySupervisor ? "由监督部门作出处理决定" : "由招标人或采购人答复")",
                    en: "A \(self.kind.nameEn) is \(self.kind.isDecidedBySupervisor ? "decided by the supervisor" : "answered by the tenderer or purchaser")"
                )
            }
            try self.expect([.accepted], for: event)
            let text = reasoning.trimmingCharacters(in: .whitespacesAndNewlines)
            guard !text.isEmpty else {
                throw .invalid("resolution-reasoning", zh: "答复或处理决定须说明理由", en: "An answer or decision must give its reasoning")
            }
            let effects = self.finish(self.clockPausedAt == nil ? self.responseDue : nil, at: now) + self.releaseHold()
            self.clockPausedAt = nil
            self.resolution = ComplaintResolution(outcome: outcome, reasoning: text, at: now)
            self.phase = decides ? .decided : .answered
            return effects

        case .orderSuspension(let step):
            guard case .onOrder(let article, let limit) = self.rules.suspension else {
                throw .conflict("suspension-not-ordered", zh: "该类案件不能责令暂停", en: "This kind of case cannot order a suspension")
            }
            try self.expect([.filed, .accepted], for: event)
            guard self.hold == nil else {
                throw .conflict("already-suspended", zh: "招标投标活动已暂停", en: "The procedure is already suspended")
            }
            let hold = ProcedureHold(caseID: self.id, lotID: self.filing.lotID, from: step, article: article ?? self.window.article, since: now)
            self.hold = hold
            var effects: [ComplaintEffect] = [.suspendProcedure(hold)]
            if let limit {
                let due = CaseDeadline(duty: .endSuspension, lastDay: limit.lastDay(from: now, calendar: calendar), article: limit.article)
                self.suspensionDue = due
                effects.append(.watch(due))
            }
            return effects

        case .liftSuspension:
            guard case .onOrder = self.rules.suspension, self.hold != nil else {
                throw .conflict("not-suspended", zh: "没有可恢复的暂停令", en: "There is no ordered suspension to lift")
            }
            return self.finish(self.suspensionDue, at: now) + self.releaseHold()

        case .pauseClock(let reasonZh, let reasonEn):
            guard let article = self.rules.excludedTimeArticle else {
                throw .conflict("clock-not-pausable", zh: "该类案件的处理期限不能中止", en: "This kind of case cannot pause its deadline")
            }
            try self.expect([.accepted], for: event)
            guard self.clockPausedAt == nil, self.responseDue != nil, !(reasonZh.isEmpty && reasonEn.isEmpty) else {
                throw .conflict("clock-pause", zh: "处理期限已中止或未说明理由（\(article)）", en: "The clock is already paused, or no reason was given (\(article))")
            }
            self.clockPausedAt = now
            return []

        case .resumeClock:
            guard let pausedAt = self.clockPausedAt, let old = self.responseDue, let start = self.responseStart else {
                throw .conflict("clock-not-paused", zh: "处理期限未中止", en: "The clock is not paused")
            }
            self.excludedUnits += calendar.count(self.rules.responsePeriod.unit, after: LocalDate(pausedAt), through: LocalDate(now))
            self.clockPausedAt = nil
            let moved = self.responseDeadline(from: start, calendar: calendar)
            self.responseDue = moved
            return moved == old ? [] : [.deadlineMoved(from: old, to: moved)]

        case .withdraw:
            try self.expect([.filed, .accepted], for: event)
            self.phase = .withdrawn
            return self.releaseHold()

        case .close:
            try self.expect([.answered, .decided, .rejected], for: event)
            self.phase = .closed
            return []
        }
    }

    /// Where the response clock started: filing or acceptance.
    var responseStart: Date? {
        self.rules.responseClock == .filing ? self.filedAt : self.acceptedAt
    }

    /// The answer or decision deadline for a clock started at `start`, lengthened by the excluded units.
    func responseDeadline(from start: Date, calendar: TradingCalendar) -> CaseDeadline {
        let duty: CaseDuty = self.kind.isDecidedBySupervisor ? .decide : .answer
        if self.rules.answeredOnTheSpot.contains(self.matter) {
            return CaseDeadline(duty: duty, due: self.window.closesAt, article: self.window.article)
        }
        let period = self.rules.responsePeriod
        let article = if case .procedureWindows = self.rules.filingClock { self.window.article } else { period.article }
        return CaseDeadline(duty: duty, lastDay: period.lastDay(from: start, extra: self.excludedUnits, calendar: calendar), article: article)
    }

    /// Records a duty done at `now`: late when at or after its deadline.
    private mutating func finish(_ deadline: CaseDeadline?, at now: Date) -> [ComplaintEffect] {
        guard let deadline, now >= deadline.due else { return [] }
        self.lateDuties.append(deadline.duty)
        return [.doneLate(deadline)]
    }

    /// Lifts this case's pause, if it holds one.
    private mutating func releaseHold() -> [ComplaintEffect] {
        guard let hold = self.hold else { return [] }
        self.hold = nil
        self.suspensionDue = nil
        return [.resumeProcedure(hold)]
    }

    private func expect(_ phases: Set<ComplaintPhase>, for event: ComplaintEvent) throws(TradingError) {
        guard phases.contains(self.phase) else {
            throw .conflict(
                "wrong-state", zh: "\(self.kind.nameZh)处于“\(self.phase.nameZh)”状态，不能\(event.nameZh)",
                en: "Cannot \(event.nameEn) a \(self.kind.nameEn) that is \(self.phase.nameEn)"
            )
        }
    }
}
