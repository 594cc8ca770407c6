import ArgumentParser
import Foundation
import Screening

/// `yiwang bench screen-quality` — how well the screen separates rigged from competitive tenders:
/// threshold tuned on synthetic market A, tested on market B (other seed and parameters), against a
/// coefficient-of-variation-only rule tuned the same way. Prints `name=value` lines.
struct BenchScreenQuality: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "screen-quality",
        abstract: "Screen quality on labelled synthetic markets: tune on A, test on B, compare with CV alone.")

    @Option(help: "Seed of the training market A.") var trainSeed: UInt64 = SyntheticMarketParameters.marketA.seed
    @Option(help: "Seed of the test market B.") var testSeed: UInt64 = SyntheticMarketParameters.marketB.seed

    func run() throws {
        var train = SyntheticMarketParameters.marketA
        var test = SyntheticMarketParameters.marketB
        train.seed = self.trainSeed
        test.seed = self.testSeed
        let start = ContinuousClock.now
        let evaluation = ScreenEvaluation.run(train: train, test: test)
        for line in evaluation.report { print("\(line.name)=\(line.value)") }
        print("elapsed_s=\(String(format: "%.3f", Baseline.seconds(ContinuousClock.now - start)))")
    }
}

/// `yiwang bench screen` — `yiwang screen` on a seeded synthetic CSV of 1,000,000 bids, next to a plain
/// pass over the same file (read, split lines, count fields: the floor any reader pays). Prints
/// `plain_pass_s`, `parse_s` (CSV → tenders alone), `screen_s` (the whole command: read, parse,
/// screen, write) and `bids`.
struct BenchScreen: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "screen",
        abstract: "Time `yiwang screen` on a synthetic CSV of 1,000,000 bids against a plain pass over the file.")

    @Option(help: "Bids in the generated file.") var bids = 1_000_000
    @Option(help: "Seed of the synthetic market.") var seed: UInt64 = 2026
    @Flag(help: "Keep the temporary directory (the CSV and the results) and print its path.") var keep = false

    func run() throws {
        // setup (not measured): a city-sized market, every field filled, written as CSV
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("yiwang-bench-screen-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { if !self.keep { try? FileManager.default.removeItem(at: directory) } }
        let csv = directory.appendingPathComponent("bids.csv").path
        let fileBytes = try Self.writeMarket(seed: self.seed, bids: self.bids, to: csv)

        // exercise
        let plainStart = ContinuousClock.now
        let plain = try Self.plainPass(csv)
        let plainTime = ContinuousClock.now - plainStart

        let screenStart = ContinuousClock.now
        let cpuStart = BenchClock.processCPUSeconds()
        let outcome = try ScreenRun(inputPath: csv, outputPath: directory.appendingPathComponent("scores.csv").path)
            .perform(progress: ProgressBar(enabled: false))
        let screenCPU = BenchClock.processCPUSeconds() - cpuStart
        let screenTime = ContinuousClock.now - screenStart

        let parseStart = ContinuousClock.now
        let parsed = try BidCSV.parse(FileBytes.contents(of: csv))
        let parseTime = ContinuousClock.now - parseStart

        // validate and report
        guard outcome.input.bidCount == self.bids, parsed.bidCount == self.bids, plain.lines == self.bids + 1 else {
            throw ValidationError("expected \(self.bids) bids, read \(outcome.input.bidCount) / \(parsed.bidCount) / \(plain.lines - 1) lines")
        }
        print("bids=\(outcome.input.bidCount)")
        print("tenders=\(outcome.screens.count)")
        print("file_mb=\(String(format: "%.1f", Double(fileBytes) / 1_048_576))")
        print("plain_pass_s=\(String(format: "%.3f", Baseline.seconds(plainTime)))")
        print("plain_fields=\(plain.fields)")
        print("parse_s=\(String(format: "%.3f", Baseline.seconds(parseTime)))")
        print("screen_s=\(String(format: "%.3f", Baseline.seconds(screenTime)))")
        print("screen_cpu_s=\(String(format: "%.3f", screenCPU))")
        print("flagged_tenders=\(outcome.screens.filter { !$0.flags.isEmpty }.count)")
        print("cores=\(ProcessInfo.processInfo.activeProcessorCount)")
        print("load_average_1m=\(BenchClock.loadAverage())")
        if self.keep { print("directory=\(directory.path)") }
    }

    /// Writes the first `bids` bids of a city-scale synthetic market, each with a receipt time; returns the file size.
    static func writeMarket(seed: UInt64, bids: Int, to path: String) throws -> Int {
        var market = SyntheticMarket.generate(.cityScale(seed: seed, tenders: bids * 2 / 13 + 1_000))
        let opening = Date(timeIntervalSince1970: 1_795_000_000)
        for t in market.tenders.indices {
            for b in market.tenders[t].bids.indices {
                market.tenders[t].bids[b].submittedAt = opening.addingTimeInterval(Double(t * 600 - b * 37))
            }
        }
        let bytes = BidCSVWriter.csv(market.tenders, limit: bids)
        try FileBytes.store(bytes, at: path)
        return bytes.count
    }

    /// Reads the file and counts its lines and comma-separated fields, ignoring quotes.
    static func plainPass(_ path: String) throws -> (lines: Int, fields: Int) {
        let bytes = try FileBytes.contents(of: path)
        var lines = 0
        var fields = 0
        var inLine = false
        for byte in bytes {
            if byte == UInt8(ascii: "\n") {
                lines += 1
                fields += 1
                inLine = false
            } else {
                inLine = true
                if byte == UInt8(ascii: ",") { fields += 1 }
            }
        }
        if inLine {
            lines += 1
            fields += 1
        }
        return (lines, fields)
    }
}

/// Durations as seconds with three decimals, process CPU time and the machine's load, so that results
/// from a shared, noisy machine can be read in context.
enum BenchClock {
    /// User + system CPU seconds of this process so far (all threads).
    static func processCPUSeconds() -> Double {
        var usage = rusage()
        #if os(Linux)
        getrusage(RUSAGE_SELF.rawValue, &usage)
        #else
        getrusage(RUSAGE_SELF, &usage)
        #endif
        func s(_ t: timeval) -> Double { Double(t.tv_sec) + Double(t.tv_usec) / 1e6 }
        return s(usage.ru_utime) + s(usage.ru_stime)
    }

    /// The 1-minute load average (from /proc/loadavg), or "unknown".
    static func loadAverage() -> String {
        (try? String(contentsOfFile: "/proc/loadavg", encoding: .utf8))?.split(separator: " ").first.map(String.init) ?? "unknown"
    }
}
