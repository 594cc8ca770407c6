import Foundation
import Testing
import WitnessLog

@Suite struct TlogProofTests {
    @Test func roundTripsThroughText() throws {
        // setup
        let fixture = try ProjectLogFixture()
        let receipt = try fixture.receipt(index: 5)
        // exercise
        let text = String(decoding: receipt.bytes, as: UTF8.self)
        let parsed = try TlogProof(parsing: receipt.bytes)
        // validate
        #expect(parsed == receipt)
        #expect(parsed.bytes == receipt.bytes)
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines[0] == "c2sp.org/tlog-proof@v1")
        #expect(lines[1] == "extra " + Data(fixture.entries[5]).base64EncodedString())
        #expect(lines[2] == "index 5")
        #expect(lines[3] == Substring(receipt.proof[0].base64))
        #expect(lines[3 + receipt.proof.count] == "")
        #expect(text.hasSuffix(try fixture.signedCheckpoint().formatted))
    }

    @Test func roundTripsWithoutExtraData() throws {
        // setup
        let fixture = try ProjectLogFixture(count: 1)
        let receipt = TlogProof(index: 0, proof: [], checkpoint: try fixture.signedCheckpoint())
        // exercise
        let parsed = try TlogProof(parsing: receipt.bytes)
        // validate: a one-leaf tree has an empty proof, and no extra line is written
        #expect(parsed == receipt)
        #expect(parsed.extra == nil)
        #expect(String(decoding: receipt.bytes, as: UTF8.self).hasPrefix("c2sp.org/tlog-proof@v1\nindex 0\n\n"))
        #expect(throws: TlogProofError.missingEntry) {
            try parsed.verify(log: fixture.log.verifier, witnesses: [], minWitnesses: 0)
        }
        let checkpoint = try parsed.verify(entry: fixture.entries[0], log: fixture.log.verifier, witnesses: [], minWitnesses: 0)
        #expect(checkpoint.size == 1)
    }

    @Test(arguments: [
        ("c2sp.org/tlog-proof@v1\n", "c2sp.org/tlog-proof@v2\n", 1),
        ("extra ", "extra !", 2),
        ("index 5\n", "index 05\n", 3),
        ("index 5\n", "index five\n", 3),
        ("index 5\n", "index 5\nnot-a-hash\n", 4),
    ])
    func parseErrorsNameTheLine(original: String, replacement: String, line: Int) throws {
        // setup
        let fixture = try ProjectLogFixture()
        let text = String(decoding: try fixture.receipt(index: 5).bytes, as: UTF8.self)
        let broken = text.replacingOccurrences(of: original, with: replacement)
        #expect(broken != text)
        // exercise + validate
        do {
            _ = try TlogProof(parsing: broken)
            Issue.record("parsed a malformed receipt")
        } catch {
            guard case .malformedLine(let found, _) = error else {
                Issue.record("unexpected error \(error)")
                return
            }
            #expect(found == line)
            #expect(error.description.hasPrefix("malformed line \(line):"))
        }
    }

    @Test func parseErrorsInTheCheckpointNameItsFirstLine() throws {
        // setup
        let fixture = try ProjectLogFixture()
        let receipt = try fixture.receipt(index: 5)
        let checkpointLine = 3 + receipt.proof.count + 2
        let unsigned = TlogProof(index: 5, proof: receipt.proof, checkpoint: SignedNote(text: receipt.checkpoint.text), extra: receipt.extra)
        let truncated = Array("c2sp.org/tlog-proof@v1\nindex 5\n\(receipt.proof[0].base64)".utf8)
        // exercise + validate
        #expect(throws: TlogProofError.malformedLine(line: checkpointLine, reason: "malformed signed note: no signature lines")) {
            try TlogProof(parsing: unsigned.bytes)
        }
        #expect {
            try TlogProof(parsing: truncated)
        } throws: { error in
            guard case TlogProofError.malformedLine(let line, _) = error else { return false }
            return line == 3
        }
    }

    @Test func verifiesWithLogAndWitnessKeys() throws {
        // setup
        let fixture = try ProjectLogFixture()
        let receipt = try TlogProof(parsing: try fixture.receipt(index: 7).bytes)
        // exercise
        let checkpoint = try receipt.verify(log: fixture.log.verifier, witnesses: fixture.witnessKeys, minWitnesses: 2)
        // validate
        #expect(checkpoint == fixture.checkpoint)
        #expect(receipt.extra == fixture.entries[7])
    }

    @Test func flippedProofByteFails() throws {
        // setup
        let fixture = try ProjectLogFixture()
        var receipt = try fixture.receipt(index: 7)
        var bytes = receipt.proof[1].bytes
        bytes[0] ^= 0x01
        receipt.proof[1] = try #require(Hash(bytes: bytes))
        // exercise + validate
        #expect {
            try receipt.verify(log: fixture.log.verifier, witnesses: fixture.witnessKeys, minWitnesses: 2)
        } throws: { error in
            guard case TlogProofError.proofDoesNotVerify(.rootMismatch) = error else { return false }
            return "\(error)".hasPrefix("inclusion proof does not verify")
        }
    }

    @Test func otherEntryOrIndexFails() throws {
        // setup
        let fixture = try ProjectLogFixture()
        var otherEntry = try fixture.receipt(index: 7)
        otherEntry.extra = fixture.entries[8]
        var otherIndex = try fixture.receipt(index: 7)
        otherIndex.index = 6
        // exercise + validate
        for receipt in [otherEntry, otherIndex] {
            #expect {
                try receipt.verify(log: fixture.log.verifier, witnesses: fixture.witnessKeys, minWitnesses: 0)
            } throws: { error in
                if case TlogProofError.proofDoesNotVerify = error { true } else { false }
            }
        }
    }

    @Test func wrongLogKeyFails() throws {
        // setup
        let fixture = try ProjectLogFixture()
        let receipt = try fixture.receipt(index: 3)
        let impostor = try NoteSigner.generate(name: ProjectLogFixture.origin).verifier
        let otherLog = try NoteSigner.generate(name: "log.elsewhere.test/other").verifier
        // exercise + validate
        #expect(throws: TlogProofError.badLogSignature(reason: "note carries no signature from a known key")) {
            try receipt.verify(log: impostor, witnesses: fixture.witnessKeys, minWitnesses: 0)
        }
        #expect(throws: TlogProofError.originMismatch(checkpoint: ProjectLogFixture.origin, logKey: otherLog.name)) {
            try receipt.verify(log: otherLog, witnesses: fixture.witnessKeys, minWitnesses: 0)
        }
        #expect(throws: TlogProofError.notAWitnessKey(name: ProjectLogFixture.origin, type: .ed25519)) {
            try receipt.verify(log: fixture.log.verifier, witnesses: [fixture.log.verifier], minWitnesses: 0)
        }
    }

    @Test func tooFewWitnessesFails() throws {
        // setup
        let fixture = try ProjectLogFixture()
        var receipt = try fixture.receipt(index: 3)
        let stranger = try NoteSigner.generate(name: "witness.test/stranger", type: .cosignatureV1).verifier
        // a repeated cosignature line counts once
        receipt.checkpoint.signatures.append(receipt.checkpoint.signatures[1])
        // exercise + validate
        #expect(throws: TlogProofError.tooFewWitnesses(have: 2, need: 3)) {
            try receipt.verify(log: fixture.log.verifier, witnesses: fixture.witnessKeys + [stranger], minWitnesses: 3)
        }
        #expect(throws: TlogProofError.tooFewWitnesses(have: 0, need: 1)) {
            try receipt.verify(log: fixture.log.verifier, witnesses: [stranger], minWitnesses: 1)
        }
        #expect(throws: TlogProofError.tooFewWitnesses(have: 1, need: 2)) {
            try receipt.verify(log: fixture.log.verifier, witnesses: [fixture.witnessKeys[0], stranger], minWitnesses: 2)
        }
        #expect("\(TlogProofError.tooFewWitnesses(have: 1, need: 2))" == "too few witnesses: 1 trusted witness cosigned, 2 needed")
    }

    @Test func forgedCosignatureFails() throws {
        // setup: a cosignature by a trusted witness over another timestamp's message
        let fixture = try ProjectLogFixture()
        var receipt = try fixture.receipt(index: 3)
        var forged = receipt.checkpoint.signatures[1]
        forged.signature[7] ^= 0x01
        receipt.checkpoint.signatures[1] = forged
        // exercise + validate
        #expect(throws: TlogProofError.invalidCosignature(witness: fixture.witnesses[0].name)) {
            try receipt.verify(log: fixture.log.verifier, witnesses: fixture.witnessKeys, minWitnesses: 1)
        }
    }
}
