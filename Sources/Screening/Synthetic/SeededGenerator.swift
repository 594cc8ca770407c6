import Foundation

/// SplitMix64 (Steele, Lea & Flood 2014): a small, fast generator whose whole output follows from
/// its seed, so a synthetic market is the same on every machine and every run. Not for secrets.
/// The helpers below use fixed formulas rather than the standard library's `random(in:)`, whose
/// algorithm may change between Swift releases.
public struct SeededGenerator: RandomNumberGenerator, Sendable {
    private var state: UInt64

    /// A generator whose whole output follows from `seed`.
    public init(seed: UInt64) {
        self.state = seed
    }

    /// The next 64 random bits.
    public mutating func next() -> UInt64 {
        self.state &+= 0x9E37_79B9_7F4A_7C15
        var z = self.state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// Uniform in [0, 1), 53 bits.
    public mutating func unit() -> Double {
        Double(self.next() >> 11) * 0x1p-53
    }

    /// Uniform in the range (a point range gives its value).
    public mutating func uniform(_ range: ClosedRange<Double>) -> Double {
        range.lowerBound + (range.upperBound - range.lowerBound) * self.unit()
    }

    /// Uniform integer in the range (Lemire's multiply-shift; the tiny bias is irrelevant here).
    public mutating func integer(_ range: ClosedRange<Int>) -> Int {
        let width = UInt64(range.upperBound - range.lowerBound) + 1
        return range.lowerBound + Int(self.next().multipliedFullWidth(by: width).high)
    }

    /// `true` with probability `p`.
    public mutating func chance(_ p: Double) -> Bool {
        self.unit() < p
    }

    /// Standard normal (Box–Muller, one of the pair).
    public mutating func normal() -> Double {
        let u1 = max(self.unit(), 0x1p-60)
        let u2 = self.unit()
        return (-2 * log(u1)).squareRoot() * cos(2 * Double.pi * u2)
    }

    /// `k` distinct integers from `0..<n` (k ≤ n), in draw order; partial Fisher–Yates over a sparse map.
    public mutating func sample(_ k: Int, from n: Int) -> [Int] {
        var swapped: [Int: Int] = [:]
        var out: [Int] = []
        out.reserveCapacity(k)
        for i in 0..<min(k, n) {
            let j = self.integer(i...(n - 1))
            let picked = swapped[j] ?? j
            swapped[j] = swapped[i] ?? i
            out.append(picked)
        }
        return out
    }
}
