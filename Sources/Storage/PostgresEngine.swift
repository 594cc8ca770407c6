import Foundation
import Logging
import PostgresKit
import PostgresNIO
import SQLKit

/// The production engine: a PostgreSQL connection pool (postgres-nio's `PostgresClient`).
public final class PostgresEngine: DatabaseEngine {
    public let dialect = DatabaseDialect.postgres
    let client: PostgresClient
    let runner: Task<Void, Never>
    let logger: Logger

    public init(url: String, logger: Logger) throws {
        guard let components = URLComponents(string: url), let host = components.host else {
            throw DatabaseConfigurationError("cannot read the PostgreSQL URL (postgres://user:password@host:port/database)")
        }
        let database = components.path.hasPrefix("/") ? String(components.path.dropFirst()) : components.path
        var configuration = PostgresClient.Configuration(
            host: host, port: components.port ?? 5432,
            username: components.user ?? "postgres", password: components.password,
            database: database.isEmpty ? nil : database, tls: .disable
        )
        configuration.options.maximumConnections = 16
        let client = PostgresClient(configuration: configuration, backgroundLogger: logger)
        self.client = client
        self.logger = logger
        self.runner = Task { await client.run() }
    }

    public func read<T: Sendable>(_ body: @Sendable (any SQLDatabase) async throws -> T) async throws -> T {
        try await self.client.withConnection { connection in
            try await body(connection.sql(queryLogLevel: .trace))
        }
    }

    /// Runs `body` in a transaction; the caller's own error comes back unwrapped (postgres-nio wraps it
    /// in `PostgresTransactionError` together with any rollback error).
    public func transaction<T: Sendable>(_ body: @Sendable (any SQLDatabase) async throws -> T) async throws -> T {
        do {
            return try await self.client.withTransaction(logger: self.logger) { connection in
                try await body(connection.sql(queryLogLevel: .trace))
            }
        } catch let error as PostgresTransactionError {
            if let closureError = error.closureError, error.rollbackError == nil { throw closureError }
            throw error
        }
    }

    public func shutdown() async {
        self.runner.cancel()
        _ = await self.runner.value
    }
}
