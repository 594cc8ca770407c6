import ArgumentParser
import Hummingbird
import Logging
import NIOCore
import NIOPosix
import Server
import WitnessLog

extension Witness {
    /// `yiwang witness serve --key FILE --state FILE --log VKEY …` — the witness at http://127.0.0.1:7380.
    struct Serve: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Serve POST /add-checkpoint for the given logs, keeping what was cosigned in the state file."
        )

        @Option(help: "The witness's private key file (from `yiwang witness keygen`).") var key: String
        @Option(help: "The state file (JSON; created on the first cosignature).") var state: String
        @Option(name: .customLong("log"), help: "A trusted log key (vkey text or a file holding it); repeat for several logs.")
        var logKeys: [String] = []
        @Option(help: "Address to listen on.") var host = "127.0.0.1"
        @Option(help: "Port to listen on.") var port = 7380

        func validate() throws {
            guard !self.logKeys.isEmpty else { throw ValidationError("give at least one --log key") }
        }

        func run() async throws {
            let signer = try WitnessKeyFile.load(path: self.key)
            let logs = try self.logKeys.map { try VerifierKeyArgument.load($0, role: "log") }
            var logger = Logger(label: "yiwang.witness")
            logger.logLevel = .info
            let stateFile = WitnessStateFile(path: self.state)
            try stateFile.lockForProcess()
            let witness = try WitnessService(signer: signer, logKeys: logs, stateFile: stateFile, logger: logger)
            NIOSingletons.unsafeTryInstallSingletonPosixEventLoopGroupAsConcurrencyGlobalExecutor()
            logger.notice("witness \(signer.verifier.vkey) at http://\(self.host):\(self.port) for \(Set(logs.map(\.name)).sorted().joined(separator: ", "))")
            let app = buildWitnessApplication(
                configuration: .init(address: .hostname(self.host, port: self.port), serverName: "yiwang-witness"),
                witness: witness)
            try await app.runService()
        }
    }
}
