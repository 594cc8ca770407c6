import ExpertDraw
import Testing

/// Quotas, the per-organisation cap over all categories, exclusions and reserves.
@Suite struct SelectionRuleTests {
    @Test(arguments: [1, 2, 3])
    func quotasAndTheOrganisationCapHold(cap: Int) throws {
        // setup
        var generator = DrawFixtures.SplitMix(state: UInt64(cap) * 97)
        let categories = ["tech", "econ", "law"]
        let pool = DrawFixtures.pool(count: 300, categories: categories, organisations: 12, using: &generator)
        let rules = DrawRules(order: categories, quota: ["tech": 5, "econ": 2, "law": 2], maxPerOrganisation: cap, reserve: 4)
        let exclusions = pool.prefix(40).map { Exclusion(id: $0.id, reason: "conflict") }
        // exercise
        let bundle = try ExpertDraw.run(drawID: "Q", pool: pool, exclusions: exclusions, rules: rules, randomness: DrawFixtures.randomness(using: &generator))
        // validate
        let organisation = Dictionary(uniqueKeysWithValues: pool.map { ($0.id, $0.org) })
        let category = Dictionary(uniqueKeysWithValues: pool.map { ($0.id, $0.category) })
        var perOrganisation: [String: Int] = [:]
        for draw in bundle.result.categories {
            #expect(draw.selected.count == rules.quota[draw.category], "quota of \(draw.category)")
            #expect(draw.reserveInOrder.count == rules.reserve)
            for id in draw.selected + draw.reserveInOrder {
                #expect(category[id] == draw.category)
                #expect(!exclusions.contains { $0.id == id }, "excluded \(id) drawn")
            }
            #expect(Set(draw.selected).isDisjoint(with: draw.reserveInOrder))
            for id in draw.selected { perOrganisation[organisation[id]!, default: 0] += 1 }
            // ranking is every eligible expert of the category, sorted by ticket
            let eligible = pool.filter { $0.category == draw.category && !exclusions.map(\.id).contains($0.id) }
            #expect(Set(draw.ranking.map(\.id)) == Set(eligible.map(\.id)))
            #expect(zip(draw.ranking, draw.ranking.dropFirst()).allSatisfy { $0.ticket < $1.ticket })
        }
        #expect(perOrganisation.values.allSatisfy { $0 <= cap }, "cap \(cap): \(perOrganisation)")
    }

    @Test func selectionFollowsTheRankingSkippingOnlyCappedOrganisations() throws {
        // setup
        var generator = DrawFixtures.SplitMix(state: 3)
        let pool = DrawFixtures.pool(count: 40, categories: ["tech"], organisations: 4, using: &generator)
        let rules = DrawRules(order: ["tech"], quota: ["tech": 4], maxPerOrganisation: 1, reserve: 5)
        // exercise
        let draw = try #require(
            try ExpertDraw.run(drawID: "R", pool: pool, exclusions: [], rules: rules, randomness: DrawFixtures.randomness(using: &generator)).result["tech"]
        )
        // validate: an independent greedy pass over the published ranking
        let organisation = Dictionary(uniqueKeysWithValues: pool.map { ($0.id, $0.org) })
        var seated: [String] = []
        var skipped: [String] = []
        for ranked in draw.ranking {
            if seated.count < 4, !seated.contains(where: { organisation[$0] == organisation[ranked.id] }) {
                seated.append(ranked.id)
            } else {
                skipped.append(ranked.id)
            }
        }
        #expect(draw.selected == seated)
        #expect(draw.reserveInOrder == Array(skipped.prefix(5)))
        #expect(Set(draw.selected.map { organisation[$0]! }).count == 4)
    }

    @Test func shortPoolReportsTheShortfall() throws {
        // setup: 3 econ experts, 2 of them excluded, quota 2
        let pool = [
            PoolEntry(id: "A", category: "econ", org: "O1"), PoolEntry(id: "B", category: "econ", org: "O2"),
            PoolEntry(id: "C", category: "econ", org: "O3"), PoolEntry(id: "D", category: "tech", org: "O4"),
        ]
        let rules = DrawRules(order: ["econ"], quota: ["econ": 2], maxPerOrganisation: 1, reserve: 2)
        var generator = DrawFixtures.SplitMix(state: 1)
        // exercise
        let bundle = try ExpertDraw.run(
            drawID: "S", pool: pool, exclusions: [Exclusion(id: "A", reason: "r"), Exclusion(id: "B", reason: "r")], rules: rules,
            randomness: DrawFixtures.randomness(using: &generator)
        )
        // validate
        #expect(bundle.result["econ"]?.selected == ["C"])
        #expect(bundle.result["econ"]?.reserveInOrder == [])
        #expect(bundle.result.shortfall(rules: rules) == ["econ": 1])
        #expect(bundle.verify().isVerified)
    }

    @Test func duplicateIDsAreRefused() {
        var generator = DrawFixtures.SplitMix(state: 2)
        let rules = DrawRules(order: ["t"], quota: ["t": 1], maxPerOrganisation: 1, reserve: 0)
        let entry = PoolEntry(id: "A", category: "t", org: "O")
        #expect(throws: DrawError.duplicateExpert("A")) {
            try ExpertDraw.run(drawID: "X", pool: [entry, entry], exclusions: [], rules: rules, randomness: DrawFixtures.randomness(using: &generator))
        }
        #expect(throws: DrawError.duplicateExclusion("A")) {
            try ExpertDraw.run(
                drawID: "X", pool: [entry], exclusions: [Exclusion(id: "A", reason: "1"), Exclusion(id: "A", reason: "2")], rules: rules,
                randomness: DrawFixtures.randomness(using: &generator)
            )
        }
    }
}
