import Foundation
import Hummingbird

/// The request context: the signed-in actor (if any), the session token, and the request's language.
public struct AppRequestContext: RequestContext {
    public var coreContext: CoreRequestContextStorage
    /// Set by ``AuthenticationMiddleware`` from the `Authorization: Bearer` header or the `yw_session` cookie.
    public var actor: Actor?
    public var token: String?
    /// The peer's IP address as the socket saw it (recorded with sealed bids for supervision).
    public var remoteAddress: String?
    /// Uploads are checked against `uploads.maxBytes` by the handlers; the framework limit sits just above it.
    public var maxUploadSize: Int { 512 * 1024 * 1024 }

    public init(source: Source) {
        self.coreContext = .init(source: source)
        self.actor = nil
        self.token = nil
        self.remoteAddress = source.channel.remoteAddress?.ipAddress
    }

    public var requestDecoder: JSONDecoder {
        JSONDecoder()
    }

    public var responseEncoder: JSONEncoder {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .iso8601
        return encoder
    }

    /// The actor, or 401 when nobody is signed in.
    public func requireActor() throws -> Actor {
        guard let actor = self.actor else { throw ProblemError(.signInRequired) }
        return actor
    }
}

/// Reads the bearer token or the session cookie and resolves it to an ``Actor``.
struct AuthenticationMiddleware: RouterMiddleware {
    typealias Context = AppRequestContext
    let platform: Platform

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        var context = context
        var token: String?
        if let header = request.headers[.authorization], header.lowercased().hasPrefix("bearer ") {
            token = String(header.dropFirst("bearer ".count)).trimmingCharacters(in: .whitespaces)
        } else if let cookie = request.cookies["yw_session"]?.value {
            token = cookie
        }
        if let token {
            context.actor = try await self.platform.accounts.authenticate(token: token)
            context.token = token
        }
        return try await next(request, context)
    }
}
