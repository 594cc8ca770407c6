import Testing
import TradingCore

@Suite("ReviewMajority: the committee decides each review stage by majority (条例51 grounds kept)")
struct ReviewMajorityTests {
    static func votes(_ rejecters: Int, of members: Int, sme: Int = 0) -> [String: [ReviewVote]] {
        Dictionary(uniqueKeysWithValues: (0..<members).map { index in
            let reject = index < rejecters
            return ("E\(index)", [
                ReviewVote(bidID: "B1", qualification: !reject, compliance: true, smallOrMicro: index < sme,
                           reasons: reject ? [.notQualified(index % 2 == 0 ? "资质过期" : "业绩不足")] : []),
                ReviewVote(bidID: "B2", qualification: true, compliance: true),
            ])
        })
    }

    @Test("three of five reject: the bid is rejected with every cited ground once, in order")
    func majorityRejects() throws {
        let decided = try ReviewMajority.decide(bidIDs: ["B1", "B2"], votes: Self.votes(3, of: 5))
        #expect(!decided[0].review.isValid && decided[1].review.isValid)
        #expect(decided[0].review.reasons == [.notQualified("资质过期"), .notQualified("业绩不足")])
        #expect(decided[0].review.reasons.allSatisfy { $0.article == "条例51(3)" })
    }

    @Test("two of five reject: the bid passes; SME status needs a majority too")
    func minorityPasses() throws {
        let decided = try ReviewMajority.decide(bidIDs: ["B1"], votes: Self.votes(2, of: 5, sme: 3))
        #expect(decided[0].review.isValid && decided[0].smallOrMicro)
        #expect(try ReviewMajority.decide(bidIDs: ["B1"], votes: Self.votes(0, of: 5, sme: 2))[0].smallOrMicro == false)
    }

    @Test("a member who skipped a bid, or no votes at all, is refused; a rejection needs a ground (条例51)")
    func incomplete() {
        var votes = Self.votes(0, of: 3)
        votes["E1"] = [ReviewVote(bidID: "B1", qualification: true, compliance: true)]
        #expect(throws: TradingError.self) { try ReviewMajority.decide(bidIDs: ["B1", "B2"], votes: votes) }
        #expect(throws: TradingError.self) { try ReviewMajority.decide(bidIDs: ["B1"], votes: [:]) }
        #expect(throws: TradingError.self) { try ReviewVote(bidID: "B1", qualification: true, compliance: false).validate() }
        #expect(throws: Never.self) { try ReviewVote(bidID: "B1", qualification: true, compliance: false, reasons: [.belowCost]).validate() }
    }

    @Test("the report text states the review, the 87§55 worked example's price scores and the candidates")
    func reportText() throws {
        let bids = [("A", 90_000_000), ("B", 100_000_000), ("C", 120_000_000)].map { PricedBid(bidID: $0.0, partyID: "P" + $0.0, price: Money(fen: Int64($0.1))) }
        let sheet = ScoringSheet(criteria: [
            ScoringCriterion(id: "price", name: "价格", maxPoints: .points(30), kind: .price),
            ScoringCriterion(id: "tech", name: "技术", maxPoints: .points(70), kind: .subjective),
        ])
        let experts = ["E1", "E2", "E3"].map { ExpertScoreSheet(expertID: $0, scores: ["A": ["tech": .points(40)], "B": ["tech": .points(50)], "C": ["tech": .points(60)]]) }
        let result = try ComprehensiveEvaluation.evaluate(sheet: sheet, bids: bids, expertSheets: experts)
        let report = EvaluationReport(
            projectTitle: "P", lotTitle: "L", method: "comprehensive", members: [("E1", "甲"), ("E2", "乙"), ("E3", "丙")],
            reviews: bids.map { BidReview(bidID: $0.bidID, qualification: .passed, compliance: .passed) } + [BidReview(bidID: "D", qualification: .rejected([.multipleBids]), compliance: .passed)],
            bidderNames: [:], prices: [:], scores: result.scores, flags: result.flags, ranking: result.ranking, tieBreak: nil,
            candidates: try result.ranking.candidates()
        )
        let text = report.text
        #expect(text.contains("A：价格分30.00") && text.contains("B：价格分27.00") && text.contains("C：价格分22.50"))
        #expect(text.contains("D D：否决投标 — 同一投标人提交两个以上不同的投标文件或者投标报价（条例51(4)）"))
        // totals 70.00 / 77.00 / 82.50: C first
        #expect(text.contains("第1名：C") && text.contains("第2名：B") && text.contains("第3名：A"))
    }
}
