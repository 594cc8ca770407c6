import Foundation
import Logging
import Storage
import TradingCore
import WitnessLog

/// A checkpoint the log signed, parsed, with its note (log signature plus any cosignatures).
public struct SignedCheckpoint: Sendable, Equatable {
    public var checkpoint: Checkpoint
    public var note: SignedNote

    public var size: UInt64 { self.checkpoint.size }
}

/// Something that cosigns the log's checkpoints: the witnesses configured by `yiwang.log.witnesses`.
public protocol CheckpointWitnessing: Sendable {
    /// Asks the witnesses to cosign `note` (of `size` entries); returns the cosignatures obtained. Failures are
    /// logged, not thrown: a witness that is down must not stop trading.
    func cosign(note: SignedNote, size: UInt64, consistencyProof: @escaping @Sendable (UInt64) throws -> [Hash]) async -> [NoteSignature]
    /// How many witnesses are asked.
    var count: Int { get }
}

/// 见证日志 — the platform's transparency log: entries committed with their changes in `log_entries`, an in-memory
/// Merkle tree over them, and checkpoints signed with the log key and cosigned by witnesses.
///
/// The tree is a cache of the database: each server process rebuilds it at start (checking every entry against its
/// stored leaf hash and the last stored checkpoint) and integrates new entries in batches, so one signature covers
/// every change committed since the last one. Any server may sign: the same entries give the same checkpoint.
public actor TransparencyLog {
    public nonisolated let origin: String
    /// The log's public key (`/log/key`).
    public nonisolated let verifier: NoteVerifier
    let signer: NoteSigner
    let engine: any DatabaseEngine
    let witnesses: (any CheckpointWitnessing)?
    let logger: Logger

    private var tree = MerkleTree()
    private var latest: SignedCheckpoint?
    private var pending: Task<SignedCheckpoint, any Error>?
    /// Set when the database disagrees with what the log signed: the log stops signing until an audit.
    private var fault: String?
    private var lastWitnessAttempt: ContinuousClock.Instant?

    public init(engine: any DatabaseEngine, signer: NoteSigner, witnesses: (any CheckpointWitnessing)?, logger: Logger) {
        self.origin = signer.name
        self.verifier = signer.verifier
        self.signer = signer
        self.engine = engine
        self.witnesses = witnesses
        self.logger = logger
    }

    /// The latest checkpoint, integrating and signing every entry committed so far.
    public func checkpoint() async throws -> SignedCheckpoint {
        try await self.integrated(through: nil)
    }

    /// A checkpoint that includes the entry at `index` (signing a new one if needed).
    public func checkpoint(covering index: UInt64) async throws -> SignedCheckpoint {
        try await self.integrated(through: index)
    }

    /// The latest checkpoint already signed, without integrating (for pages that must not wait).
    public func lastSigned() -> SignedCheckpoint? {
        self.latest
    }

    /// Number of entries integrated into the in-memory tree.
    public var treeSize: UInt64 { self.tree.size }

    /// Inclusion proof of the entry at `index` in the tree of `size` entries.
    public func inclusionProof(index: UInt64, size: UInt64) throws -> InclusionProof {
        try self.tree.inclusionProof(leafIndex: index, treeSize: size)
    }

    /// Consistency proof between two tree sizes.
    public func consistencyProof(from oldSize: UInt64, to newSize: UInt64) throws -> ConsistencyProof {
        try self.tree.consistencyProof(oldSize: oldSize, newSize: newSize)
    }

    /// The body of a tlog-tiles resource, or nil if the latest checkpoint does not contain it.
    public func tile(_ tile: Tile) async throws -> [UInt8]? {
        let size = try await self.checkpoint().size
        guard tile.exists(inTreeOf: size) else { return nil }
        switch tile.kind {
        case .hashes:
            return Tile.body(hashes: try tile.hashes(from: self.tree))
        case .entries:
            let start = Int64(tile.index * Tile.width)
            let rows = try await self.engine.read { db in try await LogRecords.entries(from: start, limit: Int(tile.width), on: db) }
            return EntryBundle.encode(rows.map { Array($0.entry.utf8) })
        }
    }

    /// Coalesces integration: callers that arrive while one runs wait for it, then start at most one more.
    private func integrated(through index: UInt64?) async throws -> SignedCheckpoint {
        var startedOwn = false
        while true {
            if let latest = self.latest, startedOwn || index.map({ $0 < latest.size }) == true {
                if let index, index >= latest.size { throw LogFault("entry \(index) is not in the database") }
                return latest
            }
            if let pending = self.pending {
                // Awaiting a finished task does not suspend: clear it here, or this loop would spin on the actor
                // while its starter waits to be scheduled.
                _ = try? await pending.value
                if self.pending == pending { self.pending = nil }
                continue
            }
            let task = Task { try await self.integrate() }
            self.pending = task
            startedOwn = true
            defer { if self.pending == task { self.pending = nil } }
            _ = try await task.value
        }
    }

    /// Reads entries committed since the tree's size, checks them, signs a checkpoint if the tree grew, and asks the
    /// witnesses to cosign it.
    private func integrate() async throws -> SignedCheckpoint {
        if let fault { throw LogFault(fault) }
        let start = self.tree.size
        var rows: [LogRecords.Entry] = []
        var stored: CheckpointRow?
        repeat {
            let from = Int64(start) + Int64(rows.count)
            let (page, latest) = try await self.engine.read { db in
                (try await LogRecords.entries(from: from, limit: 10_000, on: db), try await CheckpointRecords.latest(on: db))
            }
            rows += page
            stored = latest
            if page.count < 10_000 { break }
        } while true
        for (offset, row) in rows.enumerated() {
            let expected = Int64(start) + Int64(offset)
            guard row.idx == expected else { return try self.halt("entry \(expected) is missing (found \(row.idx) next)") }
            let leaf = Merkle.leafHash(Array(row.entry.utf8))
            guard leaf.hex == row.leafHash else { return try self.halt("entry \(row.idx) does not match its stored leaf hash") }
            self.tree.append(leaf)
        }
        if let stored {
            let size = UInt64(stored.size)
            guard size <= self.tree.size else {
                return try self.halt("checkpoint \(size) covers more entries than the database holds (\(self.tree.size))")
            }
            guard try self.tree.rootHash(size: size).hex == stored.rootHash else {
                return try self.halt("the entries no longer hash to the signed checkpoint of size \(size)")
            }
            // A checkpoint signed by another key: this is not the key the database was signed with. Serve, sign nothing.
            let parsed: SignedCheckpoint
            do { parsed = try Self.parse(stored.note, verifier: self.verifier) } catch {
                return try self.halt("the checkpoint of size \(size) is not signed by this log key (\(error)); is yiwang.log.keyFile the key this database was signed with?")
            }
            if size == self.tree.size {
                var signed = parsed
                // A witness that was down or slow when this checkpoint was signed is asked again (at most every 5 s).
                if let witnesses = self.witnesses, signed.note.signatures.count < 1 + witnesses.count,
                   self.lastWitnessAttempt.map({ ContinuousClock.now - $0 > .seconds(5) }) ?? true {
                    signed.note = try await self.cosign(signed.note, size: size)
                }
                self.latest = signed
                return signed
            }
        }
        let checkpoint = Checkpoint(origin: self.origin, size: self.tree.size, rootHash: self.tree.rootHash)
        var note = try checkpoint.sign(with: [self.signer])
        let row = CheckpointRow(size: Int64(checkpoint.size), rootHash: checkpoint.rootHash.hex, note: note.formatted, createdAt: Timestamps.millis(Date()))
        try await self.engine.transaction { db in try await CheckpointRecords.insert(row, on: db) }
        if self.witnesses != nil {
            note = try await self.cosign(note, size: checkpoint.size)
        }
        let signed = SignedCheckpoint(checkpoint: checkpoint, note: note)
        self.latest = signed
        return signed
    }

    /// Asks the witnesses to cosign `note` and stores whatever cosignatures come back with it.
    private func cosign(_ note: SignedNote, size: UInt64) async throws -> SignedNote {
        guard let witnesses = self.witnesses else { return note }
        self.lastWitnessAttempt = ContinuousClock.now
        let snapshot = self.tree
        let cosignatures = await witnesses.cosign(note: note, size: size) { oldSize in
            try snapshot.consistencyProof(oldSize: oldSize, newSize: size).hashes
        }
        let merged = AddCheckpointResponse(signatures: cosignatures).merged(into: note)
        guard merged != note else { return note }
        let text = merged.formatted
        try await self.engine.transaction { db in try await CheckpointRecords.updateNote(size: Int64(size), note: text, on: db) }
        return merged
    }

    private func halt(_ reason: String) throws -> SignedCheckpoint {
        self.fault = reason
        self.logger.critical("witness log stopped signing: \(reason); run `yiwang audit`")
        throw LogFault(reason)
    }

    static func parse(_ text: String, verifier: NoteVerifier) throws -> SignedCheckpoint {
        let (checkpoint, note) = try Checkpoint.open(Array(text.utf8), logVerifiers: [verifier])
        return SignedCheckpoint(checkpoint: checkpoint, note: note)
    }
}

/// The log found the database inconsistent with what it signed, or was asked for an entry it does not hold.
public struct LogFault: Error, CustomStringConvertible {
    public var description: String
    init(_ description: String) { self.description = description }
}

extension TransparencyLog {
    /// 存证回执: a C2SP tlog-proof for the entry at `index` — the entry itself as `extra`, its inclusion proof, and a
    /// checkpoint that contains it with whatever cosignatures the witnesses gave.
    public func receipt(index: UInt64) async throws -> TlogProof {
        // An index past the end is the asker's mistake (404), not a fault of the log.
        guard index <= UInt64(Int64.max),
            let row = try await self.engine.read({ db in try await LogRecords.entries(from: Int64(index), limit: 1, on: db).first }),
            row.idx == Int64(index)
        else { throw TradingError.notFound("Log entry", zh: "日志条目") }
        let signed = try await self.checkpoint(covering: index)
        let proof = try self.inclusionProof(index: index, size: signed.size)
        return TlogProof(index: index, proof: proof.hashes, checkpoint: signed.note, extra: Array(row.entry.utf8))
    }
}

extension TransparencyLog {
    /// 电子见证书: every logged event of `projectID` with its inclusion proof under one checkpoint that contains
    /// them all (signed now if needed, with whatever cosignatures the witnesses gave).
    public func certificate(projectID: String, title: String) async throws -> WitnessCertificate {
        let rows = try await self.engine.read { db in try await LogRecords.entries(project: projectID, on: db) }
        let signed: SignedCheckpoint
        if let last = rows.last {
            signed = try await self.checkpoint(covering: UInt64(last.idx))
        } else {
            signed = try await self.checkpoint()
        }
        let events = try rows.map { row in
            let proof = try self.inclusionProof(index: UInt64(row.idx), size: signed.size)
            return WitnessCertificate.Event(entry: Array(row.entry.utf8), proof: proof)
        }
        return WitnessCertificate(project: projectID, title: title, logKey: self.verifier, checkpoint: signed.note, events: events)
    }
}
