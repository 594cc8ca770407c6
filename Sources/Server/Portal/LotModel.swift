import Foundation
import TradingCore

/// One lot (标段) as pages show it: amounts in yuan, times in Beijing time, the result once public.
struct LotModel: Sendable {
    struct Candidate: Sendable {
        var rank: Int
        var partyName: String
        var price: String
        var score: String?
    }

    var id: String
    var number: Int64
    var title: String
    var estimate: String
    var deposit: String
    var depositRequired: Bool
    var phase: String
    var phaseZh: String
    var attempt: Int
    var retendered: Bool
    var bidDeadline: String?
    var documentsUntil: String?
    var publicityUntil: String?
    var candidates: [Candidate]
    var hasCandidates: Bool
    var awardedTo: String?
    var awardedPrice: String?
    var awardReason: String?
    var contractDue: String?
    var contractSignedAt: String?
    var closingReason: String?
    /// 合同签订提醒 — shown to the runners while the contract is due.
    var reminder: String?
    var reminderOverdue: Bool
    var phaseIs: PhaseFlags

    /// Which forms fit the lot's phase.
    struct PhaseFlags: Sendable {
        var draft, announced, opened, evaluation, candidatesPublished, awarded, contracted, failed, closed: Bool

        init(_ phase: TenderPhase?) {
            self.draft = phase == .draft
            self.announced = phase == .announced || phase == .biddingClosed
            self.opened = phase == .opened
            self.evaluation = phase == .evaluation
            self.candidatesPublished = phase == .candidatesPublished
            self.awarded = phase == .awarded
            self.contracted = phase == .contracted
            self.failed = phase == .failed
            self.closed = phase == .contracted || phase == .failed || phase == .terminated
        }
    }

    init(_ view: LotView, partyNames: [String: String]) {
        self.id = view.id
        self.number = view.number
        self.title = view.title
        self.estimate = PortalFormats.yuan(view.estimateFen)
        self.deposit = PortalFormats.yuan(view.depositFen)
        self.depositRequired = view.depositFen > 0
        self.phase = view.phase
        self.phaseZh = view.phaseZh
        self.attempt = view.attempt
        self.retendered = view.attempt > 1
        self.bidDeadline = PortalFormats.localText(view.bidDeadline)
        self.documentsUntil = PortalFormats.localText(view.documentsUntil)
        self.publicityUntil = PortalFormats.localText(view.publicityUntil)
        self.candidates = (view.candidates ?? []).map { candidate in
            Candidate(
                rank: candidate.rank, partyName: partyNames[candidate.partyID] ?? candidate.partyID, price: candidate.price.yuanText,
                score: candidate.scoreCentiPoints.map { "\($0 / 100).\(String(format: "%02d", $0 % 100))" }
            )
        }
        self.hasCandidates = !self.candidates.isEmpty
        self.awardedTo = view.award.map { partyNames[$0.candidate.partyID] ?? $0.candidate.partyID }
        self.awardedPrice = view.award?.candidate.price.yuanText
        self.awardReason = view.award?.passedOverReason
        self.contractDue = view.award.map { StatutoryChecks.localText($0.contractDue) }
        self.contractSignedAt = PortalFormats.localText(view.contractSignedAt)
        self.closingReason = view.closingReasonZh
        if let reminder = view.contractReminder {
            self.reminder = reminder.overdue
                ? "合同签订已逾期：应于\(StatutoryChecks.localText(reminder.due))前签订（法46）"
                : "请于\(StatutoryChecks.localText(reminder.due))前签订合同，剩余\(reminder.daysLeft)天（法46）"
            self.reminderOverdue = reminder.overdue
        } else {
            self.reminder = nil
            self.reminderOverdue = false
        }
        self.phaseIs = PhaseFlags(TenderPhase(rawValue: view.phase))
    }

    /// The party ids a lot's result names, to look their names up once.
    static func partyIDs(_ lots: [LotView]) -> Set<String> {
        var ids = Set<String>()
        for lot in lots {
            for candidate in lot.candidates ?? [] { ids.insert(candidate.partyID) }
            if let award = lot.award { ids.insert(award.candidate.partyID) }
        }
        return ids
    }
}
