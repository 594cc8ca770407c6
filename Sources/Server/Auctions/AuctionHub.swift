import Foundation
import Synchronization

/// The in-process doorbell of the live rooms: a watcher waits on an auction's bell, and every committed change rings
/// it (`wake`). The database stays the authority: a woken watcher reads the messages after its last `seq` from
/// `auction_events`, so a missed or doubled ring can delay a message but never lose, repeat or reorder one. On
/// PostgreSQL, `AuctionListener` rings the bell for NOTIFYs from other server processes.
public final class AuctionHub: Sendable {
    /// The NOTIFY channel; the payload is the auction id.
    public static let channel = "yiwang_auctions"
    /// One hub per process: auction ids are UUIDs, so platforms in one process (tests) never collide.
    public static let shared = AuctionHub()

    private let waiters = Mutex<[String: [UUID: CheckedContinuation<Void, Never>]]>([:])
    private let generations = Mutex<[String: UInt64]>([:])

    /// The auction's ring count; pass it to `wait` so that a ring between reading and waiting is not missed.
    public func generation(_ auctionID: String) -> UInt64 {
        self.generations.withLock { $0[auctionID] ?? 0 }
    }

    /// Rings the bell of `auctionID`.
    public func wake(_ auctionID: String) {
        self.generations.withLock { $0[auctionID, default: 0] &+= 1 }
        let woken = self.waiters.withLock { $0.removeValue(forKey: auctionID) ?? [:] }
        for continuation in woken.values { continuation.resume() }
    }

    /// Returns once the bell rang after `generation`, or after `timeout` (a watcher re-reads the database then anyway).
    public func wait(_ auctionID: String, after generation: UInt64, timeout: Duration) async {
        let id = UUID()
        await withTaskGroup(of: Void.self) { group in
            group.addTask {
                await withCheckedContinuation { continuation in
                    let ready = self.waiters.withLock { waiters -> Bool in
                        if self.generation(auctionID) != generation { return true }
                        waiters[auctionID, default: [:]][id] = continuation
                        return false
                    }
                    if ready { continuation.resume() }
                }
            }
            group.addTask {
                try? await Task.sleep(for: timeout)
                let continuation = self.waiters.withLock { $0[auctionID]?.removeValue(forKey: id) }
                continuation?.resume()
            }
            await group.next()
            group.cancelAll()
            let continuation = self.waiters.withLock { $0[auctionID]?.removeValue(forKey: id) }
            continuation?.resume()
        }
    }
}

extension Platform {
    /// The live rooms' doorbell.
    var auctionHub: AuctionHub { AuctionHub.shared }
    /// 网络竞价.
    public var auctions: AuctionService { AuctionService(platform: self) }
}
