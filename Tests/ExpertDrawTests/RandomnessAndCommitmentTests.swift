import ExpertDraw
import Foundation
import Testing
import YiwangTestSupport

/// Beacon outputs (shared/vectors/draw/drand_beacon_samples.json), commit-reveal, the pre-draw commitment
/// and the salted result hash.
@Suite struct RandomnessAndCommitmentTests {
    private static func samples() throws -> [String: Any] {
        try SharedVectors.json("draw/drand_beacon_samples.json")
    }

    @Test func drandRandomnessIsSHA256OfTheSignature() throws {
        // setup
        let json = try Self.samples()
        let chains = [try #require(json["quicknet"] as? [String: Any]), try #require(json["default_mainnet_chained"] as? [String: Any])]
        for chain in chains {
            for sample in try #require(chain["vectors"] as? [[String: Any]]) {
                let round = try #require((sample["round"] as? NSNumber)?.uint64Value)
                let signature = [UInt8](hex: try #require(sample["signature"] as? String))
                let randomness = [UInt8](hex: try #require(sample["randomness"] as? String))
                // exercise / validate
                #expect(throws: Never.self) { try BeaconOutput(network: "drand", round: round, randomness: randomness, signature: signature).validate() }
                var wrong = randomness
                wrong[0] ^= 1
                #expect(throws: DrawError.beaconRandomnessNotFromSignature(round: round)) {
                    try BeaconOutput(network: "drand", round: round, randomness: wrong, signature: signature).validate()
                }
            }
        }
    }

    @Test func vectorUsesTheQuicknetRoundItNames() throws {
        // setup
        let quicknet = try #require(Self.samples()["quicknet"] as? [String: Any])
        let sample = try #require((quicknet["vectors"] as? [[String: Any]])?.first)
        var bundle = try DrawFixtures.vectorBundle()
        // validate: the vector's beacon is that round; with its signature attached the bundle still verifies
        #expect(bundle.randomness.beacon.round == (sample["round"] as? NSNumber)?.uint64Value)
        #expect(hexText(bundle.randomness.beacon.randomness) == sample["randomness"] as? String)
        bundle.randomness.beacon.signature = [UInt8](hex: try #require(sample["signature"] as? String))
        #expect(bundle.verify().isVerified)
        #expect(quicknet["genesis_time"] as? Int == Int(DrandChain.quicknet.genesisTime))
        #expect(quicknet["period"] as? Int == Int(DrandChain.quicknet.period))
        #expect(quicknet["hash"] as? String == DrandChain.quicknet.chainHash)
    }

    @Test func roundTimingFollowsTheRoundRule() {
        let chain = DrandChain.quicknet
        #expect(chain.round(at: chain.genesisTime - 1) == 0)
        #expect(chain.round(at: chain.genesisTime) == 1)
        #expect(chain.round(at: chain.genesisTime + 2) == 1)
        #expect(chain.round(at: chain.genesisTime + 3) == 2)
        #expect(chain.time(of: 657_413) == chain.genesisTime + 657_412 * 3)
        #expect(chain.round(at: chain.time(of: 657_413)) == 657_413)
        let now: Int64 = 1_780_000_000
        let future = chain.futureRound(after: now, lead: 600)
        #expect(chain.time(of: future) >= now + 600 && chain.time(of: future - 1) < now + 600)
    }

    @Test func commitMatchesTheBundleAndRunChecksIt() throws {
        // setup
        let inputs = try DrawFixtures.vectorInputs()
        let beacon = BeaconReference(network: inputs.randomness.beacon.network, round: inputs.randomness.beacon.round)
        // exercise
        let commitment = try ExpertDraw.commit(
            drawID: inputs.drawID, pool: inputs.pool, exclusions: inputs.exclusions, rules: inputs.rules, beacon: beacon,
            contributions: inputs.randomness.contributions.map(\.published)
        )
        let bundle = try ExpertDraw.run(
            drawID: inputs.drawID, pool: inputs.pool, exclusions: inputs.exclusions, rules: inputs.rules, randomness: inputs.randomness,
            commitment: commitment
        )
        // validate
        #expect(commitment == bundle.commitment)
        var later = inputs.randomness
        later.beacon.round += 1
        #expect(throws: DrawError.self) {
            try ExpertDraw.run(
                drawID: inputs.drawID, pool: inputs.pool, exclusions: inputs.exclusions, rules: inputs.rules, randomness: later, commitment: commitment
            )
        }
        let coded = try JSONDecoder().decode(DrawCommitment.self, from: JSONEncoder().encode(commitment))
        #expect(coded == commitment)
    }

    @Test func revealThatDoesNotMatchItsCommitmentIsRefused() throws {
        // setup
        let inputs = try DrawFixtures.vectorInputs()
        var randomness = inputs.randomness
        randomness.contributions[1].value = Array(repeating: 0, count: 32)
        // exercise / validate
        #expect(throws: DrawError.revealDoesNotMatchCommitment(party: "tenderer")) {
            try ExpertDraw.run(drawID: inputs.drawID, pool: inputs.pool, exclusions: inputs.exclusions, rules: inputs.rules, randomness: randomness)
        }
        randomness.contributions[1] = RevealedContribution(party: "tenderer", value: [1, 2, 3])
        #expect(throws: DrawError.contributionValueLength(party: "tenderer", count: 3)) {
            try ExpertDraw.run(drawID: inputs.drawID, pool: inputs.pool, exclusions: inputs.exclusions, rules: inputs.rules, randomness: randomness)
        }
    }

    @Test func resultCommitmentBindsTheSaltAndTheResult() throws {
        // setup
        var bundle = try DrawFixtures.vectorBundle()
        let salt = Array("published-later-0123456789".utf8)
        // exercise
        let commitment = try bundle.resultCommitment(salt: salt)
        var otherSalt = salt
        otherSalt[0] ^= 1
        var reordered = bundle
        reordered.result.categories[0].selected.swapAt(0, 1)
        // validate
        #expect(try bundle.resultCommitment(salt: otherSalt).hash != commitment.hash)
        #expect(try reordered.resultCommitment(salt: salt).hash != commitment.hash)
        #expect(throws: DrawError.saltTooShort(15)) { try bundle.resultCommitment(salt: Array(salt.prefix(15))) }
        bundle.resultCommitment = commitment
        #expect(bundle.verify().isVerified)
        let coded = try JSONDecoder().decode(DrawBundle.self, from: JSONEncoder().encode(bundle))
        #expect(coded.resultCommitment == commitment)
    }
}

/// Lowercase hex of bytes (test side, independent of the package).
private func hexText(_ bytes: [UInt8]) -> String {
    bytes.map { String(format: "%02x", $0) }.joined()
}
