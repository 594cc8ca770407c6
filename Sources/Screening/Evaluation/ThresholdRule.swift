/// A rule "flag when suspicion ≥ threshold", with the threshold chosen on labelled data.
public struct ThresholdRule: Sendable, Hashable, Codable {
    /// Flag when the suspicion is at least this.
    public var threshold: Double

    /// A rule with a given threshold.
    public init(threshold: Double) {
        self.threshold = threshold
    }

    /// Which items the rule flags; a `nil` suspicion (undefined, e.g. CV of a one-bid tender) never is.
    public func flags(_ suspicion: [Double?]) -> [Bool] {
        suspicion.map { $0.map { $0 >= self.threshold } ?? false }
    }

    /// The threshold that maximises F1 on `labels`, with ties broken towards the higher threshold
    /// (fewer flags). It lies halfway between the lowest flagged suspicion and the next lower
    /// observed value, so a new item must clear the training data's gap, not just touch its edge.
    /// O(n log n). With no positive label the threshold is +∞ (flag nothing).
    public static func maximizingF1(suspicion: [Double?], labels: [Bool]) -> ThresholdRule {
        var scored: [(value: Double, label: Bool)] = []
        var positives = 0
        for (s, label) in zip(suspicion, labels) {
            if label { positives += 1 }
            if let s, s.isFinite { scored.append((s, label)) }
        }
        guard positives > 0, !scored.isEmpty else { return ThresholdRule(threshold: .infinity) }
        scored.sort { $0.value > $1.value }
        var bestF1 = -1.0
        var bestIndex = 0 // items 0...bestIndex are flagged
        var tp = 0, fp = 0
        var i = 0
        while i < scored.count {
            // take every item with this value together: a threshold cannot split ties
            let value = scored[i].value
            while i < scored.count && scored[i].value == value {
                if scored[i].label { tp += 1 } else { fp += 1 }
                i += 1
            }
            let f1 = Double(2 * tp) / Double(2 * tp + fp + (positives - tp))
            if f1 > bestF1 {
                bestF1 = f1
                bestIndex = i - 1
            }
        }
        let lowestFlagged = scored[bestIndex].value
        let threshold = bestIndex + 1 < scored.count ? (lowestFlagged + scored[bestIndex + 1].value) / 2 : lowestFlagged
        return ThresholdRule(threshold: threshold)
    }

    /// Area under the ROC curve: the probability that a random positive has a higher suspicion than a
    /// random negative, ties counting half (Mann–Whitney U / (n₊·n₋)). `nil` suspicions rank lowest.
    /// 0.5 is chance. `nil` when either class is empty.
    public static func areaUnderCurve(suspicion: [Double?], labels: [Bool]) -> Double? {
        let pairs = zip(suspicion, labels).map { (value: $0.0 ?? -.infinity, label: $0.1) }.sorted { $0.value < $1.value }
        let positives = pairs.filter(\.label).count
        let negatives = pairs.count - positives
        guard positives > 0, negatives > 0 else { return nil }
        // Sum of positive ranks (1-based, mid-ranks for ties).
        var rankSum = 0.0
        var i = 0
        while i < pairs.count {
            var j = i
            while j + 1 < pairs.count && pairs[j + 1].value == pairs[i].value { j += 1 }
            let midRank = Double(i + j + 2) / 2
            for k in i...j where pairs[k].label { rankSum += midRank }
            i = j + 1
        }
        let u = rankSum - Double(positives * (positives + 1)) / 2
        return u / (Double(positives) * Double(negatives))
    }
}
