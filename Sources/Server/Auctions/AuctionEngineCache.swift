import Foundation
import NIOPosix
import Synchronization

/// The decoded engines one platform (one server process) last wrote or read, each with the row `version` it belongs
/// to. The database stays the authority: an engine is used as it is only while the locked row still carries its
/// version; after other changes it is brought up to date from the row (see `AuctionService.currentEngine`) or
/// rebuilt from it. Closed auctions are dropped.
final class AuctionEngineCache: Sendable {
    /// One kept engine.
    struct Entry: Sendable {
        /// The row version the engine belongs to.
        var version: Int64
        var engine: AuctionEngine
    }

    /// The thread snapshots are encoded on (one per process): encoding a long ledger takes a core for a while (about
    /// 100 ms for 10,000 bids), which on an event loop would hold up every connection of that loop — live rooms
    /// included — and on the shared pool would hold up SQLite's calls.
    static let snapshotThread: NIOThreadPool = {
        let pool = NIOThreadPool(numberOfThreads: 1)
        pool.start()
        return pool
    }()

    private let entries = Mutex<[String: Entry]>([:])
    private let snapshotting = Mutex<Set<String>>([])

    /// Claims the writing of `auctionID`'s snapshot; false while another write of it is under way.
    func startSnapshot(_ auctionID: String) -> Bool {
        self.snapshotting.withLock { $0.insert(auctionID).inserted }
    }

    func endSnapshot(_ auctionID: String) {
        _ = self.snapshotting.withLock { $0.remove(auctionID) }
    }

    /// The kept engine of `auctionID`; `taking` removes it (the bid path mutates it without copying the ledger).
    func entry(_ auctionID: String, taking: Bool) -> Entry? {
        self.entries.withLock { entries in
            let entry = entries[auctionID]
            if taking { entries[auctionID] = nil }
            return entry
        }
    }

    /// Keeps `entry` unless a newer version is kept already; a closed engine is forgotten.
    func keep(_ auctionID: String, _ entry: Entry) {
        self.entries.withLock { entries in
            if entry.engine.status == "closed" {
                entries[auctionID] = nil
            } else if (entries[auctionID]?.version ?? -1) <= entry.version {
                entries[auctionID] = entry
            }
        }
    }
}
