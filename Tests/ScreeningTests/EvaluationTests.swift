import Foundation
import Testing
@testable import Screening

/// Precision, recall, F1, balanced accuracy, threshold tuning and AUC, checked by hand.
@Suite struct EvaluationTests {
    @Test func confusionMatrixByHand() {
        // setup: 10 tenders; flagged the first four; collusive are 0, 1, 2, 4, 5
        let flagged = [true, true, true, true, false, false, false, false, false, false]
        let actual = [true, true, true, false, true, true, false, false, false, false]
        // exercise
        let m = ConfusionMatrix(flagged: flagged, actual: actual)
        // validate: TP 3 (0, 1, 2), FP 1 (3), FN 2 (4, 5), TN 4
        #expect(m == ConfusionMatrix(truePositives: 3, falsePositives: 1, trueNegatives: 4, falseNegatives: 2))
        #expect(m.precision == 0.75)                       // 3 / 4
        #expect(m.recall == 0.6)                           // 3 / 5
        #expect(m.specificity == 0.8)                      // 4 / 5
        #expect(abs(m.f1 - 2.0 / 3.0) < 1e-12)             // 6 / (6 + 1 + 2)
        #expect(abs(m.balancedAccuracy - 0.7) < 1e-12)     // (0.6 + 0.8) / 2
        #expect(m.accuracy == 0.7)                         // 7 / 10
    }

    @Test func emptyDenominatorsAreZeroNotNaN() {
        let none = ConfusionMatrix(flagged: [false, false], actual: [false, false])
        #expect(none.precision == 0 && none.recall == 0 && none.f1 == 0 && none.specificity == 1)
        #expect(none.balancedAccuracy == 0.5)
    }

    @Test func thresholdMaximizesF1ByHand() {
        // setup: sorted suspicions 0.9 T, 0.8 T, 0.7 F, 0.6 T, 0.2 F; one positive has none (nil)
        let suspicion: [Double?] = [0.9, 0.8, 0.7, 0.6, 0.2, nil]
        let labels = [true, true, false, true, false, true]
        // F1 at ≥0.9: 2/5 = 0.4; ≥0.8: 4/6; ≥0.7: 4/7; ≥0.6: 6/8 = 0.75 (best); ≥0.2: 6/9
        // exercise
        let rule = ThresholdRule.maximizingF1(suspicion: suspicion, labels: labels)
        // validate: halfway between 0.6 and the next value, 0.2
        #expect(abs(rule.threshold - 0.4) < 1e-12)
        #expect(rule.flags(suspicion) == [true, true, true, true, false, false])
        #expect(ThresholdRule.maximizingF1(suspicion: [0.5], labels: [false]).threshold == .infinity)
    }

    @Test func tiesAreNeverSplit() {
        // two tenders with the same suspicion, one collusive: both flagged or neither
        let rule = ThresholdRule.maximizingF1(suspicion: [0.5, 0.5, 0.1], labels: [true, false, false])
        #expect(rule.flags([0.5, 0.5, 0.1]) == [true, true, false])
    }

    @Test func areaUnderCurveByHand() {
        // pairs (positive, negative): (0.9, 0.8) ✓, (0.9, 0.6) ✓, (0.7, 0.8) ✗, (0.7, 0.6) ✓ → 3/4
        #expect(ThresholdRule.areaUnderCurve(suspicion: [0.9, 0.8, 0.7, 0.6], labels: [true, false, true, false]) == 0.75)
        #expect(ThresholdRule.areaUnderCurve(suspicion: [0.5, 0.5], labels: [true, false]) == 0.5)
        #expect(ThresholdRule.areaUnderCurve(suspicion: [nil, 0.1], labels: [true, false]) == 0)
        #expect(ThresholdRule.areaUnderCurve(suspicion: [0.1], labels: [true]) == nil)
    }

    @Test func evaluationCountsAddUp() {
        // small markets keep the test quick; the figures themselves are reported by `yiwang bench screen-quality`
        var train = SyntheticMarketTests.small
        var test = SyntheticMarketTests.small
        test.seed = 7
        test.tenders = 300
        train.tenders = 300
        let e = ScreenEvaluation.run(train: train, test: test)
        for rule in [e.score, e.coefficientOfVariation] {
            #expect(rule.train.total == 300 && rule.test.total == 300)
            #expect(rule.test.truePositives + rule.test.falseNegatives == e.testCounts.collusive)
        }
        #expect(e.report.count == 8 + 2 * 12 + 2 * e.flagPrevalence.count)
        // planted traces appear only in collusive tenders (条例40(六) deposit account)
        let account = e.flagPrevalence.first { $0.code == .sameDepositAccount }
        #expect(account.map { $0.collusive > 0 && $0.competitive == 0 } == true)
        #expect(e.report.first { $0.name == "cv_threshold" }.map { Double($0.value)! } ?? 1 < 1)
    }
}
