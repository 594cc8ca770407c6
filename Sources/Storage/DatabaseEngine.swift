import Logging
import SQLKit

/// The two engines Yiwang runs on.
public enum DatabaseDialect: String, Sendable {
    /// The embedded default (WAL mode), one file under ./data.
    case sqlite
    /// The production engine.
    case postgres
}

/// A database the platform reads from and changes in transactions.
///
/// Every state change runs inside ``transaction(_:)`` together with its witness-log entry, so that
/// either both are written or neither is. Both engines hand out the same `any SQLDatabase`, so one
/// set of queries serves both.
public protocol DatabaseEngine: Sendable {
    var dialect: DatabaseDialect { get }
    /// Runs read-only queries.
    func read<T: Sendable>(_ body: @Sendable (any SQLDatabase) async throws -> T) async throws -> T
    /// Runs `body` in one transaction: committed when it returns, rolled back when it throws.
    func transaction<T: Sendable>(_ body: @Sendable (any SQLDatabase) async throws -> T) async throws -> T
    /// Closes connections.
    func shutdown() async
}

extension DatabaseEngine {
    /// ` FOR UPDATE` on PostgreSQL, where rows are locked; SQLite serializes writers as a whole.
    public var forUpdate: String {
        self.dialect == .postgres ? " FOR UPDATE" : ""
    }
}

/// Opens the engine a URL names: `sqlite:///path/to/file.sqlite`, a plain file path, or `postgres://user:pass@host:port/db`.
public enum DatabaseOpener {
    public static func open(url: String, logger: Logger) async throws -> any DatabaseEngine {
        if url.hasPrefix("postgres://") || url.hasPrefix("postgresql://") {
            return try PostgresEngine(url: url, logger: logger)
        }
        var path = url
        if path.hasPrefix("sqlite://") { path.removeFirst("sqlite://".count) }
        return try await SQLiteEngine(path: path, logger: logger)
    }
}

/// A configuration or connection problem with the database.
public struct DatabaseConfigurationError: Error, CustomStringConvertible {
    public var description: String
    public init(_ description: String) { self.description = description }
}
