import Foundation

/// What every record needs to know about the header.
struct BidCSVLayout: Sendable {
    var header: [String]
    var columns: [BidCSV.Column?]
    var skipBadRecords: Bool
}

/// The records of one slice of the input, tenders grouped in first-seen order. Lines are relative:
/// line 1 is the slice's first line.
struct BidCSVSlice: Sendable {
    var tenders: [ScreenedTender] = []
    var records = 0
    var skippedCount = 0
    var problems: [BidInputError] = []
    /// The first problem, when not skipping (or an unterminated quote): reading stopped there.
    var failure: BidInputError?
    /// Where reading stopped: just after the slice's last record.
    var stop = 0
    /// Line breaks read.
    var lines = 0

    mutating func note(_ problem: BidInputError) {
        self.skippedCount += 1
        if self.problems.count < BidInput.problemLimit { self.problems.append(problem) }
    }
}

/// Reads the records of a large CSV input in parallel slices, one per core, and proves the result
/// equal to a sequential read: each slice after the first starts at a guessed record boundary (the
/// byte after a line break), which holds exactly when the slice before it — itself started at a true
/// boundary — stopped there. A guess inside a quoted field that holds a line break fails that test,
/// and the input is then read again from the start, sequentially.
enum BidCSVSlices {
    /// Inputs smaller than this per core are read sequentially.
    static let minimumSliceBytes = 4 << 20

    /// `slices` overrides the number of slices (tests); by default one per core, each at least
    /// ``minimumSliceBytes``.
    static func read(_ buffer: UnsafeBufferPointer<UInt8>, from start: Int, line: Int, layout: BidCSVLayout,
                     progress: (@Sendable (Double) -> Void)?, slices: Int? = nil) throws(BidInputError) -> BidInput {
        let length = buffer.count - start
        let count = slices ?? min(ProcessInfo.processInfo.activeProcessorCount, length / Self.minimumSliceBytes)
        if count >= 2 {
            var bounds = [start]
            for k in 1..<count {
                var p = max(bounds[k - 1], start + length / count * k)
                while p < buffer.count && buffer[p] != 0x0A { p += 1 }
                bounds.append(min(buffer.count, p + 1))
            }
            bounds.append(buffer.count)
            let cuts = bounds
            let slots = SliceSlots(count: count)
            let shared = SharedBytes(buffer: buffer)
            DispatchQueue.concurrentPerform(iterations: count) { k in
                slots.store(Self.readSlice(shared.buffer, from: cuts[k], to: cuts[k + 1], layout: layout,
                                           progress: k == 0 ? progress : nil), at: k)
            }
            if let input = try Self.merge(slots.all, bounds: bounds, firstLine: line) { return input }
        }
        let whole = Self.readSlice(buffer, from: start, to: buffer.count, layout: layout, progress: progress)
        return try Self.merge([whole], bounds: [start, buffer.count], firstLine: line)!
    }

    /// Joins slices in order, or `nil` when a slice did not start at a record boundary. Throws the
    /// first failure in input order, with its absolute line.
    static func merge(_ slices: [BidCSVSlice], bounds: [Int], firstLine: Int) throws(BidInputError) -> BidInput? {
        var input = BidInput(tenders: [], records: 0, skippedCount: 0, problems: [])
        var tenderIndex: [String: Int] = [:]
        var offset = firstLine - 1
        for (k, slice) in slices.enumerated() {
            if k > 0 && slices[k - 1].stop != bounds[k] { return nil }
            if var failure = slice.failure {
                failure.line += offset
                throw failure
            }
            input.records += slice.records
            input.skippedCount += slice.skippedCount
            for var problem in slice.problems where input.problems.count < BidInput.problemLimit {
                problem.line += offset
                input.problems.append(problem)
            }
            for tender in slice.tenders {
                if let i = tenderIndex[tender.id] {
                    input.tenders[i].bids += tender.bids
                } else {
                    tenderIndex[tender.id] = input.tenders.count
                    input.tenders.append(tender)
                }
            }
            offset += slice.lines
        }
        return input
    }

    /// Reads the records that start in `start..<end` (the last may run past `end`).
    static func readSlice(_ buffer: UnsafeBufferPointer<UInt8>, from start: Int, to end: Int, layout: BidCSVLayout,
                          progress: (@Sendable (Double) -> Void)?) -> BidCSVSlice {
        var scanner = CSVScanner(buffer, position: start, line: 1)
        var fields: [CSVFieldRange] = []
        var slice = BidCSVSlice()
        var tenderIndex: [String: Int] = [:]
        let tenderColumn = layout.columns.firstIndex(of: .tenderID)!
        // Records of one tender usually follow each other: the previous record's tender id bytes and
        // index let most records skip building the id string and the dictionary look-up.
        var previous: (bytes: UnsafeBufferPointer<UInt8>, id: String, index: Int)?
        let span = Double(max(1, end - start))
        while scanner.position < end {
            let line: Int
            do {
                guard let next = try scanner.nextRecord(into: &fields) else { break }
                line = next
            } catch {
                let column = layout.header.indices.contains(error.field) ? layout.header[error.field] : nil
                let problem = BidInputError(line: error.line, column: column, kind: error.kind)
                // An unterminated quote swallows the rest of the input: nothing sensible to skip to.
                if !layout.skipBadRecords || error.kind == .unterminatedQuote {
                    slice.failure = problem
                    break
                }
                slice.note(problem)
                continue
            }
            if CSVScanner.isBlank(fields) { continue }
            slice.records += 1
            if slice.records & 0xFFFF == 0, let progress { progress(Double(scanner.position - start) / span) }
            do throws(BidInputError) {
                var same: (id: String, index: Int)?
                if let p = previous, tenderColumn < fields.count, !fields[tenderColumn].escaped {
                    let bytes = scanner.trimmedBytes(fields[tenderColumn])
                    if bytes.elementsEqual(p.bytes) { same = (p.id, p.index) }
                }
                let bid = try BidCSV.bid(fields, line: line, layout: layout, scanner: scanner, tenderID: same?.id)
                let index: Int
                if let same {
                    index = same.index
                } else if let i = tenderIndex[bid.tenderID] {
                    index = i
                } else {
                    index = slice.tenders.count
                    tenderIndex[bid.tenderID] = index
                    slice.tenders.append(ScreenedTender(id: bid.tenderID, bids: []))
                }
                slice.tenders[index].bids.append(bid)
                if same == nil && !fields[tenderColumn].escaped {
                    previous = (scanner.trimmedBytes(fields[tenderColumn]), bid.tenderID, index)
                }
            } catch {
                guard layout.skipBadRecords else {
                    slice.failure = error
                    break
                }
                slice.note(error)
                // The tender still appears in the output when its id could be read.
                if let t = layout.columns.firstIndex(of: .tenderID), t < fields.count, let id = scanner.text(fields[t]), !id.isEmpty,
                   tenderIndex[id] == nil {
                    tenderIndex[id] = slice.tenders.count
                    slice.tenders.append(ScreenedTender(id: id, bids: []))
                }
            }
        }
        slice.stop = scanner.position
        slice.lines = scanner.line - 1
        return slice
    }
}

/// The input bytes, shared read-only with the slice workers for the duration of one parse.
private struct SharedBytes: @unchecked Sendable {
    let buffer: UnsafeBufferPointer<UInt8>
}

/// One result slot per slice; each is written once, by one worker, under a lock.
private final class SliceSlots: @unchecked Sendable {
    private var slices: [BidCSVSlice]
    private let lock = NSLock()

    init(count: Int) {
        self.slices = [BidCSVSlice](repeating: BidCSVSlice(), count: count)
    }

    func store(_ slice: BidCSVSlice, at index: Int) {
        self.lock.lock()
        self.slices[index] = slice
        self.lock.unlock()
    }

    var all: [BidCSVSlice] {
        self.lock.lock()
        defer { self.lock.unlock() }
        return self.slices
    }
}
