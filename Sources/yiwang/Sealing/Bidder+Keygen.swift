import ArgumentParser
import SealedBid

extension Bidder {
    /// `yiwang bidder keygen --out NAME`: a fresh Ed25519 signing key as NAME.key (0600) and NAME.pub.
    struct Keygen: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Make a bidder signing key: NAME.key signs your envelopes, NAME.pub is registered with the platform."
        )

        @Option(name: .long, help: ArgumentHelp("Path and name of the key files, without extension.", valueName: "name"))
        var out: String

        func run() throws {
            let key = BidderKey()
            let paths = try SealingFiles.publishKeyPair(name: self.out, privateText: key.text, publicText: key.publicKey.text)
            print("private key: \(paths.key) (mode 0600; never share it / 私钥，切勿外传)")
            print("public key:  \(paths.pub) (register it with the platform / 在平台登记)")
            print(key.publicKey.text, terminator: "")
        }
    }
}
