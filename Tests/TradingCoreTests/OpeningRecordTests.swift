import Foundation
import Testing
import TradingCore

@Suite("Opening session: objections (条例44), signing and publishing the record")
struct OpeningRecordTests {
    let fixtures = OpeningFixtures()

    @Test("条例44: objections are raised during the session by a bidder of the lot, not before the deadline")
    func whoAndWhenObjects() throws {
        let scheduled = try self.fixtures.scheduled()
        expectRefusal(scheduled, .objectionRaised(id: "o1", bidderID: "bidder-1", text: "异议"), at: self.fixtures.at(-10), code: "opening-not-started")
        var session = try self.fixtures.awaitingShares()
        expectRefusal(session, .objectionRaised(id: "o1", bidderID: "bidder-9", text: "异议"), at: self.fixtures.at(10), code: "forbidden")
        expectRefusal(session, .objectionRaised(id: "o1", bidderID: "bidder-1", text: "  "), at: self.fixtures.at(10), code: "objection-text")
        let long = String(repeating: "长", count: OpeningSession.maxTextLength + 1)
        expectRefusal(session, .objectionRaised(id: "o1", bidderID: "bidder-1", text: long), at: self.fixtures.at(10), code: "objection-text")
        let effects = try session.handle(.objectionRaised(id: "o1", bidderID: "bidder-1", text: " 解密顺序有误 "), now: self.fixtures.at(10))
        #expect(effects == [.recordObjection(OpeningObjection(id: "o1", bidderID: "bidder-1", text: "解密顺序有误", raisedAt: self.fixtures.at(10)))])
        expectRefusal(session, .objectionRaised(id: "o1", bidderID: "bidder-2", text: "另一异议"), at: self.fixtures.at(11), code: "objection-id")
        #expect(session.status(now: self.fixtures.at(12)).openObjections.map(\.id) == ["o1"])
    }

    @Test("条例44: only the runner answers, once; the answer is recorded and closes the objection")
    func answering() throws {
        var session = try self.fixtures.decrypting()
        _ = try session.handle(.objectionRaised(id: "o1", bidderID: "bidder-2", text: "我方保管人未到场"), now: self.fixtures.at(100))
        expectRefusal(session, .objectionAnswered(id: "o1", by: "bidder-1", text: "答复"), at: self.fixtures.at(110), code: "forbidden")
        expectRefusal(session, .objectionAnswered(id: "o9", by: self.fixtures.runner, text: "答复"), at: self.fixtures.at(110), code: "not-found")
        let effects = try session.handle(.objectionAnswered(id: "o1", by: self.fixtures.runner, text: "已有三名保管人释放份额"), now: self.fixtures.at(120))
        let answered = try #require(session.objections.first)
        #expect(effects == [.recordAnswer(answered)])
        #expect(answered.answer == ObjectionAnswer(by: self.fixtures.runner, text: "已有三名保管人释放份额", answeredAt: self.fixtures.at(120)))
        expectRefusal(session, .objectionAnswered(id: "o1", by: self.fixtures.runner, text: "再答"), at: self.fixtures.at(130), code: "objection-answered")
        #expect(session.status(now: self.fixtures.at(130)).openObjections.isEmpty)
    }

    @Test("条例44: an unanswered objection blocks signing; once answered the runner signs")
    func objectionsBlockSigning() throws {
        var session = try self.fixtures.recording()
        _ = try session.handle(.objectionRaised(id: "o1", bidderID: "bidder-3", text: "报价读错"), now: self.fixtures.at(200))
        _ = try session.handle(.objectionRaised(id: "o2", bidderID: "bidder-1", text: "工期读错"), now: self.fixtures.at(201))
        _ = try session.handle(.objectionAnswered(id: "o2", by: self.fixtures.runner, text: "已核对"), now: self.fixtures.at(202))
        expectRefusal(session, .recordSigned(by: self.fixtures.runner, signature: "sig"), at: self.fixtures.at(210), code: "objections-open")
        _ = try session.handle(.objectionAnswered(id: "o1", by: self.fixtures.runner, text: "已核对，无误"), now: self.fixtures.at(220))
        let effects = try session.handle(.recordSigned(by: self.fixtures.runner, signature: "sig"), now: self.fixtures.at(230))
        #expect(effects == [.recordSignature(OpeningSignature(by: self.fixtures.runner, signer: .runner, signature: "sig", signedAt: self.fixtures.at(230)))])
        #expect(session.phase == .signed)
    }

    @Test("条例44: after the runner signs, objections are closed")
    func objectionsCloseAtSigning() throws {
        let session = try self.fixtures.signed()
        expectRefusal(session, .objectionRaised(id: "o1", bidderID: "bidder-1", text: "迟到的异议"), at: self.fixtures.at(400), code: "record-signed")
    }

    @Test("The record cannot be signed before every bid is decided, nor by anyone but the runner and the supervisor")
    func signingRules() throws {
        expectRefusal(try self.fixtures.decrypting(), .recordSigned(by: self.fixtures.runner, signature: "sig"), at: self.fixtures.at(200), code: "opening-wrong-state")
        let recording = try self.fixtures.recording()
        expectRefusal(recording, .recordSigned(by: "bidder-1", signature: "sig"), at: self.fixtures.at(200), code: "forbidden")
        expectRefusal(recording, .recordSigned(by: self.fixtures.runner, signature: ""), at: self.fixtures.at(200), code: "signature-missing")
        expectRefusal(recording, .recordSigned(by: self.fixtures.supervisor, signature: "sig"), at: self.fixtures.at(200), code: "runner-signs-first")
        var signed = try self.fixtures.signed()
        expectRefusal(signed, .recordSigned(by: self.fixtures.runner, signature: "sig2"), at: self.fixtures.at(400), code: "already-signed")
        let effects = try signed.handle(.recordSigned(by: self.fixtures.supervisor, signature: "sig-sup"), now: self.fixtures.at(410))
        #expect(effects == [.recordSignature(OpeningSignature(by: self.fixtures.supervisor, signer: .supervisor, signature: "sig-sup", signedAt: self.fixtures.at(410)))])
        expectRefusal(signed, .recordSigned(by: self.fixtures.supervisor, signature: "sig-sup"), at: self.fixtures.at(420), code: "already-signed")
    }

    @Test("Without a supervisor in the plan, only the runner signs")
    func noSupervisor() throws {
        var session = try OpeningSession(plan: self.fixtures.plan(supervisor: nil))
        _ = try session.handle(.deadlineReached(bids: self.fixtures.bids(3)), now: self.fixtures.at(0))
        for custodian in self.fixtures.custodians.prefix(3) {
            _ = try session.handle(.shareReleased(custodianID: custodian.id, bidIDs: ["bid-1", "bid-2", "bid-3"]), now: self.fixtures.at(10))
        }
        for bid in self.fixtures.bids(3) {
            _ = try session.handle(.decrypted(bidID: bid.bidID, result: .success(self.fixtures.readOut(5))), now: self.fixtures.at(20))
        }
        _ = try session.handle(.recordSigned(by: self.fixtures.runner, signature: "sig"), now: self.fixtures.at(30))
        expectRefusal(session, .recordSigned(by: self.fixtures.supervisor, signature: "sig"), at: self.fixtures.at(40), code: "forbidden")
    }

    @Test("Publishing needs the runner's signature and carries the whole record; the session then ends")
    func publish() throws {
        expectRefusal(try self.fixtures.recording(), .recordPublished, at: self.fixtures.at(300), code: "opening-wrong-state")
        var session = try self.fixtures.signed()
        let effects = try session.handle(.recordPublished, now: self.fixtures.at(500))
        let record = session.record
        #expect(effects == [.publishRecord(record)])
        #expect(record.bids == self.fixtures.bids(4))
        #expect(record.releases.map(\.custodianID) == ["c-tenderer", "c-agency", "c-regulator"])
        #expect(record.priceSheet?.rows.count == 4)
        #expect(record.signatures.map(\.signer) == [.runner])
        #expect(session.phase == .published)
        expectRefusal(session, .recordPublished, at: self.fixtures.at(600), code: "opening-wrong-state")
        expectRefusal(session, .bidderJoined(bidderID: "bidder-1"), at: self.fixtures.at(600), code: "opening-wrong-state")
    }

    @Test("The opening record encodes as JSON with domain keys")
    func recordJSON() throws {
        let session = try self.fixtures.signed()
        let data = try JSONEncoder().encode(session.record)
        let text = try #require(String(data: data, encoding: .utf8))
        #expect(text.contains("\"lotId\":\"lot-1\"") && text.contains("\"bidderId\":\"bidder-1\""))
        let decoded = try JSONDecoder().decode(OpeningSession.self, from: JSONEncoder().encode(session))
        #expect(decoded == session, "the session round-trips for storage")
    }
}
