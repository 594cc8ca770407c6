import Foundation
import HummingbirdTesting
import Server
import Synchronization
import Testing
import WitnessLog

@Suite struct WitnessClientTests {
    /// Runs `body` against a live witness for `testbed`, with an endpoint naming `key` (default: the witness's own).
    static func withLiveWitness<Value: Sendable>(
        _ testbed: WitnessTestbed, key: NoteVerifier? = nil,
        _ body: @Sendable @escaping (WitnessEndpoint, WitnessService) async throws -> Value
    ) async throws -> Value {
        let service = try testbed.service()
        return try await testbed.application(service).test(.live) { client in
            let port = try #require(client.port)
            let endpoint = WitnessEndpoint(baseURL: "http://127.0.0.1:\(port)/", verifier: key ?? testbed.witness.verifier)
            return try await body(endpoint, service)
        }
    }

    @Test func firstCheckpointIsCosignedOverHTTP() async throws {
        // setup
        let testbed = try WitnessTestbed()
        defer { testbed.removeFiles() }
        let note = try testbed.note(size: 5)
        // exercise
        let answer = try await Self.withLiveWitness(testbed) { endpoint, _ in
            try await WitnessClient().addCheckpoint(note, size: 5, to: endpoint, oldSize: 0) { _ in
                throw WitnessClientTestError("no proof is needed from size 0")
            }
        }
        // validate
        #expect(answer.size == 5)
        #expect(answer.cosignatures.count == 1)
        let cosigned = AddCheckpointResponse(signatures: answer.cosignatures).merged(into: note)
        #expect(Cosignature.verified(on: cosigned, witnesses: [testbed.witness.verifier]).count == 1)
    }

    @Test func conflictIsRetriedFromTheWitnessSize() async throws {
        // setup: the witness already holds 5; the log believes it holds nothing
        let testbed = try WitnessTestbed(size: 12)
        defer { testbed.removeFiles() }
        let tree = testbed.tree
        let note = try testbed.note(size: 12)
        let asked = Mutex<[UInt64]>([])
        // exercise
        let (answer, held) = try await Self.withLiveWitness(testbed) { endpoint, service in
            _ = await service.addCheckpoint(body: try testbed.body(oldSize: 0, size: 5))
            let answer = try await WitnessClient().addCheckpoint(note, size: 12, to: endpoint, oldSize: 0) { from in
                asked.withLock { $0.append(from) }
                return try tree.consistencyProof(oldSize: from, newSize: 12).hashes
            }
            return (answer, await service.latest(origin: WitnessTestbed.origin)?.size)
        }
        // validate
        #expect(asked.withLock { $0 } == [5])
        #expect(answer.size == 12)
        #expect(held == 12)
    }

    @Test func refusalsCarryStatusAndBody() async throws {
        // setup: a log the witness does not know
        let testbed = try WitnessTestbed()
        defer { testbed.removeFiles() }
        let stranger = try NoteSigner.generate(name: "log.elsewhere.test/other")
        let note = try Checkpoint(origin: stranger.name, size: 5, rootHash: testbed.tree.rootHash).sign(with: [stranger])
        // exercise + validate
        _ = try await Self.withLiveWitness(testbed) { endpoint, _ in
            await #expect(throws: WitnessClientError.refused(
                witness: endpoint.baseURL, status: 404, body: "unknown log log.elsewhere.test/other\n")
            ) {
                try await WitnessClient().addCheckpoint(note, size: 5, to: endpoint, oldSize: 0) { _ in [] }
            }
        }
    }

    @Test func forkIsNotRetried() async throws {
        // setup: the witness holds 5; the log now presents another root for 5
        let testbed = try WitnessTestbed()
        defer { testbed.removeFiles() }
        var other = MerkleTree()
        for index in 0..<5 { other.append(entry: Array("{\"index\":\(index),\"type\":\"forged\"}".utf8)) }
        let fork = try Checkpoint(origin: WitnessTestbed.origin, size: 5, rootHash: other.rootHash).sign(with: [testbed.log])
        // exercise + validate
        _ = try await Self.withLiveWitness(testbed) { endpoint, service in
            _ = await service.addCheckpoint(body: try testbed.body(oldSize: 0, size: 5))
            await #expect(throws: WitnessClientError.conflict(witness: endpoint.baseURL, witnessSize: 5, size: 5)) {
                try await WitnessClient().addCheckpoint(fork, size: 5, to: endpoint, oldSize: 5) { _ in [] }
            }
        }
    }

    @Test func cosignatureByAnotherKeyIsRejected() async throws {
        // setup: the endpoint expects a different witness key than the one answering
        let testbed = try WitnessTestbed()
        defer { testbed.removeFiles() }
        let expected = try NoteSigner.generate(name: "witness.yiwang.test/regulator", type: .cosignatureV1).verifier
        let note = try testbed.note(size: 5)
        // exercise + validate
        _ = try await Self.withLiveWitness(testbed, key: expected) { endpoint, _ in
            await #expect(throws: WitnessClientError.noCosignature(witness: endpoint.baseURL)) {
                try await WitnessClient().addCheckpoint(note, size: 5, to: endpoint, oldSize: 0) { _ in [] }
            }
        }
    }

    @Test func endpointParsesURLAndKey() throws {
        // setup
        let witness = try NoteSigner.generate(name: "witness.yiwang.test/notary", type: .cosignatureV1)
        let logKey = try NoteSigner.generate(name: "log.yiwang.test/trading").verifier
        // exercise
        let endpoint = try WitnessEndpoint(parsing: "https://witness.example.cn/yiwang/=\(witness.verifier.vkey)")
        // validate
        #expect(endpoint.baseURL == "https://witness.example.cn/yiwang")
        #expect(endpoint.addCheckpointURL == "https://witness.example.cn/yiwang/add-checkpoint")
        #expect(endpoint.verifier == witness.verifier)
        #expect(throws: WitnessEndpointError.self) { try WitnessEndpoint(parsing: witness.verifier.vkey) }
        #expect(throws: WitnessEndpointError.self) { try WitnessEndpoint(parsing: "http://127.0.0.1:7380=\(logKey.vkey)") }
        #expect(throws: WitnessEndpointError.self) { try WitnessEndpoint(parsing: "127.0.0.1:7380=\(witness.verifier.vkey)") }
    }
}

struct WitnessClientTestError: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}
