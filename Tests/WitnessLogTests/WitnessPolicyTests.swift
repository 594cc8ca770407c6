import Testing
import WitnessLog

@Suite struct WitnessPolicyTests {
    @Test func decidesAsTlogWitnessPrescribes() throws {
        // setup
        let (vectors, log, _) = try CheckpointWitnessTests.setup()
        let tree = try MerkleVectorTests.classicTree().1
        let request = try AddCheckpointRequest(parsing: Array(vectors.witness_add_checkpoint_request_body.utf8))
        let checkpoint = try Checkpoint(text: vectors.checkpoint_body)
        let known = WitnessedLog(
            origin: CheckpointWitnessTests.origin, verifiers: [log.verifier],
            latestSize: 4, latestRootHash: try tree.rootHash(size: 4))
        // exercise + validate
        #expect(request.origin == CheckpointWitnessTests.origin)
        #expect(request.evaluate(log: known) == .cosign(checkpoint))
        #expect(request.evaluate(log: nil) == .unknownLog(origin: CheckpointWitnessTests.origin))
        var fresh = known
        fresh.latestSize = 0
        fresh.latestRootHash = nil
        #expect(request.evaluate(log: fresh) == .conflict(latestSize: 0))
        #expect(request.evaluate(log: fresh).httpStatus == 409)
        var firstContact = request
        firstContact.oldSize = 0
        firstContact.consistencyProof = []
        #expect(firstContact.evaluate(log: fresh) == .cosign(checkpoint))
        var wrongKey = known
        wrongKey.verifiers = [try NoteSigner.generate(name: CheckpointWitnessTests.origin).verifier]
        #expect(request.evaluate(log: wrongKey).httpStatus == 403)
        var forked = known
        forked.latestRootHash = Merkle.emptyRoot
        #expect(request.evaluate(log: forked).httpStatus == 422)
        var tooOld = request
        tooOld.oldSize = 9
        #expect(tooOld.evaluate(log: known).httpStatus == 400)
        var sameSize = firstContact
        sameSize.oldSize = 8
        let atEight = WitnessedLog(origin: known.origin, verifiers: known.verifiers, latestSize: 8,
                                   latestRootHash: Merkle.emptyRoot)
        #expect(sameSize.evaluate(log: atEight) == .conflict(latestSize: 8))
        var atEightSame = atEight
        atEightSame.latestRootHash = checkpoint.rootHash
        #expect(sameSize.evaluate(log: atEightSame) == .cosign(checkpoint))
    }
}
