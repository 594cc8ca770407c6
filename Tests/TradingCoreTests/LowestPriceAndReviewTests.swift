import Testing
import TradingCore

/// 经评审的最低投标价法 (87§56) and the qualification/compliance review (条例51; 87§43–44).
@Suite struct LowestPriceAndReviewTests {
    @Test func evaluatedPriceAddsAdjustmentsAndDeductsForSmallFirms() throws {
        // setup
        let bids = [
            PricedBid(bidID: "A", partyID: "a", price: .yuan(1_000_000), adjustments: [PriceAdjustment(reason: "缺项补价", amount: .yuan(60_000))]),
            PricedBid(bidID: "B", partyID: "b", price: .yuan(1_050_000)),
            PricedBid(bidID: "C", partyID: "c", price: .yuan(1_150_000), isSmallOrMicro: true),
        ]
        // exercise
        let ranking = try LowestPriceEvaluation.rank(bids, smeDeduction: .percent(10))
        // validate: A 1,060,000; B 1,050,000; C 1,035,000
        #expect(ranking.entries.map(\.bidID) == ["C", "B", "A"])
        #expect(ranking.entries.map { $0.evaluatedPrice?.roundedToFen } == [.yuan(1_035_000), .yuan(1_050_000), .yuan(1_060_000)])
        #expect(ranking.entries.map(\.price) == [.yuan(1_150_000), .yuan(1_050_000), .yuan(1_000_000)])
    }

    @Test func equalEvaluatedPricesRankByBidPriceThenAwaitADraw() throws {
        // C (SME, 10 %) 1,000,000 → 900,000 equals D's 900,000: the lower bid price (D) ranks first
        let bids = [
            PricedBid(bidID: "C", partyID: "c", price: .yuan(1_000_000), isSmallOrMicro: true),
            PricedBid(bidID: "D", partyID: "d", price: .yuan(900_000)),
            PricedBid(bidID: "E", partyID: "e", price: .yuan(900_000)),
        ]
        let ranking = try LowestPriceEvaluation.rank(bids, smeDeduction: .percent(10))
        #expect(ranking.unresolvedTies == [["D", "E"]])
        #expect(ranking.entries.map(\.bidID).last == "C")
        let drawn = try LowestPriceEvaluation.rank(bids, smeDeduction: .percent(10), tieBreak: ["E", "D", "C"])
        #expect(drawn.entries.map(\.bidID) == ["E", "D", "C"])
        #expect(drawn.unresolvedTies.isEmpty)
    }

    @Test func rejectedBidsCarryTheirReasonsAndArticles() {
        let review = BidReview(
            bidID: "B7", qualification: .passed,
            compliance: .rejected([.aboveCeiling(price: .yuan(1_300_000), ceiling: .yuan(1_200_000)), .notSignedOrSealed])
        )
        #expect(!review.isValid)
        #expect(review.reasons.map(\.article) == ["条例51(5)", "条例51(1)"])
        #expect(review.reasons[0].zh.contains("1,200,000.00"))
        #expect(ReviewChecks.ceiling(price: .yuan(1_200_001), ceiling: .yuan(1_200_000)) != nil)
        #expect(ReviewChecks.ceiling(price: .yuan(1_200_000), ceiling: .yuan(1_200_000)) == nil)
        #expect(ReviewChecks.ceiling(price: .yuan(9_999_999), ceiling: nil) == nil)
    }

    @Test func fewerThanThreeValidBidsStopTheEvaluation() throws {
        // RULES.md (87§43, 44): < 3 qualified → no evaluation
        let passed = BidReview(bidID: "A", qualification: .passed, compliance: .passed)
        var reviews = [passed, BidReview(bidID: "B", qualification: .passed, compliance: .passed)]
        reviews.append(BidReview(bidID: "C", qualification: .rejected([.notQualified("无安全生产许可证")]), compliance: .passed))
        #expect(throws: TradingError.self) { try ReviewChecks.enoughValidBids(reviews) }
        reviews.append(BidReview(bidID: "D", qualification: .passed, compliance: .passed))
        #expect(try ReviewChecks.enoughValidBids(reviews) == ["A", "B", "D"])
    }
}
