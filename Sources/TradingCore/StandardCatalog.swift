/// The catalog a new platform starts with (RULES.md); operators change it through the API afterwards.
public enum StandardCatalog {
    public static let entries: [CatalogEntry] = [
        CatalogEntry(
            code: "engineering.open-tender", tradingType: "engineering", tradingTypeZh: "工程建设", tradingTypeEn: "Engineering construction",
            procedure: "open-tender", procedureZh: "公开招标", procedureEn: "Open tender",
            rules: ProcedureRules(depositCapBasisPoints: 200, depositCapFen: 80_000_000)
        ),
        CatalogEntry(
            code: "procurement.open-tender", tradingType: "procurement", tradingTypeZh: "政府采购", tradingTypeEn: "Government procurement",
            procedure: "open-tender", procedureZh: "公开招标", procedureEn: "Open tender",
            rules: ProcedureRules(minDocumentPeriod: 5, minDocumentPeriodUnit: .workingDays)
        ),
        CatalogEntry(
            code: "procurement.consultation", tradingType: "procurement", tradingTypeZh: "政府采购", tradingTypeEn: "Government procurement",
            procedure: "consultation", procedureZh: "竞争性磋商", procedureEn: "Competitive consultation",
            rules: ProcedureRules(minBidPeriod: 10, minDocumentPeriod: 5, minDocumentPeriodUnit: .days, clarificationLeadDays: 5)
        ),
        CatalogEntry(
            code: "procurement.inquiry", tradingType: "procurement", tradingTypeZh: "政府采购", tradingTypeEn: "Government procurement",
            procedure: "inquiry", procedureZh: "询价", procedureEn: "Request for quotations",
            rules: ProcedureRules(
                minBidPeriod: 3, minBidPeriodUnit: .workingDays, minDocumentPeriod: 3, minDocumentPeriodUnit: .workingDays,
                clarificationLeadDays: 3, evaluationMethod: "lowest-price"
            )
        ),
        CatalogEntry(
            code: "property.online-auction", tradingType: "property", tradingTypeZh: "产权交易", tradingTypeEn: "State property transfer",
            procedure: "online-auction", procedureZh: "网络竞价", procedureEn: "Online auction",
            rules: ProcedureRules(
                minBidders: 1, minBidPeriod: 20, minBidPeriodUnit: .workingDays, minDocumentPeriod: 20, minDocumentPeriodUnit: .workingDays,
                clarificationLeadDays: 0, depositCapBasisPoints: 3000, publicityMinDays: 0, maxCandidates: 1,
                evaluationMethod: "highest-price", openingMode: "online-auction"
            )
        ),
        CatalogEntry(
            code: "land.listing", tradingType: "land", tradingTypeZh: "土地使用权", tradingTypeEn: "Land use rights",
            procedure: "listing", procedureZh: "挂牌出让", procedureEn: "Listing",
            rules: ProcedureRules(
                minBidders: 1, minBidPeriod: 20, minDocumentPeriod: 10, minDocumentPeriodUnit: .workingDays,
                clarificationLeadDays: 0, depositCapBasisPoints: 10_000, publicityMinDays: 0, maxCandidates: 1,
                evaluationMethod: "highest-price", openingMode: "listing"
            )
        ),
        CatalogEntry(
            code: "assets.online-auction", tradingType: "assets", tradingTypeZh: "资产资源", tradingTypeEn: "Assets and resources",
            procedure: "online-auction", procedureZh: "网络竞价", procedureEn: "Online auction",
            rules: ProcedureRules(
                minBidders: 1, minBidPeriod: 10, minDocumentPeriod: 10, clarificationLeadDays: 0, depositCapBasisPoints: 2000,
                publicityMinDays: 0, maxCandidates: 1, evaluationMethod: "highest-price", openingMode: "online-auction"
            )
        ),
    ]
}
