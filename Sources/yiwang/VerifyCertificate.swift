import ArgumentParser
import Foundation
import WitnessLog

/// `yiwang verify certificate BUNDLE [--log-key VKEY] [--witness VKEY …] [--min-witnesses N]` — checks a project's
/// witness certificate (电子见证书) and prints one line per event.
struct VerifyCertificate: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "certificate",
        abstract: "Verify a project's witness certificate: checkpoint, witnesses, and every event's inclusion."
    )

    @Argument(help: "The certificate bundle (JSON).") var bundle: String
    @Option(name: .customLong("log-key"), help: "The log's verifier key (vkey text or a file holding it); without it the bundle's own key is used and only consistency is shown.")
    var logKey: String?
    @OptionGroup var trust: TrustOptions

    func run() async throws {
        let log = try self.logKey.map { try VerifierKeyArgument.load($0, role: "log") }
        let witnesses = try self.trust.witnesses()
        let certificate: WitnessCertificate
        do {
            certificate = try WitnessCertificate(json: Data(contentsOf: URL(fileURLWithPath: self.bundle)))
        } catch {
            throw Self.failure("\(self.bundle): \(error)")
        }
        let verdict = certificate.verify(log: log, witnesses: witnesses, minWitnesses: self.trust.requiredWitnesses)
        print("project \(certificate.project): \(certificate.title)")
        let result = verdict.checkpoint
        if let checkpoint = result.checkpoint {
            let witnessed = result.cosigners.isEmpty ? "no witness cosignature checked" : "cosigned by \(result.cosigners.joined(separator: ", "))"
            print("checkpoint: \(checkpoint.origin) at tree size \(checkpoint.size): OK; \(witnessed)")
        } else {
            print("checkpoint: FAILED: \(result.failure ?? "rejected")")
        }
        for note in result.notes { print("note: \(note)") }
        for event in verdict.events { print(event) }
        if !verdict.completenessChecked {
            print("note: the entries carry no prev links, so a left-out event would not be noticed")
        }
        if let failure = result.failure {
            throw Self.failure("checkpoint: \(failure)")
        }
        if let event = verdict.firstFailure, case .failed(let reason) = event.outcome {
            throw Self.failure("first failing event \(event.position) (log index \(event.index), type \(event.type ?? "?")): \(reason)")
        }
        let keyNote = result.keySource == .bundle ? " (log key from the bundle, not independently supplied)" : ""
        print("OK 验证通过: \(verdict.events.count) events of project \(certificate.project) are in the log\(keyNote)")
    }

    /// Prints the reason to standard error; the command then exits with status 1.
    private static func failure(_ reason: String) -> ExitCode {
        fflush(nil)
        FileHandle.standardError.write(Data("FAILED 验证失败: \(reason)\n".utf8))
        return .failure
    }
}
