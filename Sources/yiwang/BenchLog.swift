import ArgumentParser
import Crypto
import Foundation
import Logging
import SQLKit
import Server
import Storage
import TradingCore
import WitnessLog

/// `yiwang bench log` — the witness log's speed, beside SHA-256 and fsync measured in the same run.
struct BenchLog: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "log",
        abstract: "Witness-log throughput: in-memory tree, durable batched appends (SQLite, PostgreSQL), inclusion proofs at 1M entries."
    )

    @Option(help: "Leaves appended to the in-memory tree.") var leaves = 1_000_000
    @Option(help: "Entries appended durably per engine.") var entries = 50_000
    @Option(help: "Entries per transaction (and per signed checkpoint).") var batch = 256
    @Option(help: "Inclusion proofs sampled.") var proofs = 10_000
    @Option(help: "PostgreSQL URL for the durable run (default: POSTGRES_URL; skipped when neither is set).") var postgres: String?
    @Option(help: "Seed for the sampled proof indices.") var seed: UInt64 = 2026

    func run() async throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("yiwang-bench-log-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        // baselines: SHA-256 of 64-byte messages, fsync'd small writes
        let message = [UInt8](repeating: 0x5A, count: 64)
        let sha256PerSecond = Self.rate(count: 2_000_000) { count in
            var sink: UInt8 = 0
            for _ in 0..<count { sink ^= SHA256.hash(data: message).first(where: { _ in true }) ?? 0 }
            return sink
        }
        let fsync = try Baseline.measure(size: 64, count: 500, directory: directory)
        print("sha256_per_s=\(Int(sha256PerSecond))")
        print("fsync_per_s=\(Int(fsync.fsyncWritesPerSecond))")
        // the in-memory tree: hash each 64-byte entry as a leaf, append, and take the root every 256 leaves
        var tree = MerkleTree()
        let treeStart = ContinuousClock.now
        var entry = message
        for index in 0..<self.leaves {
            entry[0] = UInt8(truncatingIfNeeded: index)
            entry[1] = UInt8(truncatingIfNeeded: index >> 8)
            entry[2] = UInt8(truncatingIfNeeded: index >> 16)
            tree.append(entry: entry)
            if index % 256 == 255 { _ = tree.rootHash }
        }
        _ = tree.rootHash
        let treeSeconds = Baseline.seconds(ContinuousClock.now - treeStart)
        let treeRate = Double(self.leaves) / treeSeconds
        print("tree_leaves_per_s=\(Int(treeRate))")
        print("tree_target_leaves_per_s=\(Int(0.4 * sha256PerSecond / 2))")
        // inclusion proofs at the full size, random leaves
        var generator = SplitMix64(seed: self.seed)
        var micros: [Double] = []
        micros.reserveCapacity(self.proofs)
        let size = tree.size
        for _ in 0..<self.proofs {
            let leaf = generator.next() % size
            let start = ContinuousClock.now
            let proof = try tree.inclusionProof(leafIndex: leaf, treeSize: size)
            micros.append(Baseline.seconds(ContinuousClock.now - start) * 1e6)
            precondition(!proof.hashes.isEmpty)
        }
        micros.sort()
        print("proof_tree_size=\(size)")
        print("proof_p50_us=\(String(format: "%.1f", micros[micros.count / 2]))")
        print("proof_p99_us=\(String(format: "%.1f", micros[Int(Double(micros.count) * 0.99)]))")
        // durable appends through the log: one transaction and one signed checkpoint per batch
        let sqlite = directory.appendingPathComponent("log.sqlite").path
        print("durable_entries_per_s_sqlite=\(Int(try await self.durable(url: sqlite, directory: directory.appendingPathComponent("sqlite"))))")
        if let url = self.postgres ?? ProcessInfo.processInfo.environment["POSTGRES_URL"] {
            let database = try await Self.freshPostgres(url)
            print("durable_entries_per_s_postgres=\(Int(try await self.durable(url: database, directory: directory.appendingPathComponent("postgres"))))")
        }
        print("entries=\(self.entries) batch=\(self.batch)")
    }

    /// Appends `entries` log events in transactions of `batch`, signing a checkpoint after each; entries per second.
    func durable(url: String, directory: URL) async throws -> Double {
        var logger = Logger(label: "yiwang-bench")
        logger.logLevel = .error
        let configuration = AppConfiguration(databaseURL: url, dataDirectory: directory.path, bcryptCost: 4, schedulerSeconds: 0)
        let platform = try await PlatformBootstrap.open(configuration, logger: logger)
        let now = Date()
        let start = ContinuousClock.now
        var written = 0
        while written < self.entries {
            let count = min(self.batch, self.entries - written)
            let events = try (written..<(written + count)).map { index in
                try LogEvent(type: "bench.event", project: "bench-\(index % 100)", actor: "bench", time: now, data: ["n": String(index)]).canonicalBytes()
            }
            _ = try await platform.engine.transaction { db in try await LogRecords.append(entries: events, on: db) }
            _ = try await platform.log.checkpoint()
            written += count
        }
        let seconds = Baseline.seconds(ContinuousClock.now - start)
        await platform.engine.shutdown()
        return Double(self.entries) / seconds
    }

    static func rate(count: Int, _ body: (Int) -> UInt8) -> Double {
        let start = ContinuousClock.now
        _ = body(count)
        return Double(count) / Baseline.seconds(ContinuousClock.now - start)
    }

    /// A new database on the server `url` names, so runs never mix.
    static func freshPostgres(_ url: String) async throws -> String {
        let name = "yw_bench_log_\(UUID().uuidString.replacingOccurrences(of: "-", with: "").prefix(12).lowercased())"
        let admin = try PostgresEngine(url: url, logger: Logger(label: "bench"))
        try await admin.read { db in try await db.raw("CREATE DATABASE \(unsafeRaw: name)").run() }
        await admin.shutdown()
        var components = URLComponents(string: url)!
        components.path = "/" + name
        return components.string!
    }
}
