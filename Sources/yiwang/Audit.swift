import ArgumentParser
import Foundation
import Logging
import Server
import Storage
import WitnessLog

/// `yiwang audit` — replays the witness log in the database against the checkpoints the log signed.
struct Audit: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Check the database's witness log against its signed checkpoints; name the first bad entry.",
        discussion: """
            Every entry must be present, in order, and hash to its stored leaf hash; the replayed tree must match every \
            checkpoint stored in the database and, with --checkpoint, one obtained elsewhere (a witness, a mirror). \
            Exits 1 and prints the index of the first bad entry when anything was changed, deleted or reordered.
            """
    )

    @OptionGroup var database: DatabaseOptions
    @Option(name: .customLong("log-key"), help: "The log's verifier key (text or a file); default: derived from the log key file.")
    var logKey: String?
    @Option(help: "A checkpoint obtained elsewhere (e.g. from a witness), also required to match.")
    var checkpoint: [String] = []

    func run() async throws {
        var configuration = AppConfiguration.environment()
        if let value = self.database.database { configuration.databaseURL = value }
        if let value = self.database.dataDirectory { configuration.dataDirectory = value }
        let verifier = try self.verifier(configuration)
        let engine = try await DatabaseOpener.open(url: configuration.effectiveDatabaseURL, logger: Logger(label: "yiwang-audit"))
        let outcome: Result<String, StoredLogAudit.Failure>
        do {
            outcome = try await StoredLogAudit.run(engine: engine, verifier: verifier, external: try self.checkpoint.map(Self.read))
            await engine.shutdown()
        } catch {
            await engine.shutdown()
            throw error
        }
        switch outcome {
        case .success(let summary): print(summary)
        case .failure(let failure):
            print("AUDIT FAILED: \(failure.description)")
            throw ExitCode(1)
        }
    }

    func verifier(_ configuration: AppConfiguration) throws -> NoteVerifier {
        if let logKey {
            return try VerifierKeyArgument.load(logKey, role: "log")
        }
        return try LogKeyFile.load(path: configuration.effectiveLogKeyFile, origin: configuration.logOrigin).verifier
    }

    static func read(_ path: String) throws -> String {
        try String(contentsOfFile: path, encoding: .utf8)
    }
}
