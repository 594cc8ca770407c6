import Foundation
import TradingCore

/// `/workspace` for a tenderer or agency (招标人/代理机构): my projects and the form to create one.
struct RunnerWorkspaceModel: Sendable {
    var page: PageChrome
    var projects: [ProjectSummaryModel]
    var hasProjects: Bool
    var catalog: [OptionModel]
    /// An agency names the tenderer it acts for.
    var isAgency: Bool
    var tenderers: [OptionModel]
}

/// `/workspace` for a bidder (投标人): projects open for bids and my bids.
struct BidderWorkspaceModel: Sendable {
    var page: PageChrome
    var openProjects: [ProjectSummaryModel]
    var hasOpenProjects: Bool
    var bids: [BidReceiptModel]
    var hasBids: Bool
}

/// `/workspace` for the operator (交易中心): the catalog, and every project.
struct OperatorWorkspaceModel: Sendable {
    struct Entry: Sendable {
        var code: String
        var tradingTypeZh: String
        var procedureZh: String
        var active: Bool
        var summary: String
        var editURL: String
    }

    var page: PageChrome
    var entries: [Entry]
    var projects: [ProjectSummaryModel]
    var hasProjects: Bool
}

/// `/workspace` for a regulator (监管部门), read-only; also what other roles see until their pages exist.
struct OverseerWorkspaceModel: Sendable {
    var page: PageChrome
    var projects: [ProjectSummaryModel]
    var hasProjects: Bool
    var canSeeProjects: Bool
}

/// `/workspace/catalog/{code}` — edit one catalog entry's names and rules.
struct CatalogEntryPageModel: Sendable {
    var page: PageChrome
    var code: String
    var tradingType: String
    var tradingTypeZh: String
    var tradingTypeEn: String
    var procedure: String
    var procedureZh: String
    var procedureEn: String
    var active: Bool
    var rules: ProcedureRules
    var depositCapYuan: String
    var bidPeriodUnits: [OptionModel]
    var documentPeriodUnits: [OptionModel]
    var evaluationMethods: [OptionModel]
    var openingModes: [OptionModel]

    init(page: PageChrome, entry: CatalogEntry) {
        self.page = page
        self.code = entry.code
        self.tradingType = entry.tradingType
        self.tradingTypeZh = entry.tradingTypeZh
        self.tradingTypeEn = entry.tradingTypeEn
        self.procedure = entry.procedure
        self.procedureZh = entry.procedureZh
        self.procedureEn = entry.procedureEn
        self.active = entry.active
        self.rules = entry.rules
        self.depositCapYuan = entry.rules.depositCapFen.map(PortalFormats.yuanInput) ?? ""
        let units: [(PeriodUnit, String)] = [(.days, "日（自然日）"), (.workingDays, "工作日")]
        self.bidPeriodUnits = units.map { OptionModel(value: $0.0.rawValue, label: $0.1, selected: $0.0 == entry.rules.minBidPeriodUnit) }
        self.documentPeriodUnits = units.map { OptionModel(value: $0.0.rawValue, label: $0.1, selected: $0.0 == entry.rules.minDocumentPeriodUnit) }
        self.evaluationMethods = [("comprehensive", "综合评估法"), ("lowest-price", "经评审的最低投标价法"), ("highest-price", "价高者得")]
            .map { OptionModel(value: $0.0, label: $0.1, selected: $0.0 == entry.rules.evaluationMethod) }
        self.openingModes = [("sealed-bids", "开标"), ("online-auction", "网络竞价"), ("listing", "挂牌")]
            .map { OptionModel(value: $0.0, label: $0.1, selected: $0.0 == entry.rules.openingMode) }
    }

    /// One line describing an entry's rules, for the catalog list.
    static func summary(_ rules: ProcedureRules) -> String {
        "最少\(rules.minBidders)家投标；投标期≥\(rules.minBidPeriod)\(rules.minBidPeriodUnit.nameZh)；文件发售≥\(rules.minDocumentPeriod)\(rules.minDocumentPeriodUnit.nameZh)；"
            + "保证金≤估算价\(rules.depositCapBasisPoints / 100).\(String(format: "%02d", rules.depositCapBasisPoints % 100))%"
            + (rules.depositCapFen.map { "且≤\(PortalFormats.yuan($0))元" } ?? "") + "；公示≥\(rules.publicityMinDays)日；合同\(rules.contractDueDays)日内签订"
    }
}

/// 投标回执 — one bid version as a receipt: server receipt time, SHA-256 and the witness-log index.
struct BidReceiptModel: Sendable {
    var bidId: String
    var projectURL: String
    var version: Int64
    var price: String
    var filename: String
    var size: String
    var sha256: String
    var receivedAt: String
    var logIndex: Int64
    var statusZh: String
    var active: Bool
    /// The receipt just issued (`?receipt=`), highlighted.
    var highlighted: Bool
    var bidderName: String

    init(_ receipt: BidReceipt, highlighted: String? = nil, bidderName: String = "") {
        self.bidId = receipt.bidId
        self.projectURL = "/workspace/projects/\(receipt.projectId)"
        self.version = receipt.version
        self.price = PortalFormats.yuan(receipt.priceFen)
        self.filename = receipt.filename
        self.size = PortalFormats.size(receipt.size)
        self.sha256 = receipt.sha256
        self.receivedAt = PortalFormats.localText(receipt.receivedAt) ?? receipt.receivedAt
        self.logIndex = receipt.logIndex
        self.statusZh = ["active": "有效", "replaced": "已被新版本替换", "withdrawn": "已撤回"][receipt.status] ?? receipt.status
        self.active = receipt.status == "active"
        self.highlighted = receipt.bidId == highlighted
        self.bidderName = bidderName
    }
}
