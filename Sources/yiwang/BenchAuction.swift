import ArgumentParser
import Foundation
import Hummingbird
import HummingbirdWSClient
import HummingbirdWebSocket
import Logging
import NIOCore
import NIOPosix
import Server
import Storage
import Synchronization
import TradingCore

/// `yiwang bench auction` — one auction with many bidders and WebSocket watchers, then many auctions at once. Bids go
/// through the locked bid path (`AuctionService.bid`, in process); watchers follow `/api/v1/auctions/{id}/live` over
/// real WebSockets on loopback, from a process of their own (`bench auction-watchers`). Fan-out latency = the watcher's
/// receipt − the bid's server receipt time (same machine clock); commit latency = the acknowledgement − the receipt time.
struct BenchAuction: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "auction", abstract: "Bids per second and WebSocket fan-out latency of online auctions.")

    @Option(help: "Database (SQLite path or postgres:// URL of an empty database); a temporary SQLite database when omitted.") var database: String?
    @Option(help: "Bidders in the single auction.") var bidders = 200
    @Option(help: "WebSocket watchers (split over the auctions in the second phase).") var watchers = 1000
    @Option(help: "Concurrent auctions in the second phase (two bidders each).") var auctions = 100
    @Option(help: "Seconds of bidding per phase.") var seconds = 10

    func run() async throws {
        NIOSingletons.unsafeTryInstallSingletonPosixEventLoopGroupAsConcurrencyGlobalExecutor()
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("yiwang-bench-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: directory) }
        var logger = Logger(label: "yiwang-bench")
        logger.logLevel = .error
        let configuration = AppConfiguration(
            databaseURL: self.database ?? directory.appendingPathComponent("bench.sqlite").path, dataDirectory: directory.path,
            maxUploadBytes: 1024, bcryptCost: 4, sessionHours: 24, schedulerSeconds: 0
        )
        let platform = try await PlatformBootstrap.open(configuration, clock: SystemClock(), logger: logger)
        let bench = AuctionBench(platform: platform, logger: logger)
        let people = try await bench.people(count: max(self.bidders, 2 * self.auctions))
        // The servers here stop with the process, not by cancelling their tasks: a cancellation once deadlocked between
        // the task's status lock and swift-async-algorithms' merge (inside the server's service group), hanging the bench.
        let server = try await AuctionBench.startServer(platform: platform)
        let single = try await bench.phase(
            auctions: 1, biddersPerAuction: self.bidders, watchersPerAuction: self.watchers, seconds: self.seconds, people: people, port: server.port)
        print("auction.single engine=\(platform.engine.dialect.rawValue) bidders=\(self.bidders) watchers=\(self.watchers) \(single)")
        fflush(nil)  // each phase's line out at once, also into a pipe
        let many = try await bench.phase(
            auctions: self.auctions, biddersPerAuction: 2, watchersPerAuction: max(1, self.watchers / max(self.auctions, 1)), seconds: self.seconds,
            people: people, port: server.port)
        print("auction.concurrent engine=\(platform.engine.dialect.rawValue) auctions=\(self.auctions) watchers=\(max(1, self.watchers / max(self.auctions, 1)) * self.auctions) \(many)")
        fflush(nil)
        let frameBytes = single.watchers.frames > 0 ? single.watchers.bytes / single.watchers.frames : 0
        let ceiling = try await FanoutBaseline(watchers: self.watchers, frameBytes: frameBytes, seconds: 5, logger: logger).framesPerSecond()
        print(
            "auction.baseline watchers=\(self.watchers) frame_bytes=\(frameBytes) raw_frames_per_s=\(String(format: "%.0f", ceiling)) "
                + "single_frames_per_s=\(String(format: "%.0f", Double(single.watchers.frames) / single.seconds)) (the same server stack writing a fixed frame as fast as in-process clients take it, no auction)")
        await platform.engine.shutdown()
    }
}

/// The bench's accounts, auctions, bidders and watchers.
struct AuctionBench: Sendable {
    let platform: Platform
    let logger: Logger

    struct People: Sendable {
        var tenderer: Actor
        var bidders: [Actor]
        var projectID: String
        var lotID: String
    }

    struct Result: Sendable, CustomStringConvertible {
        var accepted: Int
        var refused: Int
        var seconds: Double
        /// What the watcher process measured (fan-out latency, frames, bytes).
        var watchers: WatcherReport
        /// Each accepted bid's time from its receipt (inside the lock) to its acknowledgement (after the commit), sorted.
        var commits: [Double]
        /// Refusals by code (`error` for anything but a refusal).
        var refusals: [String: Int]

        var description: String {
            func format(_ value: Double?) -> String { value.map { String(format: "%.1f", $0) } ?? "n/a" }
            let refusals = self.refusals.isEmpty ? "" : " (" + self.refusals.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: ",") + ")"
            return "bids_per_s=\(String(format: "%.0f", Double(self.accepted) / self.seconds)) accepted=\(self.accepted) refused=\(self.refused)\(refusals) "
                + "fanout_p50_ms=\(format(self.watchers.p50)) fanout_p99_ms=\(format(self.watchers.p99)) samples=\(self.watchers.samples) frames=\(self.watchers.frames) "
                + "commit_p50_ms=\(format(Baseline.percentile(self.commits, 0.5))) commit_p99_ms=\(format(Baseline.percentile(self.commits, 0.99)))"
        }
    }

    func people(count: Int) async throws -> People {
        let accounts = self.platform.accounts
        func actor(_ registered: AccountService.Registered, _ role: Role) -> Actor {
            Actor(accountID: registered.account.id, username: registered.account.username, role: role, partyID: registered.party.id, displayName: registered.party.name)
        }
        let owner = try await accounts.registerEnterprise(.init(name: "国有资产经营公司", creditCode: CreditCode.completing("9135020015600001")!, username: "owner", password: "bench-password", role: "tenderer"))
        let tenderer = actor(owner, .tenderer)
        var bidders: [Actor] = []
        for index in 0..<count {
            let code = CreditCode.completing(String(format: "91350200%08d", 20_000_000 + index))!
            let registered = try await accounts.registerEnterprise(.init(name: "竞买企业\(index)有限公司", creditCode: code, username: "bidder\(index)", password: "bench-password", role: "bidder"))
            bidders.append(actor(registered, .bidder))
        }
        let project = try await self.platform.tenders.create(
            .init(title: "国有资产网络竞价（基准测试）", catalogCode: "property.online-auction", region: "厦门市",
                  lots: [.init(title: "资产包", estimateFen: 100_000_000, depositFen: 1_000_000)]), by: tenderer)
        return People(tenderer: tenderer, bidders: bidders, projectID: project.id, lotID: project.lots[0].id)
    }

    /// Opens `auctions` auctions with their bidders registered and qualified, connects the watchers, bids for `seconds`.
    func phase(auctions count: Int, biddersPerAuction: Int, watchersPerAuction: Int, seconds: Int, people: People, port: Int) async throws -> Result {
        let now = Date()
        var auctions: [(id: String, bidders: [Actor])] = []
        for index in 0..<count {
            let form = AuctionService.Form(
                kind: "english", startPriceFen: 1_000_000, incrementFen: 100, depositFen: 10_000,
                opensAt: Timestamps.rfc3339(now), closesAt: Timestamps.rfc3339(now.addingTimeInterval(3600)))
            let view = try await self.platform.auctions.create(projectID: people.projectID, lotID: people.lotID, form: form, by: people.tenderer)
            let bidders = (0..<biddersPerAuction).map { people.bidders[(index * biddersPerAuction + $0) % people.bidders.count] }
            for bidder in bidders {
                let registration = try await self.platform.auctions.register(auctionID: view.id, by: bidder)
                _ = try await self.platform.auctions.confirmDeposit(auctionID: view.id, registrationID: registration.id, amountFen: 10_000, by: .system)
            }
            auctions.append((view.id, bidders))
        }
        var (watchers, ready) = try await WatcherProcess.start(port: port, auctions: auctions.map(\.id), perAuction: watchersPerAuction)
        if ready < auctions.count * watchersPerAuction { self.logger.error("only \(ready) of \(auctions.count * watchersPerAuction) watchers connected") }
        let shared = BenchShared()
        let started = Date()
        let deadline = started.addingTimeInterval(TimeInterval(seconds))
        let (accepted, refused) = try await withThrowingTaskGroup(of: (Int, Int).self) { group in
            for auction in auctions {
                let counter = BenchShared()
                for (slot, bidder) in auction.bidders.enumerated() {
                    group.addTask {
                        var accepted = 0, refused = 0
                        var step = 0
                        var commits: [Double] = []
                        while Date() < deadline {
                            let amount = 1_000_000 + 100 * counter.amounts.wrappingAdd(1, ordering: .relaxed).newValue
                            step += 1
                            do {
                                let answer = try await self.platform.auctions.bid(auctionID: auction.id, clientBidID: "\(slot)-\(step)", amountFen: amount, by: bidder)
                                if let received = Timestamps.parse(answer.receivedAt) { commits.append(Date().timeIntervalSince(received) * 1000) }
                                accepted += 1
                            } catch {
                                refused += 1
                                let code = (error as? TradingError)?.code ?? "error"
                                shared.refusals.withLock { $0[code, default: 0] += 1 }
                                if refused == 1, !(error is TradingError) { self.logger.error("bid failed: \(error)") }
                            }
                        }
                        shared.commits.withLock { $0 += commits }
                        return (accepted, refused)
                    }
                }
            }
            return try await group.reduce(into: (0, 0)) { $0.0 += $1.0; $0.1 += $1.1 }
        }
        let elapsed = Date().timeIntervalSince(started)
        try await Task.sleep(for: .milliseconds(500))  // the last frames on their way
        let report = try await watchers.stop()
        return Result(accepted: accepted, refused: refused, seconds: elapsed, watchers: report, commits: shared.commits.withLock { $0 }.sorted(), refusals: shared.refusals.withLock { $0 })
    }

    /// The `time` of a `bid` message as milliseconds since midnight UTC, read off the fixed RFC 3339 layout
    /// (`…"time":"2026-11-24T08:15:18.123Z"…`) without decoding the JSON: the watchers share the machine with the
    /// server, and a full decode of every message by 1,000 watchers would weigh on the figure measured.
    static func bidTime(_ bytes: UnsafeBufferPointer<UInt8>) -> Double? {
        guard Self.find(Array(#""type":"bid""#.utf8), in: bytes) != nil, let at = Self.find(Array(#""time":""#.utf8), in: bytes) else { return nil }
        let start = at + 8 + 11  // past `"time":"` and `YYYY-MM-DDT`
        guard bytes.count >= start + 12 else { return nil }
        func number(_ offset: Int, _ count: Int) -> Double {
            bytes[(start + offset)..<(start + offset + count)].reduce(0) { $0 * 10 + Double($1 &- 48) }
        }
        return ((number(0, 2) * 60 + number(3, 2)) * 60 + number(6, 2)) * 1000 + number(9, 3)
    }

    static func sinceMidnight(_ millis: Double) -> Double {
        millis.truncatingRemainder(dividingBy: 86_400_000)
    }

    private static func find(_ needle: [UInt8], in bytes: UnsafeBufferPointer<UInt8>) -> Int? {
        guard bytes.count >= needle.count else { return nil }
        for index in 0...(bytes.count - needle.count) where bytes[index] == needle[0] {
            if bytes[index..<(index + needle.count)].elementsEqual(needle) { return index }
        }
        return nil
    }

    /// An in-process server with the WebSocket routes on a free loopback port.
    static func startServer(platform: Platform) async throws -> (port: Int, task: Task<Void, any Error>) {
        let (stream, continuation) = AsyncStream.makeStream(of: Int.self)
        var serverLogger = platform.logger
        serverLogger.logLevel = .critical
        let app = Application(
            router: buildRouter(platform: platform),
            server: .http1WebSocketUpgrade(webSocketRouter: buildWebSocketRouter(platform: platform)),
            configuration: .init(address: .hostname("127.0.0.1", port: 0), serverName: "yiwang", backlog: 4096),
            onServerRunning: { channel in continuation.yield(channel.localAddress?.port ?? 0) },
            logger: serverLogger
        )
        let task = Task { try await app.runService(gracefulShutdownSignals: []) }
        var port = 0
        for await value in stream { port = value; break }
        return (port, task)
    }
}

/// Counters shared by the bench's tasks.
final class BenchShared: Sendable {
    let amounts = Atomic<Int64>(0)
    let commits = Mutex<[Double]>([])
    let refusals = Mutex<[String: Int]>([:])
}
