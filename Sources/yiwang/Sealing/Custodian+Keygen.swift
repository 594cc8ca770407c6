import ArgumentParser
import SealedBid

extension Custodian {
    /// `yiwang custodian keygen --out NAME`: a fresh X25519 key as NAME.key (0600) and NAME.pub.
    struct Keygen: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Make a custodian key: NAME.key stays on this machine, NAME.pub goes to the tender notice."
        )

        @Option(name: .long, help: ArgumentHelp("Path and name of the key files, without extension.", valueName: "name"))
        var out: String

        func run() throws {
            let key = CustodianKey()
            let paths = try SealingFiles.publishKeyPair(name: self.out, privateText: key.text, publicText: key.publicKey.text)
            print("private key: \(paths.key) (mode 0600; never share it / 私钥，切勿外传)")
            print("public key:  \(paths.pub)")
            print(key.publicKey.text, terminator: "")
        }
    }
}
