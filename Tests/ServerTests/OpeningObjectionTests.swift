import Crypto
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import SQLKit
import Server
import Storage
import Testing
import TradingCore

@Suite("Objections at the opening and the signed opening record (条例44)")
struct OpeningObjectionTests {
    @Test("who may object and when; each objection and answer logged; the record is signed only when all are answered",
          arguments: TestEngine.available)
    func objectionsAndRecord(engine: TestEngine) async throws {
        let test = try await TestPlatform.make(engine)
        defer { Task { await test.shutdown() } }
        try await test.test { client in
            // setup: bidders 0–2 seal bids; bidder 3 registers but does not bid
            let fixture = try await SealedFixture.make(client, test: test)
            for index in 0..<3 {
                _ = try await fixture.submit(client, index, try fixture.envelope(index, price: 50_000_000 + Int64(index), marker: "M\(index)"))
            }
            try await client.json(.post, "\(fixture.base.lotPath)/registrations", token: fixture.base.bidders[3], body: ["deposit": "paid"])
            let objections = "\(fixture.base.lotPath)/opening/objections"
            let bidders = fixture.base.bidders
            // before the deadline: refused (条例44: raised at the opening)
            let (early, earlyProblem) = try await client.json(.post, objections, token: bidders[0], body: ["text": "开标前的异议"])
            #expect(early == .conflict && earlyProblem["code"] as? String == "objection-before-opening")
            #expect((earlyProblem["zh"] as? String)?.contains("开标前") == true && (earlyProblem["en"] as? String)?.isEmpty == false)
            test.clock.advance(by: 22 * 86_400)
            #expect(try await client.json(.post, "\(fixture.base.lotPath)/open", token: fixture.base.tenderer).status == .ok)
            let entriesBefore = try await Self.logTypes(test).count
            // refusals after the deadline: nobody signed in, a bidder without a bid, the tenderer, an empty text
            #expect(try await client.json(.post, objections, body: ["text": "x"]).status == .unauthorized)
            let (noBid, noBidProblem) = try await client.json(.post, objections, token: bidders[3], body: ["text": "我没有投标"])
            #expect(noBid == .forbidden && (noBidProblem["zh"] as? String)?.contains("投标人") == true)
            #expect(try await client.json(.post, objections, token: fixture.base.tenderer, body: ["text": "x"]).status == .forbidden)
            let (empty, emptyProblem) = try await client.json(.post, objections, token: bidders[0], body: ["text": "  "])
            #expect(empty == .unprocessableContent && emptyProblem["code"] as? String == "text-empty")
            #expect(try await Self.logTypes(test).count == entriesBefore, "refusals write nothing to the log")
            // a bidder of the lot objects: one row and one log entry with the text's hash, never the text
            let text = "保管人迟迟未提交密钥份额，请说明原因"
            let (raised, objection) = try await client.json(.post, objections, token: bidders[0], body: ["text": text])
            #expect(raised == .created && objection["bidderId"] as? String == fixture.base.bidderParties[0])
            let id = try #require(objection["id"] as? String)
            let raisedEntry = try #require(try await Self.logEntries(test).last { $0.contains("opening.objection-raised") })
            #expect(raisedEntry.contains(Self.sha256(text)) && !raisedEntry.contains(text) && raisedEntry.contains("\"actor\":\"bidder:"))
            // the answer: only the runner, once
            let answer = "\(objections)/\(id)/answer"
            #expect(try await client.json(.post, answer, token: bidders[1], body: ["text": "x"]).status == .forbidden)
            #expect(try await client.json(.post, "\(objections)/no-such/answer", token: fixture.base.tenderer, body: ["text": "x"]).status == .notFound)
            let (answered, answeredJSON) = try await client.json(.post, answer, token: fixture.base.tenderer, body: ["text": "两位保管人已在线，份额即将提交"])
            #expect(answered == .ok && (answeredJSON["answer"] as? [String: Any])?["text"] as? String == "两位保管人已在线，份额即将提交")
            #expect(try await client.json(.post, answer, token: fixture.base.tenderer, body: ["text": "再答"]).status == .conflict)
            #expect(try await Self.logTypes(test).suffix(2) == ["opening.objection-raised", "opening.objection-answered"])
            // signing: not before the opening, not with an open objection
            let sign = "\(fixture.base.lotPath)/opening/sign"
            let (tooEarly, tooEarlyProblem) = try await client.json(.post, sign, token: fixture.base.tenderer)
            #expect(tooEarly == .conflict && tooEarlyProblem["code"] as? String == "record-before-opening")
            _ = try await fixture.release(client, custodian: 0, now: test.clock.now())
            _ = try await fixture.release(client, custodian: 1, now: test.clock.now())
            let (second, secondJSON) = try await client.json(.post, objections, token: bidders[1], body: ["text": "第二项异议"])
            #expect(second == .created)
            let (blocked, blockedProblem) = try await client.json(.post, sign, token: fixture.base.tenderer)
            #expect(blocked == .conflict && blockedProblem["code"] as? String == "objections-unanswered", "条例44: every objection answered first")
            #expect(try await client.json(.post, sign, token: bidders[0]).status == .forbidden)
            _ = try await client.json(.post, "\(objections)/\(secondJSON["id"] as? String ?? "")/answer", token: fixture.base.tenderer, body: ["text": "已记录"])
            let (signed, record) = try await client.json(.post, sign, token: fixture.base.tenderer)
            #expect(signed == .created && record["receipt"] is String)
            // the record text is served as signed; its SHA-256 is the one logged
            let (recordStatus, recordText) = try await client.execute(uri: "\(fixture.base.lotPath)/opening/record", method: .get) { ($0.status, String(buffer: $0.body)) }
            #expect(recordStatus == .ok && Self.sha256(recordText) == record["sha256"] as? String)
            #expect(recordText.contains("500,000.00") && recordText.contains(text) && recordText.contains("两位保管人已在线"))
            let signedEntry = try #require(try await Self.logEntries(test).last { $0.contains("opening.record-signed") })
            #expect(signedEntry.contains(Self.sha256(recordText)))
            // after signing: no more objections, answers or signatures
            let (late, lateProblem) = try await client.json(.post, objections, token: bidders[2], body: ["text": "签署后"])
            #expect(late == .conflict && lateProblem["code"] as? String == "objection-closed")
            #expect(try await client.json(.post, sign, token: fixture.base.tenderer).status == .conflict)
            let (_, final) = try await client.json(.get, "\(fixture.base.lotPath)/opening/status")
            #expect(final["phase"] as? String == "signed" && final["openObjections"] as? Int == 0 && final["objectionsOpen"] as? Bool == false)
            #expect((final["record"] as? [String: Any])?["sha256"] as? String == record["sha256"] as? String)
        }
    }

    static func logEntries(_ test: TestPlatform) async throws -> [String] {
        try await test.platform.engine.read { db in try await LogRecords.entries(from: 0, limit: 10_000, on: db) }.map(\.entry)
    }

    static func logTypes(_ test: TestPlatform) async throws -> [String] {
        try await Self.logEntries(test).compactMap { entry in
            ((try? JSONSerialization.jsonObject(with: Data(entry.utf8))) as? [String: Any])?["type"] as? String
        }
    }

    static func sha256(_ text: String) -> String {
        SHA256.hash(data: Array(text.utf8)).map { String(format: "%02x", $0) }.joined()
    }
}
