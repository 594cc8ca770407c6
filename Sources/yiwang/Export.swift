import ArgumentParser
import Foundation
import Logging
import Server
import Storage

/// `yiwang export` — bulk open data.
struct Export: AsyncParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Bulk export of open data.", subcommands: [OCDS.self])

    /// `yiwang export ocds [--database PATH] --out DIR`: every public project's OCDS release and record packages.
    struct OCDS: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "ocds",
            abstract: "Write each public project's OCDS 1.1 release package and record package to DIR.",
            discussion: "Files: DIR/<ocid>.release-package.json and DIR/<ocid>.record-package.json (the same JSON as /api/v1/ocds/…)."
        )

        @OptionGroup var database: DatabaseOptions
        @Option(help: ArgumentHelp("Directory to write (created if missing).", valueName: "dir")) var out: String
        @Option(name: .customLong("base-url"), help: "Public address for links in the packages (default: yiwang.http.publicURL, else http://127.0.0.1:8080).")
        var baseURL: String?

        func run() async throws {
            var configuration = AppConfiguration.environment()
            if let value = self.database.database { configuration.databaseURL = value }
            if let value = self.database.dataDirectory { configuration.dataDirectory = value }
            var logger = Logger(label: "yiwang-export")
            logger.logLevel = .error
            let platform = try await PlatformBootstrap.open(configuration, logger: logger)
            let base = (self.baseURL ?? configuration.publicURL ?? "http://127.0.0.1:\(configuration.port)").trimmingCharacters(in: CharacterSet(charactersIn: "/"))
            do {
                let directory = URL(fileURLWithPath: self.out)
                try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
                let ids = try await platform.openData.publicProjectIDs()
                let progress = ProgressBar()
                let encoder = JSONEncoder()
                encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
                for (position, id) in ids.enumerated() {
                    let ocid = platform.openData.ocid(id)
                    let (release, record) = try await platform.openData.packages(projectID: id, baseURL: base)
                    try encoder.encode(release).write(to: directory.appendingPathComponent("\(ocid).release-package.json"), options: .atomic)
                    try encoder.encode(record).write(to: directory.appendingPathComponent("\(ocid).record-package.json"), options: .atomic)
                    progress.update(Double(position + 1) / Double(max(ids.count, 1)), "\(position + 1)/\(ids.count) projects")
                }
                progress.finish()
                print("exported \(ids.count) projects (\(ids.count * 2) packages) to \(directory.path)")
                await platform.engine.shutdown()
            } catch {
                await platform.engine.shutdown()
                throw error
            }
        }
    }
}
