import Foundation
import HTTPTypes
import Hummingbird
import TradingCore
import WitnessLog

/// Open data (数据开放): OCDS 1.1 release and record packages per project and the change feed.
extension APIController {
    func addOpenDataRoutes(to group: RouterGroup<AppRequestContext>) {
        group.get("ocds/releases/:project", use: self.ocdsReleasePackage)
        group.get("ocds/records/:project", use: self.ocdsRecordPackage)
        group.get("ocds/changes", use: self.ocdsChanges)
    }

    @Sendable func ocdsReleasePackage(_ request: Request, context: AppRequestContext) async throws -> Response {
        let package = try await self.platform.openData.releasePackage(projectID: try context.parameters.require("project"), baseURL: self.baseURL(request))
        return try Self.jsonResponse(package)
    }

    @Sendable func ocdsRecordPackage(_ request: Request, context: AppRequestContext) async throws -> Response {
        let package = try await self.platform.openData.recordPackage(projectID: try context.parameters.require("project"), baseURL: self.baseURL(request))
        return try Self.jsonResponse(package)
    }

    @Sendable func ocdsChanges(_ request: Request, context: AppRequestContext) async throws -> Page<OpenDataService.Change> {
        let query = request.uri.queryParameters
        return try await self.platform.openData.changes(
            after: query["cursor"].map(String.init), limit: query["limit"].flatMap { Int(String($0)) } ?? 100, baseURL: self.baseURL(request)
        )
    }

    /// The configured public address, else the scheme and Host of this request.
    func baseURL(_ request: Request) -> String {
        if let configured = self.platform.settings.publicURL { return configured.hasSuffix("/") ? String(configured.dropLast()) : configured }
        return "\(request.head.scheme ?? "http")://\(request.head.authority ?? "127.0.0.1")"
    }

    static func jsonResponse(_ value: JSONValue) throws -> Response {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return Response(status: .ok, headers: [.contentType: "application/json; charset=utf-8"], body: .init(byteBuffer: ByteBuffer(bytes: try encoder.encode(value))))
    }
}
