import Foundation
import Hummingbird
import TradingCore

/// The bidder's actions: 报名, 投标 (submit or replace, answered with the receipt), 撤回.
extension PortalController {
    @Sendable func registerForLot(_ request: Request, context: AppRequestContext) async throws -> Response {
        try await self.lotAction(request, context, done: "registered") { actor, form, projectID, lotID in
            _ = try await self.platform.bidding.register(projectID: projectID, lotID: lotID, deposit: try form.required("deposit", label: "保证金方式"), by: actor)
        }
    }

    /// Multipart: `price` in yuan and the bid `file`; returns to the project page with the receipt highlighted.
    @Sendable func submitBid(_ request: Request, context: AppRequestContext) async throws -> Response {
        let projectID = try context.parameters.require("project")
        let lotID = try context.parameters.require("lot")
        return try await self.action(request, context, back: "/workspace/projects/\(projectID)", limit: self.uploadLimit) { actor, form in
            let price = try PortalFormats.fen(fromYuan: try form.required("price", label: "投标报价"), field: "投标报价")
            let file = try form.file("file", label: "投标文件")
            let receipt = try await self.platform.bidding.submit(
                projectID: projectID, lotID: lotID, priceFen: price, filename: file.filename, bytes: file.bytes, by: actor
            )
            return "/workspace/projects/\(projectID)?done=bid&receipt=\(receipt.bidId)#receipt-\(receipt.bidId)"
        }
    }

    @Sendable func withdrawBid(_ request: Request, context: AppRequestContext) async throws -> Response {
        try await self.lotAction(request, context, done: "withdrawn") { actor, _, projectID, lotID in
            _ = try await self.platform.bidding.withdraw(projectID: projectID, lotID: lotID, by: actor)
        }
    }
}
