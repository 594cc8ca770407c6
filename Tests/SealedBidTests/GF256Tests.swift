@testable import SealedBid
import Testing

@Suite struct GF256Tests {
    /// Schoolbook multiplication with branches, as a reference for the branch-free one.
    static func referenceMultiply(_ a: UInt8, _ b: UInt8) -> UInt8 {
        var result: UInt16 = 0
        for bit in 0..<8 where (b >> bit) & 1 == 1 {
            result ^= UInt16(a) << bit
        }
        for bit in stride(from: 14, through: 8, by: -1) where (result >> bit) & 1 == 1 {
            result ^= 0x11B << (bit - 8)
        }
        return UInt8(result)
    }

    @Test func knownProductsFromFIPS197() {
        #expect(GF256.multiply(0x57, 0x83) == 0xC1)
        #expect(GF256.multiply(0x57, 0x13) == 0xFE)
        #expect(GF256.multiply(0x53, 0xCA) == 0x01)
    }

    @Test func multiplyMatchesTheReferenceForAllPairs() {
        for a in 0...255 {
            for b in 0...255 {
                let product = GF256.multiply(UInt8(a), UInt8(b))
                if product != Self.referenceMultiply(UInt8(a), UInt8(b)) {
                    Issue.record("\(a) · \(b)")
                }
            }
        }
    }

    @Test func everyNonZeroElementHasAnInverse() {
        #expect(GF256.inverse(0) == 0)
        for a in 1...255 {
            #expect(GF256.multiply(UInt8(a), GF256.inverse(UInt8(a))) == 1)
        }
    }
}
