import Foundation
import Synchronization

/// The in-process fan-out of the live rooms. A committed change is published here with its messages (`publish`), or
/// only rung (`wake`: a NOTIFY from another server process). A watcher takes the messages that follow its last `seq`
/// without a gap from the recent ones kept here, and reads the database (`auction_events`) whenever they do not
/// follow on — so a missed, doubled or reordered publication can delay a message but never lose, repeat or reorder one.
public final class AuctionHub: Sendable {
    /// The NOTIFY channel; the payload is the auction id.
    public static let channel = "yiwang_auctions"
    /// One hub per process: auction ids are UUIDs, so platforms in one process (tests) never collide.
    public static let shared = AuctionHub()
    /// Recent messages kept per auction.
    static let kept = 256

    private struct Room {
        var generation: UInt64 = 0
        var recent: [AuctionMessage] = []
        /// The JSON of kept messages without `serverTime` (added per send), encoded once for all watchers.
        var encoded: [Int64: String] = [:]
        var waiters: [UUID: CheckedContinuation<Void, Never>] = [:]

        /// Keeps `messages` (sorted by `seq`, at most ``AuctionHub/kept``), counts a ring, and hands back the waiters.
        mutating func ring(adding messages: [AuctionMessage]) -> [CheckedContinuation<Void, Never>] {
            if !messages.isEmpty {
                let known = Set(self.recent.map(\.seq))
                self.recent += messages.filter { !known.contains($0.seq) }
                self.recent.sort { $0.seq < $1.seq }
                let excess = self.recent.count - AuctionHub.kept
                if excess > 0 {
                    for message in self.recent.prefix(excess) { self.encoded.removeValue(forKey: message.seq) }
                    self.recent.removeFirst(excess)
                }
            }
            self.generation &+= 1
            let waiters = Array(self.waiters.values)
            self.waiters.removeAll(keepingCapacity: true)
            return waiters
        }
    }

    private let rooms = Mutex<[String: Room]>([:])

    /// The auction's ring count; pass it to `wait` so that a ring between reading and waiting is not missed.
    public func generation(_ auctionID: String) -> UInt64 {
        self.rooms.withLock { $0[auctionID]?.generation ?? 0 }
    }

    /// Publishes committed messages (in any order; kept sorted by `seq`) and wakes the watchers.
    public func publish(_ auctionID: String, _ messages: [AuctionMessage]) {
        // The room is changed in place (`rooms[id, default:]`): a copy would copy every waiter on every call.
        let woken = self.rooms.withLock { rooms in rooms[auctionID, default: Room()].ring(adding: messages) }
        for continuation in woken { continuation.resume() }
    }

    /// The JSON text of a stream message without `serverTime`, encoded once per kept message (a `clock` message, which
    /// repeats the last seq, is encoded each time).
    func json(_ auctionID: String, _ message: AuctionMessage) throws -> String {
        let cacheable = message.type != "clock"
        if cacheable, let text = self.rooms.withLock({ $0[auctionID]?.encoded[message.seq] }) { return text }
        var bare = message
        bare.serverTime = nil
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        let text = String(decoding: try encoder.encode(bare), as: UTF8.self)
        if cacheable {
            self.rooms.withLock { rooms in
                if rooms[auctionID]?.recent.contains(where: { $0.seq == message.seq }) == true { rooms[auctionID]?.encoded[message.seq] = text }
            }
        }
        return text
    }

    /// Rings the bell of `auctionID` without messages (watchers read the database).
    public func wake(_ auctionID: String) {
        self.publish(auctionID, [])
    }

    /// The kept messages that follow `seq` without a gap; nil when the first one needed is not kept here (read the
    /// database). Empty when nothing newer is known.
    public func messages(_ auctionID: String, after seq: Int64) -> [AuctionMessage]? {
        self.rooms.withLock { rooms in
            let recent = rooms[auctionID]?.recent ?? []
            guard let newest = recent.last, newest.seq > seq else { return [] }
            guard let start = recent.firstIndex(where: { $0.seq == seq + 1 }) else { return nil }
            var run: [AuctionMessage] = []
            for message in recent[start...] {
                guard message.seq == seq + Int64(run.count) + 1 else { break }
                run.append(message)
            }
            return run
        }
    }

    /// Returns once the auction was rung after `generation`, or after `timeout`.
    public func wait(_ auctionID: String, after generation: UInt64, timeout: Duration) async {
        let id = UUID()
        await withTaskGroup(of: Void.self) { group in
            group.addTask {
                await withCheckedContinuation { continuation in
                    let ready = self.rooms.withLock { rooms -> Bool in
                        if rooms[auctionID, default: Room()].generation != generation || Task.isCancelled { return true }
                        rooms[auctionID, default: Room()].waiters[id] = continuation
                        return false
                    }
                    if ready { continuation.resume() }
                }
            }
            group.addTask {
                try? await Task.sleep(for: timeout)
                self.rooms.withLock { $0[auctionID]?.waiters.removeValue(forKey: id) }?.resume()
            }
            await group.next()
            group.cancelAll()
            self.rooms.withLock { $0[auctionID]?.waiters.removeValue(forKey: id) }?.resume()
        }
    }
}

extension Platform {
    /// The live rooms' fan-out.
    var auctionHub: AuctionHub { AuctionHub.shared }
    /// 网络竞价.
    public var auctions: AuctionService { AuctionService(platform: self) }
}
