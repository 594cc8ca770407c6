@testable import SealedBid
import Testing

@Suite struct ShamirTests {
    static let schemes: [(threshold: Int, count: Int)] = [(3, 5), (2, 3), (1, 1), (5, 5), (1, 4), (4, 7)]

    @Test(arguments: Self.schemes.indices)
    func anyThresholdSharesRecoverTheSecret(scheme: Int) throws {
        // setup
        let (threshold, count) = Self.schemes[scheme]
        var generator = SeededGenerator(seed: UInt64(scheme) + 1)
        let secret = (0..<32).map { _ in UInt8.random(in: 0...255, using: &generator) }
        // exercise
        let shares = try Shamir.split(secret: secret, threshold: threshold, count: count, using: &generator)
        // validate
        #expect(shares.map(\.index) == (1...count).map { UInt8($0) })
        for size in threshold...count {
            for subset in shares.combinations(ofSize: size) {
                #expect(try Shamir.combine(subset, threshold: threshold) == secret)
                #expect(try Shamir.combine(subset.reversed()) == secret)
            }
        }
    }

    @Test func theSystemGeneratorSplitsA32ByteKey() throws {
        let secret = [UInt8](repeating: 0xA5, count: 32)
        let shares = try Shamir.split(secret: secret, threshold: 3, count: 5)
        #expect(shares.allSatisfy { $0.value.count == 32 })
        #expect(try Shamir.combine(Array(shares[1...3]), threshold: 3) == secret)
    }

    @Test func fewerThanThresholdIsRefusedWhenTheThresholdIsKnown() throws {
        let shares = try Shamir.split(secret: [1, 2, 3], threshold: 3, count: 5)
        #expect(throws: ShamirError.tooFewShares(have: 2, need: 3)) {
            try Shamir.combine(Array(shares.prefix(2)), threshold: 3)
        }
    }

    @Test func malformedShareSetsAreRefused() throws {
        let shares = try Shamir.split(secret: [1, 2, 3], threshold: 2, count: 3)
        #expect(throws: ShamirError.noShares) { try Shamir.combine([]) }
        #expect(throws: ShamirError.duplicateIndex(1)) { try Shamir.combine([shares[0], shares[0]]) }
        #expect(throws: ShamirError.zeroIndex) {
            try Shamir.combine([ShamirShare(index: 0, value: [1, 2, 3]), shares[1]])
        }
        #expect(throws: ShamirError.lengthMismatch) {
            try Shamir.combine([shares[0], ShamirShare(index: 2, value: [1, 2])])
        }
    }

    @Test func invalidThresholdsAreRefused() {
        #expect(throws: ShamirError.emptySecret) { try Shamir.split(secret: [], threshold: 1, count: 1) }
        #expect(throws: ShamirError.invalidThreshold(threshold: 0, count: 3)) {
            try Shamir.split(secret: [1], threshold: 0, count: 3)
        }
        #expect(throws: ShamirError.invalidThreshold(threshold: 4, count: 3)) {
            try Shamir.split(secret: [1], threshold: 4, count: 3)
        }
        #expect(throws: ShamirError.invalidThreshold(threshold: 2, count: 256)) {
            try Shamir.split(secret: [1], threshold: 2, count: 256)
        }
    }

    @Test func aShareOffThePolynomialIsDetectedBeyondTheThreshold() throws {
        // setup
        var shares = try Shamir.split(secret: [9, 8, 7], threshold: 2, count: 4)
        shares[3] = ShamirShare(index: 4, value: [shares[3].value[0] ^ 1] + shares[3].value.dropFirst())
        // exercise + validate
        #expect(throws: ShamirError.inconsistentShare(4)) { try Shamir.combine(shares, threshold: 2) }
        #expect(try Shamir.combine(Array(shares.prefix(3)), threshold: 2) == [9, 8, 7])
    }

    @Test func allTwoHundredFiftyFiveSharesWork() throws {
        var generator = SeededGenerator(seed: 99)
        let shares = try Shamir.split(secret: [42, 0, 255], threshold: 200, count: 255, using: &generator)
        #expect(try Shamir.combine(Array(shares.suffix(200)), threshold: 200) == [42, 0, 255])
        #expect(try Shamir.combine(shares, threshold: 200) == [42, 0, 255])
    }

    @Test func descriptionHidesTheValue() {
        #expect(ShamirShare(index: 3, value: [0xDE, 0xAD]).description == "ShamirShare(index: 3, 2 bytes)")
    }
}
