import ArgumentParser
import Foundation
import Logging
import Server
import Storage
import TradingCore

/// `yiwang experts …` — the expert registry (专家库) from the command line.
struct Experts: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Maintain the expert registry; make and use an expert's report-signing key.",
        subcommands: [ExpertsImport.self, ExpertsKeygen.self, ExpertsSign.self]
    )
}

/// `yiwang experts import FILE.csv` — imports experts from a CSV (columns in the README and ``TradingCore/ExpertCSV``):
/// valid rows in one transaction with one witness-log entry; every refused row printed with its number and reason.
struct ExpertsImport: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Import experts from a CSV file; prints a per-row error report and exits 1 if any row was refused."
    )

    @Argument(help: "The CSV file (UTF-8, header row).")
    var file: String

    @OptionGroup var database: DatabaseOptions

    func run() async throws {
        guard let data = FileManager.default.contents(atPath: self.file), let text = String(data: data, encoding: .utf8) else {
            throw ValidationError("cannot read \(self.file) as UTF-8 (无法读取)")
        }
        var configuration = AppConfiguration.environment()
        if let value = self.database.database { configuration.databaseURL = value }
        if let value = self.database.dataDirectory { configuration.dataDirectory = value }
        var logger = Logger(label: "yiwang")
        logger.logLevel = .warning
        let platform = try await PlatformBootstrap.open(configuration, logger: logger)
        let progress = ProgressBar()
        let report: ExpertService.ImportReport
        do {
            report = try await platform.experts.importCSV(text, by: .system) { fraction, phase in progress.update(fraction, phase) }
        } catch {
            progress.finish()
            await platform.engine.shutdown()
            throw ValidationError("import refused (导入失败): \(error)")
        }
        progress.finish()
        await platform.engine.shutdown()
        print("imported \(report.imported) experts (导入\(report.imported)名专家)" + (report.logIndex.map { "; log entry \($0)" } ?? ""))
        for error in report.errors {
            print("row \(error.row): \(error.zh) / \(error.en)")
        }
        if !report.errors.isEmpty { throw ExitCode(1) }
    }
}
