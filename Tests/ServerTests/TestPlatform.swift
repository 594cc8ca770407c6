import Foundation
import Hummingbird
import HummingbirdTesting
import Logging
import SQLKit
import Server
import Storage
import Testing
import TradingCore

/// The engines the database tests run on: SQLite always; PostgreSQL instead when POSTGRES_URL is set
/// (CI runs the suite once without and once with it).
enum TestEngine: String, CaseIterable, CustomTestStringConvertible, Sendable {
    case sqlite, postgres

    static var available: [TestEngine] {
        ProcessInfo.processInfo.environment["POSTGRES_URL"] == nil ? [.sqlite] : [.postgres]
    }

    var testDescription: String { self.rawValue }
}

/// A fresh platform on a fresh database: a temporary SQLite file, or a new PostgreSQL database.
struct TestPlatform {
    let platform: Platform
    let clock: ManualClock
    let directory: URL
    let configuration: AppConfiguration

    /// Monday 2026-11-02 10:00 in Asia/Shanghai.
    static let start = Date(timeIntervalSince1970: 1_793_584_800)

    static func make(
        _ engine: TestEngine, maxUploadBytes: Int = 2 * 1024 * 1024, directory: URL? = nil, witnesses: [String] = [],
        configure: (inout AppConfiguration) -> Void = { _ in }
    ) async throws -> TestPlatform {
        let directory = directory ?? FileManager.default.temporaryDirectory.appendingPathComponent("yiwang-test-\(UUID().uuidString)")
        var url: String?
        if engine == .postgres, let base = ProcessInfo.processInfo.environment["POSTGRES_URL"] {
            let name = "yw_test_\(UUID().uuidString.replacingOccurrences(of: "-", with: "").prefix(16).lowercased())"
            let admin = try PostgresEngine(url: base, logger: Logger(label: "test"))
            try await admin.read { db in try await db.raw("CREATE DATABASE \(unsafeRaw: name)").run() }
            await admin.shutdown()
            var components = URLComponents(string: base)!
            components.path = "/" + name
            url = components.string
        }
        let clock = ManualClock(Self.start)
        var logger = Logger(label: "yiwang-test")
        logger.logLevel = .warning
        var configuration = AppConfiguration(databaseURL: url, dataDirectory: directory.path, maxUploadBytes: maxUploadBytes, bcryptCost: 4, sessionHours: 24 * 90, schedulerSeconds: 0)
        configuration.logWitnesses = witnesses
        configure(&configuration)
        let platform = try await PlatformBootstrap.open(configuration, clock: clock, logger: logger)
        _ = try await PlatformBootstrap.ensureOperator(platform, password: "operator-pass")
        return TestPlatform(platform: platform, clock: clock, directory: directory, configuration: configuration)
    }

    /// Closes `old`'s connections and starts a new platform on the same database, files and log key (a restart).
    static func reopen(_ old: TestPlatform) async throws -> TestPlatform {
        await old.platform.engine.shutdown()
        let platform = try await PlatformBootstrap.open(old.configuration, clock: old.clock, logger: old.platform.logger)
        return TestPlatform(platform: platform, clock: old.clock, directory: old.directory, configuration: old.configuration)
    }

    func shutdown() async {
        await self.platform.engine.shutdown()
        try? FileManager.default.removeItem(at: self.directory)
    }

    /// Runs `body` against an app built on this platform through the real router.
    func test<Value: Sendable>(_ body: @escaping @Sendable (any TestClientProtocol) async throws -> Value) async throws -> Value {
        let app = Application(router: buildRouter(platform: self.platform), logger: self.platform.logger)
        return try await app.test(.router, body)
    }

    /// Row counts of every table plus every lot's phase: equal before and after a refused request means nothing was written.
    func snapshot() async throws -> [String] {
        try await self.platform.engine.read { db in
            var counts: [String] = []
            for table in ["parties", "accounts", "projects", "lots", "notices", "documents", "attachments", "registrations", "bids", "log_entries", "catalog_entries"] {
                let n = try await db.raw("SELECT COUNT(*) AS n FROM \(unsafeRaw: table)").first()?.decode(column: "n", as: Int64.self) ?? -1
                counts.append("\(table)=\(n)")
            }
            struct Phase: Decodable { var id: String; var phase: String; var lifecycle: String }
            for lot in try await db.rows("SELECT id, phase, lifecycle FROM lots ORDER BY id", as: Phase.self) {
                counts.append("\(lot.id)=\(lot.phase):\(lot.lifecycle.hashValue)")
            }
            return counts
        }
    }

    static func code(_ n: Int) -> String {
        CreditCode.completing(String(format: "91110000%08d", 10_000_000 + n))!
    }
}

/// JSON helpers for the router test client.
extension TestClientProtocol {
    @discardableResult
    func json(_ method: HTTPRequest.Method, _ uri: String, token: String? = nil, body: [String: Any]? = nil) async throws -> (status: HTTPResponse.Status, json: [String: Any]) {
        var headers: HTTPFields = [.contentType: "application/json"]
        if let token { headers[.authorization] = "Bearer \(token)" }
        let data = try body.map { try JSONSerialization.data(withJSONObject: $0) }
        return try await self.execute(uri: uri, method: method, headers: headers, body: data.map { ByteBuffer(bytes: $0) }) { response in
            let object = (try? JSONSerialization.jsonObject(with: Data(response.body.readableBytesView))) as? [String: Any] ?? [:]
            return (response.status, object)
        }
    }

    func upload(_ uri: String, token: String, bytes: [UInt8]) async throws -> (status: HTTPResponse.Status, json: [String: Any]) {
        try await self.execute(uri: uri, method: .post, headers: [.authorization: "Bearer \(token)", .contentType: "application/octet-stream"], body: ByteBuffer(bytes: bytes)) { response in
            let object = (try? JSONSerialization.jsonObject(with: Data(response.body.readableBytesView))) as? [String: Any] ?? [:]
            return (response.status, object)
        }
    }

    func login(_ username: String, _ password: String = "password-123") async throws -> String {
        let (status, json) = try await self.json(.post, "/api/v1/auth/login", body: ["username": username, "password": password])
        guard status == .ok, let token = json["token"] as? String else { throw TestFailure("login \(username) failed: \(status) \(json)") }
        return token
    }
}

struct TestFailure: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}
