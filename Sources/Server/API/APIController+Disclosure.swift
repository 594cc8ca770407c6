import Foundation
import Hummingbird
import TradingCore

/// 信息公开率 over the API: the disclosure catalog and the report (public, as the portal page is).
extension APIController {
    func addDisclosureRoutes(to group: RouterGroup<AppRequestContext>) {
        group.get("disclosure/catalog", use: self.disclosureCatalog)
        group.get("disclosure/report", use: self.disclosureReport)
    }

    @Sendable func disclosureCatalog(_ request: Request, context: AppRequestContext) async throws -> DisclosureCatalogView {
        DisclosureCatalogView(catalog: DisclosureService.catalog)
    }

    @Sendable func disclosureReport(_ request: Request, context: AppRequestContext) async throws -> DisclosureService.Report {
        let (from, to) = try Self.period(request, platform: self.platform)
        return try await self.platform.disclosure.report(from: from, to: to)
    }

    /// `from`/`to` query days (Beijing), default the 365 days up to today; `from` after `to` is refused.
    static func period(_ request: Request, platform: Platform) throws -> (LocalDate, LocalDate) {
        let query = request.uri.queryParameters
        let today = LocalDate(platform.clock.now())
        let to = try Self.day(query["to"], name: "to") ?? today
        let from = try Self.day(query["from"], name: "from") ?? to.adding(days: -364)
        guard from <= to else { throw TradingError.invalid("period", zh: "起始日期不能晚于截止日期", en: "from must not be after to") }
        return (from, to)
    }
}

/// The catalog as served.
struct DisclosureCatalogView: ResponseEncodable {
    var catalog: DisclosureCatalog
    func encode(to encoder: any Encoder) throws { try self.catalog.encode(to: encoder) }
}
extension DisclosureService.Report: ResponseEncodable {}
