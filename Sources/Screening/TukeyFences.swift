import Foundation

/// Tukey's fences over a set of values: Q₁ − 1.5·IQR and Q₃ + 1.5·IQR, the data-driven thresholds
/// Cardinal uses for R024, R025, R038 and R058. Compute them over a whole data set (e.g. every
/// tender's (b₂ − b₁)/b₁) and copy the fence into ``ScreeningThresholds`` to calibrate it.
///
/// Quartiles interpolate linearly between order statistics (Hyndman & Fan type 7, the default of
/// R and NumPy): Q(p) = x₍⌊h⌋₎ + (h − ⌊h⌋)(x₍⌊h⌋₊₁₎ − x₍⌊h⌋₎), h = (n − 1)p on 0-based sorted values.
public struct TukeyFences: Sendable, Hashable, Codable {
    public var firstQuartile: Double
    public var thirdQuartile: Double
    public var lower: Double
    public var upper: Double

    /// `nil` for an empty input. Non-finite values are ignored. O(n log n).
    public init?(_ values: [Double]) {
        let sorted = values.filter(\.isFinite).sorted()
        guard !sorted.isEmpty else { return nil }
        let q1 = Self.quantile(sorted, 0.25)
        let q3 = Self.quantile(sorted, 0.75)
        self.firstQuartile = q1
        self.thirdQuartile = q3
        self.lower = q1 - 1.5 * (q3 - q1)
        self.upper = q3 + 1.5 * (q3 - q1)
    }

    /// Type 7 quantile of ascending `sorted` (non-empty), p ∈ [0, 1].
    public static func quantile(_ sorted: [Double], _ p: Double) -> Double {
        let h = Double(sorted.count - 1) * min(1, max(0, p))
        let i = Int(h.rounded(.down))
        guard i + 1 < sorted.count else { return sorted[sorted.count - 1] }
        return sorted[i] + (h - Double(i)) * (sorted[i + 1] - sorted[i])
    }
}
