import ArgumentParser
import Foundation
import Logging
import NIOCore
import NIOHTTP1
import NIOPosix
import NIOWebSocket
import Synchronization

/// `yiwang bench auction-watchers` (hidden) — the WebSocket watchers of `bench auction`, run as a process of their own
/// so that the server's event loops and the watchers' do not take turns on the same threads (the kernel shares the
/// cores between the two processes instead). Connects `--per-auction` watchers to each `--auction`, prints
/// `ready COUNT` once they all had their first frame, counts fan-out latencies until a `stop` line on stdin, then prints
/// `result …` (see ``WatcherReport``) and exits.
struct BenchAuctionWatchers: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "auction-watchers", abstract: "The watchers of bench auction (started by it).", shouldDisplay: false)

    @Option var port: Int
    @Option(parsing: .upToNextOption) var auction: [String]
    @Option var perAuction: Int

    func run() async throws {
        NIOSingletons.unsafeTryInstallSingletonPosixEventLoopGroupAsConcurrencyGlobalExecutor()
        var logger = Logger(label: "yiwang-bench-watchers")
        logger.logLevel = .critical
        let shared = WatcherCounters()
        let (auctions, perAuction, port, quiet) = (self.auction, self.perAuction, self.port, logger)
        let watchers = Task {
            try await withThrowingTaskGroup(of: Void.self) { group in
                for id in auctions {
                    for _ in 0..<perAuction {
                        group.addTask { try await Self.watch(id, port: port, shared: shared, logger: quiet) }
                    }
                }
                try await group.waitForAll()
            }
        }
        let expected = self.auction.count * self.perAuction
        let waitUntil = ContinuousClock.now + .seconds(120)
        while shared.ready.load(ordering: .relaxed) < expected, ContinuousClock.now < waitUntil { try await Task.sleep(for: .milliseconds(50)) }
        Self.say("ready \(shared.ready.load(ordering: .relaxed))")
        for await line in LineReader.lines(of: FileHandle.standardInput) where line == "stop" { break }
        shared.done.store(true, ordering: .relaxed)
        Self.say("result " + shared.report().line)
        watchers.cancel()
        Foundation.exit(0)  // without closing a thousand connections one by one
    }

    static func say(_ line: String) {
        FileHandle.standardOutput.write(Data((line + "\n").utf8))
    }

    /// One watcher: a WebSocket client made of NIO channel handlers (no task per connection and no async sequence per
    /// frame), so that a thousand of them take as little as possible of the cores they share with the server.
    private static func watch(_ auctionID: String, port: Int, shared: WatcherCounters, logger: Logger) async throws {
        let upgraded: EventLoopFuture<Bool> = try await ClientBootstrap(group: MultiThreadedEventLoopGroup.singleton)
            .connect(host: "127.0.0.1", port: port) { channel in
                channel.eventLoop.makeCompletedFuture {
                    let upgrader = NIOTypedWebSocketClientUpgrader<Bool>(maxFrameSize: 1 << 22) { channel, _ in
                        channel.eventLoop.makeCompletedFuture {
                            try channel.pipeline.syncOperations.addHandler(WatcherHandler(shared: shared))
                            return true
                        }
                    }
                    var headers = HTTPHeaders()
                    headers.add(name: "Host", value: "127.0.0.1:\(port)")
                    headers.add(name: "Content-Length", value: "0")
                    let head = HTTPRequestHead(version: .http1_1, method: .GET, uri: "/api/v1/auctions/\(auctionID)/live?after=0", headers: headers)
                    let configuration = NIOTypedHTTPClientUpgradeConfiguration(
                        upgradeRequestHead: head, upgraders: [upgrader],
                        notUpgradingCompletionHandler: { channel in channel.eventLoop.makeCompletedFuture { false } })
                    return try channel.pipeline.syncOperations.configureUpgradableHTTPClientPipeline(configuration: .init(upgradeConfiguration: configuration))
                }
            }
        guard try await upgraded.get() else { throw ValidationError("the live room refused the upgrade") }
    }
}

/// Counts the text frames of one watcher's connection as they are read; answers pings.
final class WatcherHandler: ChannelInboundHandler, Sendable {
    typealias InboundIn = WebSocketFrame
    typealias OutboundOut = WebSocketFrame
    let shared: WatcherCounters
    /// Touched only on the channel's event loop.
    nonisolated(unsafe) private var counted = false

    init(shared: WatcherCounters) {
        self.shared = shared
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        let frame = Self.unwrapInboundIn(data)
        switch frame.opcode {
        case .text:
            let arrived = Date().timeIntervalSince1970 * 1000
            if !self.counted {
                self.counted = true
                self.shared.ready.add(1, ordering: .relaxed)
            }
            if self.shared.done.load(ordering: .relaxed) { return }
            frame.unmaskedData.withUnsafeReadableBytes { raw in
                self.shared.count(frame: UnsafeBufferPointer(start: raw.baseAddress?.assumingMemoryBound(to: UInt8.self), count: raw.count), arrivedMillis: arrived)
            }
        case .ping:
            context.writeAndFlush(Self.wrapOutboundOut(WebSocketFrame(fin: true, opcode: .pong, maskKey: .random(), data: frame.unmaskedData)), promise: nil)
        case .connectionClose:
            context.close(promise: nil)
        default:
            break
        }
    }
}

/// What the watchers measured: fan-out latencies (one per message, in 0.1 ms buckets), frames and bytes.
struct WatcherReport: Sendable {
    var samples: Int
    var p50: Double?
    var p99: Double?
    var frames: Int
    var bytes: Int

    var line: String {
        "samples=\(self.samples) p50=\(self.p50.map { String($0) } ?? "-") p99=\(self.p99.map { String($0) } ?? "-") frames=\(self.frames) bytes=\(self.bytes)"
    }

    init(samples: Int, p50: Double?, p99: Double?, frames: Int, bytes: Int) {
        (self.samples, self.p50, self.p99, self.frames, self.bytes) = (samples, p50, p99, frames, bytes)
    }

    /// Parses `line` (after `result `).
    init?(line: Substring) {
        var fields: [Substring: Substring] = [:]
        for pair in line.split(separator: " ") {
            let parts = pair.split(separator: "=", maxSplits: 1)
            if parts.count == 2 { fields[parts[0]] = parts[1] }
        }
        guard let samples = fields["samples"].flatMap({ Int($0) }), let frames = fields["frames"].flatMap({ Int($0) }),
            let bytes = fields["bytes"].flatMap({ Int($0) })
        else { return nil }
        self.init(samples: samples, p50: fields["p50"].flatMap { Double($0) }, p99: fields["p99"].flatMap { Double($0) }, frames: frames, bytes: bytes)
    }
}

/// The watchers' shared counters. Latencies go into a histogram of 0.1 ms buckets (up to 60 s), so a run of millions of
/// messages keeps a fixed amount of memory and its percentiles exact to 0.1 ms.
final class WatcherCounters: Sendable {
    let ready = Atomic<Int>(0)
    let done = Atomic<Bool>(false)
    let frames = Atomic<Int>(0)
    let bytes = Atomic<Int>(0)
    private let buckets = Mutex<[Int]>(Array(repeating: 0, count: 600_001))

    /// Counts one frame (JSON lines of stream messages) that arrived at `arrivedMillis` (Unix time): every message of
    /// the frame counts with the latency of its first bid, the oldest — an upper bound for the others, read without
    /// decoding them all.
    func count(frame bytes: UnsafeBufferPointer<UInt8>, arrivedMillis: Double) {
        self.frames.add(1, ordering: .relaxed)
        self.bytes.add(bytes.count, ordering: .relaxed)
        var lines = 1
        var sent: Double?
        var lineStart = 0
        // memchr finds the line ends: a byte-by-byte loop over every frame cost the watcher process most of a core,
        // taken from the server on the same machine.
        while lineStart < bytes.count, let base = bytes.baseAddress,
            let found = memchr(base + lineStart, Int32(UInt8(ascii: "\n")), bytes.count - lineStart)
        {
            let index = UnsafeRawPointer(base).distance(to: UnsafeRawPointer(found))
            lines += 1
            if sent == nil { sent = AuctionBench.bidTime(UnsafeBufferPointer(rebasing: bytes[lineStart..<index])) }
            lineStart = index + 1
        }
        if sent == nil { sent = AuctionBench.bidTime(UnsafeBufferPointer(rebasing: bytes[lineStart...])) }
        guard let sent else { return }
        let latency = (AuctionBench.sinceMidnight(arrivedMillis) - sent + 86_400_000).truncatingRemainder(dividingBy: 86_400_000)
        let bucket = min(600_000, max(0, Int((latency * 10).rounded())))
        self.buckets.withLock { $0[bucket] += lines }
    }

    func report() -> WatcherReport {
        let buckets = self.buckets.withLock { $0 }
        let samples = buckets.reduce(0, +)
        func percentile(_ p: Double) -> Double? {
            guard samples > 0 else { return nil }
            let rank = min(samples - 1, Int(Double(samples) * p))
            var seen = 0
            for (bucket, count) in buckets.enumerated() {
                seen += count
                if seen > rank { return Double(bucket) / 10 }
            }
            return nil
        }
        return WatcherReport(samples: samples, p50: percentile(0.5), p99: percentile(0.99), frames: self.frames.load(ordering: .relaxed), bytes: self.bytes.load(ordering: .relaxed))
    }
}

/// Lines of a file handle, read on a thread of its own (a blocking read must not hold an event loop).
enum LineReader {
    static func lines(of handle: FileHandle) -> AsyncStream<String> {
        let (stream, continuation) = AsyncStream.makeStream(of: String.self)
        let thread = Thread {
            var pending = Data()
            while true {
                let chunk = handle.availableData
                if chunk.isEmpty { break }
                pending += chunk
                while let newline = pending.firstIndex(of: UInt8(ascii: "\n")) {
                    continuation.yield(String(decoding: pending[pending.startIndex..<newline], as: UTF8.self))
                    pending = Data(pending[(newline + 1)...])
                }
            }
            continuation.finish()
        }
        thread.start()
        return stream
    }
}

/// The parent's handle on a `bench auction-watchers` process.
struct WatcherProcess {
    private let process: Process
    private let input: Pipe
    private var lines: AsyncStream<String>.AsyncIterator

    /// Starts the watchers and returns once they are all connected (or after their own two-minute wait).
    static func start(port: Int, auctions: [String], perAuction: Int) async throws -> (WatcherProcess, ready: Int) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: try FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe"))
        process.arguments = ["bench", "auction-watchers", "--port", "\(port)", "--per-auction", "\(perAuction)", "--auction"] + auctions
        let input = Pipe(), output = Pipe()
        process.standardInput = input
        process.standardOutput = output
        try process.run()
        var watchers = WatcherProcess(process: process, input: input, lines: LineReader.lines(of: output.fileHandleForReading).makeAsyncIterator())
        guard let line = await watchers.lines.next(), line.hasPrefix("ready "), let ready = Int(line.dropFirst(6)) else {
            process.terminate()
            throw ValidationError("the watcher process did not start")
        }
        return (watchers, ready)
    }

    /// Stops counting and returns what the watchers measured.
    mutating func stop() async throws -> WatcherReport {
        self.input.fileHandleForWriting.write(Data("stop\n".utf8))
        while let line = await self.lines.next() {
            if line.hasPrefix("result "), let report = WatcherReport(line: line.dropFirst(7)) {
                self.process.waitUntilExit()
                return report
            }
        }
        self.process.terminate()
        throw ValidationError("the watcher process ended without a result")
    }
}
