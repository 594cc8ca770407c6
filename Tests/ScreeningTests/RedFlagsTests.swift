import Foundation
import Testing
@testable import Screening

@Suite struct RedFlagsTests {
    let t = ScreeningThresholds.default

    func flags(_ tender: ScreenedTender, _ thresholds: ScreeningThresholds = .default) -> [ScreeningFlag] {
        RedFlags.evaluate(tender, screens: BidScreens.compute(tender: tender), thresholds: thresholds)
    }

    // MARK: statistical flags

    @Test func tightBidsRaiseVarianceFlags() throws {
        // 100000, 100500, 101000, 101500: μ = 100750, Σd² = 2·750² + 2·250² = 1,250,000,
        // s = √(1,250,000/3) = 645.497, CV = 0.0064069 ≤ 0.05; spread = 1500/100000 = 0.015 ≤ 0.10
        let f = self.flags(tender(prices: [100_000, 100_500, 101_000, 101_500]))
        let cv = try #require(f.first { $0.code == .cvLow })
        #expect(abs(cv.value! - 0.0064069) < 1e-6)
        // strength = 0.5 + 0.5·min(1, (0.05 − 0.0064069)/0.05) = 0.5 + 0.5·0.871862 = 0.935931
        #expect(abs(cv.strength - 0.935931) < 1e-5)
        #expect(cv.bidders == ["B1", "B2", "B3", "B4"])
        #expect(codes(f).contains(.spreadLow))
    }

    @Test func competitiveBidsRaiseNoStatisticalFlag() {
        // 10000, 10800, 11900, 13100: CV 0.1177, spread 0.31, RD 0.695, skewness 0.343, kurtosis −1.327
        let f = self.flags(tender(prices: [10_000, 10_800, 11_900, 13_100]))
        #expect(f.isEmpty)
    }

    @Test func coverBiddingShapeRaisesDistanceAndShapeFlags() throws {
        // RD = 10 ≥ 1, skewness −1.87 ≤ −1, kurtosis 3.58 ≥ 2 (see BidScreensTests.coverBiddingShape);
        // CV 0.0566 > 0.05 stays unflagged.
        let f = self.flags(tender(prices: [9_000, 10_000, 10_100, 10_200]))
        #expect(codes(f) == [.relativeDistanceHigh, .skewnessNegative, .kurtosisHigh])
        let rd = try #require(f.first { $0.code == .relativeDistanceHigh })
        #expect(rd.value == 10)
        #expect(rd.strength == 1) // (10 − 1)/1 ≥ 1 → capped
    }

    @Test func statisticalFlagsNeedEnoughBids() {
        // Three tight bids: CV tiny, but below screensMinimumBids = 4.
        #expect(self.flags(tender(prices: [100_000, 100_100, 100_200])).allSatisfy { $0.code != .cvLow })
        var loose = self.t
        loose.screensMinimumBids = 3
        #expect(codes(self.flags(tender(prices: [100_000, 100_100, 100_200]), loose)).contains(.cvLow))
    }

    @Test func switchedOffThresholdRaisesNothing() {
        let tight = tender(prices: [100_000, 100_500, 101_000, 101_500])
        var off = self.t
        off.coefficientOfVariationLow = nil
        off.spreadLow = nil
        let on = codes(self.flags(tight))
        #expect(on.isSuperset(of: [.cvLow, .spreadLow]))
        #expect(codes(self.flags(tight, off)) == on.subtracting([.cvLow, .spreadLow]))
    }

    @Test func evenlySpacedBidsAreNotCoverBidding() {
        // four evenly spaced bids have RD = 1 exactly (BidScreensTests.evenlySpacedBids); the flag needs RD > 1
        #expect(!codes(self.flags(tender(prices: [10_000, 11_000, 12_000, 13_000]))).contains(.relativeDistanceHigh))
    }

    @Test func kolmogorovSmirnovFlagWhenEnabled() {
        var on = self.t
        on.kolmogorovSmirnovHigh = 0.5
        // cover shape: D = 0.5833 ≥ 0.5; even spacing: D = 0.25 < 0.5
        #expect(codes(self.flags(tender(prices: [9_000, 10_000, 10_100, 10_200]), on)).contains(.ksHigh))
        #expect(!codes(self.flags(tender(prices: [10_000, 11_000, 12_000, 13_000]), on)).contains(.ksHigh))
    }

    // MARK: Cardinal-style flags

    @Test func shortSubmissionPeriod() throws {
        let bids = [bid("A", 100), bid("B", 200), bid("C", 300)]
        // 10 days < 20
        let short = self.flags(tender(bids, publishedAt: epoch, deadline: epoch + 10 * day))
        let flag = try #require(short.first { $0.code == .shortSubmissionPeriod })
        #expect(flag.value == 10)
        #expect(flag.explanation.zh.contains("招标投标法第24条"))
        // 25 days ≥ 20
        #expect(!codes(self.flags(tender(bids, publishedAt: epoch, deadline: epoch + 25 * day))).contains(.shortSubmissionPeriod))
        // unknown publication date → no flag
        #expect(!codes(self.flags(tender(bids, deadline: epoch))).contains(.shortSubmissionPeriod))
    }

    @Test func singleBid() {
        #expect(codes(self.flags(tender([bid("A", 100, winner: true)]))).contains(.singleBid))
        // two versions from the same bidder are still one bidder
        #expect(codes(self.flags(tender([bid("A", 100), bid("A", 90)]))).contains(.singleBid))
        #expect(!codes(self.flags(tender([bid("A", 100), bid("B", 110), bid("C", 120)]))).contains(.singleBid))
    }

    @Test func priceCloseToWinner() throws {
        // (100500 − 100000)/100000 = 0.005 ≤ 0.01
        let close = self.flags(tender([bid("W", 100_000, winner: true), bid("L", 100_500, winner: false), bid("M", 130_000, winner: false)]))
        let flag = try #require(close.first { $0.code == .priceCloseToWinner })
        #expect(abs(flag.value! - 0.005) < 1e-12)
        #expect(flag.bidders == ["L", "W"])
        // (110000 − 100000)/100000 = 0.1 > 0.01
        let far = self.flags(tender([bid("W", 100_000, winner: true), bid("L", 110_000, winner: false), bid("M", 130_000, winner: false)]))
        #expect(!codes(far).contains(.priceCloseToWinner))
        // a disqualified close bid is not a valid second-lowest bid
        let invalid = self.flags(tender([bid("W", 100_000, winner: true), bid("L", 100_500, winner: false, disqualified: true), bid("M", 130_000)]))
        #expect(!codes(invalid).contains(.priceCloseToWinner))
    }

    @Test func priceCloseToPresumptiveWinnerBeforeTheAward() {
        // no result known: the lowest valid bid is the presumptive winner
        #expect(codes(self.flags(tender([bid("A", 100_000), bid("B", 100_900), bid("C", 150_000)]))).contains(.priceCloseToWinner))
    }

    @Test func identicalPrices() throws {
        let same = self.flags(tender([bid("A", 123_456), bid("B", 123_456), bid("C", 130_000)]))
        let flag = try #require(same.first { $0.code == .identicalPrices })
        #expect(flag.bidders == ["A", "B"])
        #expect(flag.severity == .high)
        // the same bidder repeating its own price is not two bidders
        #expect(!codes(self.flags(tender([bid("A", 123_456), bid("A", 123_456), bid("C", 130_000)]))).contains(.identicalPrices))
        #expect(!codes(self.flags(tender([bid("A", 123_456), bid("B", 123_457)]))).contains(.identicalPrices))
    }

    @Test func lateWinningBid() throws {
        let deadline = epoch + 30 * day
        let late = self.flags(tender([bid("A", 100, winner: true, at: deadline + 60), bid("B", 120, winner: false, at: deadline - 600)],
                                     publishedAt: epoch, deadline: deadline))
        let flag = try #require(late.first { $0.code == .lateWinningBid })
        #expect(flag.bidders == ["A"])
        #expect(flag.value == 60)
        let onTime = self.flags(tender([bid("A", 100, winner: true, at: deadline - 60), bid("B", 120, winner: false, at: deadline + 600)],
                                       publishedAt: epoch, deadline: deadline))
        #expect(!codes(onTime).contains(.lateWinningBid)) // B was late but lost
    }

    @Test func allExceptWinnerDisqualified() {
        let all = self.flags(tender([bid("W", 150, winner: true), bid("X", 100, winner: false, disqualified: true), bid("Y", 120, winner: false, disqualified: true)]))
        #expect(codes(all).contains(.allExceptWinnerDisqualified))
        let notAll = self.flags(tender([bid("W", 150, winner: true), bid("X", 100, winner: false, disqualified: true), bid("Y", 120, winner: false, disqualified: false)]))
        #expect(!codes(notAll).contains(.allExceptWinnerDisqualified))
        // no result → nothing to say
        let undecided = self.flags(tender([bid("W", 150), bid("X", 100, disqualified: true)]))
        #expect(!codes(undecided).contains(.allExceptWinnerDisqualified))
    }

    @Test func lowestBidDisqualified() throws {
        let f = self.flags(tender([bid("W", 150, winner: true), bid("X", 100, winner: false, disqualified: true), bid("Y", 160, winner: false)]))
        let flag = try #require(f.first { $0.code == .lowestBidDisqualified })
        #expect(flag.bidders == ["W", "X"])
        let lowestWins = self.flags(tender([bid("W", 100, winner: true), bid("X", 150, winner: false, disqualified: true), bid("Y", 160, winner: false)]))
        #expect(!codes(lowestWins).contains(.lowestBidDisqualified))
    }

    @Test func excessiveDisqualifications() throws {
        // 2 of 3 = 0.667 ≥ 0.5
        let many = self.flags(tender([bid("A", 100, disqualified: true), bid("B", 110, disqualified: true), bid("C", 120)]))
        let flag = try #require(many.first { $0.code == .excessiveDisqualifications })
        #expect(abs(flag.value! - 2.0 / 3) < 1e-12)
        #expect(flag.bidders == ["A", "B"])
        // 1 of 3 = 0.333 < 0.5
        #expect(!codes(self.flags(tender([bid("A", 100, disqualified: true), bid("B", 110), bid("C", 120)]))).contains(.excessiveDisqualifications))
        // 1 of 2 = 0.5, but fewer than 3 bids
        #expect(!codes(self.flags(tender([bid("A", 100, disqualified: true), bid("B", 110)]))).contains(.excessiveDisqualifications))
    }

    @Test func heavilyDiscountedBid() throws {
        // (1,000,000 − 600,000)/1,000,000 = 0.4 ≥ 0.3
        let cheap = self.flags(tender([bid("A", 600_000, winner: true), bid("B", 900_000, winner: false)], estimateFen: 1_000_000))
        let flag = try #require(cheap.first { $0.code == .heavilyDiscountedBid })
        #expect(abs(flag.value! - 0.4) < 1e-12)
        // (1,000,000 − 800,000)/1,000,000 = 0.2 < 0.3
        let fair = self.flags(tender([bid("A", 800_000, winner: true), bid("B", 900_000, winner: false)], estimateFen: 1_000_000))
        #expect(!codes(fair).contains(.heavilyDiscountedBid))
        // without an estimate nothing is compared
        #expect(!codes(self.flags(tender([bid("A", 600_000, winner: true), bid("B", 900_000)]))).contains(.heavilyDiscountedBid))
    }

    @Test func explanationsAreBilingualAndNameTheRule() {
        let f = self.flags(tender([bid("A", 123_456), bid("B", 123_456)]))
        for flag in f {
            #expect(!flag.explanation.en.isEmpty && !flag.explanation.zh.isEmpty)
        }
        #expect(f.first { $0.code == .identicalPrices }?.explanation.en.contains("R028") == true)
    }

    @Test func numberFormatting() {
        #expect(RedFlags.format(0.0064069) == "0.00641")
        #expect(RedFlags.format(10) == "10")
        #expect(RedFlags.format(-1.87167) == "-1.87")
        #expect(RedFlags.format(12345) == "12300")
        #expect(RedFlags.percent(0.005) == "0.5%")
        #expect(RedFlags.percent(0.4) == "40%")
    }
}
