/// How one rule did: tuned on the training market, measured on the test market.
public struct RuleEvaluation: Sendable, Hashable, Codable {
    /// The rule's name in reports (`score`, `cv`).
    public var name: String
    /// The tuned threshold on the rule's suspicion scale.
    public var rule: ThresholdRule
    /// Counts on the training market (A), with the tuned threshold.
    public var train: ConfusionMatrix
    /// Counts on the test market (B), with the threshold tuned on A.
    public var test: ConfusionMatrix
    /// Threshold-free separation on the training market (ROC AUC).
    public var trainAUC: Double?
    /// Threshold-free separation on the test market (ROC AUC).
    public var testAUC: Double?
}

/// The quality evaluation of the tender score: tune the threshold on one synthetic market, test on
/// another (different seed and parameters), and compare with a rule on the coefficient of
/// variation alone, tuned the same way (F1 on the training market).
public struct ScreenEvaluation: Sendable {
    /// Parameters of market A, where thresholds are tuned.
    public var trainMarket: SyntheticMarketParameters
    /// Parameters of market B, where they are tested.
    public var testMarket: SyntheticMarketParameters
    /// Tenders, collusive tenders and bids of market A.
    public var trainCounts: (tenders: Int, collusive: Int, bids: Int)
    /// Tenders, collusive tenders and bids of market B.
    public var testCounts: (tenders: Int, collusive: Int, bids: Int)
    /// The full screen (``Screener/run(_:thresholds:weights:parallel:)``, cross-tender findings included): flag when score ≥ t.
    public var score: RuleEvaluation
    /// Coefficient of variation alone: flag when CV ≤ c (suspicion −CV; tenders with fewer than two priced bids are never flagged).
    public var coefficientOfVariation: RuleEvaluation
    /// On the test market, per flag code: the share of collusive and of competitive tenders that carry
    /// it — what each flag is worth, for calibrating ``ScoreWeights``. Sorted by code.
    public var flagPrevalence: [(code: FlagCode, collusive: Double, competitive: Double)]

    /// Generates both markets, screens them and evaluates both rules.
    public static func run(train: SyntheticMarketParameters = .marketA, test: SyntheticMarketParameters = .marketB,
                           thresholds: ScreeningThresholds = .default, weights: ScoreWeights = .default) -> ScreenEvaluation {
        let a = SyntheticMarket.generate(train)
        let b = SyntheticMarket.generate(test)
        let screensA = Screener.run(a.tenders, thresholds: thresholds, weights: weights).tenders
        let screensB = Screener.run(b.tenders, thresholds: thresholds, weights: weights).tenders
        func evaluate(_ name: String, _ suspicion: (TenderScreen) -> Double?) -> RuleEvaluation {
            let trainSuspicion = screensA.map(suspicion)
            let testSuspicion = screensB.map(suspicion)
            let rule = ThresholdRule.maximizingF1(suspicion: trainSuspicion, labels: a.collusive)
            return RuleEvaluation(
                name: name, rule: rule,
                train: ConfusionMatrix(flagged: rule.flags(trainSuspicion), actual: a.collusive),
                test: ConfusionMatrix(flagged: rule.flags(testSuspicion), actual: b.collusive),
                trainAUC: ThresholdRule.areaUnderCurve(suspicion: trainSuspicion, labels: a.collusive),
                testAUC: ThresholdRule.areaUnderCurve(suspicion: testSuspicion, labels: b.collusive))
        }
        func counts(_ m: SyntheticMarket) -> (Int, Int, Int) {
            (m.tenders.count, m.collusive.filter { $0 }.count, m.tenders.reduce(0) { $0 + $1.bids.count })
        }
        return ScreenEvaluation(
            trainMarket: train, testMarket: test, trainCounts: counts(a), testCounts: counts(b),
            score: evaluate("score") { $0.score },
            coefficientOfVariation: evaluate("cv") { $0.screens?.coefficientOfVariation.map { -$0 } },
            flagPrevalence: Self.prevalence(screensB, labels: b.collusive))
    }

    static func prevalence(_ screens: [TenderScreen], labels: [Bool]) -> [(code: FlagCode, collusive: Double, competitive: Double)] {
        var counts: [FlagCode: (collusive: Int, competitive: Int)] = [:]
        for (screen, collusive) in zip(screens, labels) {
            for code in Set(screen.flags.map(\.code)) {
                var c = counts[code] ?? (0, 0)
                if collusive { c.collusive += 1 } else { c.competitive += 1 }
                counts[code] = c
            }
        }
        let positives = max(1, labels.filter { $0 }.count)
        let negatives = max(1, labels.count - labels.filter { $0 }.count)
        return counts.sorted { $0.key < $1.key }.map {
            ($0.key, Double($0.value.collusive) / Double(positives), Double($0.value.competitive) / Double(negatives))
        }
    }

    /// The results as `name=value` lines, in a fixed order: market sizes, then per rule its threshold
    /// and its test metrics (precision, recall, F1, balanced accuracy, AUC), plus training F1 and AUC;
    /// then each flag's prevalence among the test market's collusive and competitive tenders.
    public var report: [(name: String, value: String)] {
        var lines: [(String, String)] = [
            ("train_seed", String(self.trainMarket.seed)), ("train_tenders", String(self.trainCounts.tenders)),
            ("train_collusive", String(self.trainCounts.collusive)), ("train_bids", String(self.trainCounts.bids)),
            ("test_seed", String(self.testMarket.seed)), ("test_tenders", String(self.testCounts.tenders)),
            ("test_collusive", String(self.testCounts.collusive)), ("test_bids", String(self.testCounts.bids)),
        ]
        for r in [self.score, self.coefficientOfVariation] {
            let shown = r.name == "cv" ? -r.rule.threshold : r.rule.threshold
            lines += [
                ("\(r.name)_threshold", Self.decimal(shown)),
                ("\(r.name)_train_f1", Self.decimal(r.train.f1)),
                ("\(r.name)_train_auc", r.trainAUC.map(Self.decimal) ?? "nan"),
                ("\(r.name)_test_tp", String(r.test.truePositives)), ("\(r.name)_test_fp", String(r.test.falsePositives)),
                ("\(r.name)_test_tn", String(r.test.trueNegatives)), ("\(r.name)_test_fn", String(r.test.falseNegatives)),
                ("\(r.name)_test_precision", Self.decimal(r.test.precision)),
                ("\(r.name)_test_recall", Self.decimal(r.test.recall)),
                ("\(r.name)_test_f1", Self.decimal(r.test.f1)),
                ("\(r.name)_test_balanced_accuracy", Self.decimal(r.test.balancedAccuracy)),
                ("\(r.name)_test_auc", r.testAUC.map(Self.decimal) ?? "nan"),
            ]
        }
        for p in self.flagPrevalence {
            lines.append(("flag_\(p.code.rawValue)_collusive", Self.decimal(p.collusive)))
            lines.append(("flag_\(p.code.rawValue)_competitive", Self.decimal(p.competitive)))
        }
        return lines
    }

    /// Four decimals, like the score column.
    static func decimal(_ x: Double) -> String {
        guard x.isFinite else { return x > 0 ? "inf" : (x < 0 ? "-inf" : "nan") }
        let units = Int((abs(x) * 10_000).rounded())
        let fraction = String(units % 10_000)
        return (x < 0 && units > 0 ? "-" : "") + "\(units / 10_000)." + String(repeating: "0", count: 4 - fraction.count) + fraction
    }
}
