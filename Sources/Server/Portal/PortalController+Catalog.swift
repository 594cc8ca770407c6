import Foundation
import Hummingbird
import TradingCore

/// 交易目录维护 — the operator edits an entry's names and procedure rules (a change applies to new projects only).
extension PortalController {
    @Sendable func catalogEntryForm(_ request: Request, context: AppRequestContext) async throws -> Response {
        guard let actor = context.actor else { return PortalRenderer.redirect("/login") }
        return try await self.page(context, back: "/workspace") {
            guard actor.role == .operator else { throw TradingError.forbidden("只有交易中心可以维护交易目录", en: "Only the operator maintains the catalog") }
            let entry = try await self.platform.catalog.entry(try context.parameters.require("code"))
            let model = CatalogEntryPageModel(page: PageChrome(title: "交易目录：\(entry.code)", actor: actor, done: self.done(request)), entry: entry)
            return try await PortalRenderer.render(model, template: "catalog-entry")
        }
    }

    @Sendable func saveCatalogEntry(_ request: Request, context: AppRequestContext) async throws -> Response {
        let code = try context.parameters.require("code")
        return try await self.action(request, context, back: "/workspace/catalog/\(code)") { actor, form in
            let current = try await self.platform.catalog.entry(code)
            func number(_ name: String, _ label: String) throws -> Int {
                guard let value = Int(try form.required(name, label: label)) else {
                    throw TradingError.invalid("catalog-rules", zh: "“\(label)”应为整数", en: "\(name) must be a whole number")
                }
                return value
            }
            func unit(_ name: String) throws -> PeriodUnit {
                guard let unit = PeriodUnit(rawValue: form[name] ?? "") else {
                    throw TradingError.invalid("catalog-rules", zh: "期限单位无效", en: "\(name) must be days or workingDays")
                }
                return unit
            }
            let capText = (form["depositCapYuan"] ?? "").trimmingCharacters(in: .whitespaces)
            let rules = ProcedureRules(
                minBidders: try number("minBidders", "最少投标人数"),
                minBidPeriod: try number("minBidPeriod", "最短投标期"), minBidPeriodUnit: try unit("minBidPeriodUnit"),
                minDocumentPeriod: try number("minDocumentPeriod", "最短文件发售期"), minDocumentPeriodUnit: try unit("minDocumentPeriodUnit"),
                clarificationLeadDays: try number("clarificationLeadDays", "澄清提前天数"),
                depositCapBasisPoints: Int64(try number("depositCapBasisPoints", "保证金上限（基点）")),
                depositCapFen: capText.isEmpty ? nil : try PortalFormats.fen(fromYuan: capText, field: "保证金绝对上限"),
                publicityMinDays: try number("publicityMinDays", "最短公示期"), contractDueDays: try number("contractDueDays", "合同签订期限"),
                maxCandidates: try number("maxCandidates", "候选人数上限"),
                evaluationMethod: try form.required("evaluationMethod", label: "评标办法"), openingMode: try form.required("openingMode", label: "开标方式")
            )
            let entry = CatalogEntry(
                code: current.code, tradingType: current.tradingType,
                tradingTypeZh: try form.required("tradingTypeZh", label: "交易类型名称"), tradingTypeEn: form["tradingTypeEn"] ?? current.tradingTypeEn,
                procedure: current.procedure, procedureZh: try form.required("procedureZh", label: "交易方式名称"), procedureEn: form["procedureEn"] ?? current.procedureEn,
                rules: rules, active: form.checked("active")
            )
            _ = try await self.platform.catalog.put(entry, by: actor)
            return "/workspace/catalog/\(code)?done=catalog"
        }
    }
}
