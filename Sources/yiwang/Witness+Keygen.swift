import ArgumentParser
import Server
import WitnessLog

extension Witness {
    /// `yiwang witness keygen --name NAME --out PREFIX` — a new cosignature/v1 key pair.
    struct Keygen: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Generate a witness key: PREFIX.key (private, mode 0600) and PREFIX.vkey (public)."
        )

        @Option(help: "The witness's key name, a schema-less URL such as witness.example.cn/regulator-1.")
        var name: String
        @Option(help: "Path prefix of the two key files.")
        var out: String

        func run() async throws {
            let signer = try WitnessKeyFile.generate(name: self.name, prefix: self.out)
            print("wrote \(self.out).key (keep it secret) and \(self.out).vkey")
            print(signer.verifier.vkey)
        }
    }
}
