import Foundation
import Hummingbird
import HummingbirdTesting
import Server
import Testing

@Suite("Complaints (异议, 质疑, 投诉): statutory windows, holds on the procedure, escalation, all logged")
struct ComplaintTests {
    /// 条例22: an objection to the tender documents is raised at least 10 days before the bid deadline, answered within
    /// 3 days, and the procedure waits until it is answered (the opening is held).
    @Test("条例22: a documents objection holds the opening until answered; a late one is refused", arguments: TestEngine.available)
    func documentsObjection(engine: TestEngine) async throws {
        let test = try await TestPlatform.make(engine)
        defer { Task { await test.shutdown() } }
        try await test.test { client in
            let fixture = try await Fixture.make(client)
            try await fixture.announce(client, now: test.clock.now())
            for (index, price) in [(0, Int64(900_000_000)), (1, 910_000_000), (2, 950_000_000)] { _ = try await fixture.bid(client, index, price: price) }
            let path = "\(fixture.lotPath)/complaints"
            let form: [String: Any] = ["kind": "objection", "matter": "documents", "request": "评分标准第3.2条排斥潜在投标人，请修改"]
            // who may: bidders, not the tenderer
            let (byTenderer, problem) = try await client.json(.post, path, token: fixture.tenderer, body: form)
            #expect(byTenderer == .forbidden)
            #expect((problem["en"] as? String)?.isEmpty == false)
            let (filed, objection) = try await client.json(.post, path, token: fixture.bidders[0], body: form)
            #expect(filed == .created, "\(objection)")
            #expect(objection["phase"] as? String == "accepted")
            #expect(objection["holdsFrom"] as? String == "opening")
            #expect(objection["windowArticle"] as? String == "条例22")
            let caseID = objection["id"] as? String ?? "missing"
            // 12 days later (9 days before the deadline) it is too late: refused with the article, nothing written
            test.clock.advance(by: 12 * 86_400)
            let before = try await test.snapshot()
            let (late, refusal) = try await client.json(.post, path, token: fixture.bidders[1], body: form)
            #expect(late == .unprocessableContent)
            #expect(refusal["code"] as? String == "complaint-inadmissible")
            #expect(refusal["article"] as? String == "条例22")
            #expect(try await test.snapshot() == before)
            // the deadline passes: the opening is held while the objection is pending
            test.clock.advance(by: 10 * 86_400)
            let (held, suspended) = try await client.json(.post, "\(fixture.lotPath)/open", token: fixture.tenderer)
            #expect(held == .conflict)
            #expect(suspended["code"] as? String == "procedure-suspended")
            #expect((suspended["zh"] as? String)?.contains("开标") == true)
            // only the tenderer answers; a bidder may not
            let (byBidder, _) = try await client.json(.post, "/api/v1/complaints/\(caseID)/actions", token: fixture.bidders[1], body: ["action": "answer", "outcome": "dismissed", "reasoning": "x"])
            #expect(byBidder == .forbidden)
            let (answered, view) = try await client.json(.post, "/api/v1/complaints/\(caseID)/actions", token: fixture.tenderer, body: ["action": "answer", "outcome": "dismissed", "reasoning": "评分标准符合法律规定"])
            #expect(answered == .ok, "\(view)")
            #expect(view["phase"] as? String == "answered")
            let (opened, _) = try await client.json(.post, "\(fixture.lotPath)/open", token: fixture.tenderer)
            #expect(opened == .ok, "the hold is released by the answer")
            // the filer and the regulator see the case on the project; another bidder does not
            let (_, mine) = try await client.json(.get, "/api/v1/projects/\(fixture.projectID)/complaints", token: fixture.bidders[0])
            #expect((mine["items"] as? [[String: Any]])?.count == 1)
            let (_, theirs) = try await client.json(.get, "/api/v1/projects/\(fixture.projectID)/complaints", token: fixture.bidders[2])
            #expect((theirs["items"] as? [[String: Any]])?.isEmpty == true)
            let (_, all) = try await client.json(.get, "/api/v1/complaints", token: fixture.regulator)
            #expect((all["items"] as? [[String: Any]])?.count == 1)
            let (_, log) = try await client.json(.get, "/api/v1/log/entries?limit=1000")
            let entries = ((log["entries"] as? [[String: Any]]) ?? []).compactMap { $0["entry"] as? String }
            let types = entries.compactMap { TenderFlowTests.type(of: $0) }
            #expect(types.contains("complaint.filed") && types.contains("complaint.answer"))
            #expect(!entries.contains { $0.contains("评分标准第3.2条") }, "the request's text stays out of the log")
        }
    }

    /// 条例60–61: a complaint follows an answered objection; the supervisor accepts (3 working days) and decides.
    @Test("条例60: escalate an answered objection to a complaint; the regulator accepts, suspends and decides", arguments: TestEngine.available)
    func escalation(engine: TestEngine) async throws {
        let test = try await TestPlatform.make(engine)
        defer { Task { await test.shutdown() } }
        try await test.test { client in
            let fixture = try await Fixture.make(client)
            try await fixture.announce(client, now: test.clock.now())
            for (index, price) in [(0, Int64(900_000_000)), (1, 910_000_000), (2, 950_000_000)] { _ = try await fixture.bid(client, index, price: price) }
            // a complaint straight away is refused: the objection must come first (条例60)
            let (direct, problem) = try await client.json(.post, "\(fixture.lotPath)/complaints", token: fixture.bidders[0], body: ["kind": "complaint", "matter": "documents", "request": "招标文件违法"])
            #expect(direct == .unprocessableContent)
            #expect(problem["code"] as? String == "complaint-inadmissible")
            let (_, objection) = try await client.json(.post, "\(fixture.lotPath)/complaints", token: fixture.bidders[0], body: ["kind": "objection", "matter": "documents", "request": "招标文件违法"])
            let objectionID = objection["id"] as? String ?? "missing"
            let (early, _) = try await client.json(.post, "/api/v1/complaints/\(objectionID)/escalate", token: fixture.bidders[0], body: ["request": "投诉"])
            #expect(early == .conflict, "not yet answered, answer period running")
            test.clock.advance(by: 86_400)
            _ = try await client.json(.post, "/api/v1/complaints/\(objectionID)/actions", token: fixture.tenderer, body: ["action": "answer", "outcome": "dismissed", "reasoning": "不成立"])
            let (byOther, _) = try await client.json(.post, "/api/v1/complaints/\(objectionID)/escalate", token: fixture.bidders[1], body: ["request": "投诉"])
            #expect(byOther == .forbidden)
            let (escalated, complaint) = try await client.json(.post, "/api/v1/complaints/\(objectionID)/escalate", token: fixture.bidders[0], body: ["request": "请责令修改招标文件"])
            #expect(escalated == .created, "\(complaint)")
            #expect(complaint["kind"] as? String == "complaint")
            #expect(complaint["phase"] as? String == "filed")
            #expect(complaint["precedingCaseId"] as? String == objectionID)
            #expect((complaint["deadlines"] as? [[String: Any]])?.first?["duty"] as? String == "accept", "条例61: accept within 3 working days")
            let complaintID = complaint["id"] as? String ?? "missing"
            let actions = "/api/v1/complaints/\(complaintID)/actions"
            let (byTenderer, _) = try await client.json(.post, actions, token: fixture.tenderer, body: ["action": "accept"])
            #expect(byTenderer == .forbidden)
            let (accepted, _) = try await client.json(.post, actions, token: fixture.regulator, body: ["action": "accept"])
            #expect(accepted == .ok)
            let (suspended, withHold) = try await client.json(.post, actions, token: fixture.regulator, body: ["action": "suspend", "from": "opening"])
            #expect(suspended == .ok, "条例62: the supervisor may order a suspension: \(withHold)")
            test.clock.advance(by: 21 * 86_400)
            let (held, _) = try await client.json(.post, "\(fixture.lotPath)/open", token: fixture.tenderer)
            #expect(held == .conflict)
            let (noReason, _) = try await client.json(.post, actions, token: fixture.regulator, body: ["action": "decide", "outcome": "dismissed", "reasoning": " "])
            #expect(noReason == .unprocessableContent)
            let (decided, final) = try await client.json(.post, actions, token: fixture.regulator, body: ["action": "decide", "outcome": "dismissed", "reasoning": "投诉缺乏事实根据"])
            #expect(decided == .ok, "\(final)")
            #expect(final["phase"] as? String == "decided")
            let (opened, _) = try await client.json(.post, "\(fixture.lotPath)/open", token: fixture.tenderer)
            #expect(opened == .ok)
        }
    }
}
