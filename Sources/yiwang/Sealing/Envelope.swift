import ArgumentParser

/// `yiwang envelope` — work on a sealed bid envelope (投标文件密封信封) with files only.
struct Envelope: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "envelope",
        abstract: "Sealed bid envelopes: open one with k custodians' share files.",
        subcommands: [Open.self]
    )
}
