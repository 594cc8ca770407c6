import Foundation
import HummingbirdTesting
import Server
import Testing
import WitnessLog

@Suite struct WitnessServiceTests {
    @Test func firstCheckpointIsCosignedAndPersisted() async throws {
        // setup
        let testbed = try WitnessTestbed()
        defer { testbed.removeFiles() }
        let service = try testbed.service()
        let note = try testbed.note(size: 5)
        // exercise
        let answer = try await testbed.application(service).test(.router) { client in
            try await client.addCheckpoint(try testbed.body(oldSize: 0, size: 5))
        }
        // validate: the 200 body is cosignature lines that verify on the checkpoint
        #expect(answer.status == 200)
        let response = try AddCheckpointResponse(parsing: Array(answer.text.utf8))
        let cosigned = response.merged(into: note)
        let cosignatures = Cosignature.verified(on: cosigned, witnesses: [testbed.witness.verifier])
        #expect(cosignatures.map(\.timestamp) == [WitnessTestbed.timestamp])
        #expect(await service.latest(origin: WitnessTestbed.origin) == .init(size: 5, root: try testbed.tree.rootHash(size: 5)))
        let saved = try testbed.stateFile.load()
        #expect(saved.logs[WitnessTestbed.origin]?.size == 5)
    }

    @Test func growthWithConsistencyProofIsCosigned() async throws {
        // setup
        let testbed = try WitnessTestbed(size: 13)
        defer { testbed.removeFiles() }
        let service = try testbed.service()
        // exercise
        let statuses = try await testbed.application(service).test(.router) { client in
            [
                try await client.addCheckpoint(try testbed.body(oldSize: 0, size: 5)).status,
                try await client.addCheckpoint(try testbed.body(oldSize: 5, size: 13)).status,
                try await client.addCheckpoint(try testbed.body(oldSize: 13, size: 13)).status,
            ]
        }
        // validate
        #expect(statuses == [200, 200, 200])
        #expect(await service.latest(origin: WitnessTestbed.origin)?.size == 13)
    }

    @Test func rollbackIsRefused() async throws {
        // setup
        let testbed = try WitnessTestbed(size: 9)
        defer { testbed.removeFiles() }
        let service = try testbed.service()
        // exercise
        let answers = try await testbed.application(service).test(.router) { client in
            _ = try await client.addCheckpoint(try testbed.body(oldSize: 0, size: 9))
            let claimingNine = try await client.addCheckpoint(
                AddCheckpointRequest(oldSize: 9, consistencyProof: [], checkpoint: try testbed.note(size: 5)).body)
            let claimingFive = try await client.addCheckpoint(try testbed.body(oldSize: 0, size: 5))
            return (claimingNine, claimingFive)
        }
        // validate: old size above the checkpoint size is 400; a stale old size is 409 with the witness's size
        #expect(answers.0.status == 400)
        #expect(answers.1.status == 409)
        #expect(answers.1.contentType == "text/x.tlog.size")
        #expect(answers.1.text == "9\n")
        #expect(await service.latest(origin: WitnessTestbed.origin)?.size == 9)
    }

    @Test func forkAtTheSameSizeIsAConflict() async throws {
        // setup: the log signs a second tree of 5 leaves with another root
        let testbed = try WitnessTestbed()
        defer { testbed.removeFiles() }
        var other = MerkleTree()
        for index in 0..<5 { other.append(entry: Array("{\"index\":\(index),\"type\":\"forged\"}".utf8)) }
        let fork = try Checkpoint(origin: WitnessTestbed.origin, size: 5, rootHash: other.rootHash).sign(with: [testbed.log])
        let service = try testbed.service()
        // exercise
        let answer = try await testbed.application(service).test(.router) { client in
            _ = try await client.addCheckpoint(try testbed.body(oldSize: 0, size: 5))
            return try await client.addCheckpoint(AddCheckpointRequest(oldSize: 5, consistencyProof: [], checkpoint: fork).body)
        }
        // validate
        #expect(answer.status == 409)
        #expect(answer.text == "5\n")
        #expect(await service.latest(origin: WitnessTestbed.origin)?.root == (try testbed.tree.rootHash(size: 5)))
    }

    @Test func badProofIsUnprocessable() async throws {
        // setup
        let testbed = try WitnessTestbed(size: 9)
        defer { testbed.removeFiles() }
        var proof = try testbed.tree.consistencyProof(oldSize: 5, newSize: 9).hashes
        var bytes = proof[0].bytes
        bytes[31] ^= 0x80
        proof[0] = try #require(Hash(bytes: bytes))
        let tampered = AddCheckpointRequest(oldSize: 5, consistencyProof: proof, checkpoint: try testbed.note(size: 9)).body
        let service = try testbed.service()
        // exercise
        let answer = try await testbed.application(service).test(.router) { client in
            _ = try await client.addCheckpoint(try testbed.body(oldSize: 0, size: 5))
            return try await client.addCheckpoint(tampered)
        }
        // validate
        #expect(answer.status == 422)
        #expect(await service.latest(origin: WitnessTestbed.origin)?.size == 5)
    }

    @Test func unknownOriginIsNotFound() async throws {
        // setup
        let testbed = try WitnessTestbed()
        defer { testbed.removeFiles() }
        let stranger = try NoteSigner.generate(name: "log.elsewhere.test/other")
        let note = try Checkpoint(origin: stranger.name, size: 5, rootHash: testbed.tree.rootHash).sign(with: [stranger])
        // exercise
        let answer = try await testbed.application(try testbed.service()).test(.router) { client in
            try await client.addCheckpoint(AddCheckpointRequest(oldSize: 0, consistencyProof: [], checkpoint: note).body)
        }
        // validate
        #expect(answer.status == 404)
        #expect(answer.text == "unknown log log.elsewhere.test/other\n")
    }

    @Test func wrongKeyOrNoLogSignatureIsForbidden() async throws {
        // setup: one note signed by another key under the log's name, one carrying only a cosignature
        let testbed = try WitnessTestbed()
        defer { testbed.removeFiles() }
        let impostor = try NoteSigner.generate(name: WitnessTestbed.origin)
        let checkpoint = Checkpoint(origin: WitnessTestbed.origin, size: 5, rootHash: testbed.tree.rootHash)
        let wrongKey = try checkpoint.sign(with: [impostor])
        let cosignedOnly = SignedNote(
            text: checkpoint.text,
            signatures: [try testbed.witness.cosign(checkpointText: checkpoint.text, timestamp: WitnessTestbed.timestamp)])
        let service = try testbed.service()
        // exercise
        let statuses = try await testbed.application(service).test(.router) { client in
            [
                try await client.addCheckpoint(AddCheckpointRequest(oldSize: 0, consistencyProof: [], checkpoint: wrongKey).body).status,
                try await client.addCheckpoint(AddCheckpointRequest(oldSize: 0, consistencyProof: [], checkpoint: cosignedOnly).body).status,
                try await client.addCheckpoint(Array("old 0\n\nnot a note\n".utf8)).status,
            ]
        }
        // validate
        #expect(statuses == [403, 403, 400])
        #expect(await service.latest(origin: WitnessTestbed.origin) == nil)
    }

    @Test func stateSurvivesRestart() async throws {
        // setup
        let testbed = try WitnessTestbed(size: 9)
        defer { testbed.removeFiles() }
        let first = try testbed.service()
        _ = try await testbed.application(first).test(.router) { client in
            try await client.addCheckpoint(try testbed.body(oldSize: 0, size: 5))
        }
        // exercise: a new service on the same state file
        let restarted = try testbed.service()
        let answers = try await testbed.application(restarted).test(.router) { client in
            [
                try await client.addCheckpoint(try testbed.body(oldSize: 0, size: 9)),
                try await client.addCheckpoint(try testbed.body(oldSize: 5, size: 9)),
            ]
        }
        // validate
        #expect(await restarted.latest(origin: WitnessTestbed.origin)?.size == 9)
        #expect(answers.map(\.status) == [409, 200])
        #expect(answers[0].text == "5\n")
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: testbed.directory.path)
        #expect(leftovers == ["state.json"])
    }

    @Test func concurrentRequestsFromTheSameOldSizeCosignOnce() async throws {
        // setup
        let testbed = try WitnessTestbed(size: 9)
        defer { testbed.removeFiles() }
        let service = try testbed.service()
        let bodies = [try testbed.body(oldSize: 5, size: 7), try testbed.body(oldSize: 5, size: 9)]
        _ = await service.addCheckpoint(body: try testbed.body(oldSize: 0, size: 5))
        // exercise
        let statuses = await withTaskGroup(of: Int.self) { group in
            for body in bodies { group.addTask { await service.addCheckpoint(body: body).status } }
            return await group.reduce(into: []) { $0.append($1) }
        }
        // validate: one wins, the other finds the old size taken
        #expect(statuses.sorted() == [200, 409])
    }

    @Test func homePageNamesTheWitness() async throws {
        // setup
        let testbed = try WitnessTestbed()
        defer { testbed.removeFiles() }
        // exercise
        let page = try await testbed.application(try testbed.service()).test(.router) { client in
            try await client.execute(uri: "/", method: .get) { response in
                (response.headers[.contentType], String(buffer: response.body))
            }
        }
        // validate
        #expect(page.0 == "text/plain; charset=utf-8")
        #expect(page.1.contains("key: \(testbed.witness.verifier.vkey)\n"))
        #expect(page.1.contains("  \(testbed.log.verifier.vkey)\n"))
    }
}
