import AsyncHTTPClient
import Foundation
import NIOHTTP1
import Hummingbird
import Logging
import NIOCore
import Server

/// An in-process server on a free loopback port, driven over real HTTP by `demo` and `bench`.
struct LiveServer {
    let baseURL: String
    let task: Task<Void, any Error>

    static func start(platform: Platform) async throws -> LiveServer {
        let (stream, continuation) = AsyncStream.makeStream(of: Int.self)
        var serverLogger = platform.logger
        serverLogger.logLevel = .critical
        let app = Application(
            router: buildRouter(platform: platform),
            configuration: .init(address: .hostname("127.0.0.1", port: 0), serverName: "yiwang"),
            onServerRunning: { channel in continuation.yield(channel.localAddress?.port ?? 0) },
            logger: serverLogger
        )
        let task = Task { try await app.runService(gracefulShutdownSignals: []) }
        var port = 0
        for await value in stream { port = value; break }
        return LiveServer(baseURL: "http://127.0.0.1:\(port)", task: task)
    }

    func stop() async {
        self.task.cancel()
        _ = try? await self.task.value
    }
}

/// A small JSON client over AsyncHTTPClient.
struct APIClient {
    let http: HTTPClient
    let baseURL: String

    struct Failure: Error, CustomStringConvertible {
        var description: String
    }

    func call(
        _ method: HTTPMethod, _ path: String, token: String? = nil, json: [String: Any]? = nil, bytes: [UInt8]? = nil,
        headers: [String: String] = [:], contentType: String = "application/octet-stream"
    ) async throws -> (status: Int, json: [String: Any]) {
        var request = HTTPClientRequest(url: self.baseURL + path)
        request.method = method
        if let token { request.headers.add(name: "Authorization", value: "Bearer \(token)") }
        for (name, value) in headers { request.headers.add(name: name, value: value) }
        if let json {
            request.headers.add(name: "Content-Type", value: "application/json")
            request.body = .bytes(ByteBuffer(bytes: try JSONSerialization.data(withJSONObject: json)))
        } else if let bytes {
            request.headers.add(name: "Content-Type", value: contentType)
            request.body = .bytes(ByteBuffer(bytes: bytes))
        }
        let response = try await self.http.execute(request, timeout: .seconds(60))
        let body = try await response.body.collect(upTo: 64 * 1024 * 1024)
        let object = (try? JSONSerialization.jsonObject(with: Data(body.readableBytesView))) as? [String: Any] ?? [:]
        return (Int(response.status.code), object)
    }

    /// Calls and insists on `expect`, failing with the problem details otherwise.
    @discardableResult
    func expect(
        _ expect: Int, _ method: HTTPMethod, _ path: String, token: String? = nil, json: [String: Any]? = nil, bytes: [UInt8]? = nil,
        headers: [String: String] = [:], contentType: String = "application/octet-stream"
    ) async throws -> [String: Any] {
        let (status, object) = try await self.call(method, path, token: token, json: json, bytes: bytes, headers: headers, contentType: contentType)
        guard status == expect else {
            throw Failure(description: "\(method) \(path) answered \(status), expected \(expect): \(object["zh"] ?? "") \(object["en"] ?? object)")
        }
        return object
    }

    /// GETs `path` and returns the body bytes, insisting on 200.
    func download(_ path: String, token: String? = nil) async throws -> [UInt8] {
        var request = HTTPClientRequest(url: self.baseURL + path)
        if let token { request.headers.add(name: "Authorization", value: "Bearer \(token)") }
        let response = try await self.http.execute(request, timeout: .seconds(60))
        let body = try await response.body.collect(upTo: 64 * 1024 * 1024)
        guard response.status.code == 200 else { throw Failure(description: "GET \(path) answered \(response.status.code)") }
        return Array(body.readableBytesView)
    }

    func login(_ username: String, _ password: String) async throws -> String {
        let object = try await self.expect(200, .POST, "/api/v1/auth/login", json: ["username": username, "password": password])
        guard let token = object["token"] as? String else { throw Failure(description: "no token for \(username)") }
        return token
    }
}
