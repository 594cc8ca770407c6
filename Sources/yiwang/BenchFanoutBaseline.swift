import Foundation
import Hummingbird
import HummingbirdWSClient
import HummingbirdWebSocket
import Logging
import NIOCore
import Synchronization

/// The ceiling the live room is measured against, in the same run: the same WebSocket server stack on the same
/// loopback, with no auction at all — one server task per watcher writes one fixed text frame (of the size the live
/// room's frames had) as fast as the connection takes it, and each watcher only counts what arrives. Its clients are
/// Hummingbird's WebSocket client in this process (the live room's watchers are a process of their own, made of NIO
/// handlers), so it is the ceiling of the machine for this frame size rather than a like-for-like replay.
struct FanoutBaseline {
    let watchers: Int
    let frameBytes: Int
    let seconds: Double
    let logger: Logger

    /// Frames per second delivered to all watchers together.
    func framesPerSecond() async throws -> Double {
        let frame = String(repeating: "x", count: max(1, self.frameBytes))
        let state = BaselineState()
        let router = Router(context: BasicWebSocketRequestContext.self)
        router.ws("/raw") { _, _ in .upgrade([:]) } onUpgrade: { _, outbound, _ in
            while state.running.load(ordering: .relaxed) { try await outbound.write(.text(frame)) }
        }
        let (stream, continuation) = AsyncStream.makeStream(of: Int.self)
        var quiet = self.logger
        quiet.logLevel = .critical
        let app = Application(
            router: Router(),
            server: .http1WebSocketUpgrade(webSocketRouter: router),
            configuration: .init(address: .hostname("127.0.0.1", port: 0), serverName: "baseline", backlog: 4096),
            onServerRunning: { channel in continuation.yield(channel.localAddress?.port ?? 0) },
            logger: quiet
        )
        // Left running until the process ends (see `BenchAuction.run`): cancelling it once deadlocked the bench.
        _ = Task { try await app.runService(gracefulShutdownSignals: []) }
        var port = 0
        for await value in stream { port = value; break }
        let url = "ws://127.0.0.1:\(port)/raw"
        let clientLogger = quiet
        let watchers = self.watchers
        let clients = Task {
            try await withThrowingTaskGroup(of: Void.self) { group in
                for _ in 0..<watchers {
                    group.addTask {
                        var config = WebSocketClientConfiguration()
                        config.maxFrameSize = 1 << 22
                        try await WebSocketClient.connect(url: url, configuration: config, logger: clientLogger) { inbound, _, _ in
                            for try await message in inbound.messages(maxSize: 1 << 22) {
                                guard case .text = message else { continue }
                                if state.counting.load(ordering: .relaxed) { state.received.add(1, ordering: .relaxed) }
                                if !state.running.load(ordering: .relaxed) { break }
                            }
                        }
                    }
                }
                try await group.waitForAll()
            }
        }
        try await Task.sleep(for: .seconds(2))  // connect
        state.counting.store(true, ordering: .relaxed)
        let started = ContinuousClock.now
        try await Task.sleep(for: .seconds(self.seconds))
        let count = state.received.load(ordering: .relaxed)
        let elapsed = ContinuousClock.now - started
        state.running.store(false, ordering: .relaxed)
        clients.cancel()
        return Double(count) / (Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18)
    }
}

/// The baseline's counters, shared by its server and client tasks.
final class BaselineState: Sendable {
    let received = Atomic<Int>(0)
    let running = Atomic<Bool>(true)
    let counting = Atomic<Bool>(false)
}
