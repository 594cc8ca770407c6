import Foundation
import Logging
import SQLKit
import SQLiteKit
import SQLiteNIO

/// The embedded engine: one SQLite file in WAL mode, one writer connection behind a FIFO gate
/// and one reader connection (WAL lets it read while a write is under way). The WAL is checkpointed by a connection of
/// its own once a second (PASSIVE: it never waits for the writer or the readers), not by whichever commit happens to
/// cross SQLite's threshold — that commit would wait for the copy, and every transaction behind it in the gate.
public final class SQLiteEngine: DatabaseEngine {
    public let dialect = DatabaseDialect.sqlite
    let writer: SQLiteConnection
    let reader: SQLiteConnection
    let checkpointer: SQLiteConnection
    private let checkpoints: Task<Void, Never>
    let gate = AsyncGate()
    let logger: Logger

    public init(path: String, logger: Logger) async throws {
        let directory = URL(fileURLWithPath: path).deletingLastPathComponent()
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        self.logger = logger
        let writer: SQLiteConnection = try await SQLiteConnection.open(storage: .file(path: path), logger: logger)
        let reader: SQLiteConnection = try await SQLiteConnection.open(storage: .file(path: path), logger: logger)
        let checkpointer: SQLiteConnection = try await SQLiteConnection.open(storage: .file(path: path), logger: logger)
        self.writer = writer
        self.reader = reader
        self.checkpointer = checkpointer
        for connection in [writer, reader, checkpointer] {
            let db = connection.sql()
            try await db.raw("PRAGMA busy_timeout = 10000").run()
            try await db.raw("PRAGMA foreign_keys = ON").run()
            // 64 MiB of pages per connection instead of SQLite's 2 MiB, so a busy auction's indexes stay in memory.
            try await db.raw("PRAGMA cache_size = -65536").run()
        }
        try await writer.sql().raw("PRAGMA journal_mode = WAL").run()
        try await writer.sql().raw("PRAGMA synchronous = NORMAL").run()
        try await writer.sql().raw("PRAGMA wal_autocheckpoint = 0").run()
        self.checkpoints = Task {
            while !Task.isCancelled {
                try? await Task.sleep(for: .seconds(1))
                _ = try? await checkpointer.sql().raw("PRAGMA wal_checkpoint(PASSIVE)").run()
            }
        }
    }

    public func read<T: Sendable>(_ body: @Sendable (any SQLDatabase) async throws -> T) async throws -> T {
        try await body(self.reader.sql(queryLogLevel: .trace))
    }

    public func transaction<T: Sendable>(_ body: @Sendable (any SQLDatabase) async throws -> T) async throws -> T {
        try await self.gate.withGate {
            let db = self.writer.sql(queryLogLevel: .trace)
            try await db.raw("BEGIN IMMEDIATE").run()
            do {
                let value = try await body(db)
                try await db.raw("COMMIT").run()
                return value
            } catch {
                try? await db.raw("ROLLBACK").run()
                throw error
            }
        }
    }

    public func shutdown() async {
        self.checkpoints.cancel()
        try? await self.checkpointer.close()
        try? await self.reader.close()
        try? await self.writer.close()
    }
}
