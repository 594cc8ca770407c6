import Foundation

/// The statistical screens of one tender's bid distribution.
///
/// Sources: D. Imhof, "Simple statistical screens to detect bid rigging" (Fribourg WP 484, 2017);
/// M. Huber and D. Imhof, "Machine learning with screens for detecting bid-rigging cartels",
/// International Journal of Industrial Organization 65 (2019); H. Wallimann, D. Imhof and M. Huber,
/// "A machine learning approach for flagging incomplete bid-rigging cartels" (Computational
/// Economics, 2023). Cartels narrow the support of the bids (low CV, low spread, high kurtosis) and,
/// when the designated winner bids alone below a tight cluster of cover bids, open a gap between the
/// two lowest bids (high relative distance, negative skew).
///
/// Notation: the n bids sorted ascending are b₁ ≤ b₂ ≤ … ≤ bₙ, in fen, as `Double`;
/// μ = Σbᵢ/n; s = √(Σ(bᵢ − μ)²/(n − 1)) is the sample standard deviation.
/// Every value is `nil` where its formula is undefined (too few bids, zero variance, zero price).
public struct BidScreens: Sendable, Hashable, Codable {
    /// n, the number of bids screened (positive amounts only).
    public var count: Int
    /// μ in fen.
    public var mean: Double
    /// s in fen (n − 1 denominator); `nil` for n < 2.
    public var standardDeviation: Double?
    /// CV = s/μ (Imhof 2017; Huber & Imhof 2019 "CV"). n ≥ 2.
    public var coefficientOfVariation: Double?
    /// SPD = (bₙ − b₁)/b₁ (Huber & Imhof 2019 "SPD"). n ≥ 2.
    public var spread: Double?
    /// DIFFP = (b₂ − b₁)/b₁, the relative difference of the two lowest bids (Huber & Imhof 2019). n ≥ 2.
    public var relativeDifference: Double?
    /// RD = (b₂ − b₁)/s_L, where s_L is the sample standard deviation of the losing bids b₂ … bₙ
    /// (Imhof 2017 "relative distance"). n ≥ 3 and s_L > 0. RD > 1 suggests cover bidding.
    public var relativeDistance: Double?
    /// RDNOR = (b₂ − b₁) / ((bₙ − b₁)/(n − 1)): the first gap over the mean gap between adjacent
    /// bids (Huber & Imhof 2019 "normalized distance"). n ≥ 3 and bₙ > b₁.
    public var normalizedDistance: Double?
    /// RDALT = (b₂ − b₁) / ((bₙ − b₂)/(n − 2)): the first gap over the mean gap between adjacent
    /// losing bids (Huber & Imhof 2019 "alternative relative distance"). n ≥ 3 and bₙ > b₂.
    public var alternativeRelativeDistance: Double?
    /// Sample skewness G₁ = n/((n − 1)(n − 2)) · Σ((bᵢ − μ)/s)³ (Huber & Imhof 2019 "SKEW"). n ≥ 3, s > 0.
    public var skewness: Double?
    /// Sample excess kurtosis G₂ = n(n + 1)/((n − 1)(n − 2)(n − 3)) · Σ((bᵢ − μ)/s)⁴ − 3(n − 1)²/((n − 2)(n − 3))
    /// (Huber & Imhof 2019 "KURTO"; 0 for a normal distribution, −1.2 for a uniform one). n ≥ 4, s > 0.
    public var kurtosis: Double?
    /// Kolmogorov–Smirnov statistic D = maxᵢ max(i/n − F(bᵢ), F(bᵢ) − (i − 1)/n) of the bids against
    /// the **uniform** distribution on [b₁, bₙ], F(x) = (x − b₁)/(bₙ − b₁) — the one-sample form of the
    /// KS screen of Huber & Imhof 2019, which asks how far the bids are from evenly spread. Because
    /// the reference shares the sample's extremes, D ≥ 1/n. n ≥ 3 and bₙ > b₁.
    public var kolmogorovSmirnov: Double?

    public init(count: Int, mean: Double, standardDeviation: Double? = nil, coefficientOfVariation: Double? = nil,
                spread: Double? = nil, relativeDifference: Double? = nil, relativeDistance: Double? = nil,
                normalizedDistance: Double? = nil, alternativeRelativeDistance: Double? = nil,
                skewness: Double? = nil, kurtosis: Double? = nil, kolmogorovSmirnov: Double? = nil) {
        self.count = count
        self.mean = mean
        self.standardDeviation = standardDeviation
        self.coefficientOfVariation = coefficientOfVariation
        self.spread = spread
        self.relativeDifference = relativeDifference
        self.relativeDistance = relativeDistance
        self.normalizedDistance = normalizedDistance
        self.alternativeRelativeDistance = alternativeRelativeDistance
        self.skewness = skewness
        self.kurtosis = kurtosis
        self.kolmogorovSmirnov = kolmogorovSmirnov
    }

    /// Screens of a list of prices in fen, in any order. Non-positive amounts are ignored.
    /// Returns `nil` when fewer than two positive amounts remain. O(n log n) for the sort.
    public static func compute(amountsFen: [Int64]) -> BidScreens? {
        var sorted = amountsFen.filter { $0 > 0 }
        guard sorted.count >= 2 else { return nil }
        sorted.sort()
        return Self.compute(sortedPositive: sorted.map(Double.init))
    }

    /// Screens of one tender: every bid with a positive amount, valid or not — cover bids are often
    /// disqualified afterwards, and the screens look at what was offered.
    public static func compute(tender: ScreenedTender) -> BidScreens? {
        Self.compute(amountsFen: tender.bids.map(\.amountFen))
    }

    /// `b` must be sorted ascending, positive and have at least two elements.
    static func compute(sortedPositive b: [Double]) -> BidScreens {
        let n = b.count
        let nd = Double(n)
        let mean = b.reduce(0, +) / nd
        var squares = 0.0
        for x in b { squares += (x - mean) * (x - mean) }
        let s = (squares / (nd - 1)).squareRoot()
        var result = BidScreens(count: n, mean: mean, standardDeviation: s)
        let b1 = b[0], b2 = b[1], bn = b[n - 1]
        result.coefficientOfVariation = s / mean
        result.spread = (bn - b1) / b1
        result.relativeDifference = (b2 - b1) / b1

        if n >= 3 {
            // Standard deviation of the losing bids b₂ … bₙ.
            let losers = b[1...]
            let lm = losers.reduce(0, +) / Double(n - 1)
            var lsq = 0.0
            for x in losers { lsq += (x - lm) * (x - lm) }
            let sL = (lsq / Double(n - 2)).squareRoot()
            if sL > 0 { result.relativeDistance = (b2 - b1) / sL }
            if bn > b1 { result.normalizedDistance = (b2 - b1) / ((bn - b1) / (nd - 1)) }
            if bn > b2 { result.alternativeRelativeDistance = (b2 - b1) / ((bn - b2) / (nd - 2)) }
            if s > 0 {
                var m3 = 0.0
                var m4 = 0.0
                for x in b {
                    let z = (x - mean) / s
                    let z2 = z * z
                    m3 += z2 * z
                    m4 += z2 * z2
                }
                result.skewness = nd / ((nd - 1) * (nd - 2)) * m3
                if n >= 4 {
                    result.kurtosis = nd * (nd + 1) / ((nd - 1) * (nd - 2) * (nd - 3)) * m4
                        - 3 * (nd - 1) * (nd - 1) / ((nd - 2) * (nd - 3))
                }
            }
            if bn > b1 {
                var d = 0.0
                for (i, x) in b.enumerated() {
                    let f = (x - b1) / (bn - b1)
                    d = max(d, Double(i + 1) / nd - f, f - Double(i) / nd)
                }
                result.kolmogorovSmirnov = d
            }
        }
        return result
    }
}
