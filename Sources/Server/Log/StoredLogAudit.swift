import Storage
import WitnessLog

/// 日志审计 — `yiwang audit`: the witness log in the database replayed against every checkpoint the log signed.
public enum StoredLogAudit {
    /// Why an audit failed: the first bad entry (or the bad checkpoint) in words, and its index when known.
    public struct Failure: Error, CustomStringConvertible {
        public var description: String
        public var firstBadIndex: UInt64?
    }

    /// Replays every entry and checks every checkpoint; the summary line, or what failed first.
    public static func run(engine: any DatabaseEngine, verifier: NoteVerifier, external: [String]) async throws -> Result<String, Failure> {
        var audit = LogAudit()
        var next: Int64 = 0
        while true {
            let from = next
            let page = try await engine.read { db in try await LogRecords.entries(from: from, limit: 10_000, on: db) }
            for row in page {
                audit.add(index: UInt64(max(row.idx, 0)), entry: Array(row.entry.utf8), storedLeafHash: Hash(hex: row.leafHash))
            }
            guard let last = page.last, audit.finding == nil else { break }
            next = last.idx + 1
        }
        let stored = try await engine.read { db in try await CheckpointRecords.all(on: db) }
        var checkpoints: [Checkpoint] = []
        var cosigned: (size: UInt64, count: Int) = (0, 0)
        for (source, note) in stored.map({ ("stored checkpoint \($0.size)", $0.note) }) + external.map({ ("checkpoint file", $0) }) {
            do {
                let (checkpoint, signed) = try Checkpoint.open(Array(note.utf8), logVerifiers: [verifier])
                checkpoints.append(checkpoint)
                let witnesses = signed.signatures.filter { $0.keyID != verifier.keyID }.count
                if witnesses > 0, checkpoint.size >= cosigned.size { cosigned = (checkpoint.size, witnesses) }
            } catch {
                return .failure(Failure(description: "\(source): the log's signature does not verify (\(error))"))
            }
        }
        if let finding = audit.check(against: checkpoints) {
            return .failure(Failure(description: finding.description, firstBadIndex: finding.firstBadIndex))
        }
        var summary = "audit OK: \(audit.tree.size) entries, \(checkpoints.count) signed checkpoints match; root \(audit.tree.rootHash.base64)"
        if cosigned.count > 0 { summary += "; latest cosigned checkpoint: size \(cosigned.size) with \(cosigned.count) witness signature(s)" }
        return .success(summary)
    }
}
