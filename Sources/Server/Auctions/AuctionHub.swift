import Foundation
import NIOCore
import Synchronization

/// The in-process fan-out of the live rooms. A committed change is published here with its messages (`publish`), or
/// only rung (`wake`: a NOTIFY from another server process). A watcher takes the messages that follow its last `seq`
/// without a gap from the recent ones kept here, and reads the database (`auction_events`) whenever they do not
/// follow on — so a missed, doubled or reordered publication can delay a message but never lose, repeat or reorder one.
///
/// A busy room is rung at most once per ``ringGap``: the messages of the commits in between reach every watcher
/// together, in the same frames, which are made once for all the watchers at the same place in the stream.
public final class AuctionHub: Sendable {
    /// The NOTIFY channel; the payload is the auction id.
    public static let channel = "yiwang_auctions"
    /// One hub per process: auction ids are UUIDs, so platforms in one process (tests) never collide.
    public static let shared = AuctionHub()
    /// Recent messages kept per auction.
    static let kept = 1024
    /// The shortest time between two rings of one room.
    static let ringGap: Duration = .milliseconds(30)
    /// How long a made frame (with its `serverTime`) is handed to further watchers.
    static let frameLife: Duration = .milliseconds(40)

    /// A watcher waiting for a ring until its deadline.
    private struct Waiter {
        var continuation: CheckedContinuation<Void, Never>
        var deadline: ContinuousClock.Instant
    }

    /// A kept message with its JSON text without `serverTime` (added per frame), encoded once at publication.
    struct Kept: Sendable {
        var message: AuctionMessage
        var text: String

        /// The message with its text encoded here (``AuctionHub/encode(_:)``).
        init(encoding message: AuctionMessage) throws {
            self.message = message
            self.text = try AuctionHub.encode(message)
        }
    }

    private struct Room {
        var generation: UInt64 = 0
        /// Sorted by `seq`; read by taking the array (no copy under the lock) and searching it outside.
        var recent: [Kept] = []
        var waiters: [UInt64: Waiter] = [:]
        var lastRing: ContinuousClock.Instant?
        var ringScheduled = false
        /// Frames made recently, by the seq range they carry.
        var frames: [ClosedRange<Int64>: (bytes: ByteBuffer, made: ContinuousClock.Instant)] = [:]

        /// Keeps `messages` (sorted by `seq`, at most ``AuctionHub/kept``).
        mutating func keep(_ messages: [Kept]) {
            guard let first = messages.first else { return }
            if (self.recent.last?.message.seq ?? Int64.min) < first.message.seq, zip(messages, messages.dropFirst()).allSatisfy({ $0.message.seq < $1.message.seq }) {
                self.recent += messages  // the usual case: the next commit's messages, in order
            } else {
                var bySeq = Dictionary(self.recent.map { ($0.message.seq, $0) }, uniquingKeysWith: { first, _ in first })
                for kept in messages where bySeq[kept.message.seq] == nil { bySeq[kept.message.seq] = kept }
                self.recent = bySeq.values.sorted { $0.message.seq < $1.message.seq }
            }
            let excess = self.recent.count - AuctionHub.kept
            if excess > 0 { self.recent.removeFirst(excess) }
        }

        /// Counts a ring and hands back the waiters.
        mutating func ring(at now: ContinuousClock.Instant) -> [CheckedContinuation<Void, Never>] {
            self.lastRing = now
            self.ringScheduled = false
            self.generation &+= 1
            let waiters = self.waiters.values.map(\.continuation)
            self.waiters.removeAll(keepingCapacity: true)
            return waiters
        }
    }

    private let rooms = Mutex<[String: Room]>([:])

    /// The auction's ring count; pass it to `wait` so that a ring between reading and waiting is not missed.
    public func generation(_ auctionID: String) -> UInt64 {
        self.rooms.withLock { $0[auctionID]?.generation ?? 0 }
    }

    /// Publishes committed messages (in any order; kept sorted by `seq`) and wakes the watchers — at once, or at the
    /// end of the ring gap when the room was rung less than ``ringGap`` ago.
    public func publish(_ auctionID: String, _ messages: [AuctionMessage]) {
        self.publish(auctionID, kept: messages.compactMap { try? Kept(encoding: $0) })
    }

    /// Publishes messages with their text already encoded (as stored in `auction_events`).
    func publish(_ auctionID: String, kept messages: [Kept]) {
        let now = ContinuousClock.now
        // The room is changed in place (`rooms[id, default:]`): a copy would copy every waiter on every call.
        let (woken, delay) = self.rooms.withLock { rooms -> ([CheckedContinuation<Void, Never>], Duration?) in
            rooms[auctionID, default: Room()].keep(messages)
            guard let room = rooms[auctionID], !room.ringScheduled else { return ([], nil) }
            if let last = room.lastRing, now - last < Self.ringGap {
                rooms[auctionID]?.ringScheduled = true
                return ([], last + Self.ringGap - now)
            }
            return (rooms[auctionID, default: Room()].ring(at: now), nil)
        }
        for continuation in woken { continuation.resume() }
        if let delay {
            Task {
                try? await Task.sleep(for: delay)
                let woken = self.rooms.withLock { rooms in rooms[auctionID, default: Room()].ring(at: ContinuousClock.now) }
                for continuation in woken { continuation.resume() }
            }
        }
    }

    /// The text frames' bytes carrying `messages` (stored or `clock` messages: encoded here, or taken from the kept ones).
    func frames(_ auctionID: String, _ messages: [AuctionMessage], limit: Int, serverTime: () -> String) throws -> [ByteBuffer] {
        let recent = self.recent(auctionID)
        let kept = try messages.map { message in
            if message.type != "clock", let index = Self.index(of: message.seq, in: recent) { return recent[index] }
            return try Kept(encoding: message)
        }
        return self.frames(auctionID, kept[...], limit: limit, serverTime: serverTime)
    }

    /// The text frames' bytes carrying `kept` (JSON lines, at most `limit` per frame, each with `serverTime` added to the
    /// text encoded once): a frame made for the same seq range less than ``frameLife`` ago is handed out again — the
    /// same bytes (a `ByteBuffer` is shared, not copied) for every watcher at that place in the stream.
    func frames(_ auctionID: String, _ kept: ArraySlice<Kept>, limit: Int, serverTime: () -> String) -> [ByteBuffer] {
        var frames: [ByteBuffer] = []
        var start = kept.startIndex
        while start < kept.endIndex {
            let end = min(start + limit, kept.endIndex)
            let range = kept[start].message.seq...kept[end - 1].message.seq
            let now = ContinuousClock.now
            let cacheable = !kept[start..<end].contains { $0.message.type == "clock" }
            if cacheable, let made = self.rooms.withLock({ $0[auctionID]?.frames[range] }), now - made.made < Self.frameLife {
                frames.append(made.bytes)
            } else {
                let time = ",\"serverTime\":\"\(serverTime())\"}"
                var frame = ByteBuffer()
                frame.reserveCapacity(kept[start..<end].reduce(0) { $0 + $1.text.utf8.count + time.utf8.count })
                for item in kept[start..<end] {
                    if frame.readableBytes > 0 { frame.writeInteger(UInt8(ascii: "\n")) }
                    frame.writeSubstring(item.text.dropLast())
                    frame.writeString(time)
                }
                if cacheable {
                    self.rooms.withLock { rooms in
                        guard var fresh = rooms[auctionID]?.frames.filter({ now - $0.value.made < Self.frameLife }) else { return }
                        fresh[range] = (frame, now)
                        rooms[auctionID]?.frames = fresh
                    }
                }
                frames.append(frame)
            }
            start = end
        }
        return frames
    }

    /// The JSON text of a stream message without `serverTime` (as stored in `auction_events`).
    static func encode(_ message: AuctionMessage) throws -> String {
        var bare = message
        bare.serverTime = nil
        return try AuctionService.json(bare)
    }

    /// The kept messages of an auction (taking the array costs no copy; it is searched outside the lock).
    private func recent(_ auctionID: String) -> [Kept] {
        self.rooms.withLock { $0[auctionID]?.recent ?? [] }
    }

    /// Where `seq` is in `recent` (usually found by its distance from the first kept message).
    private static func index(of seq: Int64, in recent: [Kept]) -> Int? {
        guard let first = recent.first?.message.seq else { return nil }
        let guess = Int(seq - first)
        if recent.indices.contains(guess), recent[guess].message.seq == seq { return guess }
        return recent.firstIndex { $0.message.seq == seq }
    }

    /// Rings the bell of `auctionID` without messages (watchers read the database).
    public func wake(_ auctionID: String) {
        self.publish(auctionID, [])
    }

    /// This process's mark on its NOTIFY payloads.
    let origin = UUID().uuidString

    /// The NOTIFY payload of a commit of this process that reached `seq`.
    func payload(_ auctionID: String, seq: Int64) -> String {
        "\(auctionID):\(seq):\(self.origin)"
    }

    /// A NOTIFY from the database: `auction-id:seq:origin` (the stream position the commit reached, and the process that
    /// made it). A commit of this process is not rung again: its own publication rings for it, and the NOTIFY often
    /// arrives first — then every watcher would be rung with nothing kept yet, and re-read the database for it. A
    /// commit of another process is rung unless its messages are already kept here.
    public func notified(_ payload: String) {
        let parts = payload.split(separator: ":", maxSplits: 2)
        let auctionID = String(parts[0])
        if parts.count == 3, parts[2] == self.origin { return }
        if parts.count >= 2, let seq = Int64(parts[1]),
            self.rooms.withLock({ ($0[auctionID]?.recent.last?.message.seq ?? -1) >= seq })
        {
            return
        }
        self.wake(auctionID)
    }

    /// The kept messages (with their text) that follow `seq` without a gap; nil when the first one needed is not kept
    /// here (read the database). Empty when nothing newer is known.
    func kept(_ auctionID: String, after seq: Int64) -> ArraySlice<Kept>? {
        let recent = self.recent(auctionID)
        guard let newest = recent.last, newest.message.seq > seq else { return [] }
        guard let start = Self.index(of: seq + 1, in: recent) else { return nil }
        var end = start + 1
        while end < recent.endIndex, recent[end].message.seq == recent[end - 1].message.seq + 1 { end += 1 }
        return recent[start..<end]
    }

    /// Whether kept messages follow `seq` without a gap: nil when the next one is not kept here (read the database).
    public func follows(_ auctionID: String, after seq: Int64) -> Bool? {
        let recent = self.recent(auctionID)
        guard let newest = recent.last, newest.message.seq > seq else { return false }
        return Self.index(of: seq + 1, in: recent) == nil ? nil : true
    }

    /// Returns once the auction was rung after `generation`, after `timeout` (to within ``sweepInterval``), or when the
    /// task is cancelled. Waiting costs no task and no timer of its own: one sweeper per hub ends the waits that ran out.
    public func wait(_ auctionID: String, after generation: UInt64, timeout: Duration) async {
        // Rung already (a busy room): no waiter.
        if self.generation(auctionID) != generation { return }
        self.startSweeper()
        let id = self.waiterIDs.add(1, ordering: .relaxed).newValue
        let deadline = ContinuousClock.now + timeout
        await withTaskCancellationHandler {
            await withCheckedContinuation { continuation in
                let ready = self.rooms.withLock { rooms -> Bool in
                    if rooms[auctionID, default: Room()].generation != generation || Task.isCancelled { return true }
                    rooms[auctionID, default: Room()].waiters[id] = Waiter(continuation: continuation, deadline: deadline)
                    return false
                }
                if ready { continuation.resume() }
            }
        } onCancel: {
            self.rooms.withLock { $0[auctionID]?.waiters.removeValue(forKey: id) }?.continuation.resume()
        }
    }

    /// How often the sweeper ends the waits whose time ran out.
    static let sweepInterval: Duration = .milliseconds(20)
    private let sweeping = Atomic<Bool>(false)
    private let waiterIDs = Atomic<UInt64>(0)

    private func startSweeper() {
        guard self.sweeping.compareExchange(expected: false, desired: true, ordering: .relaxed).exchanged else { return }
        Task.detached { [self] in
            while true {
                try? await Task.sleep(for: Self.sweepInterval)
                let now = ContinuousClock.now
                let due = self.rooms.withLock { rooms -> [CheckedContinuation<Void, Never>] in
                    var due: [CheckedContinuation<Void, Never>] = []
                    for (auctionID, room) in rooms where room.waiters.values.contains(where: { $0.deadline <= now }) {
                        for (id, waiter) in room.waiters where waiter.deadline <= now {
                            due.append(waiter.continuation)
                            rooms[auctionID]?.waiters[id] = nil
                        }
                    }
                    return due
                }
                for continuation in due { continuation.resume() }
            }
        }
    }
}

extension Platform {
    /// The live rooms' fan-out.
    var auctionHub: AuctionHub { AuctionHub.shared }
    /// 网络竞价.
    public var auctions: AuctionService { AuctionService(platform: self) }
}
