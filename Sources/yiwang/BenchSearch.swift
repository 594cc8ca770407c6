import ArgumentParser
import Foundation
import Logging
import SQLKit
import Server
import Storage
import TradingCore

/// `yiwang bench search` — N generated notices (default 1,000,000): the p50/p99 of a mix of Chinese searches through the
/// notice service, then the home page's throughput under wrk beside the plain-text `/healthz` in the same run.
struct BenchSearch: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "search",
        abstract: "Search p99 over N generated notices (default 1,000,000) and the home page vs plain text under wrk."
    )

    @Option(help: "Generated notices.") var notices = 1_000_000
    @Option(help: "Timed searches.") var queries = 1_000
    @Option(help: "Database (SQLite path or postgres:// URL); a temporary SQLite database when omitted.") var database: String?
    @Option(help: "Seconds of wrk per route (0: skip the throughput part).") var wrkSeconds = 10
    @Option(help: "Seed of the generated notices.") var seed: UInt64 = 2026
    @Flag(help: "Reuse the generated notices already in --database (from an earlier run with the same seed) instead of adding more.")
    var reuse = false
    @Option(help: "Data directory (log key, files); keep the same one with --reuse. A temporary directory when omitted.")
    var dataDir: String?
    @Option(help: "Print this many of the slowest searches with their query.") var slowest = 5

    func run() async throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("yiwang-bench-search-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: directory) }
        var logger = Logger(label: "yiwang-bench")
        logger.logLevel = .error
        let configuration = AppConfiguration(
            databaseURL: self.database ?? directory.appendingPathComponent("bench.sqlite").path, dataDirectory: self.dataDir ?? directory.path,
            bcryptCost: 4, sessionHours: 24, schedulerSeconds: 0
        )
        let platform = try await PlatformBootstrap.open(configuration, clock: ManualClock(Date()), logger: logger)
        let setup = ContinuousClock.now
        let existing = self.reuse ? try await SearchCorpus.count(platform) : 0
        if existing < self.notices {
            guard existing == 0 else { throw ValidationError("--reuse: the database holds \(existing) generated notices, fewer than --notices \(self.notices)") }
            try await SearchCorpus(seed: self.seed).fill(platform, count: self.notices)
        }
        print("setup_s=\(String(format: "%.1f", Baseline.seconds(ContinuousClock.now - setup))) notices=\(self.notices)")
        // measured: the query mix, one at a time, through the service the portal and API use
        var generator = SplitMix64(seed: self.seed &+ 1)
        var millis: [Double] = []
        var timed: [(ms: Double, query: String, filter: String?)] = []
        var hits = 0
        for _ in 0..<self.queries {
            let (text, filter) = SearchCorpus.query(using: &generator)
            let start = ContinuousClock.now
            let page = try await platform.notices.list(NoticeService.Filter(tradingType: filter, query: text), limit: 20, cursor: nil)
            millis.append(Baseline.seconds(ContinuousClock.now - start) * 1000)
            timed.append((millis[millis.count - 1], text, filter))
            hits += page.items.isEmpty ? 0 : 1
        }
        millis.sort()
        let percentile = { (p: Double) in Baseline.percentile(millis, p) ?? 0 }
        print("engine=\(platform.engine.dialect) queries=\(self.queries) with_hits=\(hits)")
        for slow in timed.sorted(by: { $0.ms > $1.ms }).prefix(self.slowest) {
            print("slow_query ms=\(String(format: "%.1f", slow.ms)) q=\(slow.query) tradingType=\(slow.filter ?? "-")")
        }
        print("search_p50_ms=\(String(format: "%.2f", percentile(0.5))) search_p99_ms=\(String(format: "%.2f", percentile(0.99))) search_max_ms=\(String(format: "%.2f", millis.last ?? 0))")
        if self.wrkSeconds > 0 {
            let server = try await LiveServer.start(platform: platform)
            let (token, _) = try await platform.accounts.login(username: "bench-search", password: "bench-password")
            let home = try Self.wrk(server.baseURL + "/", seconds: self.wrkSeconds)
            let drawn = try Self.wrk(server.baseURL + "/", seconds: self.wrkSeconds, header: "Authorization: Bearer \(token)")
            let plain = try Self.wrk(server.baseURL + "/healthz", seconds: self.wrkSeconds)
            await server.stop()
            print("home_rps=\(String(format: "%.0f", home)) home_signed_in_rps=\(String(format: "%.0f", drawn)) plaintext_rps=\(String(format: "%.0f", plain))")
            print("home_vs_plaintext=\(String(format: "%.3f", home / plain)) home_signed_in_vs_plaintext=\(String(format: "%.3f", drawn / plain))")
        }
        await platform.engine.shutdown()
    }

    /// Requests per second `wrk` reports for `url` (2 threads, 32 connections), with one extra request header.
    static func wrk(_ url: String, seconds: Int, header: String? = nil) throws -> Double {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["wrk", "-t2", "-c32", "-d\(seconds)s"] + (header.map { ["-H", $0] } ?? []) + [url]
        let pipe = Pipe()
        process.standardOutput = pipe
        try process.run()
        let output = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        guard process.terminationStatus == 0,
              let line = output.split(separator: "\n").first(where: { $0.hasPrefix("Requests/sec:") }),
              let value = Double(line.split(separator: " ").last ?? "")
        else { throw ValidationError("wrk failed (install it: apt-get install wrk):\n\(output)") }
        return value
    }
}
