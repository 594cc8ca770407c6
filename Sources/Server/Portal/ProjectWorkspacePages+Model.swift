import Foundation
import TradingCore

/// `/workspace/projects/{id}` for the project's tenderer or agency (with every action form that fits each lot's
/// phase), and read-only for the operator and the regulator.
struct ManageProjectPageModel: Sendable {
    /// One lot with the forms its phase allows and, once opened, its bids to rank.
    struct Lot: Sendable {
        var lot: LotModel
        var actionBase: String
        var bids: [BidReceiptModel]
        var hasBids: Bool
        var ranks: [OptionModel]
        var candidateRanks: [OptionModel]
        var suggestedPublicityUntil: String
    }

    var page: PageChrome
    var project: ProjectSummaryModel
    var lots: [Lot]
    var documents: [DocumentModel]
    var hasDocuments: Bool
    /// The actor runs the project (else read-only).
    var canManage: Bool
    var canAnnounce: Bool
    var canClarify: Bool
    var canTerminate: Bool
    var actionBase: String
    var suggestedBidDeadline: String
    var suggestedDocumentsUntil: String
    var rulesSummary: String
}

/// `/workspace/projects/{id}` for a bidder: register, submit or replace a bid, withdraw, and the receipts.
struct BidProjectPageModel: Sendable {
    struct Lot: Sendable {
        var lot: LotModel
        var actionBase: String
        var acceptsBids: Bool
        var registered: Bool
        var registeredDeposit: String?
        var depositOptions: [OptionModel]
        var receipts: [BidReceiptModel]
        var hasReceipts: Bool
        var hasActiveBid: Bool
    }

    var page: PageChrome
    var project: ProjectSummaryModel
    var lots: [Lot]
    var documents: [DocumentModel]
    var hasDocuments: Bool
    var serverTime: String
}

extension ManageProjectPageModel {
    /// Default `datetime-local` values that satisfy the procedure's minimum periods from `now` (with a day to spare).
    static func suggestions(rules: ProcedureRules, calendar: TradingCalendar, now: Date) -> (bidDeadline: String, documentsUntil: String, publicity: String) {
        let today = LocalDate(now)
        let deadlineDay = calendar.workingDay(onOrAfter: calendar.lastDay(of: rules.minBidPeriod, rules.minBidPeriodUnit, from: today).adding(days: 1))
        let deadline = deadlineDay.startInstant.addingTimeInterval(9.5 * 3600)
        let documentsDay = calendar.lastDay(of: rules.minDocumentPeriod, rules.minDocumentPeriodUnit, from: today).adding(days: 1)
        let documents = min(documentsDay.startInstant.addingTimeInterval(17 * 3600), deadline)
        let publicity = calendar.lastDay(of: max(rules.publicityMinDays, 1), .days, from: today).adding(days: 1).startInstant.addingTimeInterval(17 * 3600)
        return (PortalFormats.localInputValue(deadline), PortalFormats.localInputValue(documents), PortalFormats.localInputValue(publicity))
    }
}

extension BidProjectPageModel {
    static func depositOptions(required: Bool) -> [OptionModel] {
        var options = [OptionModel(value: "paid", label: "已缴纳保证金（现金）", selected: true), OptionModel(value: "guarantee", label: "银行保函/保证保险", selected: false)]
        if !required { options.append(OptionModel(value: "none", label: "本标段无需保证金", selected: false)) }
        return options
    }
}
