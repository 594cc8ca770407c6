import Testing
import TradingCore

/// 综合评分法: scoring sheets, expert means, flags, ranking and ties (87§55, 56, 64, 68; 条例53).
@Suite struct ComprehensiveEvaluationTests {
    static let sheet = ScoringSheet(criteria: [
        ScoringCriterion(id: "price", name: "价格", maxPoints: .points(30), kind: .price),
        ScoringCriterion(id: "tech", name: "技术方案", maxPoints: .points(50), kind: .subjective),
        ScoringCriterion(id: "cert", name: "资质证书", maxPoints: .points(20), kind: .objective),
    ])

    static let bids = [
        PricedBid(bidID: "A", partyID: "a", price: .yuan(900_000)),
        PricedBid(bidID: "B", partyID: "b", price: .yuan(1_000_000)),
        PricedBid(bidID: "C", partyID: "c", price: .yuan(1_200_000)),
    ]

    /// Three experts' sheets from per-bid (tech, cert) scores in hundredths.
    static func sheets(_ scores: [[String: (Int64, Int64)]]) -> [ExpertScoreSheet] {
        scores.enumerated().map { index, perBid in
            ExpertScoreSheet(
                expertID: "X\(index)",
                scores: perBid.mapValues { ["tech": Score(hundredths: $0.0), "cert": Score(hundredths: $0.1)] }
            )
        }
    }

    @Test func totalIsPriceScorePlusTheRoundedExpertMean() throws {
        // setup: expert non-price totals for B: 40+20, 41+20, 41.5+20 → mean 60.8333… → 60.83
        let experts = Self.sheets([
            ["A": (3000, 2000), "B": (4000, 2000), "C": (4500, 1000)],
            ["A": (3100, 2000), "B": (4100, 2000), "C": (4500, 1000)],
            ["A": (3200, 2000), "B": (4150, 2000), "C": (4600, 1000)],
        ])
        // exercise
        let result = try ComprehensiveEvaluation.evaluate(sheet: Self.sheet, bids: Self.bids, expertSheets: experts, object: .goods)
        // validate
        let byBid = Dictionary(uniqueKeysWithValues: result.scores.map { ($0.bidID, $0) })
        #expect(byBid["A"]?.priceScore.description == "30.00")
        #expect(byBid["A"]?.expertScore.description == "51.00")
        #expect(byBid["B"]?.expertScore.description == "60.83")
        #expect(byBid["B"]?.total.description == "87.83")
        #expect(byBid["C"]?.total.description == "77.83")  // 22.50 + (55 + 55 + 56) / 3
        #expect(result.ranking.entries.map(\.bidID) == ["B", "A", "C"])
        #expect(result.flags.isEmpty)
        let candidates = try result.ranking.candidates()
        #expect(candidates.map(\.rank) == [1, 2, 3])
        #expect(candidates.first?.scoreCentiPoints == 8783)
    }

    @Test func outliersAndObjectiveDisagreementsAreFlagged() throws {
        // setup: X2 gives A 10 on tech while the others give 40 and 42 (median 40; |10 − 40| = 30 > 30 % of 50 = 15;
        // X1's 42 stays unflagged although it is 17 from the mean of the other two);
        // X1 gives C a different certificate score
        let experts = Self.sheets([
            ["A": (4000, 2000), "B": (3000, 2000), "C": (3000, 1000)],
            ["A": (4200, 2000), "B": (3100, 2000), "C": (3000, 1500)],
            ["A": (1000, 2000), "B": (3200, 2000), "C": (3000, 1000)],
        ])
        // exercise
        let result = try ComprehensiveEvaluation.evaluate(sheet: Self.sheet, bids: Self.bids, expertSheets: experts)
        // validate
        #expect(result.flags.contains(.outlier(bidID: "A", criterionID: "tech", expertID: "X2", score: .points(10))))
        #expect(result.flags.contains(.objectiveDisagreement(bidID: "C", criterionID: "cert")))
        #expect(result.flags.count == 2, "\(result.flags)")
    }

    @Test func outlierRuleIsExactAtTheThreshold() {
        // median 40; max 50; 30 % of 50 = 15: 25 is exactly at the limit, 24.99 beyond it
        let rule = OutlierRule()
        #expect(rule.outliers([.points(25), .points(40), .points(40)], maxPoints: .points(50)).isEmpty)
        #expect(rule.outliers([Score(hundredths: 2499), .points(40), .points(40)], maxPoints: .points(50)) == [0])
        // odd count: median 40, 25.99 is 14.01 away; even count: median of 25.99, 40, 42, 48 is 41, 25.99 is 15.01 away
        #expect(rule.outliers([.points(30), .points(40), .points(42), .points(48), Score(hundredths: 2599)], maxPoints: .points(50)).isEmpty)
        #expect(rule.outliers([.points(40), .points(42), .points(48), Score(hundredths: 2599)], maxPoints: .points(50)) == [3])
        #expect(rule.outliers([.points(0), .points(50)], maxPoints: .points(50)).isEmpty, "needs three experts")
    }

    @Test func scoresOutsideTheRangeOrMissingAreRefused() {
        // 87§64: a score beyond the criterion's points must be corrected
        let over = Self.sheets([["A": (5001, 2000), "B": (0, 0), "C": (0, 0)]])
        #expect(throws: TradingError.self) { try ComprehensiveEvaluation.evaluate(sheet: Self.sheet, bids: Self.bids, expertSheets: over) }
        let missing = Self.sheets([["A": (100, 100), "B": (0, 0)]])
        #expect(throws: TradingError.self) { try ComprehensiveEvaluation.evaluate(sheet: Self.sheet, bids: Self.bids, expertSheets: missing) }
        var priced = Self.sheets([["A": (100, 100), "B": (0, 0), "C": (0, 0)]])
        priced[0].scores["A"]?["price"] = .points(30)
        #expect(throws: TradingError.self) { try ComprehensiveEvaluation.evaluate(sheet: Self.sheet, bids: Self.bids, expertSheets: priced) }
    }

    @Test func sheetNeedsOnePriceCriterionWithItsStatutoryShare() {
        var sheet = Self.sheet
        #expect(throws: Never.self) { try sheet.validate(object: .goods) }
        sheet.criteria[0].maxPoints = .points(20)
        #expect(throws: TradingError.self) { try sheet.validate(object: .goods) }  // 20 of 90 < 30 %
        #expect(throws: Never.self) { try sheet.validate(object: .services) }
        sheet.criteria[0].kind = .subjective
        #expect(throws: TradingError.self) { try sheet.validate() }
    }

    @Test func equalScoresRankByLowerPriceThenAwaitADraw() throws {
        // 87§56: same score → lower price first; same score and price → 87§68 random draw
        let bids = [
            PricedBid(bidID: "P", partyID: "p", price: .yuan(1_000_000)),
            PricedBid(bidID: "Q", partyID: "q", price: .yuan(1_000_000)),
            PricedBid(bidID: "R", partyID: "r", price: .yuan(1_000_000)),
        ]
        let sheet = ScoringSheet(criteria: [
            ScoringCriterion(id: "price", name: "价格", maxPoints: .points(30), kind: .price),
            ScoringCriterion(id: "tech", name: "技术", maxPoints: .points(70), kind: .subjective),
        ])
        let experts = [ExpertScoreSheet(expertID: "X", scores: ["P": ["tech": .points(60)], "Q": ["tech": .points(60)], "R": ["tech": .points(61)]])]
        // exercise
        let open = try ComprehensiveEvaluation.evaluate(sheet: sheet, bids: bids, expertSheets: experts)
        let drawn = try ComprehensiveEvaluation.evaluate(sheet: sheet, bids: bids, expertSheets: experts, tieBreak: ["Q", "P"])
        // validate
        #expect(open.ranking.entries.map(\.rank) == [1, 2, 2])
        #expect(open.ranking.unresolvedTies == [["P", "Q"]])
        #expect(throws: TradingError.self) { try open.ranking.candidates() }
        #expect(try open.ranking.candidates(maximum: 1).map(\.bidID) == ["R"])
        #expect(drawn.ranking.entries.map(\.bidID) == ["R", "Q", "P"])
        #expect(try drawn.ranking.candidates().map(\.rank) == [1, 2, 3])
        #expect(throws: TradingError.self) {
            try ComprehensiveEvaluation.evaluate(sheet: sheet, bids: bids, expertSheets: experts, tieBreak: ["Q"])
        }
    }

    @Test func atMostThreeCandidates() throws {
        // 条例53: ≤ 3 ranked candidates
        let bids = (1...5).map { PricedBid(bidID: "B\($0)", partyID: "p\($0)", price: .yuan(Int64(100_000 * $0))) }
        let ranking = try LowestPriceEvaluation.rank(bids)
        let candidates = try ranking.candidates()
        #expect(candidates.map(\.bidID) == ["B1", "B2", "B3"])
        #expect(throws: Never.self) { try StatutoryChecks.ranking(candidates, rules: ProcedureRules()) }
    }
}
