import ExpertDraw
import Foundation
import Testing

/// Every input and output field of the vector bundle, once changed, makes `verify` name that field.
@Suite struct VerifyMutationTests {
    /// One change to the vector bundle and the field verification must name.
    enum Mutation: String, CaseIterable, Sendable {
        case drawID, poolID, poolCategory, poolOrganisation, poolEntryRemoved, poolDuplicate
        case exclusionID, exclusionReason, exclusionRemoved
        case rulesOrder, rulesQuota, rulesMaxPerOrganisation, rulesReserve, rulesCanonical
        case beaconNetwork, beaconRound, beaconRandomness, beaconRandomnessLength, beaconSignature
        case contributionParty, contributionValue, contributionCommitment, contributionsReordered
        case poolRoot, exclusionsRoot, seed
        case ticket, rankingSwapped, rankingTruncated, selected, reserve, categoryMissing, categoryExtra
        case declineReplacement, declineOfOutsider, resultCommitmentHash, resultCommitmentSalt

        var expectedField: String {
            switch self {
            case .drawID, .beaconRound, .beaconRandomness, .contributionParty, .contributionsReordered, .seed: "seed"
            case .poolID, .poolCategory, .poolOrganisation, .poolEntryRemoved, .poolRoot: "pool_root"
            case .poolDuplicate: "pool"
            case .exclusionID, .exclusionReason, .exclusionRemoved, .exclusionsRoot: "exclusions_root"
            case .rulesOrder, .rulesQuota, .rulesMaxPerOrganisation, .rulesReserve, .rulesCanonical: "rules_canonical"
            case .beaconNetwork: "commitment.beacon.network"
            case .beaconRandomnessLength, .beaconSignature: "beacon.randomness"
            case .contributionValue: "contributions[0].commitment"
            case .contributionCommitment: "contributions[1].commitment"
            case .ticket: "result.tech.ranking[2].ticket"
            case .rankingSwapped: "result.tech.ranking[0].id"
            case .rankingTruncated: "result.econ.ranking"
            case .selected: "result.tech.selected"
            case .reserve: "result.econ.reserve_in_order"
            case .categoryMissing: "result.econ"
            case .categoryExtra: "result.law"
            case .declineReplacement: "declines[0].replacement"
            case .declineOfOutsider: "declines[0].id"
            case .resultCommitmentHash: "result_commitment.hash"
            case .resultCommitmentSalt: "result_commitment.salt"
            }
        }

        func apply(to bundle: inout DrawBundle) throws {
            switch self {
            case .drawID: bundle.drawID += "X"
            case .poolID: bundle.pool[3].id = "E999"
            case .poolCategory: bundle.pool[0].category = "econ"
            case .poolOrganisation: bundle.pool[5].org = "ORG9"
            case .poolEntryRemoved: bundle.pool.removeLast()
            case .poolDuplicate: bundle.pool.append(bundle.pool[0])
            case .exclusionID: bundle.excluded[0].id = "E005"
            case .exclusionReason: bundle.excluded[1].reason += "."
            case .exclusionRemoved: bundle.excluded.removeFirst()
            case .rulesOrder: bundle.rules.order.reverse()
            case .rulesQuota: bundle.rules.quota["tech"] = 3
            case .rulesMaxPerOrganisation: bundle.rules.maxPerOrganisation = 2
            case .rulesReserve: bundle.rules.reserve = 2
            case .rulesCanonical: bundle.rulesCanonical = bundle.rulesCanonical.replacingOccurrences(of: "\"reserve\":3", with: "\"reserve\":4")
            case .beaconNetwork: bundle.randomness.beacon.network = "drand default"
            case .beaconRound: bundle.randomness.beacon.round += 1
            case .beaconRandomness: bundle.randomness.beacon.randomness[0] ^= 1
            case .beaconRandomnessLength: bundle.randomness.beacon.randomness.append(0)
            case .beaconSignature: bundle.randomness.beacon.signature = [1, 2, 3]
            case .contributionParty: bundle.randomness.contributions[0].party = "notary"
            case .contributionValue: bundle.randomness.contributions[0].value[31] ^= 0x80
            case .contributionCommitment: bundle.randomness.contributions[1].commitment = bundle.randomness.contributions[0].commitment
            case .contributionsReordered: bundle.randomness.contributions.reverse()
            case .poolRoot: bundle.poolRoot = bundle.exclusionsRoot
            case .exclusionsRoot: bundle.exclusionsRoot = bundle.poolRoot
            case .seed: bundle.seed = bundle.poolRoot
            case .ticket: bundle.result.categories[0].ranking[2].ticket = bundle.seed
            case .rankingSwapped: bundle.result.categories[0].ranking.swapAt(0, 1)
            case .rankingTruncated: bundle.result.categories[1].ranking.removeLast()
            case .selected: bundle.result.categories[0].selected[3] = "E019"
            case .reserve: bundle.result.categories[1].reserveInOrder.swapAt(0, 2)
            case .categoryMissing: bundle.result.categories.removeLast()
            case .categoryExtra:
                bundle.result.categories.append(CategoryDraw(category: "law", selected: [], reserveInOrder: [], ranking: []))
            case .declineReplacement: bundle.declines = [Decline(id: "E006", replacement: "E019")]
            case .declineOfOutsider: bundle.declines = [Decline(id: "E001", replacement: "E019")]
            case .resultCommitmentHash:
                bundle.resultCommitment = try bundle.resultCommitment(salt: Array(repeating: 7, count: 16))
                bundle.resultCommitment?.salt[0] = 8
            case .resultCommitmentSalt:
                bundle.resultCommitment = ResultCommitment(salt: [1, 2, 3], hash: bundle.seed)
            }
        }
    }

    @Test(arguments: Mutation.allCases)
    func verifyNamesTheChangedField(_ mutation: Mutation) throws {
        // setup
        let original = try DrawFixtures.vectorBundle()
        var bundle = original
        try mutation.apply(to: &bundle)
        // exercise
        let verification = bundle.verify(against: original.commitment)
        // validate
        let mismatch = try #require(verification.mismatch, "\(mutation) went unnoticed")
        #expect(mismatch.field == mutation.expectedField, "\(mutation): \(mismatch)")
        #expect(mismatch.expected != mismatch.found)
    }

    @Test func unchangedVectorVerifiesAgainstItsOwnCommitment() throws {
        let bundle = try DrawFixtures.vectorBundle()
        #expect(bundle.verify(against: bundle.commitment).isVerified)
    }

    @Test func consistentlyRecomputedDrawOverAnotherPoolIsCaughtOnlyByTheCommitment() throws {
        // setup: an operator swaps an expert and recomputes everything consistently
        let inputs = try DrawFixtures.vectorInputs()
        let logged = try DrawFixtures.vectorBundle().commitment
        var pool = inputs.pool
        pool[0].org = "ORG7"
        // exercise
        let forged = try ExpertDraw.run(drawID: inputs.drawID, pool: pool, exclusions: inputs.exclusions, rules: inputs.rules, randomness: inputs.randomness)
        // validate
        #expect(forged.verify().isVerified)
        #expect(forged.verify(against: logged).mismatch?.field == "commitment.pool_root")
    }
}
