import Testing
import TradingCore

/// 87§55 price score and the SME deduction (财库〔2020〕46号), in exact arithmetic.
@Suite struct PriceScoreTests {
    @Test func workedExampleOfRulesMD() throws {
        // RULES.md: valid bids 900,000 / 1,000,000 / 1,200,000 yuan, price weight 30 % → 30.00 / 27.00 / 22.50
        let bids = [
            PricedBid(bidID: "A", partyID: "a", price: .yuan(900_000)),
            PricedBid(bidID: "B", partyID: "b", price: .yuan(1_000_000)),
            PricedBid(bidID: "C", partyID: "c", price: .yuan(1_200_000)),
        ]
        let scores = try PriceScore.scores(bids, weight: .points(30))
        #expect(scores["A"]?.description == "30.00")
        #expect(scores["B"]?.description == "27.00")
        #expect(scores["C"]?.description == "22.50")
    }

    @Test func scoresRoundOnceHalfUpToTwoDecimals() throws {
        // 1 point × 1/8 = 0.125 → 0.13; 30 × 900,000/950,000 = 28.421… → 28.42; 30 × 1/3 = 9.999… → 10.00
        let bids = [PricedBid(bidID: "low", partyID: "a", price: Money(fen: 100)), PricedBid(bidID: "high", partyID: "b", price: Money(fen: 800))]
        #expect(try PriceScore.scores(bids, weight: .points(1))["high"] == Score(hundredths: 13))
        let others = [PricedBid(bidID: "A", partyID: "a", price: .yuan(900_000)), PricedBid(bidID: "B", partyID: "b", price: .yuan(950_000))]
        #expect(try PriceScore.scores(others, weight: .points(30))["B"]?.description == "28.42")
        let third = [PricedBid(bidID: "A", partyID: "a", price: .yuan(1)), PricedBid(bidID: "B", partyID: "b", price: .yuan(3))]
        #expect(try PriceScore.scores(third, weight: Score(hundredths: 3001))["B"]?.description == "10.00")
    }

    @Test func smallAndMicroFirmsScoreOnTheDeductedPrice() throws {
        // 10 % deduction: the SME's 1,000,000 counts as 900,000 and becomes the base price
        let bids = [
            PricedBid(bidID: "SME", partyID: "s", price: .yuan(1_000_000), isSmallOrMicro: true),
            PricedBid(bidID: "BIG", partyID: "b", price: .yuan(950_000)),
        ]
        let scores = try PriceScore.scores(bids, weight: .points(30), smeDeduction: .percent(10))
        #expect(scores["SME"]?.description == "30.00")
        #expect(scores["BIG"]?.description == "28.42")
        #expect(PriceScore.basePrice(bids, smeDeduction: .percent(10))?.roundedToFen == .yuan(900_000))
        // without the deduction the larger firm is the base
        #expect(try PriceScore.scores(bids, weight: .points(30))["BIG"]?.description == "30.00")
    }

    @Test func extremePricesAreNeverDropped() throws {
        // 87§55: the lowest valid price is the base, however far below the others it is
        let bids = [PricedBid(bidID: "A", partyID: "a", price: .yuan(100_000)), PricedBid(bidID: "B", partyID: "b", price: .yuan(1_000_000))]
        #expect(try PriceScore.scores(bids, weight: .points(30))["B"]?.description == "3.00")
    }

    @Test func priceWeightHasStatutoryFloors() {
        // 87§55: goods ≥ 30 %, services ≥ 10 %
        #expect(throws: TradingError.self) { try ProcurementObject.goods.checkPriceWeight(Score(hundredths: 2999), total: .points(100)) }
        #expect(throws: Never.self) { try ProcurementObject.goods.checkPriceWeight(.points(30), total: .points(100)) }
        #expect(throws: TradingError.self) { try ProcurementObject.services.checkPriceWeight(.points(9), total: .points(100)) }
        #expect(throws: Never.self) { try ProcurementObject.services.checkPriceWeight(.points(10), total: .points(100)) }
    }

    @Test func invalidInputsAreRefused() {
        let bids = [PricedBid(bidID: "A", partyID: "a", price: Money(fen: 0))]
        #expect(throws: TradingError.self) { try PriceScore.scores(bids, weight: .points(30)) }
        #expect(throws: TradingError.self) { try PriceScore.scores([], weight: .points(30), smeDeduction: .percent(100)) }
    }

    @Test func scoreTextRoundTrips() {
        #expect(Score("27.5") == Score(hundredths: 2750))
        #expect(Score("30") == .points(30))
        #expect(Score("0.05")?.description == "0.05")
        #expect(Score("1.234") == nil)
        #expect(Score("x") == nil)
    }
}
