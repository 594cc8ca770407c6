import Crypto
import Foundation
import Testing
import WitnessLog
import YiwangTestSupport

@Suite struct CheckpointWitnessTests {
    struct Vectors: Decodable {
        var log_seed_sha256_of: String
        var log_vkey: String
        var witness_seed_sha256_of: String
        var witness_vkey_cosig_v1: String
        var checkpoint_body: String
        var cosignature_signed_message: String
        var signed_checkpoint: String
        var witness_add_checkpoint_request_body: String
        var witness_add_checkpoint_response_body: String
    }

    static let origin = "audit.example.cn/trading-log"
    static let witnessName = "witness.example.cn/regulator-1"
    static let timestamp: UInt64 = 1_767_225_600

    static func setup() throws -> (Vectors, log: NoteSigner, witness: NoteSigner) {
        let vectors = try SharedVectors.decode(Vectors.self, from: "note/checkpoint_cosignature_v1.json")
        let logSeed = SHA256.hash(data: Array(vectors.log_seed_sha256_of.utf8))
        let witnessSeed = SHA256.hash(data: Array(vectors.witness_seed_sha256_of.utf8))
        let log = try NoteSigner(
            name: Self.origin, type: .ed25519,
            privateKey: Curve25519.Signing.PrivateKey(rawRepresentation: Array(logSeed)))
        let witness = try NoteSigner(
            name: Self.witnessName, type: .cosignatureV1,
            privateKey: Curve25519.Signing.PrivateKey(rawRepresentation: Array(witnessSeed)))
        return (vectors, log, witness)
    }

    @Test func keysAndCheckpointBody() throws {
        // setup
        let (vectors, log, witness) = try Self.setup()
        let tree = try MerkleVectorTests.classicTree().1
        // exercise
        let checkpoint = try Checkpoint(text: vectors.checkpoint_body)
        // validate
        #expect(log.verifier.vkey == vectors.log_vkey)
        #expect(witness.verifier.vkey == vectors.witness_vkey_cosig_v1)
        #expect(try NoteVerifier(vkey: vectors.witness_vkey_cosig_v1) == witness.verifier)
        #expect(checkpoint == Checkpoint(origin: Self.origin, size: 8, rootHash: tree.rootHash))
        #expect(checkpoint.text == vectors.checkpoint_body)
        let message = Cosignature.signedMessage(checkpointText: Array(checkpoint.text.utf8), timestamp: Self.timestamp)
        #expect(message == Array(vectors.cosignature_signed_message.utf8))
    }

    @Test func signedAndCosignedCheckpointByteExact() throws {
        // setup
        let (vectors, log, witness) = try Self.setup()
        let checkpoint = try Checkpoint(text: vectors.checkpoint_body)
        // exercise
        var note = try checkpoint.sign(with: [log])
        note.signatures.append(try witness.cosign(checkpointText: checkpoint.text, timestamp: Self.timestamp))
        let opened = try Checkpoint.open(Array(vectors.signed_checkpoint.utf8), logVerifiers: [log.verifier])
        // validate
        #if !canImport(CryptoKit)
        #expect(note.formatted == vectors.signed_checkpoint)
        #endif
        #expect(opened.checkpoint == checkpoint)
        #expect(opened.note.formatted == vectors.signed_checkpoint)
        let cosignatures = Cosignature.verified(on: opened.note, witnesses: [witness.verifier])
        #expect(cosignatures.map(\.timestamp) == [Self.timestamp])
        #expect(cosignatures.map(\.name) == [Self.witnessName])
        #expect(try opened.note.verify([witness.verifier]).count == 1)
        // A cosignature key cannot stand in for the log key, nor the reverse.
        #expect(throws: NoteError.wrongSignatureType(expected: .ed25519, actual: .cosignatureV1)) {
            try Checkpoint.open(Array(vectors.signed_checkpoint.utf8), logVerifiers: [witness.verifier])
        }
        #expect(throws: NoteError.wrongSignatureType(expected: .cosignatureV1, actual: .ed25519)) {
            try log.cosign(checkpointText: checkpoint.text, timestamp: Self.timestamp)
        }
        #expect(throws: NoteError.wrongSignatureType(expected: .ed25519, actual: .cosignatureV1)) {
            try witness.sign(text: checkpoint.text)
        }
    }

    @Test func addCheckpointRequestAndResponse() throws {
        // setup
        let (vectors, log, witness) = try Self.setup()
        let tree = try MerkleVectorTests.classicTree().1
        let checkpoint = try Checkpoint(text: vectors.checkpoint_body)
        // exercise
        let request = try AddCheckpointRequest(parsing: Array(vectors.witness_add_checkpoint_request_body.utf8))
        let response = try AddCheckpointResponse(parsing: Array(vectors.witness_add_checkpoint_response_body.utf8))
        // validate: the request
        #expect(request.oldSize == 4)
        #expect(request.consistencyProof == (try tree.consistencyProof(oldSize: 4)).hashes)
        #expect(try request.checkpoint.verify([log.verifier]).count == 1)
        #expect(try Checkpoint(text: request.checkpoint.text) == checkpoint)
        try ConsistencyProof(oldSize: 4, newSize: checkpoint.size, hashes: request.consistencyProof)
            .verify(oldRoot: try tree.rootHash(size: 4), newRoot: checkpoint.rootHash)
        #expect(request.body == Array(vectors.witness_add_checkpoint_request_body.utf8))
        let rebuilt = AddCheckpointRequest(
            oldSize: 4, consistencyProof: try tree.consistencyProof(oldSize: 4).hashes,
            checkpoint: try checkpoint.sign(with: [log]))
        #if !canImport(CryptoKit)
        #expect(rebuilt.body == Array(vectors.witness_add_checkpoint_request_body.utf8))
        #endif
        // validate: the response
        #expect(response.body == Array(vectors.witness_add_checkpoint_response_body.utf8))
        #expect(response.merged(into: request.checkpoint).formatted == vectors.signed_checkpoint)
        let cosigned = AddCheckpointResponse(signatures: [
            try witness.cosign(checkpointText: checkpoint.text, timestamp: Self.timestamp)
        ])
        #if !canImport(CryptoKit)
        #expect(cosigned.body == Array(vectors.witness_add_checkpoint_response_body.utf8))
        #endif
        #expect(Cosignature.verified(on: cosigned.merged(into: request.checkpoint), witnesses: [witness.verifier]).count == 1)
    }

    @Test func rejectsMalformedCheckpointsAndWitnessMessages() throws {
        // setup
        let (vectors, _, _) = try Self.setup()
        let root = "XcnaeacGWamtVZy3Ad7ZoqudgjqtL0lgz+Nw7/RgQyg="
        let badCheckpoints = [
            "origin\n8\n\(root)", "\n8\n\(root)\n", "origin\n08\n\(root)\n", "origin\n+8\n\(root)\n",
            "origin\n-1\n\(root)\n", "origin\n18446744073709551616\n\(root)\n", "origin\n8\nZG9uJ3QgY2FyZSAy\n",
            "origin\n8\n\(root)\n\n", "origin\n8\n", "origin\n8\n\(root.dropLast())\n",
        ]
        // exercise + validate
        for text in badCheckpoints {
            #expect(throws: NoteError.self, "\(text.debugDescription)") { try Checkpoint(text: text) }
        }
        let withExtension = try Checkpoint(text: "origin\n0\n\(root)\nextra line\n")
        #expect(withExtension.extensionLines == ["extra line"])
        #expect(withExtension.text == "origin\n0\n\(root)\nextra line\n")
        let body = vectors.witness_add_checkpoint_request_body
        let badRequests = [
            body.replacingOccurrences(of: "old 4", with: "old 04"),
            body.replacingOccurrences(of: "old 4", with: "new 4"),
            body.replacingOccurrences(of: "a0eq8p7jwq+a", with: "a0eq8p7jwq*a"),
            String(body.prefix(while: { $0 != "\n" })),
            "old 0\n" + String(repeating: root + "\n", count: 64) + "\n" + vectors.signed_checkpoint,
        ]
        for text in badRequests {
            #expect(throws: NoteError.self) { try AddCheckpointRequest(parsing: Array(text.utf8)) }
        }
        #expect(throws: NoteError.self) { try AddCheckpointResponse(parsing: Array("".utf8)) }
        #expect(throws: NoteError.self) { try AddCheckpointResponse(parsing: Array("— w AAAA\n".utf8)) }
        #expect(try AddCheckpointResponse.parseConflictBody(AddCheckpointResponse.conflictBody(latestSize: 42)) == 42)
        #expect(throws: NoteError.self) { try AddCheckpointResponse.parseConflictBody(Array("42".utf8)) }
        // A cosignature line with the wrong length is refused.
        #expect(throws: NoteError.self) {
            try Cosignature(NoteSignature(name: "w", keyID: 1, signature: [UInt8](repeating: 0, count: 64)))
        }
    }
}
