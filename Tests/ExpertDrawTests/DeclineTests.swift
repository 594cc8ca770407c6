import ExpertDraw
import Testing

/// A decline takes the next reserve that keeps the per-organisation cap (DESIGN.md, algorithm v1 step 3).
@Suite struct DeclineTests {
    @Test func declineTakesTheNextReserveWhenTheCapAllows() throws {
        // setup: a cap that never binds, so the reserves are taken strictly in order
        var generator = DrawFixtures.SplitMix(state: 11)
        let pool = DrawFixtures.pool(count: 30, categories: ["tech"], organisations: 30, using: &generator)
        let rules = DrawRules(order: ["tech"], quota: ["tech": 5], maxPerOrganisation: 5, reserve: 3)
        var bundle = try ExpertDraw.run(drawID: "D", pool: pool, exclusions: [], rules: rules, randomness: DrawFixtures.randomness(using: &generator))
        let draw = try #require(bundle.result["tech"])
        // exercise
        let first = try bundle.decline(draw.selected[2])
        let second = try bundle.decline(draw.selected[0])
        let third = try bundle.decline(first)
        // validate
        #expect(first == draw.reserveInOrder[0])
        #expect(second == draw.reserveInOrder[1])
        #expect(third == draw.reserveInOrder[2])
        let committee = try bundle.committee().map(\.id)
        #expect(committee == [second, draw.selected[1], third, draw.selected[3], draw.selected[4]])
        #expect(bundle.verify().isVerified)
    }

    @Test func reserveBlockedByTheCapIsSkipped() throws {
        // setup: vector — tech reserves E019 (ORG4), E021 (ORG1), E005 (ORG0); E014 of ORG4 sits on the committee
        var bundle = try DrawFixtures.vectorBundle()
        // exercise: E006 (ORG1) declines, freeing ORG1
        let replacement = try bundle.decline("E006")
        // validate
        #expect(replacement == "E021")
        #expect(bundle.declines == [Decline(id: "E006", replacement: "E021")])
        #expect(bundle.verify().isVerified)
    }

    @Test func rankingContinuesPastTheListedReserves() throws {
        // setup: every tech reserve is blocked once E002 (ORG2) leaves: ORG4, ORG1 and ORG0 are seated
        var bundle = try DrawFixtures.vectorBundle()
        let reserves = try #require(bundle.result["tech"]?.reserveInOrder)
        // exercise
        let replacement = try bundle.decline("E002")
        // validate: the next ranked tech expert of a free organisation, E007 of ORG2
        #expect(!reserves.contains(replacement))
        #expect(replacement == "E007")
        #expect(bundle.verify().isVerified)
    }

    @Test func noEligibleReplacementIsAnError() throws {
        // setup: E020 is the only econ expert of ORG0, every other organisation is seated
        var bundle = try DrawFixtures.vectorBundle()
        // exercise / validate
        #expect(throws: DrawError.noReplacement(category: "econ", declined: "E020")) { try bundle.decline("E020") }
        #expect(bundle.declines.isEmpty)
    }

    @Test func onlyACommitteeMemberCanDecline() throws {
        var bundle = try DrawFixtures.vectorBundle()
        #expect(throws: DrawError.notOnCommittee("E019")) { try bundle.decline("E019") }
        _ = try bundle.decline("E006")
        #expect(throws: DrawError.notOnCommittee("E006")) { try bundle.decline("E006") }
    }

    @Test func declinedExpertIsNeverCalledBack() throws {
        // setup: a cap that never binds
        var generator = DrawFixtures.SplitMix(state: 5)
        let pool = DrawFixtures.pool(count: 8, categories: ["tech"], organisations: 8, using: &generator)
        let rules = DrawRules(order: ["tech"], quota: ["tech": 2], maxPerOrganisation: 2, reserve: 1)
        var bundle = try ExpertDraw.run(drawID: "D", pool: pool, exclusions: [], rules: rules, randomness: DrawFixtures.randomness(using: &generator))
        // exercise: decline until the ranking runs out
        var seen = Set(bundle.result["tech"]!.selected)
        while let seat = try bundle.committee().first {
            guard let replacement = try? bundle.decline(seat.id) else { break }
            #expect(!seen.contains(replacement), "\(replacement) was seated twice")
            seen.insert(replacement)
        }
        // validate: all 8 experts were seated once, and the replay still verifies
        #expect(seen.count == 8)
        #expect(bundle.verify().isVerified)
    }
}
