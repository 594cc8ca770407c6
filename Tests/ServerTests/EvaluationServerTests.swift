import Crypto
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Server
import Storage
import Testing
import TradingCore
import WitnessLog

@Suite("The online evaluation by the drawn committee: review, scoring, report, signatures, the lot's ranking")
struct EvaluationServerTests {
    static var sheet: [String: Any] {
        [
        "method": "comprehensive",
        "criteria": [
            ["id": "price", "name": "价格", "maxPoints": "30", "kind": "price"],
            ["id": "technical", "name": "技术方案", "maxPoints": "50", "kind": "subjective"],
            ["id": "commercial", "name": "商务条款", "maxPoints": "20", "kind": "subjective"],
        ],
        ]
    }

    @Test("RULES.md worked example (87§55: 30.00 / 27.00 / 22.50) ranked by total, signed by all, recorded as the lot's result (条例53)", arguments: TestEngine.available)
    func comprehensive(engine: TestEngine) async throws {
        let test = try await TestPlatform.make(engine)
        defer { Task { await test.shutdown() } }
        try await test.test { client in
            let fixture = try await CommitteeFixture.make(client, test, prices: [90_000_000, 100_000_000, 120_000_000], sheet: Self.sheet)
            let base = fixture.base
            let members = fixture.members
            #expect(members.count == 5)
            let bids = try await fixture.bidIDs(client)
            #expect(bids.count == 3)
            // the hand-entered ranking is refused for a lot with a drawn committee
            let (manual, manualProblem) = try await client.json(.post, "\(base.lotPath)/result", token: base.tenderer, body: ["candidates": [["bidId": bids[0], "rank": 1]]])
            #expect(manual == .conflict && manualProblem["code"] as? String == "evaluation-required" && (manualProblem["zh"] as? String)?.isEmpty == false)
            // who may: members only (bidders and the tenderer are refused); the sheet is fixed after the opening
            #expect(try await client.json(.get, fixture.evaluation, token: base.bidders[0]).status == .forbidden)
            #expect(try await client.json(.post, "\(fixture.evaluation)/review", token: base.tenderer, body: ["votes": []]).status == .forbidden)
            // the operator reads the workspace but cannot vote
            #expect(try await client.json(.get, fixture.evaluation, token: base.operatorToken).status == .ok)
            #expect(try await client.json(.post, "\(fixture.evaluation)/review", token: base.operatorToken, body: ["votes": []]).status == .forbidden)
            let (late, lateProblem) = try await client.json(.put, "\(fixture.evaluation)/sheet", token: base.tenderer, body: Self.sheet)
            #expect(late == .conflict && lateProblem["code"] as? String == "sheet-after-opening")
            // 条例51: a rejection needs a ground; the refusal is in Chinese and English and writes nothing
            let before = try await ExpertDrawServerTests.entries(test).count
            let (noGround, noGroundProblem) = try await client.json(.post, "\(fixture.evaluation)/review", token: members[0], body: [
                "votes": bids.map { ["bidId": $0, "qualification": $0 != bids[2], "compliance": true] },
            ])
            #expect(noGround == .unprocessableContent && noGroundProblem["code"] as? String == "rejection-reason" && noGroundProblem["article"] as? String == "条例51")
            #expect((noGroundProblem["zh"] as? String)?.contains("否决") == true && (noGroundProblem["en"] as? String)?.isEmpty == false)
            #expect(try await ExpertDrawServerTests.entries(test).count == before)
            // scoring before every member has reviewed is refused
            let (early, earlyProblem) = try await client.json(.post, "\(fixture.evaluation)/scores", token: members[0], body: ["scores": [:] as [String: Any]])
            #expect(early == .conflict && earlyProblem["code"] as? String == "review-incomplete")
            // member 0 rejects bid 3 (a minority of one): the majority passes it
            for (index, token) in members.enumerated() {
                let votes: [[String: Any]] = bids.map { bid in
                    index == 0 && bid == bids[2]
                        ? ["bidId": bid, "qualification": false, "compliance": true, "reasons": [["code": "notQualified", "detail": "安全生产许可证过期"]]]
                        : ["bidId": bid, "qualification": true, "compliance": true]
                }
                let (status, json) = try await client.json(.post, "\(fixture.evaluation)/review", token: token, body: ["votes": votes])
                #expect(status == .ok, "\(json)")
            }
            let (_, workspace) = try await client.json(.get, fixture.evaluation, token: members[0])
            #expect((workspace["decisions"] as? [String: Bool]) == Dictionary(uniqueKeysWithValues: bids.map { ($0, true) }))
            // 87§64: a score above the criterion's maximum is refused
            let (over, overProblem) = try await client.json(.post, "\(fixture.evaluation)/scores", token: members[0], body: [
                "scores": Dictionary(uniqueKeysWithValues: bids.map { ($0, ["technical": "51", "commercial": "10"]) }),
            ])
            #expect(over == .unprocessableContent && overProblem["code"] as? String == "score-out-of-range" && overProblem["article"] as? String == "87§64")
            // every member: technical 40, commercial 15; the last member gives the cheapest bid 10 on technical (an outlier)
            for (index, token) in members.enumerated() {
                let scores = Dictionary(uniqueKeysWithValues: bids.map { bid in
                    (bid, ["technical": index == 4 && bid == bids[0] ? "10" : "40", "commercial": "15"])
                })
                let (status, json) = try await client.json(.post, "\(fixture.evaluation)/scores", token: token, body: ["scores": scores])
                #expect(status == .ok, "\(json)")
            }
            let (_, scored) = try await client.json(.get, fixture.evaluation, token: members[1])
            #expect(((scored["flags"] as? [[String: Any]]) ?? []).count == 1, "one outlier flagged (87§64)")
            // the report: price scores 30.00 / 27.00 / 22.50; expert points 49.00 / 55.00 / 55.00 → totals 79.00 / 82.00 / 77.50
            let (made, report) = try await client.json(.post, "\(fixture.evaluation)/report", token: members[2])
            #expect(made == .created, "\(report)")
            let body = try #require(report["body"] as? String)
            #expect(body.contains("\(bids[0])：价格分30.00，其他评分49.00，总分79.00"))
            #expect(body.contains("\(bids[1])：价格分27.00，其他评分55.00，总分82.00"))
            #expect(body.contains("\(bids[2])：价格分22.50，其他评分55.00，总分77.50"))
            #expect(body.contains("畸高或畸低"))
            #expect(report["sha256"] as? String == Hash.sha256(Data(body.utf8)).hex)
            let candidates = try #require(report["candidates"] as? [[String: Any]])
            #expect(candidates.compactMap { $0["bidId"] as? String } == [bids[1], bids[0], bids[2]])
            #expect(try await client.json(.post, "\(fixture.evaluation)/review", token: members[0], body: ["votes": []]).json["code"] as? String == "report-exists")
            // signatures: a key per member, verified over the report's SHA-256
            let digest = Array(Hash(hex: report["sha256"] as! String)!.data)
            let path = "\(fixture.evaluation)/report/signatures"
            let (keyless, keylessProblem) = try await client.json(.post, path, token: members[0], body: ["signature": String(repeating: "00", count: 64)])
            #expect(keyless == .conflict && keylessProblem["code"] as? String == "expert-key-missing")
            #expect(try await client.json(.put, "/api/v1/me/expert-key", token: base.bidders[0], body: ["publicKey": String(repeating: "ab", count: 32)]).status == .forbidden)
            #expect(try await client.json(.put, "/api/v1/me/expert-key", token: members[0], body: ["publicKey": "abc"]).status == .unprocessableContent)
            var keys: [Curve25519.Signing.PrivateKey] = []
            for token in members {
                let key = Curve25519.Signing.PrivateKey()
                keys.append(key)
                let hex = key.publicKey.rawRepresentation.map { String(format: "%02x", $0) }.joined()
                #expect(try await client.json(.put, "/api/v1/me/expert-key", token: token, body: ["publicKey": hex]).status == .ok)
            }
            let wrong = try keys[1].signature(for: digest).base64EncodedString()
            let logged = try await ExpertDrawServerTests.entries(test).count
            let (bad, badProblem) = try await client.json(.post, path, token: members[0], body: ["signature": wrong])
            #expect(bad == .unprocessableContent && badProblem["code"] as? String == "report-signature")
            #expect(try await ExpertDrawServerTests.entries(test).count == logged, "nothing half-written")
            for (index, token) in members.enumerated() {
                var form: [String: Any] = ["signature": try keys[index].signature(for: digest).base64EncodedString()]
                if index == 0 { form["dissent"] = "投标企业3的安全生产许可证已过期，应否决" }
                let (status, json) = try await client.json(.post, path, token: token, body: form)
                #expect(status == .ok, "\(json)")
                #expect(json["status"] as? String == (index == 4 ? "complete" : "signing"))
                if index == 0 { #expect(try await client.json(.post, path, token: token, body: form).json["code"] as? String == "report-signed") }
            }
            let (_, signed) = try await client.json(.get, "\(fixture.evaluation)/report", token: members[3])
            let signatures = try #require(signed["signatures"] as? [[String: Any]])
            #expect(signatures.count == 5 && signatures.filter { $0["dissent"] is String }.count == 1)
            // 条例53: the lot's ranking is the report's
            let (_, project) = try await client.json(.get, "/api/v1/projects/\(base.projectID)", token: base.tenderer)
            let lot = try #require((project["lots"] as? [[String: Any]])?.first)
            #expect(lot["phase"] as? String == "evaluation")
            #expect(((lot["candidates"] as? [[String: Any]]) ?? []).compactMap { $0["bidId"] as? String } == [bids[1], bids[0], bids[2]])
            let entries = try await ExpertDrawServerTests.entries(test)
            #expect(entries.filter { $0.contains("evaluation.reviewed") }.count == 5 && entries.filter { $0.contains("evaluation.report-signed") }.count == 5)
            // 条例46: the log carries hashes and accounts, never an expert's registry id
            #expect(!entries.filter { $0.contains("evaluation.") }.contains { entry in fixture.experts.experts.contains { entry.contains($0.id) } })
            #expect(entries.last?.contains("lot.result-recorded") == true && entries.last?.contains("evaluation") == true)
        }
    }

    @Test("before the opening there is nothing to evaluate; 87§55 price share checked when the sheet is set", arguments: TestEngine.available)
    func beforeOpening(engine: TestEngine) async throws {
        let test = try await TestPlatform.make(engine)
        defer { Task { await test.shutdown() } }
        try await test.test { client in
            let fixture = try await CommitteeFixture.make(client, test, prices: [90_000_000, 100_000_000, 120_000_000], open: false)
            let (early, earlyProblem) = try await client.json(.post, "\(fixture.evaluation)/review", token: fixture.members[0], body: ["votes": []])
            #expect(early == .conflict && earlyProblem["code"] as? String == "evaluation-phase")
            // 87§55: goods need a price share of at least 30 %
            let (low, lowProblem) = try await client.json(.put, "\(fixture.evaluation)/sheet", token: fixture.base.tenderer, body: [
                "method": "comprehensive", "object": "goods",
                "criteria": [["id": "price", "name": "价格", "maxPoints": "20", "kind": "price"], ["id": "t", "name": "技术", "maxPoints": "80", "kind": "subjective"]],
            ])
            #expect(low == .unprocessableContent && lowProblem["code"] as? String == "price-weight-too-low" && lowProblem["article"] as? String == "87§55")
            #expect(try await client.json(.put, "\(fixture.evaluation)/sheet", token: fixture.base.bidders[0], body: ["method": "lowest-price"]).status == .forbidden)
            #expect(try await client.json(.put, "\(fixture.evaluation)/sheet", token: fixture.base.tenderer, body: ["method": "lowest-price"]).status == .ok)
        }
    }

    @Test("经评审的最低投标价法 with the SME deduction (财库〔2020〕46号); a majority 否决 drops a bid; a tie goes to the seed's draw (87§68)", arguments: TestEngine.available)
    func lowestPrice(engine: TestEngine) async throws {
        let test = try await TestPlatform.make(engine)
        defer { Task { await test.shutdown() } }
        try await test.test { client in
            let sheet: [String: Any] = ["method": "lowest-price", "smeDeductionPercent": 10]
            // sorted by price: 900,000 (rejected by 3 of 5), 950,000, and two SME bids of 1,000,000 (→ 900,000 evaluated, tied)
            let fixture = try await CommitteeFixture.make(client, test, prices: [100_000_000, 95_000_000, 90_000_000, 100_000_000], sheet: sheet)
            let bids = try await fixture.bidIDs(client)
            #expect(bids.count == 4)
            for (index, token) in fixture.members.enumerated() {
                let votes: [[String: Any]] = bids.map { bid in
                    if bid == bids[0] && index < 3 {
                        return ["bidId": bid, "qualification": true, "compliance": false, "reasons": [["code": "nonResponsive", "detail": "工期不满足要求"]]]
                    }
                    return ["bidId": bid, "qualification": true, "compliance": true, "smallOrMicro": bid == bids[2] || bid == bids[3]]
                }
                #expect(try await client.json(.post, "\(fixture.evaluation)/review", token: token, body: ["votes": votes]).status == .ok)
            }
            #expect(try await client.json(.post, "\(fixture.evaluation)/scores", token: fixture.members[0], body: ["scores": [:] as [String: Any]]).json["code"] as? String == "no-scoring")
            let (made, report) = try await client.json(.post, "\(fixture.evaluation)/report", token: fixture.members[0])
            #expect(made == .created, "\(report)")
            let body = try #require(report["body"] as? String)
            #expect(body.contains("\(bids[0])") && body.contains("工期不满足要求（条例51(6)）"))
            // 1,000,000 × 0.9 = 900,000 beats 950,000 (87§56); the two SME bids tie on evaluated and bid price, so the
            // committee draw's seed orders them: SHA-256(seed ‖ ":" ‖ bid id) ascending (87§68)
            let (_, bundle) = try await client.json(.get, "\(fixture.drawPath)/draw.json", token: fixture.base.operatorToken)
            let seed = try #require(bundle["seed"] as? String)
            let tied = [bids[2], bids[3]].sorted { Hash.sha256(Data("\(seed):\($0)".utf8)).hex < Hash.sha256(Data("\(seed):\($1)".utf8)).hex }
            let ranked = ((report["candidates"] as? [[String: Any]]) ?? []).compactMap { $0["bidId"] as? String }
            #expect(ranked == tied + [bids[1]], "\(body)")
            #expect(body.contains("随机抽取") && body.contains("评审价格900,000.00元"))
        }
    }
}
