import Foundation
import Testing
@testable import Screening

/// Reading bid files: RFC 4180 quoting, line ends, byte-order mark, and errors that name line and column.
@Suite struct BidCSVTests {
    func parse(_ text: String, skip: Bool = false) throws(BidInputError) -> BidInput {
        try BidCSV.parse(Array(text.utf8), skipBadRecords: skip)
    }

    func bids(_ input: BidInput) -> [ScreenedBid] {
        input.tenders.flatMap(\.bids)
    }

    @Test func quotedFieldsKeepCommasQuotesAndLineBreaks() throws {
        // setup: a comma, an escaped quote and a line break inside quoted fields
        let text = "tender_id,bidder_id,amount\nT1,\"Acme, Ltd\",100\nT1,\"The \"\"Best\"\" Co\",200.5\n\"T1\",\"two\nlines\",3\n"
        // exercise
        let input = try self.parse(text)
        // validate
        #expect(self.bids(input).map(\.bidderID) == ["Acme, Ltd", "The \"Best\" Co", "two\nlines"])
        #expect(self.bids(input).map(\.amountFen) == [10_000, 20_050, 300])
        #expect(input.records == 3)
    }

    @Test func crlfAndByteOrderMark() throws {
        let text = "\u{FEFF}Tender_ID,bidder_id,amount\r\nT1,A,1.00\r\nT2,B,2.00\r\n"
        let input = try self.parse(text)
        #expect(input.tenders.map(\.id) == ["T1", "T2"])
        #expect(self.bids(input).map(\.amountFen) == [100, 200])
        // no stray CR at the end of the last field
        #expect(self.bids(input).map(\.bidderID) == ["A", "B"])
    }

    @Test func columnsInAnyOrderUnknownIgnoredEmptyIsUnknown() throws {
        let text = """
        note,amount,ip,bidder_id,winner,tender_id,deposit_account,date
        hello,1234.56,10.0.0.1,A,1,T1,6222,2026-03-01T09:30:00+08:00
        ,99,,B,0,T1,,
        """
        let input = try self.parse(text)
        let a = try #require(self.bids(input).first)
        #expect(a.amountFen == 123_456 && a.ip == "10.0.0.1" && a.isWinner == true && a.depositAccount == "6222")
        #expect(a.submittedAt == Date(timeIntervalSince1970: 1_772_328_600)) // 2026-03-01T01:30:00Z
        let b = self.bids(input)[1]
        #expect(b.ip == nil && b.depositAccount == nil && b.submittedAt == nil && b.isWinner == false)
    }

    @Test func missingRequiredColumn() {
        #expect(throws: BidInputError(line: 1, column: "amount", kind: .missingColumn)) {
            try self.parse("tender_id,bidder_id,price\nT1,A,1\n")
        }
        #expect(throws: BidInputError(line: 1, kind: .noHeader)) { try self.parse("\n\n") }
        #expect(throws: BidInputError(line: 1, column: "amount", kind: .duplicateColumn)) {
            try self.parse("tender_id,bidder_id,amount,AMOUNT\n")
        }
    }

    @Test func badAmountNamesLineAndColumn() throws {
        // setup: the third record (line 4) has three decimals
        let text = "tender_id,bidder_id,amount\nT1,A,1\nT1,B,2\nT1,C,12.345\nT1,D,4\n"
        // exercise
        let error = #expect(throws: BidInputError.self) { try self.parse(text) }
        // validate
        #expect(error == BidInputError(line: 4, column: "amount", value: "12.345", kind: .badAmount))
        #expect(error?.description.hasPrefix("line 4, column amount: \"12.345\" is not an amount in yuan") == true)
        #expect(error?.description.contains("最多两位小数") == true)
    }

    @Test func lineNumbersCountBreaksInsideQuotes() {
        // the record starting on line 4 follows a record that spans lines 2–3
        let text = "tender_id,bidder_id,amount\nT1,\"A\nA\",1\nT1,B,x\n"
        #expect(throws: BidInputError(line: 4, column: "amount", value: "x", kind: .badAmount)) { try self.parse(text) }
    }

    @Test func structuralErrors() {
        #expect(throws: BidInputError(line: 2, column: "amount", kind: .fieldCount(expected: 3, found: 2))) {
            try self.parse("tender_id,bidder_id,amount\nT1,A\n")
        }
        #expect(throws: BidInputError(line: 2, column: "bidder_id", kind: .unterminatedQuote)) {
            try self.parse("tender_id,bidder_id,amount\nT1,\"A,1\nT2,B,2\n")
        }
        #expect(throws: BidInputError(line: 2, column: "bidder_id", kind: .textAfterQuote)) {
            try self.parse("tender_id,bidder_id,amount\nT1,\"A\"x,1\n")
        }
        #expect(throws: BidInputError(line: 2, column: "bidder_id", kind: .emptyValue)) {
            try self.parse("tender_id,bidder_id,amount\nT1, ,1\n")
        }
        #expect(throws: BidInputError(line: 2, column: "winner", value: "maybe", kind: .badWinner)) {
            try self.parse("tender_id,bidder_id,amount,winner\nT1,A,1,maybe\n")
        }
        #expect(throws: BidInputError(line: 2, column: "date", value: "2026-02-30", kind: .badDate)) {
            try self.parse("tender_id,bidder_id,amount,date\nT1,A,1,2026-02-30\n")
        }
    }

    @Test func gbkIsRefusedNotGarbled() {
        // "张" in GBK is D5 C5, not valid UTF-8: two different GBK names must not both become U+FFFD and match
        var bytes = Array("tender_id,bidder_id,amount,project_manager\nT1,A,1,".utf8)
        bytes += [0xD5, 0xC5, 0x0A]
        #expect(throws: BidInputError(line: 2, column: "project_manager", kind: .notUTF8)) {
            try BidCSV.parse(bytes)
        }
    }

    @Test func skipBadRecordsReportsAndKeepsEveryTender() throws {
        // setup: T2's only record is bad; T1 has one good and one bad record; a blank line is ignored
        let text = "tender_id,bidder_id,amount\nT1,A,1\nT2,B,oops\n\nT1,C,-5\nT3,D,3\n"
        // exercise
        let input = try self.parse(text, skip: true)
        // validate
        #expect(input.tenders.map(\.id) == ["T1", "T2", "T3"])
        #expect(input.tenders.map(\.bids.count) == [1, 0, 1])
        #expect(input.records == 4 && input.skippedCount == 2)
        #expect(input.problems.map(\.line) == [3, 5])
        // an unterminated quote still stops the run: nothing after it can be trusted
        #expect(throws: BidInputError.self) { try self.parse("tender_id,bidder_id,amount\nT1,\"A,1\n", skip: true) }
    }

    @Test(arguments: [
        ("0", 0), ("12", 1_200), ("12.3", 1_230), ("12.34", 1_234), ("+5.01", 501), ("007.10", 710),
        ("92233720368547758.07", Int64.max),
    ] as [(String, Int64)])
    func yuanToFen(text: String, fen: Int64) {
        #expect(Array(text.utf8).withUnsafeBufferPointer { FieldValues.fen(fromYuan: $0) } == fen)
    }

    @Test(arguments: ["", "12.345", "-1", "1,000", "1e3", "12.", ".5", "¥12", "92233720368547758.08", "1 2"])
    func malformedAmounts(text: String) {
        #expect(Array(text.utf8).withUnsafeBufferPointer { FieldValues.fen(fromYuan: $0) } == nil)
    }

    @Test func winnerMarks() {
        func mark(_ s: String) -> Bool?? { Array(s.utf8).withUnsafeBufferPointer { FieldValues.winner($0) } }
        for yes in ["1", "true", "YES", "y", "T", "是", "中标"] { #expect(mark(yes) == .some(true), "\(yes)") }
        for no in ["0", "False", "no", "N", "f", "否", "未中标"] { #expect(mark(no) == .some(false), "\(no)") }
        #expect(mark("") == .some(nil)) // unknown
        #expect(mark("2") == nil && mark("winner") == nil)
    }

    @Test func datesWithAndWithoutZones() {
        func date(_ s: String) -> Date? { Array(s.utf8).withUnsafeBufferPointer { FieldValues.date($0) } }
        // 2026-03-01T00:00:00Z = 1772323200 (20513 days × 86400)
        #expect(date("2026-03-01T00:00:00Z") == Date(timeIntervalSince1970: 1_772_323_200))
        // no zone → China Standard Time (UTC+8), so 8 hours earlier in UTC
        #expect(date("2026-03-01 08:00") == Date(timeIntervalSince1970: 1_772_323_200))
        #expect(date("2026-03-01") == Date(timeIntervalSince1970: 1_772_323_200 - 8 * 3600))
        #expect(date("2026-03-01T01:30:00.5-0130") == Date(timeIntervalSince1970: 1_772_323_200 + 3 * 3600 + 0.5))
        #expect(date("2024-02-29") != nil && date("2025-02-29") == nil && date("2026-13-01") == nil)
        #expect(date("2026-03-01T24:00") == nil && date("2026-03-01T10:00+8") == nil && date("2026-3-1") == nil)
    }
}
