import Foundation

/// 招标生命周期 — the lifecycle of one lot from draft to archive, as a pure state machine:
/// `handle(event, now, calendar) -> [effect]`, with every statutory check of shared/RULES.md it owns.
///
/// draft → announced → (clarifications) → bidding closed → opened → evaluation → candidates published
/// → awarded → contract → archived, with 流标 (failed), 终止 (terminated) and re-tender branches.
public struct TenderLifecycle: Sendable, Codable, Equatable {
    public private(set) var phase: TenderPhase
    /// The procedure parameters, copied from the catalog when the project was created.
    public let rules: ProcedureRules
    public private(set) var schedule: TenderSchedule?
    /// 1 for the first tender, 2 after one re-tender (重新招标), and so on.
    public private(set) var attempt: Int
    public private(set) var candidates: [TenderCandidate]
    /// When the evaluation report (the ranking) was recorded.
    public private(set) var reportedAt: Date?
    /// 公示期 — candidate publicity window.
    public private(set) var publicityFrom: Date?
    public private(set) var publicityUntil: Date?
    public private(set) var award: AwardDecision?
    public private(set) var contractSignedAt: Date?
    /// Why the lot failed or was terminated, in Chinese and English.
    public private(set) var closingReasonZh: String?
    public private(set) var closingReasonEn: String?

    public init(rules: ProcedureRules) {
        self.phase = .draft
        self.rules = rules
        self.schedule = nil
        self.attempt = 1
        self.candidates = []
    }

    /// Applies one event at server time `now`, returning what must happen as a result.
    /// Throws a ``TradingError`` naming the rule when the event is not allowed; the state is then unchanged.
    public mutating func handle(_ event: TenderEvent, now: Date, calendar: TradingCalendar) throws(TradingError) -> [TenderEffect] {
        var next = self
        let effects = try next.apply(event, now: now, calendar: calendar)
        self = next
        return effects
    }

    private mutating func apply(_ event: TenderEvent, now: Date, calendar: TradingCalendar) throws(TradingError) -> [TenderEffect] {
        switch event {
        case .announce(let bidDeadline, let documentsUntil, let lots):
            try self.expect([.draft], for: event)
            let schedule = TenderSchedule(documentsFrom: now, documentsUntil: documentsUntil, bidDeadline: bidDeadline)
            try StatutoryChecks.schedule(schedule, rules: self.rules, calendar: calendar)
            for lot in lots {
                try StatutoryChecks.deposit(lot.deposit, estimate: lot.estimate, rules: self.rules)
            }
            self.schedule = schedule
            self.phase = .announced
            return [.publishNotice(.announcement)]

        case .clarify(let affectsBids):
            try self.expect([.announced], for: event)
            guard var schedule = self.schedule, now < schedule.bidDeadline else {
                throw StatutoryChecks.afterDeadline(now: now)
            }
            var effects: [TenderEffect] = [.publishNotice(.clarification)]
            if let moved = StatutoryChecks.clarificationDeadline(
                current: schedule.bidDeadline, clarifiedAt: now, affectsBids: affectsBids, rules: self.rules, calendar: calendar
            ) {
                effects.append(.deadlineMoved(from: schedule.bidDeadline, to: moved))
                schedule.bidDeadline = moved
                schedule.documentsUntil = max(schedule.documentsUntil, min(moved, calendar.endOfPeriod(self.rules.minDocumentPeriod, self.rules.minDocumentPeriodUnit, from: now)))
                self.schedule = schedule
            }
            return effects

        case .closeBidding(let bids):
            try self.expect([.announced], for: event)
            guard let schedule = self.schedule, now >= schedule.bidDeadline else {
                throw .conflict(
                    "before-deadline", zh: "投标截止时间未到，不能截止投标或开标", en: "The bid deadline has not passed yet", article: "法34"
                )
            }
            if bids < self.rules.minBidders {
                self.phase = .failed
                self.closingReasonZh = "投标人少于\(self.rules.minBidders)个（实收\(bids)个），不予开标，依法重新招标（法28、条例44）"
                self.closingReasonEn = "Fewer than \(self.rules.minBidders) bids (\(bids) received): no opening, re-tender (法28, 条例44)"
                return [.publishNotice(.failure)]
            }
            self.phase = .biddingClosed
            return []

        case .open:
            try self.expect([.biddingClosed], for: event)
            self.phase = .opened
            return [.publishNotice(.openingRecord)]

        case .recordResult(let candidates):
            try self.expect([.opened, .evaluation], for: event)
            try StatutoryChecks.ranking(candidates, rules: self.rules)
            self.candidates = candidates.sorted { $0.rank < $1.rank }
            self.reportedAt = now
            self.phase = .evaluation
            return []

        case .publishCandidates(let until):
            try self.expect([.evaluation], for: event)
            guard let reportedAt = self.reportedAt, !self.candidates.isEmpty else {
                throw .conflict("no-result", zh: "尚未录入评标结果", en: "No evaluation result has been recorded")
            }
            try StatutoryChecks.publicity(from: now, until: until, rules: self.rules, calendar: calendar)
            self.publicityFrom = now
            self.publicityUntil = until
            self.phase = .candidatesPublished
            var effects: [TenderEffect] = [.publishNotice(.candidates)]
            if now > calendar.endOfPeriod(3, .days, from: reportedAt) {
                effects.append(.publicityStartedLate(reportedAt: reportedAt))
            }
            return effects

        case .award(let rank, let passedOverReason):
            try self.expect([.candidatesPublished], for: event)
            if let until = self.publicityUntil, now < until {
                throw .conflict(
                    "publicity-running", zh: "候选人公示期未满，公示至\(StatutoryChecks.localText(until))", en: "Candidate publicity runs until \(StatutoryChecks.localText(until))",
                    article: "条例54"
                )
            }
            guard let candidate = self.candidates.first(where: { $0.rank == rank }) else {
                throw .invalid("candidate-rank", zh: "不存在排名第\(rank)的候选人", en: "There is no candidate ranked \(rank)")
            }
            let reason = passedOverReason?.trimmingCharacters(in: .whitespacesAndNewlines) ?? ""
            if rank > 1 && reason.isEmpty {
                throw .invalid(
                    "award-order", zh: "应确定排名第一的候选人为中标人；确定其他候选人须说明前序候选人放弃或不能履约的理由",
                    en: "The first candidate must be awarded; another candidate needs the reason the ones before were passed over", article: "条例55"
                )
            }
            let due = calendar.endOfPeriod(self.rules.contractDueDays, .days, from: now)
            self.award = AwardDecision(candidate: candidate, decidedAt: now, passedOverReason: reason.isEmpty ? nil : reason, contractDue: due)
            self.phase = .awarded
            return [.publishNotice(.result), .contractDue(due)]

        case .signContract:
            try self.expect([.awarded], for: event)
            self.contractSignedAt = now
            self.phase = .contracted
            if let due = self.award?.contractDue, now > due {
                return [.contractSignedLate(due: due)]
            }
            return []

        case .archive:
            try self.expect([.contracted, .failed, .terminated], for: event)
            self.phase = .archived
            return []

        case .declareFailed(let reasonZh, let reasonEn):
            try self.expect([.opened, .evaluation], for: event)
            self.phase = .failed
            self.closingReasonZh = reasonZh
            self.closingReasonEn = reasonEn
            return [.publishNotice(.failure)]

        case .terminate(let reasonZh, let reasonEn):
            guard self.phase.isTerminable else { throw self.refusal(event) }
            guard !reasonZh.isEmpty || !reasonEn.isEmpty else {
                throw .invalid("termination-reason", zh: "终止须说明理由", en: "A termination needs a reason")
            }
            let wasPublic = self.phase != .draft
            self.phase = .terminated
            self.closingReasonZh = reasonZh
            self.closingReasonEn = reasonEn
            return wasPublic ? [.publishNotice(.termination)] : []

        case .retender:
            try self.expect([.failed], for: event)
            self = TenderLifecycle(rules: self.rules, attempt: self.attempt + 1)
            return []
        }
    }

    private init(rules: ProcedureRules, attempt: Int) {
        self.init(rules: rules)
        self.attempt = attempt
    }

    /// Whether a bid may be submitted, replaced or withdrawn at `now` (法34, 36: late bids refused by server time).
    public func checkAcceptsBids(now: Date) throws(TradingError) {
        guard self.phase == .announced, let schedule = self.schedule else {
            throw .conflict("not-accepting-bids", zh: "该标段当前不接受投标（状态：\(self.phase.nameZh)）", en: "This lot is not open for bids (state: \(self.phase.nameEn))")
        }
        guard now < schedule.bidDeadline else { throw StatutoryChecks.afterDeadline(now: now) }
    }

    /// The contract reminder (法46): due, days left, or overdue, while the award waits for a contract.
    public func contractReminder(now: Date) -> ContractReminder? {
        guard self.phase == .awarded, let due = self.award?.contractDue else { return nil }
        let daysLeft = Int((due.timeIntervalSince(now) / 86_400).rounded(.up))
        return ContractReminder(due: due, daysLeft: daysLeft, overdue: now > due)
    }

    private func expect(_ phases: Set<TenderPhase>, for event: TenderEvent) throws(TradingError) {
        guard phases.contains(self.phase) else { throw self.refusal(event) }
    }

    private func refusal(_ event: TenderEvent) -> TradingError {
        .conflict(
            "wrong-state", zh: "当前状态“\(self.phase.nameZh)”下不能\(event.nameZh)", en: "Cannot \(event.nameEn) while the lot is \(self.phase.nameEn.lowercased())"
        )
    }
}

/// 合同签订提醒 — reminder that the contract is due (法46: within 30 days of the award notice).
public struct ContractReminder: Sendable, Equatable, Codable {
    public var due: Date
    public var daysLeft: Int
    public var overdue: Bool
}
