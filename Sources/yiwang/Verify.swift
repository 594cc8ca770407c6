import ArgumentParser

/// `yiwang verify …` — offline checks anyone can run: receipts, witness certificates and expert draws.
struct Verify: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Verify receipts, witness certificates and expert draws offline (no network).",
        subcommands: [
            VerifyReceipt.self,
            VerifyCertificate.self,
            VerifyDraw.self,
        ]
    )
}
