/// 门限秘密分享 — Shamir k-of-n secret sharing over GF(256), byte by byte.
///
/// Each secret byte is the constant term of its own random polynomial of degree k − 1; share i
/// holds every polynomial's value at x = i. Any k shares give the secret back by Lagrange
/// interpolation at 0; k − 1 shares say nothing about it (every secret is equally likely).
/// Field arithmetic does not branch on secret bytes (see `GF256`); the indices are public.
public enum Shamir {
    /// Splits `secret` into `count` shares, any `threshold` of which recover it, drawing the
    /// polynomial coefficients from the system's cryptographically secure generator.
    public static func split(secret: [UInt8], threshold: Int, count: Int) throws(ShamirError) -> [ShamirShare] {
        var generator = SystemRandomNumberGenerator()
        return try Self.split(secret: secret, threshold: threshold, count: count, using: &generator)
    }

    /// Splits `secret` into `count` shares with indices 1…count, any `threshold` of which recover it.
    ///
    /// The coefficients come from `generator`; pass a seeded one only in tests. The leading
    /// coefficient may be zero: forcing it non-zero would make some secrets likelier than others.
    public static func split<Generator: RandomNumberGenerator>(
        secret: [UInt8],
        threshold: Int,
        count: Int,
        using generator: inout Generator
    ) throws(ShamirError) -> [ShamirShare] {
        guard !secret.isEmpty else { throw .emptySecret }
        guard 1 <= threshold, threshold <= count, count <= 255 else {
            throw .invalidThreshold(threshold: threshold, count: count)
        }
        // coefficients[d][b]: coefficient of x^d of the polynomial for secret byte b.
        var coefficients: [[UInt8]] = [secret]
        for _ in 1..<threshold {
            coefficients.append(secret.map { _ in UInt8(truncatingIfNeeded: generator.next()) })
        }
        return (1...count).map { position in
            let x = UInt8(position)
            let value = secret.indices.map { byte in
                // Horner's rule from the highest degree down.
                var y: UInt8 = 0
                for degree in stride(from: threshold - 1, through: 0, by: -1) {
                    y = GF256.add(GF256.multiply(y, x), coefficients[degree][byte])
                }
                return y
            }
            return ShamirShare(index: x, value: value)
        }
    }

    /// Recovers the secret from `shares` by Lagrange interpolation at 0.
    ///
    /// With a `threshold`, at least that many shares are required; the first `threshold` by index
    /// define the polynomial and every further share must lie on it. Without one, all shares are
    /// used (k unknown: too few shares then silently give a wrong secret).
    public static func combine(_ shares: [ShamirShare], threshold: Int? = nil) throws(ShamirError) -> [UInt8] {
        guard let first = shares.first else { throw .noShares }
        var seen = Set<UInt8>()
        for share in shares {
            guard share.index != 0 else { throw .zeroIndex }
            guard seen.insert(share.index).inserted else { throw .duplicateIndex(share.index) }
            guard share.value.count == first.value.count, !share.value.isEmpty else { throw .lengthMismatch }
        }
        let sorted = shares.sorted { $0.index < $1.index }
        guard let threshold else {
            return Self.interpolate(sorted, at: 0)
        }
        guard threshold >= 1 else { throw .invalidThreshold(threshold: threshold, count: shares.count) }
        guard sorted.count >= threshold else { throw .tooFewShares(have: sorted.count, need: threshold) }
        let basis = Array(sorted.prefix(threshold))
        for extra in sorted.dropFirst(threshold) {
            let expected = Self.interpolate(basis, at: extra.index)
            guard Self.constantTimeEqual(expected, extra.value) else { throw .inconsistentShare(extra.index) }
        }
        return Self.interpolate(basis, at: 0)
    }

    /// The value at `x` of the polynomials through `points` (distinct, non-zero indices, equal lengths).
    static func interpolate(_ points: [ShamirShare], at x: UInt8) -> [UInt8] {
        // Lagrange basis L_j(x) = Π_{m≠j} (x − x_m) / (x_j − x_m); only public indices enter here.
        let weights = points.map { point in
            var numerator: UInt8 = 1
            var denominator: UInt8 = 1
            for other in points where other.index != point.index {
                numerator = GF256.multiply(numerator, GF256.add(x, other.index))
                denominator = GF256.multiply(denominator, GF256.add(point.index, other.index))
            }
            return GF256.divide(numerator, denominator)
        }
        var result = [UInt8](repeating: 0, count: points[0].value.count)
        for (point, weight) in zip(points, weights) {
            for byte in result.indices {
                result[byte] = GF256.add(result[byte], GF256.multiply(weight, point.value[byte]))
            }
        }
        return result
    }

    /// Compares two byte strings without stopping at the first difference.
    static func constantTimeEqual(_ a: [UInt8], _ b: [UInt8]) -> Bool {
        guard a.count == b.count else { return false }
        var difference: UInt8 = 0
        for (x, y) in zip(a, b) {
            difference |= x ^ y
        }
        return difference == 0
    }
}
