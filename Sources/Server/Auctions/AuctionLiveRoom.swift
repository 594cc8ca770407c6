import Foundation
import Hummingbird
import HummingbirdWebSocket
import Logging
import NIOCore
import NIOWebSocket
import ServiceLifecycle
import SQLKit
import Storage
import TradingCore

/// The WebSocket routes: `GET /api/v1/auctions/{id}/live?after=SEQ` replays the stream after SEQ from the database,
/// then follows it live. A text frame holds one or more messages, one JSON object per line, in `seq` order. Every
/// message carries `seq`, `serverTime` and `endsAt`; when nothing happens for a few seconds a `clock` message (the
/// last `seq`, no new content) keeps the page's countdown on server time.
public func buildWebSocketRouter(platform: Platform) -> Router<BasicWebSocketRequestContext> {
    let router = Router(context: BasicWebSocketRequestContext.self)
    router.ws("/api/v1/auctions/:auction/live") { _, context in
        guard let id = context.parameters.get("auction"), (try? await platform.auctions.liveState(auctionID: id)) != nil else { return .dontUpgrade }
        return .upgrade([:])
    } onUpgrade: { inbound, outbound, context in
        let id = context.requestContext.parameters.get("auction") ?? ""
        let after = context.request.uri.queryParameters["after"].flatMap { Int64(String($0)) } ?? 0
        try await AuctionLiveRoom(platform: platform, auctionID: id).stream(after: max(0, after), inbound: inbound, outbound: outbound)
    }
    return router
}

/// One watcher of one auction's stream.
struct AuctionLiveRoom: Sendable {
    let platform: Platform
    let auctionID: String
    /// How long a watcher waits for a ring before it re-reads the database and sends a `clock` message.
    static let idle: Duration = .seconds(5)

    func stream(after: Int64, inbound: WebSocketInboundStream, outbound: WebSocketOutboundWriter) async throws {
        try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask {
                // The client's frames are ignored; the stream ends when the client closes.
                for try await _ in inbound {}
            }
            group.addTask { try await self.follow(after: after, outbound: outbound) }
            try await group.next()
            group.cancelAll()
        }
    }

    private func follow(after: Int64, outbound: WebSocketOutboundWriter) async throws {
        let hub = self.platform.auctionHub
        var last = after
        var deadline: Int64?
        var endsAt: String?
        var fromDatabase = true
        while !Task.isCancelled {
            let generation = hub.generation(self.auctionID)
            if !fromDatabase, let kept = hub.kept(self.auctionID, after: last), let newest = kept.last {
                // Fast path: messages published in this process that follow on without a gap.
                let frames = hub.frames(self.auctionID, kept, limit: Self.frameLimit) { Timestamps.rfc3339(self.platform.clock.now()) }
                for frame in frames { try await outbound.write(.textBytes(frame)) }
                last = newest.message.seq
                if newest.message.endsAt != endsAt {
                    endsAt = newest.message.endsAt
                    deadline = endsAt.flatMap(Timestamps.parse).map(Timestamps.millis)
                }
                continue
            }
            if fromDatabase {
                // Start, timeout, a gap or a ring from another process: the database decides.
                var state = try await self.platform.auctions.requireLiveState(auctionID: self.auctionID)
                if let due = state.nextDeadline, due <= Timestamps.millis(self.platform.clock.now()) {
                    try await self.platform.auctions.advance(auctionID: self.auctionID)
                    state = try await self.platform.auctions.requireLiveState(auctionID: self.auctionID)
                }
                deadline = state.nextDeadline
                endsAt = nil
                var sent = false
                while last < state.seq {
                    let batch = try await self.platform.auctions.storedMessages(auctionID: self.auctionID, after: last, limit: 500)
                    if batch.isEmpty { break }
                    try await self.send(batch, to: outbound)
                    last = batch[batch.count - 1].seq
                    sent = true
                }
                if !sent {
                    var clock = AuctionMessage(seq: last, auctionId: self.auctionID, type: "clock", time: Timestamps.rfc3339(self.platform.clock.now()), endsAt: state.endsAt.map { Timestamps.rfc3339(Timestamps.date($0)) })
                    clock.standingPriceFen = state.standingFen
                    try await self.send([clock], to: outbound)
                }
            }
            var timeout = Self.idle
            if let due = deadline {
                timeout = .milliseconds(max(50, min(5000, due - Timestamps.millis(self.platform.clock.now()) + 20)))
            }
            await hub.wait(self.auctionID, after: generation, timeout: timeout)
            let rung = hub.generation(self.auctionID) != generation
            fromDatabase = !rung || hub.follows(self.auctionID, after: last) != true
        }
    }

    /// The most messages one frame carries.
    static let frameLimit = 512

    /// Sends the messages as JSON lines, up to ``frameLimit`` per frame, each with the `serverTime` of the frame's
    /// making: a watcher that falls behind a busy room catches up in a few frames.
    private func send(_ messages: [AuctionMessage], to outbound: WebSocketOutboundWriter) async throws {
        let frames = try self.platform.auctionHub.frames(self.auctionID, messages, limit: Self.frameLimit) {
            Timestamps.rfc3339(self.platform.clock.now())
        }
        for frame in frames { try await outbound.write(.textBytes(frame)) }
    }
}

extension AuctionService {
    /// The stream position, current end and next deadline of an auction (nil when there is no such auction).
    struct LiveState: Sendable, Decodable {
        var seq: Int64
        var endsAt: Int64?
        var nextDeadline: Int64?
        var standingFen: Int64?
    }

    func requireLiveState(auctionID: String) async throws -> LiveState {
        guard let state = try await self.liveState(auctionID: auctionID) else { throw TradingError.auctionNotFound }
        return state
    }

    func liveState(auctionID: String) async throws -> LiveState? {
        try await self.platform.engine.read { db in
            try await db.row("SELECT seq, ends_at, next_deadline, standing_fen FROM auctions WHERE id = \(bind: auctionID)", as: LiveState.self)
        }
    }
}

/// On PostgreSQL: LISTEN for the commits of other server processes and ring the hub for them.
struct AuctionListener: Service {
    let engine: PostgresEngine
    let logger: Logger

    func run() async throws {
        while !Task.isCancelledOrShuttingDown {
            do {
                try await cancelWhenGracefulShutdown {
                    try await self.engine.listen(channel: AuctionHub.channel) { AuctionHub.shared.notified($0) }
                }
            } catch {
                if Task.isCancelledOrShuttingDown { return }
                self.logger.warning("auction listener: \(error); retrying")
                try? await Task.sleep(for: .seconds(1))
            }
        }
    }
}

extension WebSocketOutboundWriter.OutboundFrame {
    /// A text frame of ready UTF-8 bytes: `.text(String)` copies the string into a new buffer for every watcher.
    static func textBytes(_ bytes: ByteBuffer) -> Self {
        .custom(WebSocketFrame(fin: true, opcode: .text, data: bytes))
    }
}
