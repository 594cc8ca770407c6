import Foundation
import Hummingbird
import TradingCore

/// 分平台接入 over the API: registration and keys (operator), pushes (the platform's key), push reports and data
/// quality (public).
extension APIController {
    func addPlatformRoutes(to group: RouterGroup<AppRequestContext>) {
        group.get("platforms", use: self.connectedPlatforms)
        group.post("platforms", use: self.registerPlatform)
        group.get("platforms/:code", use: self.connectedPlatform)
        group.post("platforms/:code/keys", use: self.rotatePlatformKey)
        group.delete("platforms/:code/keys", use: self.revokePlatformKeys)
        group.post("platforms/:code/notices") { request, context in try await self.push(.notices, request: request, context: context) }
        group.post("platforms/:code/results") { request, context in try await self.push(.results, request: request, context: context) }
        group.post("platforms/:code/deals") { request, context in try await self.push(.deals, request: request, context: context) }
        group.get("platforms/:code/pushes/:push", use: self.pushReport)
        group.get("platforms/:code/quality", use: self.platformQuality)
        self.addWebhookRoutes(to: group)
    }

    @Sendable func connectedPlatforms(_ request: Request, context: AppRequestContext) async throws -> Items<ConnectedPlatformView> {
        Items(items: try await self.platform.connectedPlatforms.all())
    }

    @Sendable func registerPlatform(_ request: Request, context: AppRequestContext) async throws -> EditedResponse<IssuedPlatformKey> {
        let actor = try context.requireActor()
        try ConnectedPlatformService.requireOperator(actor)
        let form = try await request.decode(as: ConnectedPlatformService.Registration.self, context: context)
        return .init(status: .created, response: try await self.platform.connectedPlatforms.register(form, by: actor))
    }

    @Sendable func connectedPlatform(_ request: Request, context: AppRequestContext) async throws -> ConnectedPlatformView {
        try await self.platform.connectedPlatforms.view(code: try context.parameters.require("code"))
    }

    @Sendable func rotatePlatformKey(_ request: Request, context: AppRequestContext) async throws -> EditedResponse<IssuedPlatformKey> {
        let issued = try await self.platform.connectedPlatforms.rotateKey(code: try context.parameters.require("code"), by: try context.requireActor())
        return .init(status: .created, response: issued)
    }

    @Sendable func revokePlatformKeys(_ request: Request, context: AppRequestContext) async throws -> ConnectedPlatformView {
        try await self.platform.connectedPlatforms.revokeKeys(code: try context.parameters.require("code"), by: try context.requireActor())
    }

    @Sendable func push(_ kind: PushKind, request: Request, context: AppRequestContext) async throws -> EditedResponse<PushReport> {
        let code = try context.parameters.require("code")
        let authorization = request.headers[.authorization]
        _ = try await self.platform.connectedPlatforms.authenticate(code: code, authorization: authorization)
        let body = try await self.collect(request)
        let report = try await self.platform.pushes.push(code: code, kind: kind, authorization: authorization, body: Data(body))
        var edited = EditedResponse(status: .created, response: report)
        edited.headers[.location] = "/api/v1/platforms/\(code)/pushes/\(report.id)"
        return edited
    }

    @Sendable func pushReport(_ request: Request, context: AppRequestContext) async throws -> PushReport {
        try await self.platform.pushes.report(code: try context.parameters.require("code"), pushID: try context.parameters.require("push"))
    }

    @Sendable func platformQuality(_ request: Request, context: AppRequestContext) async throws -> PlatformQualityService.Report {
        let query = request.uri.queryParameters
        return try await self.platform.pushQuality.report(
            code: try context.parameters.require("code"), from: try Self.day(query["from"], name: "from"), to: try Self.day(query["to"], name: "to")
        )
    }
}

extension ConnectedPlatformView: ResponseEncodable {}
extension IssuedPlatformKey: ResponseEncodable {}
extension PushReport: ResponseEncodable {}
extension PlatformQualityService.Report: ResponseEncodable {}
