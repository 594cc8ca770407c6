import Foundation
import Testing
@testable import Screening

@Suite struct TenderScreenTests {
    func flag(_ code: FlagCode, _ severity: FlagSeverity = .medium, strength: Double = 1) -> ScreeningFlag {
        ScreeningFlag(code: code, severity: severity, explanation: BilingualText(en: "e", zh: "中"), bidders: ["A"], strength: strength)
    }

    @Test func scoreByHand() {
        #expect(TenderScreen.score(flags: []) == 0)
        // one flag: its weight × strength; same_deposit_account weighs 0.6
        #expect(abs(TenderScreen.score(flags: [self.flag(.sameDepositAccount)]) - 0.6) < 1e-12)
        // 0.6 and 0.3 (same_ip): 1 − (1 − 0.6)(1 − 0.3) = 1 − 0.4·0.7 = 0.72
        #expect(abs(TenderScreen.score(flags: [self.flag(.sameDepositAccount), self.flag(.sameIP)]) - 0.72) < 1e-12)
        // strength scales: cv_low 0.25 × 0.5 = 0.125
        #expect(abs(TenderScreen.score(flags: [self.flag(.cvLow, strength: 0.5)]) - 0.125) < 1e-12)
        // a repeated code counts once, at its strongest: max(0.25·0.5, 0.25·1) = 0.25
        #expect(abs(TenderScreen.score(flags: [self.flag(.cvLow, strength: 0.5), self.flag(.cvLow)]) - 0.25) < 1e-12)
    }

    @Test func weightsAreTunable() {
        // an unknown code falls back to its severity: high 0.5
        #expect(abs(TenderScreen.score(flags: [self.flag("custom_rule", .high)]) - 0.5) < 1e-12)
        var weights = ScoreWeights()
        weights.byCode[FlagCode.sameIP.rawValue] = 0.9
        weights.high = 0.2
        #expect(abs(TenderScreen.score(flags: [self.flag(.sameIP)], weights: weights) - 0.9) < 1e-12)
        #expect(abs(TenderScreen.score(flags: [self.flag("custom_rule", .high)], weights: weights) - 0.2) < 1e-12)
        // weights outside [0, 1] are clamped, so the score stays in [0, 1]
        weights.byCode[FlagCode.sameIP.rawValue] = 7
        #expect(TenderScreen.score(flags: [self.flag(.sameIP), self.flag(.cvLow)], weights: weights) == 1)
    }

    @Test func weightsDecodeLeniently() throws {
        let json = #"{"byCode": {"tiaoli40_same_ip": 0.05}, "low": 0.01}"#
        let weights = try JSONDecoder().decode(ScoreWeights.self, from: Data(json.utf8))
        #expect(weights.byCode["tiaoli40_same_ip"] == 0.05)
        #expect(weights.byCode["tiaoli40_same_deposit_account"] == 0.6) // default kept
        #expect(weights.low == 0.01 && weights.high == 0.5)
    }

    /// The winner far below four bunched covers; two covers paid their deposits from one account and
    /// uploaded from one address.
    static let coverBidding = ScreenedTender(id: "COVER", bids: [
        ScreenedBid(tenderID: "COVER", bidderID: "W", amountFen: 9_000_000_00, ip: "1.1.1.1", depositAccount: "111"),
        ScreenedBid(tenderID: "COVER", bidderID: "C1", amountFen: 10_000_000_00, ip: "2.2.2.2", depositAccount: "222"),
        ScreenedBid(tenderID: "COVER", bidderID: "C2", amountFen: 10_050_000_00, ip: "2.2.2.2", depositAccount: "222"),
        ScreenedBid(tenderID: "COVER", bidderID: "C3", amountFen: 10_100_000_00, ip: "3.3.3.3", depositAccount: "333"),
        ScreenedBid(tenderID: "COVER", bidderID: "C4", amountFen: 10_150_000_00, ip: "4.4.4.4", depositAccount: "444"),
    ])

    /// Independent prices, independent traces.
    static let competitive = ScreenedTender(id: "FAIR", bids: [
        ScreenedBid(tenderID: "FAIR", bidderID: "F1", amountFen: 9_400_000_00, ip: "5.5.5.1", depositAccount: "501"),
        ScreenedBid(tenderID: "FAIR", bidderID: "F2", amountFen: 9_850_000_00, ip: "5.5.5.2", depositAccount: "502"),
        ScreenedBid(tenderID: "FAIR", bidderID: "F3", amountFen: 10_300_000_00, ip: "5.5.5.3", depositAccount: "503"),
        ScreenedBid(tenderID: "FAIR", bidderID: "F4", amountFen: 10_900_000_00, ip: "5.5.5.4", depositAccount: "504"),
        ScreenedBid(tenderID: "FAIR", bidderID: "F5", amountFen: 11_600_000_00, ip: "5.5.5.5", depositAccount: "505"),
    ])

    @Test func coverBiddingScoresHigherThanCompetition() {
        // exercise
        let cover = TenderScreen.screen(Self.coverBidding)
        let fair = TenderScreen.screen(Self.competitive)
        // validate
        // competitive: CV 0.083, spread 0.234, RD 0.593, skewness 0.382, kurtosis −0.894, first gap 4.8 % → nothing
        #expect(fair.flags.isEmpty)
        #expect(fair.score == 0)
        // cover: CV 0.0491 ≤ 0.05, RD 15.5, skewness −2.16, kurtosis 4.74, plus shared account and address
        #expect(codes(cover.flags) == [.cvLow, .relativeDistanceHigh, .skewnessNegative, .kurtosisHigh, .sameDepositAccount, .sameIP])
        #expect(cover.score > 0.8)
        // highest severity first
        #expect(cover.flags.first?.severity == .high)
    }

    @Test func priceScreensAloneSeparateCoverFromCompetition() {
        // strip the platform traces: the statistical screens must still rank the cover tender higher
        var cover = Self.coverBidding
        cover.bids = cover.bids.map { ScreenedBid(tenderID: $0.tenderID, bidderID: $0.bidderID, amountFen: $0.amountFen) }
        let score = TenderScreen.screen(cover).score
        // noisy-OR of cv_low 0.25·s₁, rd_high 0.25·1, skewness 0.1·1, kurtosis 0.1·1 with s₁ ∈ [0.5, 1]:
        // ≥ 1 − (1 − 0.125)(0.75)(0.9)(0.9) = 0.468
        #expect(score > 0.46)
        #expect(score > TenderScreen.screen(Self.competitive).score)
    }

    @Test func thresholdsDecodeLenientlyAndRoundTrip() throws {
        // setup: a settings file that switches cv_low off and changes one number
        let json = #"{"coefficientOfVariationLow": null, "spreadLow": 0.2}"#
        // exercise
        let t = try JSONDecoder().decode(ScreeningThresholds.self, from: Data(json.utf8))
        // validate
        #expect(t.coefficientOfVariationLow == nil)
        #expect(t.spreadLow == 0.2)
        #expect(t.relativeDistanceHigh == 1.0 && t.shortSubmissionDays == 20 && t.screensMinimumBids == 4)
        let again = try JSONDecoder().decode(ScreeningThresholds.self, from: JSONEncoder().encode(t))
        #expect(again == t)
        #expect(try JSONDecoder().decode(ScreeningThresholds.self, from: Data("{}".utf8)) == ScreeningThresholds())
    }

    @Test func flagCodesEncodeAsBareStrings() throws {
        let data = try JSONEncoder().encode([FlagCode.sameDepositAccount])
        #expect(String(decoding: data, as: UTF8.self) == #"["tiaoli40_same_deposit_account"]"#)
    }

    @Test func screenerMatchesSequentialAndAttachesCrossTenderFlags() throws {
        // setup: 300 tenders; a ring of three rotates wins in the first 12, the rest are random-ish
        var tenders: [ScreenedTender] = []
        for i in 0..<300 {
            let ring = i < 12
            let bidders = ring ? ["R1", "R2", "R3", "N\(i)"] : ["N\(i)", "N\(i + 1)", "N\(i + 2)", "N\(i + 3)"]
            let winner = ring ? ["R1", "R2", "R3"][i % 3] : bidders[i % 4]
            let bids = bidders.enumerated().map { j, b in
                bid(b, 1_000_000 + Int64((i * 7_919 + j * 104_729) % 300_000), winner: b == winner)
            }
            tenders.append(tender(bids, id: "T\(i)"))
        }
        // exercise
        let parallel = Screener.run(tenders, parallel: true)
        let sequential = Screener.run(tenders, parallel: false)
        // validate
        #expect(parallel == sequential)
        #expect(parallel.tenders.map(\.tenderID) == tenders.map(\.id))
        #expect(codes(parallel.coBidding.flags).contains(.winnerRotation))
        let ringTender = try #require(parallel.tenders.first)
        #expect(codes(ringTender.flags).contains(.rotationGroupPresent))
        #expect(!codes(parallel.tenders[200].flags).contains(.rotationGroupPresent))
    }

    @Test func groupingFlatBids() {
        let grouped = ScreenedTender.grouping([bid("A", 1, tender: "X"), bid("B", 2, tender: "Y"), bid("C", 3, tender: "X")])
        #expect(grouped.map(\.id) == ["X", "Y"])
        #expect(grouped[0].bids.map(\.bidderID) == ["A", "C"])
    }
}
