import ArgumentParser
import Foundation
import Hummingbird
import Logging
import NIOCore
import NIOPosix
import Server
import Storage
import TradingCore

/// `yiwang serve [--demo]` — the platform at http://127.0.0.1:8080 on SQLite under ./data by default.
struct Serve: AsyncParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Run the platform (created and migrated on first start).")

    @OptionGroup var database: DatabaseOptions
    @Option(help: "Address to listen on.") var host: String?
    @Option(help: "Port to listen on.") var port: Int?
    @Flag(help: "Load demo data (a trading centre, enterprises, an account per role, projects in several states) when the database has none.")
    var demo = false

    func run() async throws {
        var configuration = AppConfiguration.environment()
        if let value = self.database.database { configuration.databaseURL = value }
        if let value = self.database.dataDirectory { configuration.dataDirectory = value }
        if let host { configuration.host = host }
        if let port { configuration.port = port }
        var logger = Logger(label: "yiwang")
        logger.logLevel = .info
        NIOSingletons.unsafeTryInstallSingletonPosixEventLoopGroupAsConcurrencyGlobalExecutor()
        let platform = try await PlatformBootstrap.open(configuration, logger: logger)
        let adminPassword = ProcessInfo.processInfo.environment["YIWANG_ADMIN_PASSWORD"] ?? (self.demo ? DemoData.password : nil)
        if let generated = try await PlatformBootstrap.ensureOperator(platform, password: adminPassword) {
            logger.notice("created operator account 'admin' with password \(generated) — change it after the first login")
        }
        if self.demo {
            if try await DemoData.seedIfEmpty(platform) {
                logger.notice("demo data loaded; every demo account's password is \(DemoData.password)")
            }
            for line in DemoData.accountsHelp { logger.notice("\(line)") }
        }
        logger.notice("Yiwang at http://\(configuration.host):\(configuration.port) (database: \(configuration.databaseURL == nil ? "SQLite under \(configuration.dataDirectory)" : "configured URL"))")
        let app = buildApplication(platform: platform, configuration: configuration)
        try await app.runService()
        await platform.engine.shutdown()
    }
}

/// `yiwang migrate` — run the versioned migrations explicitly.
struct Migrate: AsyncParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Apply the database migrations and exit.")

    @OptionGroup var database: DatabaseOptions

    func run() async throws {
        var configuration = AppConfiguration.environment()
        if let value = self.database.database { configuration.databaseURL = value }
        if let value = self.database.dataDirectory { configuration.dataDirectory = value }
        let platform = try await PlatformBootstrap.open(configuration, logger: Logger(label: "yiwang"))
        print("migrated: \(configuration.databaseURL == nil ? configuration.effectiveDatabaseURL : "configured database") is at the latest schema")
        await platform.engine.shutdown()
    }
}
