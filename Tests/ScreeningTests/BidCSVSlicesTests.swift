import Foundation
import Testing
@testable import Screening

/// Large files are read in parallel slices; the result must equal a sequential read in every case.
@Suite struct BidCSVSlicesTests {
    /// Records whose quoted bidder names hold line breaks, so that guessed slice boundaries (the byte
    /// after a line break) often fall inside a field.
    static func text(records: Int, badAt: Int? = nil) -> String {
        var text = "tender_id,bidder_id,amount,ip\n"
        for i in 0..<records {
            let amount = i == badAt ? "bad" : "\(1_000 + i).5"
            if i % 3 == 0 {
                text += "T\(i / 7),\"Bidder\n\(i), \"\"Ltd\"\"\n\",\(amount),10.0.0.\(i % 250)\n"
            } else {
                text += "T\(i / 7),B\(i),\(amount),\n"
            }
        }
        return text
    }

    @Test(arguments: [2, 3, 5, 16])
    func slicesEqualSequential(slices: Int) throws {
        // setup
        let bytes = Array(Self.text(records: 500).utf8)
        // exercise
        let sequential = try BidCSV.parse(bytes, skipBadRecords: false, progress: nil, slices: 1)
        let sliced = try BidCSV.parse(bytes, skipBadRecords: false, progress: nil, slices: slices)
        // validate
        #expect(sliced.tenders == sequential.tenders)
        #expect(sliced.records == 500 && sequential.records == 500)
        #expect(sequential.bidCount == 500)
    }

    @Test(arguments: [1, 2, 3, 7])
    func errorLineIsAbsoluteInEverySlice(slices: Int) {
        // record 400 is bad; records 0, 3, …, 399 take three lines each: 134 × 3 + 266 = 668 lines before it, plus the header
        let bytes = Array(Self.text(records: 500, badAt: 400).utf8)
        #expect(throws: BidInputError(line: 670, column: "amount", value: "bad", kind: .badAmount)) {
            try BidCSV.parse(bytes, skipBadRecords: false, progress: nil, slices: slices)
        }
        let skipped = try? BidCSV.parse(bytes, skipBadRecords: true, progress: nil, slices: slices)
        #expect(skipped?.problems.map(\.line) == [670])
        #expect(skipped?.bidCount == 499)
    }
}
