@testable import SealedBid
import Testing

/// With k − 1 shares every secret is equally likely: for fixed k − 1 shares, each of the 256
/// one-byte secrets is consistent with exactly the same number of polynomials (here: one).
@Suite struct ShamirSecrecyTests {
    /// k = 2: enumerate every polynomial through `Shamir.split` itself, choosing its coefficient.
    @Test(arguments: [(UInt8(1), UInt8(0x00)), (2, 0x5C), (3, 0xFF)])
    func oneShareOfTwoOfThreeSaysNothing(index: UInt8, value: UInt8) throws {
        var consistent = [Int](repeating: 0, count: 256)
        for secret in 0...255 {
            for coefficient in 0...255 {
                var generator = ScriptedGenerator([UInt64(coefficient)])
                let shares = try Shamir.split(secret: [UInt8(secret)], threshold: 2, count: 3, using: &generator)
                if shares[Int(index) - 1].value == [value] {
                    consistent[secret] += 1
                }
            }
        }
        #expect(consistent == [Int](repeating: 1, count: 256))
    }

    /// k = 3: all 2²⁴ polynomials s + c₁x + c₂x², evaluated with the module's field arithmetic.
    @Test func twoSharesOfThreeOfFiveSayNothing() {
        // setup: products c·x and c·x² for each fixed x, from GF256.multiply, so the loop only looks up.
        let fixed: [(x: UInt8, y: UInt8)] = [(2, 0x37), (5, 0xC8)]
        let linear = fixed.map { point in (0...255).map { GF256.multiply(UInt8($0), point.x) } }
        let square = fixed.map { point in
            (0...255).map { GF256.multiply(UInt8($0), GF256.multiply(point.x, point.x)) }
        }
        // exercise
        var consistent = [Int](repeating: 0, count: 256)
        for secret in 0...255 {
            for c1 in 0...255 {
                let partial = fixed.indices.map { UInt8(secret) ^ linear[$0][c1] ^ fixed[$0].y }
                for c2 in 0...255 where partial[0] == square[0][c2] && partial[1] == square[1][c2] {
                    consistent[secret] += 1
                }
            }
        }
        // validate
        #expect(consistent == [Int](repeating: 1, count: 256))
    }

    /// The same statement through `split`'s output for k = 3, sampled: the 256 secrets with
    /// coefficients chosen to hit the fixed shares all exist (solved by interpolation).
    @Test func everySecretFitsTwoFixedSharesOfThree() throws {
        let fixed = [ShamirShare(index: 1, value: [0x10]), ShamirShare(index: 4, value: [0xEE])]
        for secret in 0...255 {
            let points = [ShamirShare(index: 0, value: [UInt8(secret)])] + fixed
            // The polynomial through (0, s) and the two fixed shares exists; its value at 5 is a third share.
            let third = ShamirShare(index: 5, value: Shamir.interpolate(points, at: 5))
            #expect(try Shamir.combine(fixed + [third], threshold: 3) == [UInt8(secret)])
        }
    }
}
