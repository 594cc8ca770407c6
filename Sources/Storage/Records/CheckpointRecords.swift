import SQLKit

/// 签名检查点 — a checkpoint the platform signed, with any witness cosignatures merged into its note.
public struct CheckpointRow: Sendable, Codable, Equatable {
    public var size: Int64
    /// Root hash, hex.
    public var rootHash: String
    /// The signed note (checkpoint text, blank line, signature lines).
    public var note: String
    public var createdAt: Int64

    public init(size: Int64, rootHash: String, note: String, createdAt: Int64) {
        self.size = size
        self.rootHash = rootHash
        self.note = note
        self.createdAt = createdAt
    }
}

/// The stored checkpoints of the witness log.
public enum CheckpointRecords {
    /// The checkpoint with the largest size, if any.
    public static func latest(on db: any SQLDatabase) async throws -> CheckpointRow? {
        try await db.row("SELECT * FROM log_checkpoints ORDER BY size DESC LIMIT 1", as: CheckpointRow.self)
    }

    /// The checkpoint of exactly `size`, if one was signed.
    public static func at(size: Int64, on db: any SQLDatabase) async throws -> CheckpointRow? {
        try await db.row("SELECT * FROM log_checkpoints WHERE size = \(bind: size)", as: CheckpointRow.self)
    }

    /// Every checkpoint, smallest first (for the audit).
    public static func all(on db: any SQLDatabase) async throws -> [CheckpointRow] {
        try await db.rows("SELECT * FROM log_checkpoints ORDER BY size", as: CheckpointRow.self)
    }

    /// Records a checkpoint unless one of that size exists (another server signed it first).
    public static func insert(_ row: CheckpointRow, on db: any SQLDatabase) async throws {
        try await db.raw("""
            INSERT INTO log_checkpoints (size, root_hash, note, created_at)
            VALUES (\(bind: row.size), \(bind: row.rootHash), \(bind: row.note), \(bind: row.createdAt))
            ON CONFLICT (size) DO NOTHING
            """).run()
    }

    /// Replaces the note of the checkpoint of `size` (to add cosignatures).
    public static func updateNote(size: Int64, note: String, on db: any SQLDatabase) async throws {
        try await db.raw("UPDATE log_checkpoints SET note = \(bind: note) WHERE size = \(bind: size)").run()
    }
}
