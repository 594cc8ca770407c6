import ExpertDraw
import Foundation
import Testing
import YiwangTestSupport

/// Algorithm v1 reproduces shared/vectors/draw/expert_draw_v1.json completely.
@Suite struct VectorReproductionTests {
    @Test func rulesCanonicalJSONMatchesTheVectorByteForByte() throws {
        // setup
        let inputs = try DrawFixtures.vectorInputs()
        let json = try SharedVectors.json(DrawFixtures.vectorPath)
        // validate
        #expect(Array(inputs.rules.canonicalJSON.utf8) == Array(try #require(json["rules_canonical"] as? String).utf8))
    }

    @Test func rootsAndSeedMatchTheVector() throws {
        // setup
        let inputs = try DrawFixtures.vectorInputs()
        let json = try SharedVectors.json(DrawFixtures.vectorPath)
        // exercise
        let bundle = try ExpertDraw.run(
            drawID: inputs.drawID, pool: inputs.pool, exclusions: inputs.exclusions, rules: inputs.rules, randomness: inputs.randomness
        )
        // validate
        #expect(bundle.poolRoot.hex == json["pool_root"] as? String)
        #expect(bundle.exclusionsRoot.hex == json["exclusions_root"] as? String)
        #expect(bundle.seed.hex == json["seed"] as? String)
    }

    @Test func everyTicketSelectionAndReserveMatchesTheVector() throws {
        // setup
        let inputs = try DrawFixtures.vectorInputs()
        let expected = try #require(SharedVectors.json(DrawFixtures.vectorPath)["result"] as? [String: [String: Any]])
        // exercise
        let bundle = try ExpertDraw.run(
            drawID: inputs.drawID, pool: inputs.pool, exclusions: inputs.exclusions, rules: inputs.rules, randomness: inputs.randomness
        )
        // validate
        #expect(bundle.result.categories.map(\.category) == inputs.rules.order)
        #expect(Set(expected.keys) == Set(inputs.rules.order))
        for draw in bundle.result.categories {
            let want = try #require(expected[draw.category])
            #expect(draw.selected == want["selected"] as? [String], "selected in \(draw.category)")
            #expect(draw.reserveInOrder == want["reserve_in_order"] as? [String], "reserves in \(draw.category)")
            let ranking = try #require(want["ranking"] as? [[String: String]])
            #expect(draw.ranking.map(\.id) == ranking.map { $0["id"]! }, "ranking order in \(draw.category)")
            #expect(draw.ranking.map(\.ticket.hex) == ranking.map { $0["ticket"]! }, "tickets in \(draw.category)")
        }
    }

    @Test func singleTicketIsHMACOfCategoryAndID() throws {
        // setup
        let bundle = try DrawFixtures.vectorBundle()
        let first = try #require(bundle.result["tech"]?.ranking.first)
        // exercise
        let ticket = ExpertDraw.ticket(seed: bundle.seed, category: "tech", id: first.id)
        // validate
        #expect(ticket == first.ticket)
        #expect(ExpertDraw.ticket(seed: bundle.seed, category: "econ", id: first.id) != first.ticket)
    }

    @Test func decodedVectorVerifiesAndRoundTrips() throws {
        // setup
        let bundle = try DrawFixtures.vectorBundle()
        // exercise
        let verification = bundle.verify()
        let reencoded = try JSONEncoder().encode(bundle)
        let again = try JSONDecoder().decode(DrawBundle.self, from: reencoded)
        // validate
        #expect(verification.isVerified, "\(String(describing: verification.mismatch))")
        #expect(again == bundle)
        let original = try SharedVectors.json(DrawFixtures.vectorPath)
        let written = try #require(JSONSerialization.jsonObject(with: reencoded) as? [String: Any])
        #expect(Set(written.keys) == Set(original.keys), "same top-level layout as the vector")
        #expect(
            Set(((written["result"] as? [String: [String: Any]])?["tech"] ?? [:]).keys)
                == Set(((original["result"] as? [String: [String: Any]])?["tech"] ?? [:]).keys)
        )
        #expect(NSDictionary(dictionary: written["beacon"] as? [String: Any] ?? [:]) == NSDictionary(dictionary: original["beacon"] as? [String: Any] ?? [:]))
    }

    @Test func runBuildsTheSameBundleAsTheVector() throws {
        // setup
        let inputs = try DrawFixtures.vectorInputs()
        var vector = try DrawFixtures.vectorBundle()
        vector.note = nil
        // exercise
        let bundle = try ExpertDraw.run(
            drawID: inputs.drawID, pool: inputs.pool, exclusions: inputs.exclusions, rules: inputs.rules, randomness: inputs.randomness
        )
        // validate
        #expect(bundle == vector)
    }
}
