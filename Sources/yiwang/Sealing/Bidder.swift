import ArgumentParser

/// `yiwang bidder` — the tools of a 投标人 (bidder) on the bidder's own machine.
struct Bidder: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bidder",
        abstract: "Bidder tools: make your signing key, seal a bid for the tender's custodians.",
        subcommands: [Keygen.self, Seal.self, Submit.self]
    )
}
