import Foundation
import Testing
@testable import Screening

@Suite struct BidScreensTests {
    /// Four evenly spaced bids: 10000, 11000, 12000, 13000 fen.
    @Test func evenlySpacedBids() throws {
        // setup
        let amounts: [Int64] = [12000, 10000, 13000, 11000] // order must not matter
        // exercise
        let s = try #require(BidScreens.compute(amountsFen: amounts))
        // validate
        // μ = 46000/4 = 11500; deviations ∓1500, ∓500; Σd² = 2·2.25e6 + 2·0.25e6 = 5e6
        // s = √(5e6/3) = 1290.994449; CV = 1290.994449/11500 = 0.112260387
        #expect(s.count == 4)
        #expect(s.mean == 11500)
        #expect(abs(s.standardDeviation! - 1290.994449) < 1e-6)
        #expect(abs(s.coefficientOfVariation! - 0.112260387) < 1e-9)
        // spread = (13000 − 10000)/10000 = 0.3; DIFFP = (11000 − 10000)/10000 = 0.1
        #expect(abs(s.spread! - 0.3) < 1e-12)
        #expect(abs(s.relativeDifference! - 0.1) < 1e-12)
        // losers 11000, 12000, 13000: mean 12000, s_L = √((1e6 + 0 + 1e6)/2) = 1000; RD = 1000/1000 = 1
        #expect(abs(s.relativeDistance! - 1) < 1e-12)
        // RDNOR = 1000 / (3000/3) = 1; RDALT = 1000 / (2000/2) = 1
        #expect(abs(s.normalizedDistance! - 1) < 1e-12)
        #expect(abs(s.alternativeRelativeDistance! - 1) < 1e-12)
        // symmetric → skewness 0
        #expect(abs(s.skewness!) < 1e-12)
        // z² = 2.25e6/(5e6/3) = 1.35 and 0.25e6/(5e6/3) = 0.15; Σz⁴ = 2·1.8225 + 2·0.0225 = 3.69
        // G₂ = 4·5/(3·2·1)·3.69 − 3·9/(2·1) = 12.3 − 13.5 = −1.2
        #expect(abs(s.kurtosis! - -1.2) < 1e-9)
        // F = 0, 1/3, 2/3, 1 against i/n = .25, .5, .75, 1:
        // i=1: .25 − 0 = .25; i=2: .5 − .333 = .167; i=3: .667 − .5 = .167; i=4: 1 − .75 = .25 → D = 0.25
        #expect(abs(s.kolmogorovSmirnov! - 0.25) < 1e-12)
    }

    /// A cover-bidding shape: a low winner (9000) below three bunched covers (10000, 10100, 10200).
    @Test func coverBiddingShape() throws {
        let s = try #require(BidScreens.compute(amountsFen: [9000, 10000, 10100, 10200]))
        // μ = 39300/4 = 9825; d = −825, 175, 275, 375; Σd² = 680625 + 30625 + 75625 + 140625 = 927500
        // s = √(927500/3) = 556.027577; CV = 556.027577/9825 = 0.056593138
        #expect(abs(s.coefficientOfVariation! - 0.056593138) < 1e-8)
        // spread = 1200/9000 = 0.133333; DIFFP = 1000/9000 = 0.111111
        #expect(abs(s.spread! - 1200.0 / 9000) < 1e-12)
        #expect(abs(s.relativeDifference! - 1000.0 / 9000) < 1e-12)
        // losers 10000, 10100, 10200: s_L = √((100² + 0 + 100²)/2) = 100; RD = 1000/100 = 10
        #expect(abs(s.relativeDistance! - 10) < 1e-9)
        // RDNOR = 1000/(1200/3) = 2.5; RDALT = 1000/(200/2) = 10
        #expect(abs(s.normalizedDistance! - 2.5) < 1e-12)
        #expect(abs(s.alternativeRelativeDistance! - 10) < 1e-9)
        // Σd³ = −561515625 + 5359375 + 20796875 + 52734375 = −482625000; s³ = 171905192.6
        // G₁ = 4/(3·2) · (−482625000/171903404.1) = (2/3)(−2.807507) = −1.871671
        #expect(abs(s.skewness! - -1.871671) < 1e-6)
        // Σd⁴ = 463250390625 + 937890625 + 5719140625 + 19775390625 = 489682812500; s⁴ = 9.558403e10
        // Σz⁴ = 5.123061; G₂ = (20/6)·5.123061 − 13.5 = 3.576870
        #expect(abs(s.kurtosis! - 3.576870) < 1e-5)
        // F = 0, 1000/1200, 1100/1200, 1 → i=2: F − 1/4 = .8333 − .25 = .5833 is the largest gap
        #expect(abs(s.kolmogorovSmirnov! - (1000.0 / 1200 - 0.25)) < 1e-12)
    }

    /// Three bids 100, 200, 400: every screen but kurtosis (which needs four).
    @Test func threeBids() throws {
        let s = try #require(BidScreens.compute(amountsFen: [400, 100, 200]))
        // losers 200, 400: s_L = √((100² + 100²)/1) = 141.421356; RD = 100/141.421356 = 0.707107
        #expect(abs(s.relativeDistance! - 0.70710678) < 1e-8)
        // RDNOR = 100/(300/2) = 0.666667; RDALT = 100/(200/1) = 0.5
        #expect(abs(s.normalizedDistance! - 2.0 / 3) < 1e-12)
        #expect(abs(s.alternativeRelativeDistance! - 0.5) < 1e-12)
        // μ = 233.333; d = −133.333, −33.333, 166.667; s = √(46666.67/2) = 152.752523
        // Σd³ = −2370370.4 − 37037.0 + 4629629.6 = 2222222.2; G₁ = 3/(2·1) · 2222222.2/152.752523³ = 0.935220
        #expect(abs(s.skewness! - 0.935220) < 1e-6)
        #expect(s.kurtosis == nil)
        // F = 0, 1/3, 1 vs i/n = 1/3, 2/3, 1 → gaps 1/3, 1/3, 1/3 → D = 1/3
        #expect(abs(s.kolmogorovSmirnov! - 1.0 / 3) < 1e-12)
    }

    @Test func twoBidsGiveOnlyTheTwoBidScreens() throws {
        let s = try #require(BidScreens.compute(amountsFen: [1000, 1100]))
        // s = √((50² + 50²)/1) = 70.710678; CV = 70.710678/1050 = 0.067343503
        #expect(abs(s.coefficientOfVariation! - 0.067343503) < 1e-8)
        #expect(abs(s.spread! - 0.1) < 1e-12)
        #expect(s.relativeDistance == nil)
        #expect(s.skewness == nil)
        #expect(s.kolmogorovSmirnov == nil)
    }

    @Test func undefinedCases() {
        // fewer than two positive amounts
        #expect(BidScreens.compute(amountsFen: [5000]) == nil)
        #expect(BidScreens.compute(amountsFen: [5000, 0, -3]) == nil)
        // all losers equal → s_L = 0 → RD undefined; all bids equal → no skewness/kurtosis/KS
        let flatLosers = BidScreens.compute(amountsFen: [900, 1000, 1000, 1000])!
        #expect(flatLosers.relativeDistance == nil)
        #expect(flatLosers.alternativeRelativeDistance == nil)
        let flat = BidScreens.compute(amountsFen: [1000, 1000, 1000, 1000])!
        #expect(flat.coefficientOfVariation == 0)
        #expect(flat.skewness == nil && flat.kurtosis == nil && flat.kolmogorovSmirnov == nil)
    }

    @Test func largeAmountsStayExact() throws {
        // 10 billion yuan = 1e12 fen; a 1-fen difference must not vanish in the spread.
        let s = try #require(BidScreens.compute(amountsFen: [1_000_000_000_000, 1_000_000_000_001]))
        #expect(abs(s.spread! - 1e-12) < 1e-15)
    }

    @Test func tukeyFences() throws {
        // [1,2,3,4,5]: h = 4·0.25 = 1 → Q1 = 2; h = 3 → Q3 = 4; IQR = 2 → fences −1 and 7
        let odd = try #require(TukeyFences([5, 1, 4, 2, 3]))
        #expect(odd.firstQuartile == 2 && odd.thirdQuartile == 4 && odd.lower == -1 && odd.upper == 7)
        // [1,2,3,4]: h = 0.75 → Q1 = 1.75; h = 2.25 → Q3 = 3.25; IQR = 1.5 → −0.5 and 5.5
        let even = try #require(TukeyFences([1, 2, 3, 4]))
        #expect(even.firstQuartile == 1.75 && even.thirdQuartile == 3.25 && even.lower == -0.5 && even.upper == 5.5)
        #expect(TukeyFences([]) == nil)
    }
}
