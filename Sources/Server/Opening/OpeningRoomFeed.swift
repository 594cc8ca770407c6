import Foundation
import Storage
import TradingCore

/// 开标大厅实时推送 — the opening room as server-sent events (text/event-stream).
///
/// The first event is the current status, at once (also after a reconnect with `Last-Event-ID`: every event carries
/// the whole status, so nothing missed needs replaying). Then the feed polls the room's sequence every
/// `pollInterval` — one indexed query, and it works across nodes — and sends the whole status whenever it moved;
/// a comment line every `heartbeat` keeps proxies from closing a quiet stream. The event id is the sequence.
struct OpeningRoomFeed: Sendable {
    let room: OpeningRoom
    let projectID: String
    let lotID: String
    var pollInterval: Duration = .milliseconds(500)
    var heartbeat: Duration = .seconds(15)
    /// Events to send before ending the stream (nil: until the client leaves or the server stops).
    var limit: Int?
    /// How long one stream may last; the browser reconnects by itself afterwards.
    var lifetime: Duration = .seconds(3600)

    /// Streams events to `write` until the limit, the lifetime, a write failure, cancellation or shutdown.
    /// `first` is the status already read for the answer's status line.
    func run(first: OpeningRoomStatus, write: (String) async throws -> Void) async throws {
        let clock = ContinuousClock()
        let end = clock.now.advanced(by: self.lifetime)
        try await write("retry: 2000\n" + Self.event(first))
        var last = first.sequence
        var sent = 1
        var lastWrite = clock.now
        while !Task.isCancelledOrShuttingDown, clock.now < end {
            if let limit = self.limit, sent >= limit { return }
            try? await Task.sleep(for: self.pollInterval)
            let sequence: Int64
            do {
                sequence = try await self.room.sequence(projectID: self.projectID, lotID: self.lotID)
            } catch {
                return  // the lot vanished or the database is away: the client reconnects and gets an answer
            }
            if sequence != last {
                let status = try await self.room.status(projectID: self.projectID, lotID: self.lotID)
                try await write(Self.event(status))
                last = status.sequence
                sent += 1
                lastWrite = clock.now
            } else if clock.now - lastWrite >= self.heartbeat {
                try await write(": heartbeat \(Timestamps.rfc3339(self.room.platform.clock.now()))\n\n")
                lastWrite = clock.now
            }
        }
    }

    /// One `status` event: `id`, `event` and a single `data` line of JSON (which never contains a newline).
    static func event(_ status: OpeningRoomStatus) throws -> String {
        "id: \(status.sequence)\nevent: status\ndata: \(try status.json())\n\n"
    }
}
