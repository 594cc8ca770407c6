import ArgumentParser

/// `yiwang custodian` — the tools of a 开标密钥保管人 (custodian of a tender's opening key).
struct Custodian: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "custodian",
        abstract: "Custodian tools: make your key, decrypt your share of a sealed bid at the opening.",
        subcommands: [Keygen.self, Share.self, Release.self]
    )
}
