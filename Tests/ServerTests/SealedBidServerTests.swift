import Crypto
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import SQLKit
import SealedBid
import Server
import Storage
import Testing
import TradingCore

/// A tender with a 2-of-3 custodian panel (tenderer, regulator, notary) and bidders with registered keys.
struct SealedFixture {
    var base: Fixture
    var custodianKeys: [CustodianKey]
    var custodianTokens: [String]
    var bidderKeys: [BidderKey]
    var deadline: Date

    static func make(_ client: any TestClientProtocol, test: TestPlatform) async throws -> SealedFixture {
        let base = try await Fixture.make(client)
        let (made, _) = try await client.json(.post, "/api/v1/accounts", token: base.operatorToken, body: [
            "username": "notary", "password": "password-123", "role": "regulator", "displayName": "公证处",
        ])
        guard made == .created else { throw TestFailure("notary account: \(made)") }
        let keys = (0..<3).map { _ in CustodianKey() }
        let (panel, json) = try await client.json(.put, "/api/v1/projects/\(base.projectID)/custodians", token: base.tenderer, body: [
            "threshold": 2,
            "custodians": zip(["招标人", "监管部门", "公证处"], zip(["tenderer", "regulator", "notary"], keys)).map { name, pair in
                ["name": name, "username": pair.0, "publicKey": pair.1.publicKey.text] as [String: Any]
            },
        ])
        guard panel == .ok else { throw TestFailure("panel: \(panel) \(json)") }
        try await base.announce(client, now: test.clock.now())
        let (_, project) = try await client.json(.get, "/api/v1/projects/\(base.projectID)")
        let deadlineText = (project["lots"] as? [[String: Any]])?.first?["bidDeadline"] as? String
        guard let deadline = deadlineText.flatMap(Timestamps.parse) else { throw TestFailure("no deadline in \(project)") }
        var bidderKeys: [BidderKey] = []
        for index in 0..<4 {
            let key = BidderKey()
            let (status, _) = try await client.json(.put, "/api/v1/me/bidder-key", token: base.bidders[index], body: ["publicKey": key.publicKey.text])
            guard status == .ok else { throw TestFailure("bidder key \(index): \(status)") }
            bidderKeys.append(key)
        }
        let tokens = [base.tenderer, try await client.login("regulator"), try await client.login("notary")]
        return SealedFixture(base: base, custodianKeys: keys, custodianTokens: tokens, bidderKeys: bidderKeys, deadline: deadline)
    }

    var panel: CustodianPanel { try! CustodianPanel(custodians: self.custodianKeys.map(\.publicKey), threshold: 2) }

    /// Bidder `index`'s envelope: price in fen, a file that carries `marker`.
    func envelope(_ index: Int, price: Int64, marker: String, deadline: Date? = nil) throws -> BidEnvelope {
        let payload = BidPayload(
            openingSheet: OpeningSheet(priceFen: price, durationDays: 180, fields: ["note": marker]),
            fileName: "bid\(index).pdf", fileBytes: Array("%PDF-1.7\n/Author (Bidder \(index))\n\(marker) 投标文件正文".utf8)
        )
        let binding = BidBinding(tenderID: self.base.projectID, lotID: self.base.lotID, bidderID: self.base.bidderParties[index], deadline: deadline ?? self.deadline)
        return try BidEnvelope.seal(payload: payload, binding: binding, panel: self.panel, signingKey: self.bidderKeys[index].signingKey)
    }

    func submit(_ client: any TestClientProtocol, _ index: Int, _ envelope: BidEnvelope, register: Bool = true) async throws -> (status: HTTPResponse.Status, json: [String: Any]) {
        if register {
            try await client.json(.post, "\(self.base.lotPath)/registrations", token: self.base.bidders[index], body: ["deposit": "paid"])
        }
        return try await client.execute(
            uri: "\(self.base.lotPath)/sealed-bids", method: .post,
            headers: [.authorization: "Bearer \(self.base.bidders[index])", .contentType: "application/octet-stream",
                      HTTPField.Name("X-Yiwang-Tool")!: "yiwang/test", HTTPField.Name("X-Yiwang-Machine")!: "machine-\(index % 2)"],
            body: ByteBuffer(bytes: envelope.serialized)
        ) { response in
            (response.status, (try? JSONSerialization.jsonObject(with: Data(response.body.readableBytesView))) as? [String: Any] ?? [:])
        }
    }

    /// Custodian `position` downloads every envelope and releases its share files.
    func release(_ client: any TestClientProtocol, custodian position: Int, now: Date) async throws -> (status: HTTPResponse.Status, json: [String: Any]) {
        let token = self.custodianTokens[position]
        let (_, list) = try await client.json(.get, "\(self.base.lotPath)/envelopes", token: token)
        var text = ""
        for item in (list["items"] as? [[String: Any]]) ?? [] {
            let url = item["url"] as? String ?? ""
            let (status, bytes) = try await client.execute(uri: url, method: .get, headers: [.authorization: "Bearer \(token)"]) { ($0.status, Array($0.body.readableBytesView)) }
            guard status == .ok else { continue }  // an envelope the platform cannot hand out gets no share
            text += try BidEnvelope(serialized: bytes).releaseShare(using: self.custodianKeys[position], now: now).text
        }
        return try await client.execute(
            uri: "\(self.base.lotPath)/shares", method: .post, headers: [.authorization: "Bearer \(token)", .contentType: "text/plain"],
            body: ByteBuffer(string: text)
        ) { response in
            (response.status, (try? JSONSerialization.jsonObject(with: Data(response.body.readableBytesView))) as? [String: Any] ?? [:])
        }
    }
}

@Suite("Sealed bids and the custodian opening (不见面开标)")
struct SealedBidServerTests {
    @Test("panel logged with the notice; envelopes checked at upload; 2 of 3 custodians open; prices read out", arguments: TestEngine.available)
    func sealedTender(engine: TestEngine) async throws {
        let test = try await TestPlatform.make(engine)
        defer { Task { await test.shutdown() } }
        try await test.test { client in
            // setup
            let fixture = try await SealedFixture.make(client, test: test)
            let announced = try await test.platform.engine.read { db in try await LogRecords.entries(from: 0, limit: 1000, on: db) }.last { $0.entry.contains("project.announced") }
            #expect(announced?.entry.contains(fixture.custodianKeys[2].publicKey.text.trimmingCharacters(in: .newlines)) == true, "custodian keys logged with the notice")
            // the panel is public (no sign-in): k and the keys in share order, what bidders seal to
            let (published, panel) = try await client.json(.get, "/api/v1/projects/\(fixture.base.projectID)/custodians")
            #expect(published == .ok && panel["threshold"] as? Int == 2)
            #expect((panel["items"] as? [[String: Any]])?.compactMap { ($0["publicKey"] as? String)?.trimmingCharacters(in: .whitespacesAndNewlines) }
                == fixture.custodianKeys.map { $0.publicKey.text.trimmingCharacters(in: .whitespacesAndNewlines) })
            // exercise: three valid envelopes
            for (index, price) in [(0, Int64(95_000_000_000)), (1, 90_000_000_000), (2, 98_000_000_000)] {
                let (status, receipt) = try await fixture.submit(client, index, try fixture.envelope(index, price: price, marker: "MARK\(index)"))
                #expect(status == .created, "\(receipt)")
                #expect((receipt["envelopeSha256"] as? String)?.count == 64 && receipt["receipt"] is String)
            }
            // refusals at upload: plain file, wrong deadline, another bidder's key, another lot's binding
            let (plain, _) = try await client.upload("\(fixture.base.lotPath)/bids?priceFen=1&filename=a.pdf", token: fixture.base.bidders[3], bytes: [1])
            #expect(plain == .conflict)
            let wrongDeadline = try fixture.envelope(3, price: 1, marker: "X", deadline: fixture.deadline.addingTimeInterval(3600))
            #expect(try await fixture.submit(client, 3, wrongDeadline).status == .unprocessableContent)
            var forged = fixture
            forged.bidderKeys[3] = BidderKey()
            #expect(try await forged.submit(client, 3, try forged.envelope(3, price: 1, marker: "X"), register: false).status == .unprocessableContent)
            // before the deadline nobody gets the envelopes
            #expect(try await client.json(.get, "\(fixture.base.lotPath)/envelopes", token: fixture.custodianTokens[1]).status == .forbidden)
            // the deadline passes: the set is frozen, the opening waits for custodians
            test.clock.set(fixture.deadline.addingTimeInterval(60))
            let (closed, _) = try await client.json(.post, "\(fixture.base.lotPath)/open", token: fixture.base.tenderer)
            #expect(closed == .ok)
            let (_, waiting) = try await client.json(.get, "\(fixture.base.lotPath)/opening")
            #expect(waiting["phase"] as? String == "bidding-closed" && waiting["sealedBids"] as? Int == 3)
            let (stillWaiting, _) = try await client.json(.post, "\(fixture.base.lotPath)/open", token: fixture.base.tenderer)
            #expect(stillWaiting == .conflict, "no opening without k shares")
            #expect(waiting["stalled"] as? Bool == false)
            // past the share limit (60 minutes) with no custodian: the room shows the opening as stalled
            test.clock.advance(by: 2 * 3600)
            let (_, stalled) = try await client.json(.get, "\(fixture.base.lotPath)/opening")
            #expect(stalled["stalled"] as? Bool == true && stalled["sharesDueBy"] is String)
            // one custodian is not enough
            let (first, afterOne) = try await fixture.release(client, custodian: 0, now: test.clock.now())
            #expect(first == .ok)
            #expect(afterOne["phase"] as? String == "bidding-closed")
            // the second opens every bid
            let (second, opened) = try await fixture.release(client, custodian: 2, now: test.clock.now())
            #expect(second == .ok)
            #expect(opened["phase"] as? String == "opened", "\(opened)")
            let outcomes = (opened["outcomes"] as? [[String: Any]]) ?? []
            #expect(outcomes.count == 3 && outcomes.allSatisfy { $0["outcome"] as? String == "opened" })
            #expect(Set(outcomes.compactMap { $0["priceFen"] as? Int }) == [95_000_000_000, 90_000_000_000, 98_000_000_000])
            let (_, record) = try await client.json(.get, "/api/v1/notices?kind=opening-record&projectId=\(fixture.base.projectID)")
            let body = ((record["items"] as? [[String: Any]])?.first?["body"] as? String) ?? ""
            #expect(body.contains("900,000,000.00"), "唱标: the opening record reads out the decrypted prices")
            // supervision: the regulator sees submission metadata, with the creator read from the opened file
            let (seen, submissions) = try await client.json(.get, "\(fixture.base.lotPath)/submissions", token: fixture.custodianTokens[1])
            #expect(seen == .ok)
            let metadata = ((submissions["items"] as? [[String: Any]]) ?? []).compactMap { $0["metadata"] as? [String: Any] }
            #expect(metadata.contains { $0["machineHash"] as? String == "machine-0" && ($0["documentCreator"] as? String)?.contains("Author=Bidder") == true })
            #expect(try await client.json(.get, "\(fixture.base.lotPath)/submissions", token: fixture.base.tenderer).status == .forbidden)
        }
    }

    @Test("fewer than 3 envelopes: 流标 at the deadline, nothing decrypted, no shares accepted (法28)", arguments: TestEngine.available)
    func tooFewBidsFailWithoutDecrypting(engine: TestEngine) async throws {
        let test = try await TestPlatform.make(engine)
        defer { Task { await test.shutdown() } }
        try await test.test { client in
            let fixture = try await SealedFixture.make(client, test: test)
            for index in 0..<2 { _ = try await fixture.submit(client, index, try fixture.envelope(index, price: 1_000_000, marker: "M\(index)")) }
            test.clock.advance(by: 22 * 86_400)
            #expect(try await test.platform.bidding.openDueLots() == 1)
            let (_, status) = try await client.json(.get, "\(fixture.base.lotPath)/opening")
            #expect(status["phase"] as? String == "failed")
            let (release, _) = try await fixture.release(client, custodian: 0, now: test.clock.now())
            #expect(release == .conflict)
            let bids = try await test.platform.engine.read { db in try await db.rows("SELECT * FROM bids", as: BidRow.self) }
            #expect(bids.isEmpty, "no envelope was decrypted")
        }
    }

    @Test("a platform-side failure (envelope changed in the file store) → that bid withdrawn; the others open (电子招标投标办法31)", arguments: TestEngine.available)
    func platformFaultWithdrawsOneBid(engine: TestEngine) async throws {
        let second = try await TestPlatform.make(engine)
        defer { Task { await second.shutdown() } }
        try await second.test { client in
            let fixture = try await SealedFixture.make(client, test: second)
            var hashes: [String] = []
            for index in 0..<4 {
                let (_, receipt) = try await fixture.submit(client, index, try fixture.envelope(index, price: 1_000_000 + Int64(index), marker: "M\(index)"))
                hashes.append(receipt["envelopeSha256"] as? String ?? "")
            }
            second.clock.advance(by: 22 * 86_400)
            _ = try await client.json(.post, "\(fixture.base.lotPath)/open", token: fixture.base.tenderer)
            _ = try await fixture.release(client, custodian: 0, now: second.clock.now())
            // the file store loses bidder 3's envelope (a platform-side failure)
            let path = second.directory.appendingPathComponent("files").path
            let enumerator = FileManager.default.enumerator(atPath: path)
            while let item = enumerator?.nextObject() as? String {
                if item.hasSuffix(hashes[3]) { try FileManager.default.removeItem(atPath: path + "/" + item) }
            }
            let (released, _) = try await fixture.release(client, custodian: 1, now: second.clock.now())
            #expect(released == .ok)
            let (_, final) = try await client.json(.get, "\(fixture.base.lotPath)/opening")
            let outcomes = (final["outcomes"] as? [[String: Any]]) ?? []
            #expect(final["phase"] as? String == "opened", "\(final)")
            #expect(outcomes.filter { $0["outcome"] as? String == "opened" }.count == 3)
            #expect(outcomes.first { $0["envelopeSha256"] as? String == hashes[3] }?["outcome"] as? String == "withdrawn")
        }
    }

    @Test("security: a copy of the database and file store before the opening plus k−1 custodian keys opens nothing and shows no plaintext", arguments: TestEngine.available)
    func copyBeforeOpeningRevealsNothing(engine: TestEngine) async throws {
        let test = try await TestPlatform.make(engine)
        defer { Task { await test.shutdown() } }
        try await test.test { client in
            let fixture = try await SealedFixture.make(client, test: test)
            let markers = (0..<3).map { "PLAINTEXT-MARKER-\($0)-\(UUID().uuidString)" }
            var envelopes: [BidEnvelope] = []
            for index in 0..<3 {
                let envelope = try fixture.envelope(index, price: 7_654_321 + Int64(index), marker: markers[index])
                envelopes.append(envelope)
                #expect(try await fixture.submit(client, index, envelope).status == .created)
            }
            test.clock.advance(by: 22 * 86_400)
            _ = try await client.json(.post, "\(fixture.base.lotPath)/open", token: fixture.base.tenderer)
            // the copy: every table's rows and every stored file, just before any share is released
            var copy = try await Self.databaseText(test)
            let files = test.directory.appendingPathComponent("files").path
            let enumerator = FileManager.default.enumerator(atPath: files)
            var storedEnvelopes: [BidEnvelope] = []
            while let item = enumerator?.nextObject() as? String {
                var isDirectory: ObjCBool = false
                guard FileManager.default.fileExists(atPath: files + "/" + item, isDirectory: &isDirectory), !isDirectory.boolValue else { continue }
                let data = try Data(contentsOf: URL(fileURLWithPath: files + "/" + item))
                copy += String(decoding: data, as: UTF8.self)
                if let envelope = try? BidEnvelope(serialized: Array(data)) { storedEnvelopes.append(envelope) }
            }
            for marker in markers {
                #expect(!copy.contains(marker), "no plaintext marker anywhere in the copy")
            }
            #expect(!copy.contains("7654321"), "no price anywhere in the copy")
            // k−1 = 1 custodian key: every envelope stays closed whichever key the attacker holds
            #expect(storedEnvelopes.count == 3)
            for envelope in storedEnvelopes {
                for key in fixture.custodianKeys {
                    let share = try envelope.releaseShare(using: key, now: test.clock.now())
                    #expect(throws: (any Error).self) { _ = try envelope.open(withShareFiles: [share]) }
                }
            }
        }
    }

    /// Every row of every table as text (PostgreSQL: row_to_json; SQLite: the database and WAL files' bytes).
    static func databaseText(_ test: TestPlatform) async throws -> String {
        if test.platform.engine.dialect == .postgres {
            return try await test.platform.engine.read { db in
                let tables = try await db.raw("SELECT tablename FROM pg_tables WHERE schemaname = 'public'").all().map { try $0.decode(column: "tablename", as: String.self) }
                var text = ""
                for table in tables {
                    for row in try await db.raw("SELECT row_to_json(t)::text AS j FROM \(unsafeRaw: table) t").all() {
                        text += try row.decode(column: "j", as: String.self) + "\n"
                    }
                }
                return text
            }
        }
        var text = ""
        for suffix in ["", "-wal"] {
            if let data = FileManager.default.contents(atPath: test.directory.appendingPathComponent("yiwang.sqlite").path + suffix) {
                text += String(decoding: data, as: UTF8.self)
            }
        }
        return text
    }
}
