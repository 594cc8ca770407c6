import ExpertDraw
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Server
import Storage
import Testing
import TradingCore
import WitnessLog

@Suite("The expert draw in the platform: committee checks, commit-reveal, beacon, secrecy, declines, the published bundle")
struct ExpertDrawServerTests {
    @Test("a lot's committee is drawn by algorithm v1 and the bundle fetched through the router verifies", arguments: TestEngine.available)
    func drawAndVerify(engine: TestEngine) async throws {
        let test = try await TestPlatform.make(engine)
        defer { Task { await test.shutdown() } }
        try await test.test { client in
            // setup: registry, announced lot with three bidders
            let base = try await Fixture.make(client)
            let experts = try await ExpertFixture.make(client, operatorToken: base.operatorToken)
            try await base.announce(client, now: test.clock.now())
            for index in 0..<3 { _ = try await base.bid(client, index, price: 90_000_000 + Int64(index)) }
            let draws = "\(base.lotPath)/draws"
            // 法37: committee checks when the draw is requested (odd, ≥ 5)
            let (even, evenProblem) = try await client.json(.post, draws, token: base.tenderer, body: ["categories": [["code": "C02", "count": 6]], "beacon": ["network": "x", "round": 1]])
            #expect(even == .unprocessableContent && evenProblem["code"] as? String == "committee-even" && evenProblem["article"] as? String == "法37")
            let (small, smallProblem) = try await client.json(.post, draws, token: base.tenderer, body: ["categories": [["code": "C02", "count": 3]], "beacon": ["network": "x", "round": 1]])
            #expect(small == .unprocessableContent && smallProblem["code"] as? String == "committee-too-small" && (smallProblem["zh"] as? String)?.isEmpty == false)
            #expect(try await client.json(.post, draws, token: base.bidders[0], body: ["categories": [["code": "C02", "count": 5]]]).status == .forbidden)
            // exercise: the request with a future quicknet round and two parties' commitments
            let now = Int64(test.clock.now().timeIntervalSince1970)
            let round = DrandChain.quicknet.futureRound(after: now, lead: 600)
            let values = [Array(repeating: UInt8(7), count: 32), Array(repeating: UInt8(9), count: 32)]
            let hex = values.map { Hash(bytes: $0)!.hex }
            let (created, draw) = try await client.json(.post, draws, token: base.tenderer, body: [
                "categories": [["code": "C02", "count": 4], ["code": "E01", "count": 1]], "reserve": 2,
                "beacon": ["network": DrandChain.quicknet.network, "round": round],
                "contributions": [["party": "regulator", "commitment": Hash.sha256(Data(values[0])).hex], ["party": "tenderer", "commitment": Hash.sha256(Data(values[1])).hex]],
                "exclusions": [["expertId": "XM-C10", "reason": "参与过本项目前期咨询"]],
            ])
            #expect(created == .created, "\(draw)")
            let drawID = try #require(draw["id"] as? String)
            let commitment = try #require(draw["commitment"] as? [String: Any])
            #expect(commitment["pool_size"] as? Int == 16 && commitment["exclusion_count"] as? Int == 3, "XM-C13 is 76; C10 manual, C11 employer, C12 relative")
            #expect(try await client.json(.post, draws, token: base.tenderer, body: ["categories": [["code": "C02", "count": 5]], "beacon": ["network": "x", "round": 1]]).status == .conflict)
            let drawPath = "\(draws)/\(drawID)"
            // the beacon cannot come before every party revealed, nor early, nor for another round
            let beacon = Self.beacon(round: round)
            let (unrevealed, unrevealedProblem) = try await client.raw(.post, "\(drawPath)/beacon", token: base.tenderer, body: beacon)
            #expect(unrevealed == .conflict && unrevealedProblem["code"] as? String == "draw-unrevealed")
            #expect(try await client.json(.post, "\(drawPath)/reveal", token: base.bidders[0], body: ["party": "regulator", "value": hex[0]]).status == .forbidden)
            #expect(try await client.json(.post, "\(drawPath)/reveal", token: base.regulator, body: ["party": "regulator", "value": hex[1]]).status == .unprocessableContent)
            #expect(try await client.json(.post, "\(drawPath)/reveal", token: base.regulator, body: ["party": "regulator", "value": hex[0]]).status == .ok)
            #expect(try await client.json(.post, "\(drawPath)/reveal", token: base.tenderer, body: ["party": "tenderer", "value": hex[1]]).status == .ok)
            #expect(try await client.raw(.post, "\(drawPath)/beacon", token: base.tenderer, body: beacon).json["code"] as? String == "draw-beacon-early")
            test.clock.advance(by: 700)
            #expect(try await client.json(.post, "\(drawPath)/reveal", token: base.tenderer, body: ["party": "tenderer", "value": hex[1]]).status == .conflict)
            #expect(try await client.raw(.post, "\(drawPath)/beacon", token: base.tenderer, body: Self.beacon(round: round + 1)).json["code"] as? String == "draw-beacon-round")
            let (drawn, done) = try await client.raw(.post, "\(drawPath)/beacon", token: base.tenderer, body: beacon)
            #expect(drawn == .ok && done["status"] as? String == "drawn" && (done["seed"] as? String)?.count == 64 && done["resultHash"] is String)
            // secrecy (条例46): no names for the tenderer or the public, no bundle before the opening, none in the log
            #expect(done["committee"] == nil)
            let (secret, secretProblem) = try await client.json(.get, "\(drawPath)/draw.json")
            #expect(secret == .forbidden && secretProblem["code"] as? String == "draw-secret")
            #expect(try await client.json(.get, "\(drawPath)/draw.json", token: base.operatorToken).status == .forbidden)
            let drawnEntry = try #require(try await Self.entries(test).last { $0.contains("expert.drawn") })
            #expect(!experts.experts.contains { drawnEntry.contains($0.id) } && drawnEntry.contains(done["seed"] as! String))
            // invitations: five experts notified; one declines (reason required), the next reserve is invited
            var pending = try await Self.invitations(client, experts)
            #expect(pending.count == 5)
            let (decliner, invitation) = try #require(pending.first)
            #expect(try await client.json(.post, "/api/v1/my/invitations/\(invitation)/decline", token: decliner, body: ["reason": " "]).status == .unprocessableContent)
            let (declined, declinedJSON) = try await client.json(.post, "/api/v1/my/invitations/\(invitation)/decline", token: decliner, body: ["reason": "出差在外"])
            #expect(declined == .ok && declinedJSON["status"] as? String == "declined")
            pending = try await Self.invitations(client, experts)
            #expect(pending.count == 5 && !pending.contains { $0.invitation == invitation })
            let (accepter, accepted) = pending[0]
            #expect(try await client.json(.post, "/api/v1/my/invitations/\(accepted)/accept", token: accepter).json["status"] as? String == "accepted")
            #expect(try await client.json(.post, "/api/v1/my/invitations/\(accepted)/accept", token: accepter).status == .conflict)
            // the portal page: the expert accepts there too, and reads the inbox
            let (portalExpert, portalInvitation) = pending[1]
            let before = try await client.page("/workspace/invitations", cookie: "yw_session=\(portalExpert)")
            #expect(before.status == .ok && before.body.contains("待确认") && before.body.contains("/workspace/invitations/\(portalInvitation)/accept"))
            #expect(before.body.contains("评标专家抽取通知"))
            #expect(try await client.form("/workspace/invitations/\(portalInvitation)/accept", [:], cookie: "yw_session=\(portalExpert)").status == .seeOther)
            #expect(try await client.page("/workspace/invitations", cookie: "yw_session=\(portalExpert)").body.contains("已确认参加"))
            let (_, inbox) = try await client.json(.get, "/api/v1/my/inbox", token: accepter)
            #expect((inbox["items"] as? [[String: Any]])?.first?["subject"] as? String != nil)
            #expect(try await Self.entries(test).suffix(3).map { $0.contains("expert.invitation-declined") || $0.contains("expert.invitation-accepted") } == [true, true, true])
            // validate: after the opening the operator sees the names and fetches the bundle, which verifies
            test.clock.advance(by: 22 * 86_400)
            #expect(try await client.json(.post, "\(base.lotPath)/open", token: base.tenderer).status == .ok)
            let (_, view) = try await client.json(.get, drawPath, token: base.operatorToken)
            let committee = try #require(view["committee"] as? [[String: Any]])
            #expect(committee.count == 5 && committee.allSatisfy { ($0["name"] as? String)?.hasPrefix("专家") == true })
            let (fetched, bytes) = try await client.execute(uri: "\(drawPath)/draw.json", method: .get, headers: [.authorization: "Bearer \(base.operatorToken)"]) {
                ($0.status, Data($0.body.readableBytesView))
            }
            #expect(fetched == .ok)
            let keys = Set(((try JSONSerialization.jsonObject(with: bytes)) as? [String: Any] ?? [:]).keys)
            #expect(keys.isSuperset(of: ["draw_id", "pool", "excluded", "rules", "rules_canonical", "beacon", "contributions", "pool_root", "exclusions_root", "seed", "result"]))
            let bundle = try JSONDecoder().decode(DrawBundle.self, from: bytes)
            let verification = bundle.verify(against: try JSONDecoder().decode(DrawCommitment.self, from: JSONSerialization.data(withJSONObject: commitment)))
            #expect(verification.isVerified, "\(String(describing: verification.mismatch))")
            #expect(bundle.declines.count == 1 && bundle.resultCommitment?.hash.hex == done["resultHash"] as? String)
            let reasons = bundle.excluded.map(\.reason).joined(separator: "|")
            #expect(reasons.contains("12(3)") && reasons.contains("12(1)") && reasons.contains("manual: 参与过本项目前期咨询"))
            // one changed byte anywhere is named
            var tampered = String(decoding: bytes, as: UTF8.self)
            tampered = tampered.replacingOccurrences(of: bundle.seed.hex, with: String(bundle.seed.hex.reversed()))
            let broken = try JSONDecoder().decode(DrawBundle.self, from: Data(tampered.utf8)).verify()
            #expect(broken.mismatch?.field == "seed")
            // after the award the names and the bundle are public (条例46: secret until the result)
            // the committee evaluates and signs (条例53); the signed report records the lot's ranking
            let members = try await CommitteeFixture.acceptAll(client, experts)
            #expect(members.count == 5)
            let report = try await CommitteeFixture.evaluateUnanimously(client, lotPath: base.lotPath, members: members)
            #expect(report["status"] as? String == "complete" && (report["candidates"] as? [[String: Any]])?.count == 3)
            #expect(try await client.json(.get, "\(drawPath)/draw.json").status == .forbidden, "still secret from the public during evaluation")
            let (closed, closedProblem) = try await client.json(.post, "/api/v1/my/invitations/\(accepted)/decline", token: accepter, body: ["reason": "太晚了"])
            #expect(closed == .conflict && closedProblem["code"] as? String == "invitation-closed")
            #expect(try await client.json(.post, "\(base.lotPath)/publicity", token: base.tenderer, body: ["until": Fixture.local(test.clock.now(), days: 3)]).status == .ok)
            test.clock.advance(by: 4 * 86_400)
            #expect(try await client.json(.post, "\(base.lotPath)/award", token: base.tenderer, body: ["rank": 1]).status == .ok)
            let (publicBundle, _) = try await client.execute(uri: "\(drawPath)/draw.json", method: .get) { ($0.status, 0) }
            #expect(publicBundle == .ok)
            #expect((try await client.json(.get, drawPath).json["committee"] as? [[String: Any]])?.count == 5)
        }
    }

    @Test("87§47: procurement of 10 M yuan or more needs seven; 采法38,40: panels of three for inquiry", arguments: TestEngine.available)
    func procurementCommittees(engine: TestEngine) async throws {
        let test = try await TestPlatform.make(engine)
        defer { Task { await test.shutdown() } }
        try await test.test { client in
            let base = try await Fixture.make(client)
            for (catalog, counts, code) in [("procurement.open-tender", [5], "committee-too-small"), ("procurement.inquiry", [1, 1], "committee-too-small")] {
                let (_, project) = try await client.json(.post, "/api/v1/projects", token: base.tenderer, body: [
                    "title": "办公设备采购项目", "catalogCode": catalog, "region": "厦门市",
                    "lots": [["title": "设备", "estimateFen": 1_000_000_000, "depositFen": 0]],
                ])
                let projectID = try #require(project["id"] as? String)
                let lotID = try #require((project["lots"] as? [[String: Any]])?.first?["id"] as? String)
                let categories = counts.enumerated().map { ["code": ["G01", "E02"][$0.offset], "count": $0.element] }
                let (status, problem) = try await client.json(.post, "/api/v1/projects/\(projectID)/lots/\(lotID)/draws", token: base.tenderer, body: [
                    "categories": categories, "beacon": ["network": "x", "round": 1],
                ])
                #expect(status == .unprocessableContent && problem["code"] as? String == code, "\(catalog): \(problem)")
                if catalog == "procurement.open-tender" { #expect((problem["zh"] as? String)?.contains("7") == true) }
                // three for inquiry passes the committee check and stops at the lot's state (a draft)
                if catalog == "procurement.inquiry" {
                    let (draft, draftProblem) = try await client.json(.post, "/api/v1/projects/\(projectID)/lots/\(lotID)/draws", token: base.tenderer, body: [
                        "categories": [["code": "G01", "count": 2], ["code": "E02", "count": 1]], "beacon": ["network": "x", "round": 1],
                    ])
                    #expect(draft == .conflict && draftProblem["code"] as? String == "draw-wrong-state")
                }
            }
        }
    }

    /// A synthetic drand round: randomness = SHA-256(signature), as drand quicknet publishes.
    static func beacon(round: UInt64) -> [UInt8] {
        let signature = (0..<48).map { UInt8(truncatingIfNeeded: $0 &* 31 &+ Int(round % 251)) }
        let text = "{\"round\":\(round),\"randomness\":\"\(Hash.sha256(Data(signature)).hex)\",\"signature\":\"\(signature.map { String(format: "%02x", $0) }.joined())\"}"
        return Array(text.utf8)
    }

    /// Pending invitations over every expert account: (token, invitation id).
    static func invitations(_ client: any TestClientProtocol, _ experts: ExpertFixture) async throws -> [(token: String, invitation: String)] {
        var found: [(token: String, invitation: String)] = []
        for expert in experts.experts {
            let token = try await client.login(expert.username)
            let (_, json) = try await client.json(.get, "/api/v1/my/invitations", token: token)
            for item in json["items"] as? [[String: Any]] ?? [] where item["status"] as? String == "pending" {
                found.append((token, item["id"] as? String ?? ""))
            }
        }
        return found
    }

    static func entries(_ test: TestPlatform) async throws -> [String] {
        try await test.platform.engine.read { db in try await LogRecords.entries(from: 0, limit: 10_000, on: db).map(\.entry) }
    }
}

extension TestClientProtocol {
    /// POST of raw bytes (a drand round's JSON) with a token.
    func raw(_ method: HTTPRequest.Method, _ uri: String, token: String, body: [UInt8]) async throws -> (status: HTTPResponse.Status, json: [String: Any]) {
        try await self.execute(uri: uri, method: method, headers: [.authorization: "Bearer \(token)", .contentType: "application/json"], body: ByteBuffer(bytes: body)) { response in
            ((response.status), (try? JSONSerialization.jsonObject(with: Data(response.body.readableBytesView))) as? [String: Any] ?? [:])
        }
    }
}
