import Foundation
import Testing
@testable import Screening

@Suite struct CoBiddingTests {
    /// A tender where `bidders` bid (prices rising in the given order) and `winner` won.
    func decided(_ id: String, _ bidders: [String], winner: String?) -> ScreenedTender {
        tender(bidders.enumerated().map { i, b in bid(b, 100_000 + Int64(i) * 1_000, winner: winner.map { $0 == b }) }, id: id)
    }

    @Test func pairCountsAndJaccardByHand() throws {
        // A bids in T1–T4, B in T2–T6: shared {T2, T3, T4} = 3; Jaccard = 3/(4 + 5 − 3) = 0.5
        var tenders: [ScreenedTender] = []
        for i in 1...6 {
            var bidders: [String] = []
            if i <= 4 { bidders.append("A") }
            if i >= 2 { bidders.append("B") }
            bidders.append("X\(i)")
            tenders.append(self.decided("T\(i)", bidders, winner: bidders.last))
        }
        let report = CoBidding.analyze(tenders)
        let pair = try #require(report.pairs.first { $0.first == "A" && $0.second == "B" })
        #expect(pair.sharedTenders == 3)
        #expect(pair.jaccard == 0.5)
        #expect(pair.firstWinsTogether == 0 && pair.secondWinsTogether == 0)
        // pairs with fewer than 3 shared tenders are not reported (A–X2 met once)
        #expect(report.pairs.count == 1)
        let a = try #require(report.bidders.first { $0.bidderID == "A" })
        #expect(a.tenders == 4 && a.decidedBids == 4 && a.wins == 0)
    }

    /// Three firms meet in six tenders and take turns: A, B, C, A, B, C. Outsiders bid once each.
    func rotatingRing() -> [ScreenedTender] {
        let winners = ["A", "B", "C", "A", "B", "C"]
        return winners.enumerated().map { i, w in self.decided("R\(i)", ["A", "B", "C", "O\(i)"].sorted { ($0 == w ? 0 : 1, $0) < ($1 == w ? 0 : 1, $1) }, winner: w) }
    }

    @Test func rotationAmongAStableGroupIsFlagged() throws {
        let report = CoBidding.analyze(self.rotatingRing())
        let flag = try #require(report.flags.first { $0.code == .winnerRotation })
        #expect(flag.bidders == ["A", "B", "C"])
        #expect(flag.value == 1) // 6 of 6 meetings won by the group
        let group = try #require(report.groups.first)
        #expect(group.members == ["A", "B", "C"] && group.meetings == 6 && group.groupWins == 6 && group.rotates)
        #expect(group.winsByMember == ["A": 2, "B": 2, "C": 2])
        // every pair met 6 times, Jaccard 6/(6 + 6 − 6) = 1
        #expect(report.pairs.filter { $0.sharedTenders == 6 && $0.jaccard == 1 }.count == 3)
        // nobody here is a perennial loser
        #expect(!codes(report.flags).contains(.loserNeverWins))
    }

    @Test func oneDominantWinnerIsNotRotationButItsCoversAreLosers() throws {
        // A wins all six; B and C always bid beside it and never win.
        let tenders = (0..<6).map { self.decided("D\($0)", ["A", "B", "C", "O\($0)"], winner: "A") }
        let report = CoBidding.analyze(tenders)
        #expect(!codes(report.flags).contains(.winnerRotation)) // top winner share 6/6 > 0.7
        #expect(report.groups.first?.rotates == false)
        let losers = report.flags.filter { $0.code == .loserNeverWins }
        #expect(losers.map(\.bidders) == [["A", "B"], ["A", "C"]])
        #expect(report.perennialLoserPartners == ["B": ["A"], "C": ["A"]])
    }

    @Test func tooFewMeetingsAreNotRotation() {
        // only 3 meetings (< rotationMinimumTenders = 4), and pairs need 4 shared tenders to be stable
        let report = CoBidding.analyze(Array(self.rotatingRing().prefix(3)))
        #expect(report.groups.isEmpty)
        #expect(report.flags.isEmpty)
    }

    @Test func tenderLevelFlagsFromTheCrossTenderReport() {
        let report = CoBidding.analyze(self.rotatingRing())
        let withTwo = tender([bid("A", 100), bid("B", 110), bid("Z", 120)], id: "N1")
        #expect(codes(report.flags(for: withTwo)) == [.rotationGroupPresent])
        #expect(report.flags(for: withTwo).first?.bidders == ["A", "B"])
        let withOne = tender([bid("A", 100), bid("Y", 110), bid("Z", 120)], id: "N2")
        #expect(report.flags(for: withOne).isEmpty)
    }

    @Test func perennialLoserPresentInATender() {
        let tenders = (0..<6).map { self.decided("D\($0)", ["A", "B", "O\($0)"], winner: "A") }
        let report = CoBidding.analyze(tenders)
        #expect(codes(report.flags(for: tender([bid("A", 100), bid("B", 110)], id: "N"))) == [.perennialLoserPresent])
        #expect(report.flags(for: tender([bid("B", 100), bid("Q", 110)], id: "M")).isEmpty) // partner absent
    }

    @Test func excessiveUnsuccessfulBids() throws {
        // X: 10 valid decided bids, 0 wins → 0 ≤ 0.05. Y: 10 bids, 2 wins → 0.2 > 0.05.
        let tenders = (0..<10).map { i in self.decided("U\(i)", ["X", "Y", "P\(i)"], winner: i < 2 ? "Y" : "P\(i)") }
        let report = CoBidding.analyze(tenders)
        let flagged = report.flags.filter { $0.code == .excessiveUnsuccessfulBids }
        #expect(flagged.map(\.bidders) == [["X"]])
        #expect(flagged.first?.value == 0)
        // with only 9 bids X is below unsuccessfulMinimumBids
        #expect(!codes(CoBidding.analyze(Array(tenders.prefix(9))).flags).contains(.excessiveUnsuccessfulBids))
    }

    @Test func bidderExcessiveDisqualifications() throws {
        // Z disqualified in 3 of 4 tenders (0.75 ≥ 0.5); W in 1 of 4 (0.25)
        let tenders = (0..<4).map { i in
            tender([bid("Z", 100, disqualified: i < 3), bid("W", 110, disqualified: i == 0), bid("V\(i)", 120)], id: "Q\(i)")
        }
        let flags = CoBidding.analyze(tenders).flags.filter { $0.code == .bidderExcessiveDisqualifications }
        #expect(flags.map(\.bidders) == [["Z"]])
        #expect(flags.first?.value == 0.75)
    }

    @Test func largeTendersAreLeftOutOfPairCounting() {
        var thresholds = ScreeningThresholds()
        thresholds.pairMaximumBiddersPerTender = 3
        // A and B meet in 4 tenders of 4 bidders each: above the cap, so not counted
        let tenders = (0..<4).map { self.decided("L\($0)", ["A", "B", "C\($0)", "D\($0)"], winner: "A") }
        #expect(CoBidding.analyze(tenders, thresholds: thresholds).pairs.isEmpty)
        #expect(CoBidding.analyze(tenders).pairs.count == 1)
    }
}

@Suite struct RadixSortTests {
    @Test func sortsLikeTheStandardLibrary() {
        var state: UInt64 = 42
        var keys = (0..<5_000).map { _ -> UInt64 in
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return state >> 30 // 34 significant bits
        }
        let expected = keys.sorted()
        CoBidding.radixSort(&keys, bits: 34)
        #expect(keys == expected)
    }
}
