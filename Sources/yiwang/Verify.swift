import ArgumentParser

/// `yiwang verify …` — offline checks anyone can run: receipts and witness certificates.
struct Verify: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Verify receipts and witness certificates offline (no network).",
        subcommands: [
            VerifyReceipt.self,
            VerifyCertificate.self,
        ]
    )
}
