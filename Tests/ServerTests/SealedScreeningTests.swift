import Foundation
import Hummingbird
import HummingbirdTesting
import Server
import Testing

@Suite("Screening at a sealed opening uses the submission metadata (条例40)")
struct SealedScreeningTests {
    /// SealedFixture submits bidders 0 and 2 from the same machine hash (`machine-0`): 条例40 presumes collusion when
    /// different bidders' files are made or uploaded on the same machine.
    @Test("the same machine hash for two bidders raises a tiaoli40_same_machine alert when the custodians open", arguments: TestEngine.available)
    func sameMachine(engine: TestEngine) async throws {
        let test = try await TestPlatform.make(engine)
        defer { Task { await test.shutdown() } }
        try await test.test { client in
            let fixture = try await SealedFixture.make(client, test: test)
            for (index, price) in [(0, Int64(95_000_000_000)), (1, 90_000_000_000), (2, 98_000_000_000)] {
                let (status, _) = try await fixture.submit(client, index, try fixture.envelope(index, price: price, marker: "MARK\(index)"))
                #expect(status == .created)
            }
            test.clock.set(fixture.deadline.addingTimeInterval(60))
            _ = try await client.json(.post, "\(fixture.base.lotPath)/open", token: fixture.base.tenderer)
            let (_, closed) = try await client.json(.get, "/api/v1/supervision/alerts", token: fixture.base.regulator)
            #expect((closed["items"] as? [[String: Any]])?.isEmpty == true, "nothing is screened before the envelopes open")
            _ = try await fixture.release(client, custodian: 0, now: test.clock.now())
            let (_, opened) = try await fixture.release(client, custodian: 2, now: test.clock.now())
            #expect(opened["phase"] as? String == "opened")
            let (_, list) = try await client.json(.get, "/api/v1/supervision/alerts", token: fixture.base.regulator)
            let alerts = (list["items"] as? [[String: Any]]) ?? []
            let machine = alerts.first { $0["code"] as? String == "tiaoli40_same_machine" }
            #expect(machine != nil, "\(alerts.map { $0["code"] ?? "" })")
            #expect(Set((machine?["bidders"] as? [String]) ?? []) == ["投标企业1有限公司", "投标企业3有限公司"])
            #expect(machine?["severity"] as? String == "high")
        }
    }

    /// 条例22: a pending objection to the documents holds the opening; released shares are kept and the runner opens
    /// once the objection is answered.
    @Test("a pending objection holds a sealed opening: shares are kept, the lot opens after the answer", arguments: TestEngine.available)
    func heldSealedOpening(engine: TestEngine) async throws {
        let test = try await TestPlatform.make(engine)
        defer { Task { await test.shutdown() } }
        try await test.test { client in
            let fixture = try await SealedFixture.make(client, test: test)
            for (index, price) in [(0, Int64(95_000_000_000)), (1, 90_000_000_000), (2, 98_000_000_000)] {
                _ = try await fixture.submit(client, index, try fixture.envelope(index, price: price, marker: "MARK\(index)"))
            }
            let (filed, objection) = try await client.json(.post, "\(fixture.base.lotPath)/complaints", token: fixture.base.bidders[1], body: [
                "kind": "objection", "matter": "documents", "request": "技术参数指向特定品牌",
            ])
            #expect(filed == .created, "\(objection)")
            test.clock.set(fixture.deadline.addingTimeInterval(60))
            let (closed, _) = try await client.json(.post, "\(fixture.base.lotPath)/open", token: fixture.base.tenderer)
            #expect(closed == .ok, "closing the envelope set is not held")
            _ = try await fixture.release(client, custodian: 0, now: test.clock.now())
            let (released, status) = try await fixture.release(client, custodian: 2, now: test.clock.now())
            #expect(released == .ok)
            #expect(status["phase"] as? String == "bidding-closed", "held: not opened")
            let caseID = objection["id"] as? String ?? "missing"
            let (answered, _) = try await client.json(.post, "/api/v1/complaints/\(caseID)/actions", token: fixture.base.tenderer, body: [
                "action": "answer", "outcome": "dismissed", "reasoning": "参数为通用要求",
            ])
            #expect(answered == .ok)
            let (opened, project) = try await client.json(.post, "\(fixture.base.lotPath)/open", token: fixture.base.tenderer)
            #expect(opened == .ok, "\(project)")
            let (_, room) = try await client.json(.get, "\(fixture.base.lotPath)/opening")
            #expect(room["phase"] as? String == "opened")
        }
    }
}
