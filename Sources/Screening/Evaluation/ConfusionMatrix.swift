/// Counts of a yes/no rule against known labels, and the usual rates. A rate whose denominator is
/// zero is 0 (no flagged tender → precision 0), so an empty rule never looks perfect.
public struct ConfusionMatrix: Sendable, Hashable, Codable {
    /// Flagged and collusive.
    public var truePositives: Int
    /// Flagged but competitive.
    public var falsePositives: Int
    /// Not flagged and competitive.
    public var trueNegatives: Int
    /// Not flagged but collusive.
    public var falseNegatives: Int

    /// A matrix from its four counts.
    public init(truePositives: Int, falsePositives: Int, trueNegatives: Int, falseNegatives: Int) {
        self.truePositives = truePositives
        self.falsePositives = falsePositives
        self.trueNegatives = trueNegatives
        self.falseNegatives = falseNegatives
    }

    /// Counts `flagged[i]` against `actual[i]` (the shorter length wins).
    public init(flagged: [Bool], actual: [Bool]) {
        self.init(truePositives: 0, falsePositives: 0, trueNegatives: 0, falseNegatives: 0)
        for (f, a) in zip(flagged, actual) {
            switch (f, a) {
            case (true, true): self.truePositives += 1
            case (true, false): self.falsePositives += 1
            case (false, false): self.trueNegatives += 1
            case (false, true): self.falseNegatives += 1
            }
        }
    }

    /// TP + FP + TN + FN.
    public var total: Int { self.truePositives + self.falsePositives + self.trueNegatives + self.falseNegatives }

    /// TP / (TP + FP): of the flagged tenders, the share that is collusive.
    public var precision: Double { Self.ratio(self.truePositives, self.truePositives + self.falsePositives) }
    /// TP / (TP + FN), the true-positive rate: of the collusive tenders, the share flagged.
    public var recall: Double { Self.ratio(self.truePositives, self.truePositives + self.falseNegatives) }
    /// TN / (TN + FP), the true-negative rate.
    public var specificity: Double { Self.ratio(self.trueNegatives, self.trueNegatives + self.falsePositives) }
    /// 2·TP / (2·TP + FP + FN), the harmonic mean of precision and recall.
    public var f1: Double { Self.ratio(2 * self.truePositives, 2 * self.truePositives + self.falsePositives + self.falseNegatives) }
    /// (recall + specificity) / 2: accuracy that does not reward always answering "competitive".
    public var balancedAccuracy: Double { (self.recall + self.specificity) / 2 }
    /// (TP + TN) / total.
    public var accuracy: Double { Self.ratio(self.truePositives + self.trueNegatives, self.total) }

    static func ratio(_ numerator: Int, _ denominator: Int) -> Double {
        denominator == 0 ? 0 : Double(numerator) / Double(denominator)
    }
}
