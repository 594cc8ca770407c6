import ArgumentParser
import Screening

/// The input formats of `yiwang screen`.
enum BidFileFormat: String, ExpressibleByArgument, CaseIterable {
    /// CSV with a header (see ``BidCSV``).
    case csv
    /// OCDS compiled releases, one JSON object per line (see ``OCDSReleases``).
    case ocds
}

/// What `yiwang screen` does once its arguments are parsed — read, parse, screen, write — shared with
/// `yiwang bench screen`, which times exactly this path. The I/O is here; parsing and scoring are
/// the pure functions of Screening.
struct ScreenRun {
    var inputPath: String
    /// `nil` writes to standard output.
    var outputPath: String?
    var format: BidFileFormat = .csv
    var skipBadRecords = false
    var thresholds = ScreeningThresholds.default
    var weights = ScoreWeights.default

    /// Tenders screened and the input as read (with its skipped records).
    struct Outcome {
        var input: BidInput
        var screens: [TenderScreen]
    }

    /// Runs the whole path. Throws ``BidInputError`` for bad input (unless skipping), ``FileAccessError`` for I/O.
    func perform(progress: ProgressBar = ProgressBar()) throws -> Outcome {
        defer { progress.finish() }
        progress.update(0, "reading")
        let bytes = try FileBytes.contents(of: self.inputPath)
        progress.update(0.05, "parsing")
        let parseProgress: @Sendable (Double) -> Void = { progress.update(0.05 + 0.35 * $0, "parsing") }
        let input: BidInput = switch self.format {
        case .csv: try BidCSV.parse(bytes, skipBadRecords: self.skipBadRecords, progress: parseProgress)
        case .ocds: try OCDSReleases.parse(bytes, skipBadRecords: self.skipBadRecords, progress: parseProgress)
        }
        progress.update(0.4, "co-bidding")
        let screens = Self.screen(input.tenders, thresholds: self.thresholds, weights: self.weights) { fraction in
            progress.update(0.5 + 0.45 * fraction, "screening")
        }
        progress.update(0.95, "writing")
        try FileBytes.store(ScoreTable.csv(screens), at: self.outputPath)
        progress.update(1, "done")
        return Outcome(input: input, screens: screens)
    }

    /// ``Screener/run(_:thresholds:weights:parallel:)`` in slices, reporting progress between them.
    static func screen(_ tenders: [ScreenedTender], thresholds: ScreeningThresholds, weights: ScoreWeights,
                       progress: (Double) -> Void) -> [TenderScreen] {
        let coBidding = CoBidding.analyze(tenders, thresholds: thresholds)
        let slice = max(8_192, tenders.count / 20)
        var screens: [TenderScreen] = []
        screens.reserveCapacity(tenders.count)
        var start = 0
        while start < tenders.count {
            let end = min(tenders.count, start + slice)
            screens += Screener.screenAll(Array(tenders[start..<end]), thresholds: thresholds, weights: weights, coBidding: coBidding)
            start = end
            progress(Double(start) / Double(tenders.count))
        }
        return screens
    }
}
