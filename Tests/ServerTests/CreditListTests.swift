import Foundation
import Hummingbird
import HummingbirdTesting
import Server
import Testing

@Suite("Credit lists (失信联合惩戒): imports, and the checks at registration, bidding and the award")
struct CreditListTests {
    static func listJSON(code: String, reason: String) -> [UInt8] {
        Array(#"[{"creditCode": "\#(code)", "name": "投标企业", "reason": "\#(reason)", "start": "2026-01-01", "source": "财库〔2026〕1号"}]"#.utf8)
    }

    func put(_ client: any TestClientProtocol, _ path: String, token: String, bytes: [UInt8], contentType: String) async throws -> (status: HTTPResponse.Status, json: [String: Any]) {
        try await client.execute(uri: path, method: .put, headers: [.authorization: "Bearer \(token)", .contentType: contentType], body: ByteBuffer(bytes: bytes)) { response in
            ((response.status), (try? JSONSerialization.jsonObject(with: Data(response.body.readableBytesView))) as? [String: Any] ?? [:])
        }
    }

    /// 采法77: a supplier on the procurement list of serious violations is barred from bidding during the ban
    /// (CreditPolicy.standard: flag at registration, refuse at bidding).
    @Test("import by the regulator; registration flagged for review, bidding refused naming the list; logged", arguments: TestEngine.available)
    func importAndBidding(engine: TestEngine) async throws {
        let test = try await TestPlatform.make(engine)
        defer { Task { await test.shutdown() } }
        try await test.test { client in
            let fixture = try await Fixture.make(client)
            try await fixture.announce(client, now: test.clock.now())
            let path = "/api/v1/credit/lists/ccgp-2026?kind=procurement-serious-violations&publisher=%E8%B4%A2%E6%94%BF%E9%83%A8"
            // who may: regulators and the operator, not bidders or tenderers
            for token in [fixture.bidders[0], fixture.tenderer] {
                let (status, problem) = try await self.put(client, path, token: token, bytes: Self.listJSON(code: TestPlatform.code(11), reason: "提供虚假材料"), contentType: "application/json")
                #expect(status == .forbidden)
                #expect((problem["zh"] as? String)?.isEmpty == false)
            }
            // a bad row refuses the whole file, naming the row; nothing is written
            let before = try await test.snapshot()
            let bad = Array("统一社会信用代码,名称,列入原因,列入日期\n\(TestPlatform.code(11)),投标企业1有限公司,提供虚假材料,2026-01-01\n,,,\n\(TestPlatform.code(12)),投标企业2有限公司,,2026-01-01\n".utf8)
            let (refused, problem) = try await self.put(client, path, token: fixture.regulator, bytes: bad, contentType: "text/csv")
            #expect(refused == .unprocessableContent)
            #expect(problem["code"] as? String == "credit-list-rows")
            #expect((problem["zh"] as? String)?.contains("第4行") == true, "\(problem)")
            #expect(try await test.snapshot() == before)
            // CSV import by the regulator (bidder 1 listed)
            let csv = Array("\u{FEFF}统一社会信用代码,名称,列入原因,列入日期,移出日期\n\(TestPlatform.code(11)),\"投标企业1有限公司\",\"提供虚假材料, 谋取\"\"中标\"\"\",2026-01-01,2029-12-31\n".utf8)
            let (imported, result) = try await self.put(client, path, token: fixture.regulator, bytes: csv, contentType: "text/csv")
            #expect(imported == .created, "\(result)")
            #expect((result["list"] as? [String: Any])?["entries"] as? Int == 1)
            let (_, lists) = try await client.json(.get, "/api/v1/credit/lists", token: fixture.operatorToken)
            #expect((lists["items"] as? [[String: Any]])?.first?["kindZh"] as? String == "政府采购严重违法失信名单")
            // registration: flagged for review, allowed
            let (registered, _) = try await client.json(.post, "\(fixture.lotPath)/registrations", token: fixture.bidders[0], body: ["deposit": "paid"])
            #expect(registered == .created || registered == .ok)
            let (_, findings) = try await client.json(.get, "/api/v1/credit/findings", token: fixture.regulator)
            let finding = (findings["items"] as? [[String: Any]])?.first
            #expect(finding?["checkpoint"] as? String == "registration")
            #expect((finding?["messageZh"] as? String)?.contains("政府采购严重违法失信名单") == true)
            #expect((finding?["messageZh"] as? String)?.contains("提供虚假材料, 谋取\"中标\"") == true, "quoted CSV field with a comma and quotes")
            // bidding: refused, naming the list, nothing written
            let beforeBid = try await test.snapshot()
            let (bid, refusal) = try await client.upload("\(fixture.lotPath)/bids?priceFen=900000000&filename=bid.pdf", token: fixture.bidders[0], bytes: Array("标书".utf8))
            #expect(bid == .forbidden)
            #expect(refusal["code"] as? String == "credit-refused")
            #expect((refusal["zh"] as? String)?.contains("政府采购严重违法失信名单") == true)
            #expect((refusal["en"] as? String)?.contains("government procurement list of serious violations") == true)
            #expect(try await test.snapshot() == beforeBid)
            // others bid normally
            let (other, _) = try await fixture.bid(client, 1, price: 900_000_000)
            #expect(other == .created)
            // logged
            let (_, log) = try await client.json(.get, "/api/v1/log/entries?limit=1000")
            let types = ((log["entries"] as? [[String: Any]]) ?? []).compactMap { $0["entry"] as? String }.compactMap { TenderFlowTests.type(of: $0) }
            #expect(types.contains("credit.list-imported"))
            #expect(types.contains("credit.flagged"))
        }
    }

    /// 法〔2016〕285号 (CreditPolicy.standard): an award to a judgment defaulter is refused.
    @Test("the award to a listed judgment defaulter is refused; a configured policy can allow it", arguments: TestEngine.available)
    func award(engine: TestEngine) async throws {
        for configured in [false, true] {
            let test = try await TestPlatform.make(engine) { configuration in
                if configured {
                    configuration.creditPolicyText = #"{"lists": [{"kind": "judgment-defaulters", "registration": "ignore", "bidding": "ignore", "award": "flag-for-review"}], "unlisted": "ignore"}"#
                }
            }
            defer { Task { await test.shutdown() } }
            try await test.test { client in
                let fixture = try await Fixture.make(client)
                try await fixture.announce(client, now: test.clock.now())
                for (index, price) in [(0, Int64(900_000_000)), (1, 910_000_000), (2, 950_000_000)] { _ = try await fixture.bid(client, index, price: price) }
                let (imported, _) = try await self.put(
                    client, "/api/v1/credit/lists/court-2026?kind=judgment-defaulters&publisher=court", token: fixture.operatorToken,
                    bytes: Self.listJSON(code: TestPlatform.code(11), reason: "有履行能力而拒不履行"), contentType: "application/json"
                )
                #expect(imported == .created)
                test.clock.advance(by: 22 * 86_400)
                _ = try await client.json(.post, "\(fixture.lotPath)/open", token: fixture.tenderer)
                try await fixture.rankByPriceAndPublicize(client, now: test.clock.now())
                test.clock.advance(by: 4 * 86_400)
                let before = try await test.snapshot()
                let (awarded, problem) = try await client.json(.post, "\(fixture.lotPath)/award", token: fixture.tenderer, body: ["rank": 1])
                if configured {
                    #expect(awarded == .ok, "the configured policy only flags the award: \(problem)")
                } else {
                    #expect(awarded == .forbidden)
                    #expect(problem["code"] as? String == "credit-refused")
                    #expect((problem["zh"] as? String)?.contains("失信被执行人名单") == true)
                    #expect(try await test.snapshot() == before)
                }
            }
        }
    }
}
