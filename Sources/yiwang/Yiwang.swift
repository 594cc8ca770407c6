import ArgumentParser

/// `yiwang` — run the platform, migrate, demo, benchmark.
@main
struct Yiwang: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "yiwang",
        abstract: "Yiwang (一网): an open platform for public-resource trading.",
        subcommands: [Serve.self, Migrate.self, Demo.self, Audit.self, Verify.self, Experts.self, Witness.self, Custodian.self, Bidder.self, Envelope.self, Screen.self, Export.self, Bench.self]
    )
}

/// Options every command that opens the database shares.
struct DatabaseOptions: ParsableArguments {
    @Option(name: .long, help: "Database: a SQLite file path or postgres://user:pass@host:port/db (overrides YIWANG_DATABASE_URL).")
    var database: String?

    @Option(name: .customLong("data-dir"), help: "Where the SQLite file and the file store live (overrides YIWANG_DATA_DIR; default ./data).")
    var dataDirectory: String?
}
