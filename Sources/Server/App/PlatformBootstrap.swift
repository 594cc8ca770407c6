import Foundation
import Logging
import SQLKit
import Storage
import TradingCore

/// Opens the database named by the configuration, migrates it, and seeds what a new platform needs.
public enum PlatformBootstrap {
    public static func open(_ configuration: AppConfiguration, clock: any TradingClock = SystemClock(), logger: Logger) async throws -> Platform {
        let problems = configuration.problems()
        guard problems.isEmpty else { throw DatabaseConfigurationError("configuration: " + problems.joined(separator: "; ")) }
        let engine = try await DatabaseOpener.open(url: configuration.effectiveDatabaseURL, logger: logger)
        do {
            try await Migrator.migrate(engine)
            let files = try FileStore(root: URL(fileURLWithPath: configuration.dataDirectory).appendingPathComponent("files"))
            let signer = try LogKeyFile.loadOrCreate(path: configuration.effectiveLogKeyFile, origin: configuration.logOrigin)
            let witnesses = try WitnessPanel(configuration.logWitnesses, logger: logger)
            let log = TransparencyLog(engine: engine, signer: signer, witnesses: witnesses, logger: logger)
            var settings = PlatformSettings(maxUploadBytes: configuration.maxUploadBytes, bcryptCost: UInt8(configuration.bcryptCost), sessionHours: configuration.sessionHours)
            settings.shareMinutes = configuration.shareMinutes
            settings.publicURL = configuration.publicURL
            settings.ocidPrefix = configuration.ocidPrefix
            settings.webhooks = configuration.webhookPolicy
            settings.creditPolicy = configuration.creditPolicy ?? .standard
            let platform = Platform(
                engine: engine, files: files, clock: clock, calendar: TradingCalendar.chinaDefault,
                settings: settings,
                logger: logger, log: log
            )
            let now = platform.nowMillis()
            try await engine.transaction { db in try await CatalogService.seedStandard(now: now, on: db) }
            do {
                _ = try await log.checkpoint()
            } catch let fault as LogFault {
                // Serve (the public must still see the log), but sign nothing until an audit explains the fault.
                logger.critical("the witness log does not match its signed checkpoints: \(fault)")
            }
            return platform
        } catch {
            await engine.shutdown()
            throw error
        }
    }

    /// Creates the first operator account (`admin`) when none exists; returns its password when one was generated.
    public static func ensureOperator(_ platform: Platform, password: String?) async throws -> String? {
        let existing = try await platform.engine.read { db in
            try await db.row("SELECT * FROM accounts WHERE role = 'operator' LIMIT 1", as: AccountRow.self)
        }
        guard existing == nil else { return nil }
        let chosen = password ?? String(UUID().uuidString.replacingOccurrences(of: "-", with: "").prefix(16))
        let centre = try await platform.accounts.createParty(name: "公共资源交易中心", kind: "centre", creditCode: nil, by: .system)
        _ = try await platform.accounts.createAccount(username: "admin", password: chosen, role: .operator, partyID: centre.id, displayName: "交易中心管理员", by: .system)
        return password == nil ? chosen : nil
    }
}

extension TradingCalendar {
    /// Weekends, plus the 2026 public holidays and make-up working days (国务院办公厅通知); operators extend it per year.
    public static let chinaDefault: TradingCalendar = {
        func day(_ text: String) -> LocalDate { LocalDate(iso: text)! }
        func range(_ from: String, _ to: String) -> [LocalDate] {
            var days: [LocalDate] = []
            var current = day(from)
            while current <= day(to) { days.append(current); current = current.adding(days: 1) }
            return days
        }
        let holidays = range("2026-01-01", "2026-01-03") + range("2026-02-15", "2026-02-23") + range("2026-04-04", "2026-04-06")
            + range("2026-05-01", "2026-05-05") + range("2026-06-19", "2026-06-21") + range("2026-09-25", "2026-09-27")
            + range("2026-10-01", "2026-10-08")
        let makeUp = ["2026-01-04", "2026-02-14", "2026-02-28", "2026-05-09", "2026-09-20", "2026-10-10"].map(day)
        return TradingCalendar(holidays: Set(holidays), makeUpWorkdays: Set(makeUp))
    }()
}
