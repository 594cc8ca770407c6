import Foundation
import Hummingbird
import TradingCore

/// 信用名单 over the API: imports (CSV or JSON body), the lists, and the matches flagged for review.
extension APIController {
    func addCreditRoutes(to group: RouterGroup<AppRequestContext>) {
        group.get("credit/lists", use: self.creditLists)
        group.put("credit/lists/:list", use: self.importCreditList)
        group.get("credit/findings", use: self.creditFindings)
    }

    /// `PUT /credit/lists/{list}?kind=…&publisher=…&format=csv|json` with the file as the body (format defaults from
    /// the Content-Type: JSON for `application/json`, CSV otherwise).
    @Sendable func importCreditList(_ request: Request, context: AppRequestContext) async throws -> EditedResponse<CreditService.Imported> {
        let actor = try context.requireActor()
        let query = request.uri.queryParameters
        let json = request.headers[.contentType]?.hasPrefix("application/json") == true
        let bytes = try await self.collect(request)
        let imported = try await self.platform.credit.importList(
            listID: try context.parameters.require("list"), kind: query["kind"].map(String.init) ?? "",
            publisher: query["publisher"].map(String.init) ?? "", format: query["format"].map(String.init) ?? (json ? "json" : "csv"),
            bytes: bytes, by: actor
        )
        return .init(status: .created, response: imported)
    }

    @Sendable func creditLists(_ request: Request, context: AppRequestContext) async throws -> Items<CreditListView> {
        Items(items: try await self.platform.credit.lists(by: try context.requireActor()))
    }

    @Sendable func creditFindings(_ request: Request, context: AppRequestContext) async throws -> Items<CreditFindingView> {
        Items(items: try await self.platform.credit.findings(by: try context.requireActor()))
    }
}

extension CreditService.Imported: ResponseEncodable {}
