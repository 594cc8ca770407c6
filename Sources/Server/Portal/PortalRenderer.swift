import Foundation
import Hummingbird
import Mustache
import TradingCore

/// Renders page models with the Mustache templates in `Resources/templates` (loaded once per process).
enum PortalRenderer {
    /// The template library, read from disk on first use.
    static let library: Task<MustacheLibrary, any Error> = Task {
        try await MustacheLibrary(directory: Resources.templatesDirectory.path)
    }

    /// Renders `model` with the template `name` as a `text/html; charset=utf-8` response.
    static func render(_ model: some Sendable, template name: String, status: HTTPResponse.Status = .ok, headers: HTTPFields = [:]) async throws -> Response {
        Self.response(try await Self.page(model, template: name), status: status, headers: headers)
    }

    /// A drawn page as a `text/html; charset=utf-8` response that is not cached.
    static func response(_ page: ByteBuffer, status: HTTPResponse.Status = .ok, headers: HTTPFields = [:]) -> Response {
        var fields = headers
        fields[.contentType] = "text/html; charset=utf-8"
        fields[.cacheControl] = "no-store"
        return Response(status: status, headers: fields, body: .init(byteBuffer: page))
    }

    /// The page `model` and the template `name` make.
    static func page(_ model: some Sendable, template name: String) async throws -> ByteBuffer {
        let library = try await Self.library.value
        guard let text = library.render(MustacheTree.of(model), withTemplate: name) else {
            throw HTTPError(.internalServerError, message: "missing template \(name)")
        }
        return ByteBuffer(string: text)
    }

    /// 303 See Other to `location` (POST-redirect-GET).
    static func redirect(_ location: String, headers: HTTPFields = [:]) -> Response {
        var fields = headers
        fields[.location] = location
        fields[.contentType] = "text/html; charset=utf-8"
        return Response(status: .seeOther, headers: fields, body: .init(byteBuffer: ByteBuffer(string: "<!doctype html><meta charset=\"utf-8\"><title>正在跳转</title><p>已完成，正在跳转……</p>")))
    }

    /// The error page for a refusal: its Chinese message, the English one in small text, and the right status.
    static func error(_ error: TradingError, chrome: PageChrome, back: String?) async throws -> Response {
        let model = ErrorPageModel(page: chrome.titled("出错了"), zh: error.zh, en: error.en, code: error.code, article: error.article, back: back)
        return try await Self.render(model, template: "error", status: ProblemError(error).status)
    }
}

/// An HTML page, served as `text/html; charset=utf-8`.
struct HTML: ResponseGenerator {
    let text: String
    init(_ text: String) { self.text = text }

    func response(from request: Request, context: some RequestContext) throws -> Response {
        Response(status: .ok, headers: [.contentType: "text/html; charset=utf-8"], body: .init(byteBuffer: ByteBuffer(string: self.text)))
    }
}
