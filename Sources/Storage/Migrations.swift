import Foundation
import SQLKit

/// One versioned schema change; the same SQL runs on SQLite and PostgreSQL.
public struct Migration: Sendable {
    public var version: Int
    public var name: String
    public var statements: [String]
    /// Data the new tables need that SQL alone cannot compute (e.g. search terms of existing rows), in the same
    /// transaction as the statements.
    public var backfill: (@Sendable (any SQLDatabase) async throws -> Void)?

    init(version: Int, name: String, statements: [String], backfill: (@Sendable (any SQLDatabase) async throws -> Void)? = nil) {
        self.version = version
        self.name = name
        self.statements = statements
        self.backfill = backfill
    }
}

/// Applies the versioned migrations in order, each in its own transaction, recording them in `schema_migrations`.
public enum Migrator {
    public static let all: [Migration] = [Schema.v1, Schema.v2, Schema.v3, Schema.v4, Schema.v5, Schema.v6, Schema.v7, Schema.v8, Schema.v9, Schema.v10, Schema.v11, Schema.v12]

    /// Runs every migration not yet applied; returns the versions it applied.
    @discardableResult
    public static func migrate(_ engine: any DatabaseEngine) async throws -> [Int] {
        try await engine.transaction { db in
            try await db.raw(
                "CREATE TABLE IF NOT EXISTS schema_migrations (version BIGINT PRIMARY KEY, name TEXT NOT NULL, applied_at BIGINT NOT NULL)"
            ).run()
        }
        var applied: [Int] = []
        for migration in Self.all {
            let done = try await engine.transaction { db in
                if engine.dialect == .postgres {
                    // Two servers starting at once: the first migrates, the second waits and finds it done.
                    try await db.raw("SELECT pg_advisory_xact_lock(7310001)").run()
                }
                let existing = try await db.raw("SELECT version FROM schema_migrations WHERE version = \(bind: migration.version)").all()
                if !existing.isEmpty { return false }
                for statement in migration.statements {
                    try await db.raw(SQLQueryString(statement)).run()
                }
                try await migration.backfill?(db)
                let now = Int64(Date().timeIntervalSince1970 * 1000)
                try await db.raw(
                    "INSERT INTO schema_migrations (version, name, applied_at) VALUES (\(bind: migration.version), \(bind: migration.name), \(bind: now))"
                ).run()
                return true
            }
            if done { applied.append(migration.version) }
        }
        return applied
    }
}
