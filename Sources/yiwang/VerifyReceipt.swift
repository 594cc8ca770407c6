import ArgumentParser
import Foundation
import WitnessLog

/// `yiwang verify receipt FILE --log-key VKEY [--witness VKEY …] [--min-witnesses N]` — checks an offline receipt
/// (c2sp.org/tlog-proof@v1 carrying its log entry) and prints the entry.
struct VerifyReceipt: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "receipt",
        abstract: "Verify a receipt (.tlog-proof): log signature, witness cosignatures, inclusion of its entry."
    )

    @Argument(help: "The receipt file.") var file: String
    @Option(name: .customLong("log-key"), help: "The log's verifier key (vkey text or a file holding it).")
    var logKey: String
    @OptionGroup var trust: TrustOptions

    func run() async throws {
        let log = try VerifierKeyArgument.load(self.logKey, role: "log")
        let witnesses = try self.trust.witnesses()
        let bytes = try Array(Data(contentsOf: URL(fileURLWithPath: self.file)))
        let receipt: TlogProof
        let checkpoint: Checkpoint
        do {
            receipt = try TlogProof(parsing: bytes)
            checkpoint = try receipt.verify(log: log, witnesses: witnesses, minWitnesses: self.trust.requiredWitnesses)
        } catch {
            fflush(nil)
            FileHandle.standardError.write(Data("FAILED 验证失败: \(self.file): \(error)\n".utf8))
            throw ExitCode.failure
        }
        let cosigners = (try? VerifiedCheckpoint(
            note: receipt.checkpoint, log: log, witnesses: witnesses, minWitnesses: 0))?.cosigners.map(\.name) ?? []
        print(String(decoding: receipt.extra ?? [], as: UTF8.self))
        let witnessed = cosigners.isEmpty ? "no witness cosignature checked" : "cosigned by \(cosigners.joined(separator: ", "))"
        print("OK 验证通过: entry at log index \(receipt.index) is in \(checkpoint.origin) at tree size \(checkpoint.size); \(witnessed)")
    }
}
