import ExpertDraw
import Testing

/// The draw is a deterministic function of its inputs, and every eligible expert can be drawn.
@Suite struct DrawPropertyTests {
    @Test(arguments: 0..<20)
    func sameInputsGiveTheSameBundleWhateverThePoolOrder(trial: Int) throws {
        // setup
        var generator = DrawFixtures.SplitMix(state: UInt64(trial) &* 7919 &+ 1)
        let categories = ["tech", "econ", "law"].shuffled(using: &generator)
        let pool = DrawFixtures.pool(count: Int.random(in: 10...120, using: &generator), categories: categories, organisations: 9, using: &generator)
        let exclusions = pool.shuffled(using: &generator).prefix(Int.random(in: 0...5, using: &generator)).map { Exclusion(id: $0.id, reason: "r") }
        let rules = DrawRules(
            order: categories, quota: Dictionary(uniqueKeysWithValues: categories.map { ($0, Int.random(in: 0...4, using: &generator)) }),
            maxPerOrganisation: Int.random(in: 1...3, using: &generator), reserve: Int.random(in: 0...4, using: &generator)
        )
        let randomness = DrawFixtures.randomness(using: &generator)
        // exercise
        let first = try ExpertDraw.run(drawID: "P\(trial)", pool: pool, exclusions: exclusions, rules: rules, randomness: randomness)
        let again = try ExpertDraw.run(drawID: "P\(trial)", pool: pool, exclusions: exclusions, rules: rules, randomness: randomness)
        let shuffled = try ExpertDraw.run(
            drawID: "P\(trial)", pool: pool.shuffled(using: &generator), exclusions: exclusions.shuffled(using: &generator), rules: rules,
            randomness: randomness
        )
        var other = randomness
        other.beacon.randomness[Int.random(in: 0..<32, using: &generator)] ^= 1
        let changed = try ExpertDraw.run(drawID: "P\(trial)", pool: pool, exclusions: exclusions, rules: rules, randomness: other)
        // validate
        #expect(first == again)
        #expect(shuffled.seed == first.seed && shuffled.result == first.result)
        #expect(changed.seed != first.seed)
        #expect(first.verify().isVerified && shuffled.verify().isVerified)
    }

    @Test func everyEligibleExpertIsDrawnSometimesAndNoExcludedOneEver() throws {
        // setup: 2 categories, 6 organisations, a binding cap, 2 exclusions
        var generator = DrawFixtures.SplitMix(state: 2026)
        let pool = DrawFixtures.pool(count: 24, categories: ["tech", "econ"], organisations: 6, using: &generator)
        let exclusions = [Exclusion(id: pool[0].id, reason: "r"), Exclusion(id: pool[1].id, reason: "r")]
        let rules = DrawRules(order: ["tech", "econ"], quota: ["tech": 3, "econ": 1], maxPerOrganisation: 1, reserve: 2)
        var timesSelected: [String: Int] = [:]
        // exercise: 600 draws with fresh randomness
        for round in 0..<600 {
            let randomness = DrawFixtures.randomness(using: &generator, round: UInt64(round))
            let bundle = try ExpertDraw.run(drawID: "D", pool: pool, exclusions: exclusions, rules: rules, randomness: randomness)
            for id in bundle.result.selected { timesSelected[id, default: 0] += 1 }
        }
        // validate
        let eligible = Set(pool.map(\.id)).subtracting(exclusions.map(\.id))
        #expect(Set(timesSelected.keys) == eligible, "never drawn: \(eligible.subtracting(timesSelected.keys).sorted())")
        #expect(timesSelected[pool[0].id] == nil && timesSelected[pool[1].id] == nil)
    }

    @Test func firstPlaceIsRoughlyUniform() throws {
        // setup: 10 experts of one category; first place over 2000 draws
        let pool = (0..<10).map { PoolEntry(id: "E\($0)", category: "t", org: "O\($0)") }
        let rules = DrawRules(order: ["t"], quota: ["t": 1], maxPerOrganisation: 1, reserve: 0)
        var generator = DrawFixtures.SplitMix(state: 99)
        var first: [String: Int] = [:]
        // exercise
        for round in 0..<2000 {
            let bundle = try ExpertDraw.run(
                drawID: "U", pool: pool, exclusions: [], rules: rules, randomness: DrawFixtures.randomness(using: &generator, round: UInt64(round))
            )
            first[bundle.result.selected[0], default: 0] += 1
        }
        // validate: expected 200 each; ±80 is more than 6 standard deviations (σ ≈ 13.4)
        #expect(first.count == 10)
        #expect(first.values.allSatisfy { (120...280).contains($0) }, "\(first)")
    }
}
