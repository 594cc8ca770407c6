import ArgumentParser
import Screening

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// `yiwang screen FILE` — scores every tender of a bid file for bid rigging (围标串标).
struct Screen: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "screen",
        abstract: "Score every tender of a bid file for bid rigging; writes tender_id,score,flags.",
        discussion: """
        CSV input: a header naming tender_id, bidder_id and amount (yuan, up to 2 decimals), and optionally \
        winner, ip, machine_id, doc_creator, deposit_account, project_manager, agent and date, in any order; \
        other columns are ignored. OCDS input (--format ocds): compiled releases, one JSON object per line.

        Output: one line per tender, sorted by tender id; score in [0, 1] with 4 decimals; flags as \
        rule:severity joined by ';'.

        A bad record stops the run with its line and column (exit 1), unless --skip-bad, which reports it \
        on standard error and goes on.
        """
    )

    @Argument(help: "The bid file.") var file: String
    @Option(name: .long, help: "Write the results here instead of standard output.") var out: String?
    @Option(name: .long, help: "Input format: csv or ocds (JSON lines).") var format: BidFileFormat = .csv
    @Flag(name: .customLong("skip-bad"), help: "Report bad records on standard error and go on without them.")
    var skipBad = false

    func run() throws {
        let run = ScreenRun(inputPath: self.file, outputPath: self.out, format: self.format, skipBadRecords: self.skipBad)
        let outcome: ScreenRun.Outcome
        do {
            outcome = try run.perform()
        } catch let error as BidInputError {
            Self.printError("\(self.file): \(error)")
            throw ExitCode.failure
        } catch let error as FileAccessError {
            Self.printError(error.description)
            throw ExitCode.failure
        }
        let input = outcome.input
        for problem in input.problems { Self.printError("skipped \(self.file): \(problem)") }
        if input.skippedCount > input.problems.count {
            Self.printError("… and \(input.skippedCount - input.problems.count) more bad records")
        }
        if input.skippedCount > 0 {
            Self.printError("skipped \(input.skippedCount) of \(input.records) records（跳过 \(input.skippedCount) 条错误记录）")
        }
    }

    static func printError(_ line: String) {
        var bytes = Array((line + "\n").utf8)
        bytes.withUnsafeMutableBytes { _ = write(STDERR_FILENO, $0.baseAddress, $0.count) }
    }
}
