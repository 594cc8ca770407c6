import ArgumentParser
import AsyncHTTPClient
import Foundation
import NIOHTTP1
import Logging
import NIOCore
import NIOPosix
import SQLKit
import Server
import Storage
import TradingCore

/// `yiwang bench …` — measurements recorded in BENCHMARKS.md.
struct Bench: AsyncParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Benchmarks.", subcommands: [BenchSubmit.self, BenchLog.self, BenchOpening.self, BenchDraw.self, BenchScreen.self, BenchScreenQuality.self, BenchSearch.self, BenchAuction.self, BenchAuctionWatchers.self])
}

/// `yiwang bench submit` — N bidders each submit a 1 MiB bid in the last minute before a deadline against a live server.
struct BenchSubmit: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "submit", abstract: "N bidders submit a bid each in the last minute before the deadline.")

    @Option(help: "Number of bidders.") var bidders = 1000
    @Option(help: "Bid size in bytes.") var size = 1024 * 1024
    @Option(help: "With --burst: concurrent uploads in flight.") var concurrency = 64
    @Flag(help: "Stress variant: send every bid as fast as possible with --concurrency in flight, instead of each bidder at a random instant within the last minute.")
    var burst = false
    @Option(help: "Seed for the arrival instants.") var seed: UInt64 = 2026
    @Option(help: "Database (SQLite path or postgres:// URL); a temporary SQLite database when omitted.") var database: String?

    func run() async throws {
        NIOSingletons.unsafeTryInstallSingletonPosixEventLoopGroupAsConcurrencyGlobalExecutor()
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("yiwang-bench-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: directory) }
        var logger = Logger(label: "yiwang-bench")
        logger.logLevel = .error
        let clock = ManualClock(Date())
        let configuration = AppConfiguration(
            databaseURL: self.database ?? directory.appendingPathComponent("bench.sqlite").path, dataDirectory: directory.path,
            maxUploadBytes: max(self.size * 2, 1024), bcryptCost: 4, sessionHours: 24 * 90, schedulerSeconds: 0
        )
        let platform = try await PlatformBootstrap.open(configuration, clock: clock, logger: logger)
        let server = try await LiveServer.start(platform: platform)
        var httpConfiguration = HTTPClient.Configuration()
        httpConfiguration.connectionPool.concurrentHTTP1ConnectionsPerHostSoftLimit = self.concurrency
        let http = HTTPClient(eventLoopGroupProvider: .singleton, configuration: httpConfiguration)
        let api = APIClient(http: http, baseURL: server.baseURL)
        defer { _ = (http, server) }
        // setup (not measured): a tenderer, N registered bidders, an announced lot
        let setupStart = ContinuousClock.now
        try await api.expect(201, .POST, "/api/v1/enterprises", json: [
            "name": "压测招标人", "creditCode": CreditCode.completing("9135020017700000")!, "username": "bench-tenderer", "password": "bench-password", "role": "tenderer",
        ])
        let tenderer = try await api.login("bench-tenderer", "bench-password")
        let project = try await api.expect(201, .POST, "/api/v1/projects", token: tenderer, json: [
            "title": "压测：投标截止前一分钟集中递交", "catalogCode": "engineering.open-tender", "region": "压测",
            "lots": [["title": "标段一", "estimateFen": 1_000_000_000, "depositFen": 0]],
        ])
        let projectID = project["id"] as? String ?? ""
        let lotID = ((project["lots"] as? [[String: Any]])?.first?["id"] as? String) ?? ""
        let today = LocalDate(clock.now())
        let deadline = today.adding(days: 25).startInstant.addingTimeInterval(9.5 * 3600)
        try await api.expect(200, .POST, "/api/v1/projects/\(projectID)/announce", token: tenderer, json: [
            "bidDeadline": Timestamps.rfc3339(deadline), "documentsUntil": "\(today.adding(days: 7))T17:00:00+08:00",
        ])
        let lot = "/api/v1/projects/\(projectID)/lots/\(lotID)"
        let tokens = try await Self.concurrently(self.bidders, limit: 16) { index in
            let username = "bench-bidder-\(index)"
            try await api.expect(201, .POST, "/api/v1/enterprises", json: [
                "name": "压测投标人\(index)", "creditCode": CreditCode.completing(String(format: "91350200%08d", 20_000_000 + index))!,
                "username": username, "password": "bench-password", "role": "bidder",
            ])
            let token = try await api.login(username, "bench-password")
            try await api.expect(201, .POST, "\(lot)/registrations", token: token, json: ["deposit": "none"])
            return token
        }
        let setup = ContinuousClock.now - setupStart
        // exercise: the last minute before the deadline
        var payload = [UInt8](repeating: 0, count: self.size)
        var generator = SystemRandomNumberGenerator()
        for index in stride(from: 0, to: payload.count, by: 8) { payload[index] = UInt8.random(in: 0...255, using: &generator) }
        let shared = payload
        let submit: @Sendable (Int) async -> (Double, Bool) = { index in
            var bytes = shared
            withUnsafeBytes(of: UInt64(index).bigEndian) { for (offset, byte) in $0.enumerated() { bytes[offset] = byte } }
            let began = ContinuousClock.now
            let outcome = try? await api.call(.POST, "\(lot)/bids?priceFen=\(900_000_000 + index)&filename=bid.pdf", token: tokens[index], bytes: bytes)
            let elapsed = ContinuousClock.now - began
            if outcome?.status != 201 {
                FileHandle.standardError.write(Data("refused bid \(index): \(outcome?.status ?? 0) \(outcome?.json["en"] ?? "no answer")\n".utf8))
            }
            return (Baseline.seconds(elapsed) * 1000, outcome?.status == 201)
        }
        let start = ContinuousClock.now
        // The server clock runs from deadline − 60 s in step with real time, so a bid's legal time is when it arrives.
        let ticker = Task {
            while !Task.isCancelled {
                clock.set(deadline.addingTimeInterval(-60 + Baseline.seconds(ContinuousClock.now - start)))
                try? await Task.sleep(for: .milliseconds(2))
            }
        }
        let results: [(Double, Bool)]
        if self.burst {
            results = try await Self.concurrently(self.bidders, limit: self.concurrency) { await submit($0) }
        } else {
            // Open loop: each bidder sends at its own instant, uniform within the last 58 s (a 2 s margin for the upload).
            var generator = SplitMix64(seed: self.seed)
            let offsets = (0..<self.bidders).map { _ in Int(generator.next() % 58_000) }
            results = try await Self.concurrently(self.bidders, limit: self.bidders) { index in
                try await Task.sleep(until: start + .milliseconds(offsets[index]), clock: .continuous)
                return await submit(index)
            }
        }
        ticker.cancel()
        let seconds = Baseline.seconds(ContinuousClock.now - start)
        // validate: every acknowledged bid is in the database once
        let stored = try await platform.engine.read { db in
            try await db.raw("SELECT COUNT(*) AS n FROM bids WHERE lot_id = \(bind: lotID) AND status = 'active'").first()?.decode(column: "n", as: Int64.self) ?? 0
        }
        let latencies = results.map(\.0).sorted()
        let acknowledged = results.filter(\.1).count
        func percentile(_ p: Double) -> Double { latencies.isEmpty ? 0 : latencies[min(latencies.count - 1, Int((Double(latencies.count) * p).rounded(.up)) - 1)] }
        print("engine=\(platform.engine.dialect.rawValue)")
        print("bidders=\(self.bidders)")
        print("bid_bytes=\(self.size)")
        print("arrivals=\(self.burst ? "burst, \(self.concurrency) in flight" : "each bidder at a random instant in the last minute")")
        print("setup_s=\(String(format: "%.1f", Baseline.seconds(setup)))")
        print("bids_per_s=\(String(format: "%.1f", Double(acknowledged) / seconds))")
        print("refused=\(results.count - acknowledged)")
        print("p50_ms=\(String(format: "%.1f", percentile(0.50)))")
        print("p99_ms=\(String(format: "%.1f", percentile(0.99)))")
        print("within_last_minute=\(seconds <= 60 ? "yes" : "no") (\(String(format: "%.1f", seconds)) s)")
        print("lost=\(self.bidders - Int(stored))")
        print("acknowledged_but_missing=\(max(0, acknowledged - Int(stored)))")
        let baseline = try Baseline.measure(size: self.size, count: 200, directory: directory)
        print("baseline_fsync_writes_per_s=\(String(format: "%.1f", baseline.fsyncWritesPerSecond))")
        print("baseline_sha256_per_s=\(String(format: "%.1f", baseline.sha256PerSecond))")
        try await http.shutdown()
        await server.stop()
        await platform.engine.shutdown()
    }
}

extension BenchSubmit {
    /// Runs `body` for 0..<count with at most `limit` in flight; results in index order.
    static func concurrently<T: Sendable>(_ count: Int, limit: Int, _ body: @escaping @Sendable (Int) async throws -> T) async throws -> [T] {
        try await withThrowingTaskGroup(of: (Int, T).self) { group in
            var results = [T?](repeating: nil, count: count)
            var next = 0
            while next < min(limit, count) {
                let index = next
                group.addTask { (index, try await body(index)) }
                next += 1
            }
            while let (index, value) = try await group.next() {
                results[index] = value
                if next < count {
                    let index = next
                    group.addTask { (index, try await body(index)) }
                    next += 1
                }
            }
            return results.map { $0! }
        }
    }
}

/// A small seeded generator for reproducible arrival instants.
struct SplitMix64: RandomNumberGenerator {
    var state: UInt64
    init(seed: UInt64) { self.state = seed }
    mutating func next() -> UInt64 {
        self.state &+= 0x9E37_79B9_7F4A_7C15
        var z = self.state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
