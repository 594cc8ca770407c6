import Foundation
import Hummingbird
import HummingbirdTesting
import Logging
import SQLKit
import Server
import Storage
import Testing
import WitnessLog

@Suite("Witness log: key, checkpoints, tiles, receipts, audit")
struct WitnessLogServerTests {
    /// Appends `count` synthetic events, signing a checkpoint after each (so the audit can name single entries).
    static func appendEvents(_ test: TestPlatform, count: Int, checkpointEach: Bool = true) async throws {
        for index in 0..<count {
            _ = try await test.platform.engine.transaction { db in
                try await LogRecords.append(LogEvent(type: "test.event", project: "p\(index % 3)", actor: "tester", time: test.clock.now(), data: ["n": String(index)]), on: db)
            }
            if checkpointEach { _ = try await test.platform.log.checkpoint() }
        }
    }

    @Test("the log key is created at first start with mode 0600, reused after a restart, and refused for another origin", arguments: TestEngine.available)
    func logKeyFile(engine: TestEngine) async throws {
        let test = try await TestPlatform.make(engine)
        defer { Task { await test.shutdown() } }
        let path = test.directory.appendingPathComponent("log.key").path
        let mode = try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int
        #expect(mode == 0o600)
        let reloaded = try LogKeyFile.load(path: path, origin: "yiwang.local/log")
        #expect(reloaded.verifier == test.platform.log.verifier)
        #expect(throws: LogKeyError.self) { try LogKeyFile.load(path: path, origin: "other.example/log") }
        try FileManager.default.setAttributes([.posixPermissions: 0o644], ofItemAtPath: path)
        #expect(throws: LogKeyError.self) { try LogKeyFile.load(path: path, origin: "yiwang.local/log") }
        // the key never enters the database
        let skey = try String(contentsOfFile: path, encoding: .utf8).trimmingCharacters(in: .whitespacesAndNewlines)
        let hits = try await test.platform.engine.read { db in
            try await db.raw("SELECT COUNT(*) AS n FROM log_checkpoints WHERE note LIKE \(bind: "%" + String(skey.suffix(20)) + "%")").first()?.decode(column: "n", as: Int64.self)
        }
        #expect(hits == 0)
        // another key over the same database: nothing is signed with it, and the fault says why
        let otherPath = test.directory.appendingPathComponent("other.key").path
        let other = TransparencyLog(
            engine: test.platform.engine, signer: try LogKeyFile.loadOrCreate(path: otherPath, origin: "yiwang.local/log"),
            witnesses: nil, logger: test.platform.logger
        )
        let checkpoints = try await test.platform.engine.read { db in try await db.raw("SELECT COUNT(*) AS n FROM log_checkpoints").first()?.decode(column: "n", as: Int64.self) }
        await #expect(throws: LogFault.self) { _ = try await other.checkpoint() }
        do { _ = try await other.checkpoint() } catch { #expect("\(error)".contains("not signed by this log key")) }
        let after = try await test.platform.engine.read { db in try await db.raw("SELECT COUNT(*) AS n FROM log_checkpoints").first()?.decode(column: "n", as: Int64.self) }
        #expect(after == checkpoints)
    }

    @Test("concurrent appends each get a checkpoint that covers them (integration is coalesced, never livelocked)", .timeLimit(.minutes(1)), arguments: TestEngine.available)
    func concurrentReceipts(engine: TestEngine) async throws {
        let test = try await TestPlatform.make(engine)
        defer { Task { await test.shutdown() } }
        let sizes = try await withThrowingTaskGroup(of: (UInt64, UInt64).self) { group in
            for index in 0..<40 {
                group.addTask {
                    let position = try await test.platform.engine.transaction { db in
                        try await LogRecords.append(LogEvent(type: "test.concurrent", project: "p", actor: "t", time: test.clock.now(), data: ["n": String(index)]), on: db)
                    }
                    let signed = try await test.platform.log.checkpoint(covering: UInt64(position.index))
                    return (UInt64(position.index), signed.size)
                }
                if index % 5 == 0 { group.addTask { (0, try await test.platform.log.checkpoint().size) } }
            }
            return try await group.reduce(into: []) { $0.append($1) }
        }
        #expect(sizes.allSatisfy { $0.1 > $0.0 })
        let count = try await test.platform.engine.read { db in try await LogRecords.count(on: db) }
        #expect(try await test.platform.log.checkpoint().size == UInt64(count))
    }

    @Test("/log/key and /log/checkpoint: the checkpoint verifies with the published key and covers every entry", arguments: TestEngine.available)
    func keyAndCheckpoint(engine: TestEngine) async throws {
        let test = try await TestPlatform.make(engine)
        defer { Task { await test.shutdown() } }
        try await Self.appendEvents(test, count: 5, checkpointEach: false)
        try await test.test { client in
            let key = try await client.execute(uri: "/log/key", method: .get) { String(buffer: $0.body) }
            let verifier = try NoteVerifier(vkey: key.trimmingCharacters(in: .newlines))
            #expect(verifier.name == "yiwang.local/log")
            let (status, contentType, note) = try await client.execute(uri: "/log/checkpoint", method: .get) {
                ($0.status, $0.headers[.contentType], String(buffer: $0.body))
            }
            #expect(status == .ok)
            #expect(contentType == "text/plain; charset=utf-8")
            let (checkpoint, _) = try Checkpoint.open(Array(note.utf8), logVerifiers: [verifier])
            let count = try await test.platform.engine.read { db in try await LogRecords.count(on: db) }
            #expect(checkpoint.size == UInt64(count))
            #expect(checkpoint.origin == "yiwang.local/log")
        }
    }

    @Test("tiles and entry bundles per C2SP tlog-tiles let a mirror recompute the checkpoint's root", arguments: TestEngine.available)
    func tilesRecomputeTheRoot(engine: TestEngine) async throws {
        let test = try await TestPlatform.make(engine)
        defer { Task { await test.shutdown() } }
        // past one full tile: 256 leaves in tile 0/000, the rest in a partial tile, and one hash at level 1
        let existing = try await test.platform.engine.read { db in try await LogRecords.count(on: db) }
        let events = (0..<(300 - Int(existing))).map { Array("{\"type\":\"bulk\",\"n\":\($0)}".utf8) }
        _ = try await test.platform.engine.transaction { db in try await LogRecords.append(entries: events, on: db) }
        let signed = try await test.platform.log.checkpoint()
        #expect(signed.size == 300)
        try await test.test { client in
            func fetch(_ path: String) async throws -> (HTTPResponse.Status, [UInt8]) {
                try await client.execute(uri: "/log/" + path, method: .get) { ($0.status, Array($0.body.readableBytesView)) }
            }
            let (fullStatus, full) = try await fetch("tile/0/000")
            let (partialStatus, partial) = try await fetch("tile/0/001.p/44")
            let (levelOneStatus, levelOne) = try await fetch("tile/1/000.p/1")
            let (entriesStatus, entries) = try await fetch("tile/entries/001.p/44")
            #expect([fullStatus, partialStatus, levelOneStatus, entriesStatus] == [.ok, .ok, .ok, .ok])
            #expect(full.count == 256 * 32 && partial.count == 44 * 32 && levelOne.count == 32)
            let hashes = { (bytes: [UInt8]) in stride(from: 0, to: bytes.count, by: 32).map { Hash(bytes: bytes[$0..<($0 + 32)])! } }
            // the level-1 hash is the root of the full level-0 tile
            #expect(Merkle.rootHash(leafHashes: hashes(full)) == hashes(levelOne)[0])
            // the entry bundle hashes to the partial level-0 tile
            let bundle = try #require(EntryBundle.decode(entries))
            #expect(bundle.map { Merkle.leafHash($0) } == hashes(partial))
            // and the whole root is recomputed from the tiles alone
            #expect(Merkle.rootHash(leafHashes: hashes(full) + hashes(partial)) == signed.checkpoint.rootHash)
            // a tile beyond the checkpoint, a wider partial tile, and a malformed path are 404
            for path in ["tile/0/002", "tile/0/001.p/45", "tile/0/1", "tile/0/001.p/0", "tile/x/000"] {
                let (status, _) = try await fetch(path)
                #expect(status == .notFound, "\(path)")
            }
        }
    }

    @Test("bidder events carry a salted commitment, not the party, until the opening reveals the salts", arguments: TestEngine.available)
    func bidderIdentityIsHiddenUntilTheOpening(engine: TestEngine) async throws {
        let test = try await TestPlatform.make(engine)
        defer { Task { await test.shutdown() } }
        try await test.test { client in
            let fixture = try await Fixture.make(client)
            try await fixture.announce(client, now: test.clock.now())
            for index in 0..<3 { _ = try await fixture.bid(client, index, price: 90_000_000_000 + Int64(index)) }
            let entries = try await test.platform.engine.read { db in try await LogRecords.entries(from: 0, limit: 1000, on: db) }
            let bidderEntries = entries.filter { $0.entry.contains("\"bid.submitted\"") || $0.entry.contains("\"bidder.registered\"") }
            #expect(bidderEntries.count == 6)
            for entry in bidderEntries {
                for party in fixture.bidderParties { #expect(!entry.entry.contains(party), "the public log names no bidder before the opening") }
                #expect(entry.entry.contains("\"actor\":\"bidder:"))
            }
            test.clock.advance(by: 22 * 86_400)
            let (opened, _) = try await client.json(.post, "\(fixture.lotPath)/open", token: fixture.tenderer)
            #expect(opened == .ok)
            let opening = try await test.platform.engine.read { db in try await LogRecords.entries(from: 0, limit: 1000, on: db) }.last { $0.entry.contains("\"lot.opened\"") }
            let openingEntry = try #require(opening)
            let data = try #require(try JSONSerialization.jsonObject(with: Data(openingEntry.entry.utf8)) as? [String: Any])
            let revealed = ((data["data"] as? [String: String])?["registrations"] ?? "").split(separator: ",").map { $0.split(separator: ":").map(String.init) }
            #expect(revealed.count == 3)
            let commitments = Set(revealed.map { BidderCommitment.make(partyID: $0[0], salt: $0[1]) })
            for entry in bidderEntries {
                let actor = (try JSONSerialization.jsonObject(with: Data(entry.entry.utf8)) as? [String: Any])?["actor"] as? String
                #expect(commitments.contains(actor ?? ""), "every earlier commitment opens to a registered party")
            }
        }
    }

    @Test("every bid row has its log entry and every bid entry its row", arguments: TestEngine.available)
    func entriesAndChangesCorrespond(engine: TestEngine) async throws {
        let test = try await TestPlatform.make(engine)
        defer { Task { await test.shutdown() } }
        try await test.test { client in
            let fixture = try await Fixture.make(client)
            try await fixture.announce(client, now: test.clock.now())
            for index in 0..<3 { _ = try await fixture.bid(client, index, price: 90_000_000_000 + Int64(index)) }
            let (refused, _) = try await client.upload("\(fixture.lotPath)/bids?priceFen=-5&filename=x.pdf", token: fixture.bidders[0], bytes: [1, 2, 3])
            #expect(refused == .unprocessableContent)
        }
        let (bids, entries) = try await test.platform.engine.read { db in
            (try await db.rows("SELECT * FROM bids", as: BidRow.self), try await LogRecords.entries(from: 0, limit: 1000, on: db))
        }
        let submitted = entries.filter { $0.entry.contains("\"bid.submitted\"") }
        #expect(bids.count == 3 && submitted.count == 3)
        for bid in bids {
            let entry = entries.first { $0.idx == bid.logIndex }
            #expect(entry?.entry.contains(bid.id) == true && entry?.entry.contains(bid.documentSha256) == true)
        }
    }

    @Test("yiwang audit passes an untouched log and names the first changed, deleted or reordered entry", arguments: TestEngine.available)
    func auditFindsTampering(engine: TestEngine) async throws {
        typealias Tamper = @Sendable (any SQLDatabase) async throws -> Void
        let cases: [(String, UInt64, Tamper)] = [
            ("entry text changed", 3, { db in try await db.raw("UPDATE log_entries SET entry = REPLACE(entry, 'test.event', 'test.evenT') WHERE idx = 3").run() }),
            ("entry and leaf hash rewritten", 4, { db in
                let forged = "{\"actor\":\"tester\",\"type\":\"forged\"}"
                try await db.raw("UPDATE log_entries SET entry = \(bind: forged), leaf_hash = \(bind: Merkle.leafHash(Array(forged.utf8)).hex) WHERE idx = 4").run()
            }),
            ("row deleted", 2, { db in try await db.raw("DELETE FROM log_entries WHERE idx = 2").run() }),
            ("rows reordered", 5, { db in
                try await db.raw("UPDATE log_entries SET idx = -1 WHERE idx = 5").run()
                try await db.raw("UPDATE log_entries SET idx = 5 WHERE idx = 6").run()
                try await db.raw("UPDATE log_entries SET idx = 6 WHERE idx = -1").run()
            }),
            ("last row deleted", 7, { db in try await db.raw("DELETE FROM log_entries WHERE idx = (SELECT MAX(idx) FROM log_entries)").run() }),
        ]
        for (name, expected, tamper) in cases {
            let test = try await TestPlatform.make(engine)
            // setup: a log of exactly 8 entries, each under its own signed checkpoint
            try await test.platform.engine.transaction { db in try await db.raw("DELETE FROM log_entries").run(); try await db.raw("DELETE FROM log_checkpoints").run() }
            let fresh = try await TestPlatform.reopen(test)
            try await Self.appendEvents(fresh, count: 8)
            let verifier = fresh.platform.log.verifier
            guard case .success = try await StoredLogAudit.run(engine: fresh.platform.engine, verifier: verifier, external: []) else {
                Issue.record("\(name): the untouched log must pass")
                continue
            }
            // exercise
            try await fresh.platform.engine.transaction(tamper)
            let outcome = try await StoredLogAudit.run(engine: fresh.platform.engine, verifier: verifier, external: [])
            // validate
            switch outcome {
            case .success(let summary): Issue.record("\(name): audit passed: \(summary)")
            case .failure(let failure): #expect(failure.firstBadIndex == expected, "\(name): \(failure.description)")
            }
            // a server started on the tampered database refuses to sign
            let restarted = try await TestPlatform.reopen(fresh)
            await #expect(throws: (any Error).self, "\(name): the log stops signing") { _ = try await restarted.platform.log.checkpoint() }
            await restarted.shutdown()
        }
    }

    @Test("a checkpoint from elsewhere that the database no longer matches fails the audit", arguments: TestEngine.available)
    func externalCheckpoint(engine: TestEngine) async throws {
        let test = try await TestPlatform.make(engine)
        defer { Task { await test.shutdown() } }
        try await Self.appendEvents(test, count: 3, checkpointEach: false)
        let witnessed = try await test.platform.log.checkpoint().note.formatted
        // the operator rewrites history and re-signs the checkpoints in the database, but not the witness's copy
        try await test.platform.engine.transaction { db in
            try await db.raw("UPDATE log_entries SET entry = '{}', leaf_hash = \(bind: Merkle.leafHash(Array("{}".utf8)).hex) WHERE idx = 1").run()
            try await db.raw("DELETE FROM log_checkpoints").run()
        }
        let verifier = test.platform.log.verifier
        guard case .success = try await StoredLogAudit.run(engine: test.platform.engine, verifier: verifier, external: []) else {
            Issue.record("with every stored checkpoint deleted, only an outside copy can catch the rewrite")
            return
        }
        let outcome = try await StoredLogAudit.run(engine: test.platform.engine, verifier: verifier, external: [witnessed])
        guard case .failure(let failure) = outcome else { Issue.record("the witnessed checkpoint must catch the rewrite"); return }
        #expect(failure.description.contains("first bad entry"))
    }
}

@Suite("Witness log: receipts and the project's witness certificate")
struct WitnessReceiptTests {
    @Test("a document, a bid and the opening each come back with a tlog-proof receipt that verifies offline", arguments: TestEngine.available)
    func receiptsVerify(engine: TestEngine) async throws {
        let test = try await TestPlatform.make(engine)
        defer { Task { await test.shutdown() } }
        try await test.test { client in
            let fixture = try await Fixture.make(client)
            let (uploaded, document) = try await client.upload("/api/v1/projects/\(fixture.projectID)/documents?filename=doc.pdf", token: fixture.tenderer, bytes: Array("招标文件".utf8))
            #expect(uploaded == .created)
            try await fixture.announce(client, now: test.clock.now())
            let (submitted, bid) = try await fixture.bid(client, 0, price: 90_000_000_000)
            #expect(submitted == .created)
            let verifier = test.platform.log.verifier
            for (what, json, digest) in [("document", document, document["sha256"] as? String), ("bid", bid, bid["sha256"] as? String)] {
                let text = try #require(json["receipt"] as? String, "\(what) receipt")
                let receipt = try TlogProof(parsing: text)
                let checkpoint = try receipt.verify(log: verifier, witnesses: [], minWitnesses: 0)
                #expect(receipt.index == UInt64(json["logIndex"] as? Int ?? -1))
                #expect(checkpoint.size > receipt.index)
                let entry = String(decoding: try #require(receipt.extra), as: UTF8.self)
                #expect(entry.contains(try #require(digest)), "the \(what) receipt's entry carries the document hash")
                // one changed byte of the entry and the receipt no longer verifies
                var forged = receipt
                forged.extra = Array(entry.replacingOccurrences(of: "\"type\":\"", with: "\"type\":\"x").utf8)
                #expect(throws: (any Error).self) { _ = try forged.verify(log: verifier, witnesses: [], minWitnesses: 0) }
            }
            // the opening (a result of the procedure) answers with its receipt too
            test.clock.advance(by: 22 * 86_400)
            let (opened, project) = try await client.json(.post, "\(fixture.lotPath)/open", token: fixture.tenderer)
            #expect(opened == .ok)
            let receipt = try TlogProof(parsing: try #require(project["receipt"] as? String))
            _ = try receipt.verify(log: verifier, witnesses: [], minWitnesses: 0)
            #expect(String(decoding: receipt.extra ?? [], as: UTF8.self).contains("\"lot.opened\""))
            // /log/receipts/{i}: any entry; past the end is 404 (found by schemathesis as a 500), not a log fault
            let served = try await OpeningPageTests.page(client, "/log/receipts/\(receipt.index)")
            #expect(served.0 == .ok && served.1.contains("index \(receipt.index)"))
            #expect(try await OpeningPageTests.page(client, "/log/receipts/\(receipt.index + 1000)").0 == .notFound)
            #expect(try await OpeningPageTests.page(client, "/log/receipts/18446744073709551615").0 == .notFound)
        }
    }

    @Test("the certificate page and bundle: every event of the project, verifiable offline; a changed event is named", arguments: TestEngine.available)
    func certificate(engine: TestEngine) async throws {
        let test = try await TestPlatform.make(engine)
        defer { Task { await test.shutdown() } }
        try await test.test { client in
            let fixture = try await Fixture.make(client)
            try await fixture.announce(client, now: test.clock.now())
            for index in 0..<3 { _ = try await fixture.bid(client, index, price: 90_000_000_000 + Int64(index)) }
            test.clock.advance(by: 22 * 86_400)
            _ = try await client.json(.post, "\(fixture.lotPath)/open", token: fixture.tenderer)
            let (pageStatus, page) = try await client.execute(uri: "/projects/\(fixture.projectID)/certificate", method: .get) { ($0.status, String(buffer: $0.body)) }
            #expect(pageStatus == .ok)
            #expect(page.contains("电子见证书") && page.contains("递交投标文件") && page.contains("开标"))
            let bytes = try await client.execute(uri: "/projects/\(fixture.projectID)/certificate.json", method: .get) { Array($0.body.readableBytesView) }
            let certificate = try WitnessCertificate(json: bytes)
            // project.created, announced, 3 registrations, 3 bids, opened
            #expect(certificate.events.count == 9)
            let verdict = certificate.verify(log: test.platform.log.verifier, witnesses: [], minWitnesses: 0)
            #expect(verdict.isValid, "\(verdict.checkpoint.failure ?? "") \(verdict.firstFailure?.description ?? "")")
            #expect(verdict.completenessChecked, "entries carry prev links")
            var tampered = certificate
            tampered.events[4].entry = tampered.events[4].entry.replacingOccurrences(of: "\"time\":\"", with: "\"time\":\"1")
            let bad = tampered.verify(log: test.platform.log.verifier, witnesses: [], minWitnesses: 0)
            #expect(!bad.isValid)
            #expect(bad.firstFailure?.position == 4)
            #expect(bad.firstFailure?.index == certificate.events[4].index)
        }
    }
}

@Suite("Witness log: the platform pushes checkpoints to a live witness")
struct WitnessPushTests {
    @Test("each new checkpoint is cosigned by the configured witness; receipts carry the cosignature; a fork is refused", arguments: TestEngine.available)
    func platformCheckpointsAreCosigned(engine: TestEngine) async throws {
        // setup: the log key exists before the witness starts, so the witness can trust it
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("yiwang-test-\(UUID().uuidString)")
        let logSigner = try LogKeyFile.loadOrCreate(path: directory.appendingPathComponent("log.key").path, origin: "yiwang.local/log")
        let witnessSigner = try NoteSigner.generate(name: "witness.regulator.test", type: .cosignatureV1)
        let service = try WitnessService(
            signer: witnessSigner, logKeys: [logSigner.verifier],
            stateFile: WitnessStateFile(path: directory.appendingPathComponent("witness-state.json").path), logger: Logger(label: "witness")
        )
        let witnessApp = buildWitnessApplication(configuration: .init(address: .hostname("127.0.0.1", port: 0)), witness: service)
        try await witnessApp.test(.live) { witnessClient in
            let port = try #require(witnessClient.port)
            let test = try await TestPlatform.make(engine, directory: directory, witnesses: ["http://127.0.0.1:\(port)/=\(witnessSigner.verifier.vkey)"])
            defer { Task { await test.shutdown() } }
            // exercise: changes through the API produce receipts under cosigned checkpoints
            try await test.test { client in
                let fixture = try await Fixture.make(client)
                try await fixture.announce(client, now: test.clock.now())
                let (status, bid) = try await fixture.bid(client, 0, price: 90_000_000_000)
                #expect(status == .created)
                let receipt = try TlogProof(parsing: try #require(bid["receipt"] as? String))
                // validate: the receipt verifies with one required witness
                let checkpoint = try receipt.verify(log: logSigner.verifier, witnesses: [witnessSigner.verifier], minWitnesses: 1)
                #expect(await service.latest(origin: "yiwang.local/log")?.size == checkpoint.size)
            }
            // the witness's copy catches a rewrite that the database alone would hide
            let note = try await test.platform.log.checkpoint().note
            #expect(note.signatures.contains { $0.keyID == witnessSigner.verifier.keyID })
            // a second checkpoint of the same size with another root, signed by the log: the witness refuses (409)
            let size = try await test.platform.log.checkpoint().size
            let forged = try Checkpoint(origin: "yiwang.local/log", size: size, rootHash: Merkle.leafHash(Array("fork".utf8))).sign(with: [logSigner])
            let reply = await service.addCheckpoint(body: AddCheckpointRequest(oldSize: size, consistencyProof: [], checkpoint: forged).body)
            #expect(reply.status == 409)
        }
        try? FileManager.default.removeItem(at: directory)
    }
}
