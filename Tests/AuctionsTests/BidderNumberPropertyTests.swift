import Auctions
import Foundation
import Testing

/// Seeded property tests of bidder numbers (竞买号): unique per auction, and telling nothing of the order in which
/// parties registered.
@Suite("Bidder number properties", .tags(.property))
struct BidderNumberPropertyTests {
    /// Registers `ids` in order into a fresh registry keyed with `secret`; returns id → number.
    static func numbers(_ ids: [String], secret: [UInt8], digits: Int = 6) throws -> [String: BidderNumber] {
        var registry = AuctionRegistry(
            auctionID: "P",
            deposit: try DepositRequirement(amount: 100, startPrice: 1_000, bounds: nil),
            numbering: try BidderNumberScheme(secret: secret, digits: digits)
        )
        var numbers: [String: BidderNumber] = [:]
        for id in ids {
            numbers[id] = try registry.register(RegistrationID(id), party: party(id), at: at(0)).number
        }
        return numbers
    }

    @Test("Numbers are unique per auction and have the set length, even when the number space is nearly full")
    func unique() {
        checkProperty("unique bidder numbers", runs: 150, baseSeed: 0xB1D_0000) { generator in
            // Up to a full space of 10 or 100 numbers, or 400 of 1 000.
            let digits = Int.random(in: 1...3, using: &generator)
            let space = Int(pow(10, Double(digits)))
            let count = Int.random(in: 1...min(space, 400), using: &generator)
            let ids = (0..<count).map { "R-\($0)-\(UInt32.random(in: 0...UInt32.max, using: &generator))" }
            guard let numbers = try? Self.numbers(ids, secret: randomSecret(using: &generator), digits: digits) else {
                return "registration refused below capacity"
            }
            let values = Array(numbers.values)
            guard Set(values).count == values.count else { return "duplicate numbers among \(count)" }
            guard values.allSatisfy({ $0.digits.count == digits }) else { return "wrong length" }
            return nil
        }
    }

    @Test("A full number space refuses the next registration")
    func exhausted() throws {
        let ids = (0..<10).map { "R-\($0)" }
        var registry = AuctionRegistry(
            auctionID: "P",
            deposit: try DepositRequirement(amount: 100, startPrice: 1_000, bounds: nil),
            numbering: try BidderNumberScheme(secret: fixedSecret, digits: 1)
        )
        for id in ids { _ = try registry.register(RegistrationID(id), party: party(id), at: at(0)) }
        #expect(Set(registry.registrations.map(\.number.digits)) == Set((0..<10).map(String.init)))
        #expect(throws: RegistrationError.noBidderNumberLeft(capacity: 10)) {
            try registry.register("R-10", party: party("R-10"), at: at(0))
        }
    }

    @Test("A number depends on the secret and the registration id, not on when the party registered")
    func orderIndependent() {
        checkProperty("order-independent numbers", runs: 150, baseSeed: 0xB1D_1000) { generator in
            let secret = randomSecret(using: &generator)
            let ids = (0..<Int.random(in: 2...60, using: &generator)).map { "R-\($0)-\(UInt16.random(in: 0...UInt16.max, using: &generator))" }
            guard let forward = try? Self.numbers(ids, secret: secret),
                let shuffled = try? Self.numbers(ids.shuffled(using: &generator), secret: secret),
                let scheme = try? BidderNumberScheme(secret: secret)
            else { return "registration refused" }
            // Ids whose first candidate no other id shares get the same number whatever the order.
            let firsts = Dictionary(grouping: ids) { scheme.candidate(for: RegistrationID($0), attempt: 0) }
            for (first, holders) in firsts where holders.count == 1 {
                let id = holders[0]
                guard forward[id] == first, shuffled[id] == first else { return "\(id) changed with the order" }
            }
            return nil
        }
    }

    @Test("Numbers in registration order look random: half the neighbours rise, and rank correlation is near zero")
    func revealsNoOrder() throws {
        // setup: 400 auctions of 40 registrations each, ids numbered in registration order
        var generator = SplitMix64(seed: 0xB1D_2000)
        var rising = 0
        var pairs = 0
        var correlations: [Double] = []
        for _ in 0..<400 {
            let ids = (1...40).map { String(format: "R-%05d", $0) }
            let numbers = try Self.numbers(ids, secret: randomSecret(using: &generator))
            let values = ids.map { Int(numbers[$0]!.digits)! }
            for (a, b) in zip(values, values.dropFirst()) {
                pairs += 1
                if b > a { rising += 1 }
            }
            correlations.append(Self.spearman(values))
        }
        // validate: for a counter or a timestamp these would be 1.0 and ≈ 1.0.
        let risingShare = Double(rising) / Double(pairs)
        #expect(abs(risingShare - 0.5) < 0.02, "share of rising neighbours \(risingShare)")
        let meanCorrelation = correlations.reduce(0, +) / Double(correlations.count)
        #expect(abs(meanCorrelation) < 0.03, "mean rank correlation \(meanCorrelation)")
        #expect(correlations.allSatisfy { abs($0) < 0.7 }, "an auction's numbers follow its registration order")
    }

    /// Spearman's rank correlation between position and value (values distinct).
    static func spearman(_ values: [Int]) -> Double {
        let n = Double(values.count)
        let ranks = values.enumerated().sorted { $0.element < $1.element }.map(\.offset)
        var sum = 0.0
        for (rank, position) in ranks.enumerated() {
            let d = Double(rank - position)
            sum += d * d
        }
        return 1 - 6 * sum / (n * (n * n - 1))
    }
}
