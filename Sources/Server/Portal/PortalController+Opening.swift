import Foundation
import Hummingbird
import TradingCore

extension PortalController {
    /// `/projects/{p}/lots/{l}/opening`: the live opening room (开标大厅), public like the opening itself (法35).
    @Sendable func openingRoom(_ request: Request, context: AppRequestContext) async throws -> Response {
        try await self.page(context, back: "/notices") {
            let view = try await self.platform.tenders.project(try context.parameters.require("project"), for: context.actor)
            let lotID = try context.parameters.require("lot")
            guard let lot = view.lots.first(where: { $0.id == lotID }) else { throw TradingError.notFound("Lot", zh: "标段") }
            let status = try await self.platform.room.status(projectID: view.id, lotID: lotID)
            let viewer = try await self.platform.room.viewer(projectID: view.id, lotID: lotID, actor: context.actor)
            let chrome = PageChrome(title: "开标大厅：\(view.title)", actor: context.actor)
            return try await PortalRenderer.render(try OpeningPageModel(status, view: view, lot: lot, viewer: viewer, chrome: chrome), template: "opening")
        }
    }
}
