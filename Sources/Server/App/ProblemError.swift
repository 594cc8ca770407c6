import Foundation
import Hummingbird
import TradingCore

/// An RFC 9457 problem-details response carrying a ``TradingError``'s Chinese and English messages.
public struct ProblemError: Error, HTTPResponseError {
    public let error: TradingError

    public init(_ error: TradingError) {
        self.error = error
    }

    public var status: HTTPResponse.Status {
        switch self.error.kind {
        case .invalid: self.error.code == "malformed-json" ? .badRequest : .unprocessableContent
        case .unauthenticated: .unauthorized
        case .forbidden: .forbidden
        case .notFound: .notFound
        case .conflict: .conflict
        case .tooLarge: .contentTooLarge
        }
    }

    struct Body: Encodable {
        var type: String
        var title: String
        var status: Int
        var detail: String
        var code: String
        var zh: String
        var en: String
        var article: String?
    }

    public func response(from request: Request, context: some RequestContext) throws -> Response {
        let body = Body(
            type: "https://yiwang.example/problems/\(self.error.code)", title: self.error.en, status: Int(self.status.code),
            detail: "\(self.error.zh) / \(self.error.en)", code: self.error.code, zh: self.error.zh, en: self.error.en, article: self.error.article
        )
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        let data = try encoder.encode(body)
        return Response(
            status: self.status,
            headers: [.contentType: "application/problem+json; charset=utf-8"],
            body: .init(byteBuffer: ByteBuffer(bytes: data))
        )
    }
}

/// Turns domain errors, JSON decoding errors and framework errors into problem details; nothing leaks a stack.
struct ProblemMiddleware: RouterMiddleware {
    typealias Context = AppRequestContext

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        do {
            return try await next(request, context)
        } catch let error as TradingError {
            throw ProblemError(error)
        } catch is DecodingError {
            throw ProblemError(.invalid("malformed-json", zh: "请求体不是有效的JSON或缺少必填字段", en: "The request body is not valid JSON or misses a required field"))
        } catch let error as ProblemError {
            throw error
        } catch let error as any HTTPResponseError where error.status == .contentTooLarge {
            throw ProblemError(TradingError(.tooLarge, code: "body-too-large", zh: "请求体过大", en: "The request body is too large"))
        } catch let error as HTTPError where error.status == .badRequest {
            throw ProblemError(.invalid("malformed-json", zh: "请求格式错误：\(error.body ?? "")", en: "Bad request: \(error.body ?? "")"))
        } catch let error as HTTPError where error.status == .notFound {
            throw ProblemError(.notFound("Page", zh: "页面"))
        }
    }
}
