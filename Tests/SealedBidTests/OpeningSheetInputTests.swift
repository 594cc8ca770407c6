import SealedBid
import Testing

/// `--field key=value` arguments become opening-sheet (开标一览表) fields, and the sheet reads out.
@Suite struct OpeningSheetInputTests {
    @Test func keyValueArgumentsBecomeFields() throws {
        let fields = try OpeningSheet.fields(parsing: ["质量标准=合格", "formula=a=b", "项目经理=张三"])
        #expect(fields == ["质量标准": "合格", "formula": "a=b", "项目经理": "张三"])
        #expect(try OpeningSheet.fields(parsing: []) == [:])
    }

    @Test func malformedFieldsAreRefused() {
        #expect(throws: BidInputError.fieldWithoutEquals("质量标准")) { try OpeningSheet.fields(parsing: ["质量标准"]) }
        #expect(throws: BidInputError.emptyField("=合格")) { try OpeningSheet.fields(parsing: ["=合格"]) }
        #expect(throws: BidInputError.emptyField("质量标准=")) { try OpeningSheet.fields(parsing: ["质量标准="]) }
        #expect(throws: BidInputError.duplicateField(key: "a")) { try OpeningSheet.fields(parsing: ["a=1", "b=2", "a=3"]) }
        #expect(throws: BidInputError.fieldControlCharacter(key: "a")) { try OpeningSheet.fields(parsing: ["a=1\n2"]) }
        #expect(throws: BidInputError.fieldControlCharacter(key: "a\tb")) { try OpeningSheet.fields(parsing: ["a\tb=1"]) }
    }

    @Test func fieldsAtTheDecodersLimitsPassAndBeyondAreRefused() throws {
        let longestKey = String(repeating: "k", count: OpeningSheet.maxFieldKeyBytes)
        let longestValue = String(repeating: "v", count: OpeningSheet.maxFieldValueBytes)
        #expect(try OpeningSheet.fields(parsing: ["\(longestKey)=\(longestValue)"]).count == 1)
        #expect(throws: BidInputError.fieldTooLong(key: longestKey + "k")) {
            try OpeningSheet.fields(parsing: ["\(longestKey)k=1"])
        }
        #expect(throws: BidInputError.fieldTooLong(key: "k")) { try OpeningSheet.fields(parsing: ["k=\(longestValue)v"]) }
    }

    @Test func parsedFieldsSurviveSealingAndOpening() throws {
        // setup
        let fixture = try EnvelopeFixture(threshold: 2, count: 3)
        let sheet = OpeningSheet(
            priceFen: try YuanAmount.fen(parsing: "1234567.8"),
            durationDays: 90,
            fields: try OpeningSheet.fields(parsing: ["质量标准=合格", "b=x=y"])
        )
        let payload = BidPayload(openingSheet: sheet, fileName: "bid.pdf", fileBytes: [1, 2, 3])
        // exercise
        let envelope = try BidEnvelope.seal(
            payload: payload,
            binding: fixture.binding,
            panel: fixture.panel,
            signingKey: fixture.bidderKey
        )
        let opened = try envelope.open(with: fixture.shares(of: envelope, from: [1, 2]))
        // validate
        #expect(opened.openingSheet == sheet)
        #expect(opened.openingSheet.readOut == [
            "报价 price: 1234567.80 CNY", "工期 duration: 90 days", "b: x=y", "质量标准: 合格",
        ])
    }
}
