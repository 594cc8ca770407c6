/// 分值 — evaluation points, exact to 0.01 (hundredths held as an integer), never floating point.
///
/// Statutory results (price scores, averages) are computed as exact fractions and rounded once,
/// half up (四舍五入), to two decimals, as RULES.md's worked example shows (30.00 / 27.00 / 22.50).
public struct Score: Sendable, Hashable, Codable, Comparable, CustomStringConvertible {
    /// The points in hundredths (27.00 → 2700).
    public var hundredths: Int64

    /// Creates a ``Score`` from its fields.
    public init(hundredths: Int64) {
        self.hundredths = hundredths
    }

    /// Whole points (30 → 30.00).
    public static func points(_ points: Int64) -> Score {
        Score(hundredths: points * 100)
    }

    /// Zero points.
    public static let zero = Score(hundredths: 0)

    /// The fraction `numerator / denominator` of a hundredth, rounded half up (away from zero at .5);
    /// `denominator` must be positive.
    public static func rounding(numerator: Int128, denominator: Int128) -> Score {
        precondition(denominator > 0, "denominator must be positive")
        let magnitude = (numerator.magnitude * 2 + denominator.magnitude) / (denominator.magnitude * 2)
        let value = Int64(magnitude)
        return Score(hundredths: numerator < 0 ? -value : value)
    }

    /// Parses "27.5", "27.50" or "30" (at most two decimals); nil otherwise.
    public init?(_ text: String) {
        let parts = text.split(separator: ".", omittingEmptySubsequences: false)
        guard (1...2).contains(parts.count), let whole = Int64(parts[0]), parts[0].allSatisfy(\.isNumber) else { return nil }
        var fraction: Int64 = 0
        if parts.count == 2 {
            let digits = parts[1]
            guard (1...2).contains(digits.count), digits.allSatisfy(\.isNumber), let value = Int64(digits) else { return nil }
            fraction = digits.count == 1 ? value * 10 : value
        }
        self.hundredths = whole * 100 + fraction
    }

    /// "27.00".
    public var description: String {
        let sign = self.hundredths < 0 ? "-" : ""
        let magnitude = self.hundredths.magnitude
        let cents = magnitude % 100
        return "\(sign)\(magnitude / 100).\(cents < 10 ? "0" : "")\(cents)"
    }

    public static func < (lhs: Score, rhs: Score) -> Bool {
        lhs.hundredths < rhs.hundredths
    }

    public static func + (lhs: Score, rhs: Score) -> Score {
        Score(hundredths: lhs.hundredths + rhs.hundredths)
    }

    public static func - (lhs: Score, rhs: Score) -> Score {
        Score(hundredths: lhs.hundredths - rhs.hundredths)
    }
}
