import ArgumentParser

/// `yiwang witness …` — run a C2SP tlog-witness that cosigns the logs it is told to trust.
struct Witness: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Run a witness (见证人) that cosigns checkpoints of the logs it trusts (c2sp.org/tlog-witness).",
        subcommands: [
            Witness.Keygen.self,
            Witness.Serve.self,
        ]
    )
}
