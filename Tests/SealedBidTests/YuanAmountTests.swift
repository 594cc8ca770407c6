import SealedBid
import Testing

/// Prices typed in yuan become integer fen exactly (money is never floating point).
@Suite struct YuanAmountTests {
    @Test(arguments: [
        ("0", Int64(0)), ("0.01", 1), ("0.1", 10), ("1", 100), ("1.5", 150), ("1.50", 150),
        ("007", 700), ("1234567.89", 123_456_789), ("92233720368547758.07", Int64.max),
    ])
    func plainAmountsParseToFen(text: String, fen: Int64) throws {
        #expect(try YuanAmount.fen(parsing: text) == fen)
    }

    @Test func everyFenRoundTripsThroughTwoDecimals() throws {
        var generator = SeededGenerator(seed: 7)
        let samples = (0..<2_000).map { _ in Int64.random(in: 0...Int64.max, using: &generator) } + [0, 1, 9, 10, 99, 100, .max]
        for fen in samples {
            let text = YuanAmount.text(fen: fen)
            #expect(text.split(separator: ".").last?.count == 2, "\(text)")
            #expect(try YuanAmount.fen(parsing: text) == fen)
        }
    }

    @Test func textShowsTwoDecimalsAndSign() {
        #expect(YuanAmount.text(fen: 5) == "0.05")
        #expect(YuanAmount.text(fen: 123_456_789) == "1234567.89")
        #expect(YuanAmount.text(fen: -150) == "-1.50")
        #expect(YuanAmount.text(fen: .min) == "-92233720368547758.08")
    }

    @Test(arguments: ["", "abc", "1.", ".5", "1.2.3", "+5", " 5", "5 ", "1,234", "1e3", "１２", "0x10", "1.a", "一百"])
    func garbageIsRefused(text: String) {
        #expect(throws: BidInputError.priceNotANumber(text)) { try YuanAmount.fen(parsing: text) }
    }

    @Test func negativeTooPreciseAndTooLargeAreRefused() {
        #expect(throws: BidInputError.negativePrice("-1")) { try YuanAmount.fen(parsing: "-1") }
        #expect(throws: BidInputError.negativePrice("-0.00")) { try YuanAmount.fen(parsing: "-0.00") }
        #expect(throws: BidInputError.priceTooPrecise("1.234")) { try YuanAmount.fen(parsing: "1.234") }
        #expect(throws: BidInputError.priceTooPrecise("0.001")) { try YuanAmount.fen(parsing: "0.001") }
        #expect(throws: BidInputError.priceTooLarge("92233720368547758.08")) {
            try YuanAmount.fen(parsing: "92233720368547758.08")
        }
        #expect(throws: BidInputError.priceTooLarge("100000000000000000000")) {
            try YuanAmount.fen(parsing: "100000000000000000000")
        }
    }

    @Test func messagesNameTheInputInBothLanguages() {
        let error = BidInputError.priceTooPrecise("1.234")
        #expect(error.en.contains("1.234") && error.en.contains("2 decimal"))
        #expect(error.zh.contains("1.234") && error.zh.contains("两位小数"))
    }
}
