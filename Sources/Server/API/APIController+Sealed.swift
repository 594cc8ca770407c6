import Foundation
import HTTPTypes
import Hummingbird
import Storage
import TradingCore

/// Sealed bids (不见面开标) over the API: keys, the custodian panel, envelopes, shares, the opening status.
extension APIController {
    func addSealedRoutes(to group: RouterGroup<AppRequestContext>) {
        group.put("me/bidder-key", use: self.registerBidderKey)
        group.put("projects/:project/custodians", use: self.setCustodians)
        group.get("projects/:project/custodians", use: self.custodianPanel)
        group.post("projects/:project/lots/:lot/sealed-bids", use: self.submitSealedBid)
        group.get("projects/:project/lots/:lot/envelopes", use: self.envelopes)
        group.get("projects/:project/lots/:lot/envelopes/:sealedBid", use: self.envelope)
        group.post("projects/:project/lots/:lot/shares", use: self.releaseShares)
        group.get("projects/:project/lots/:lot/opening", use: self.openingStatus)
        group.get("projects/:project/lots/:lot/submissions", use: self.submissions)
    }

    struct BidderKeyForm: Decodable { var publicKey: String }
    struct BidderKeyView: ResponseEncodable { var partyId: String; var publicKey: String; var registeredAt: String }

    @Sendable func registerBidderKey(_ request: Request, context: AppRequestContext) async throws -> BidderKeyView {
        let form = try await request.decode(as: BidderKeyForm.self, context: context)
        let row = try await self.platform.sealed.registerKey(form.publicKey, by: try context.requireActor())
        return BidderKeyView(partyId: row.partyId, publicKey: row.publicKey, registeredAt: Timestamps.rfc3339(Timestamps.date(row.registeredAt)))
    }

    struct PanelForm: Decodable { var threshold: Int; var custodians: [SealedBiddingService.CustodianForm] }
    struct CustodianView: ResponseEncodable, Codable { var position: Int64; var name: String; var publicKey: String }

    @Sendable func setCustodians(_ request: Request, context: AppRequestContext) async throws -> Items<CustodianView> {
        let form = try await request.decode(as: PanelForm.self, context: context)
        let rows = try await self.platform.sealed.setCustodians(
            projectID: try context.parameters.require("project"), threshold: form.threshold, custodians: form.custodians, by: try context.requireActor()
        )
        return Items(items: rows.map { CustodianView(position: $0.position, name: $0.name, publicKey: $0.publicKey) })
    }

    struct PanelView: ResponseEncodable { var threshold: Int; var items: [CustodianView] }

    /// Public: the panel every bidder seals to (`yiwang bidder seal --custodians … --threshold k`).
    @Sendable func custodianPanel(_ request: Request, context: AppRequestContext) async throws -> PanelView {
        guard let panel = try await self.platform.sealed.panel(projectID: try context.parameters.require("project")) else {
            throw TradingError.conflict("not-sealed", zh: "本项目不采用密封投标", en: "This project does not take sealed bids")
        }
        return PanelView(threshold: panel.threshold, items: panel.custodians.map { CustodianView(position: $0.position, name: $0.name, publicKey: $0.publicKey) })
    }

    /// Raw upload: the body is the `.ywb` envelope written by `yiwang bidder seal`.
    @Sendable func submitSealedBid(_ request: Request, context: AppRequestContext) async throws -> EditedResponse<SealedReceipt> {
        let actor = try context.requireActor()
        let bytes = try await self.collect(request)
        let metadata = SubmissionMetadata(
            address: context.remoteAddress, forwardedFor: request.headers[HTTPField.Name("X-Forwarded-For")!],
            toolVersion: request.headers[HTTPField.Name("X-Yiwang-Tool")!], machineHash: request.headers[HTTPField.Name("X-Yiwang-Machine")!]
        )
        var receipt = try await self.platform.sealed.submit(
            projectID: try context.parameters.require("project"), lotID: try context.parameters.require("lot"), envelope: bytes, metadata: metadata, by: actor
        )
        receipt.receipt = try await self.receiptText(receipt.logIndex)
        return .init(status: .created, response: receipt)
    }

    @Sendable func envelopes(_ request: Request, context: AppRequestContext) async throws -> Items<EnvelopeListing> {
        Items(items: try await self.platform.sealed.envelopes(
            projectID: try context.parameters.require("project"), lotID: try context.parameters.require("lot"), for: try context.requireActor()
        ))
    }

    @Sendable func envelope(_ request: Request, context: AppRequestContext) async throws -> Response {
        let bytes = try await self.platform.sealed.envelope(
            projectID: try context.parameters.require("project"), lotID: try context.parameters.require("lot"),
            sealedBidID: try context.parameters.require("sealedBid"), for: try context.requireActor()
        )
        return Response(status: .ok, headers: [.contentType: "application/octet-stream"], body: .init(byteBuffer: ByteBuffer(bytes: bytes)))
    }

    /// The body is one or more share files (`yiwang custodian share` output), concatenated.
    @Sendable func releaseShares(_ request: Request, context: AppRequestContext) async throws -> SealedOpeningStatus {
        let bytes = try await self.collect(request)
        return try await self.platform.sealed.releaseShares(
            projectID: try context.parameters.require("project"), lotID: try context.parameters.require("lot"),
            shareText: String(decoding: bytes, as: UTF8.self), by: try context.requireActor()
        )
    }

    @Sendable func openingStatus(_ request: Request, context: AppRequestContext) async throws -> SealedOpeningStatus {
        try await self.platform.sealed.status(projectID: try context.parameters.require("project"), lotID: try context.parameters.require("lot"))
    }

    @Sendable func submissions(_ request: Request, context: AppRequestContext) async throws -> Items<SubmissionView> {
        Items(items: try await self.platform.sealed.submissions(
            projectID: try context.parameters.require("project"), lotID: try context.parameters.require("lot"), for: try context.requireActor()
        ))
    }
}

extension SealedReceipt: ResponseEncodable {}
extension SealedOpeningStatus: ResponseEncodable {}
