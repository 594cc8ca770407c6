import Foundation
import Hummingbird
import HummingbirdTesting
import Server
import Testing
import TradingCore

/// Bad input gets a 4xx with a Chinese and English message, and the database is unchanged.
@Suite("Bad input is refused and nothing is written")
struct RefusalTests {
    @Test("malformed JSON, bad dates, over-cap and negative amounts, non-integer price, bad credit code, late bid, oversized file", arguments: TestEngine.available)
    func refusals(engine: TestEngine) async throws {
        let test = try await TestPlatform.make(engine, maxUploadBytes: 64 * 1024)
        defer { Task { await test.shutdown() } }
        try await test.test { client in
            let fixture = try await Fixture.make(client)
            let project = "/api/v1/projects/\(fixture.projectID)"

            func refused(_ expected: HTTPResponse.Status, _ code: String?, _ request: () async throws -> (status: HTTPResponse.Status, json: [String: Any])) async throws {
                let before = try await test.snapshot()
                let (status, problem) = try await request()
                if problem.isEmpty { Issue.record("no problem body for \(status) (\(code ?? "-"))") }
                #expect(status == expected, "expected \(expected), got \(status): \(problem)")
                if let code { #expect(problem["code"] as? String == code) }
                #expect((problem["zh"] as? String)?.isEmpty == false, "a Chinese message: \(problem)")
                #expect((problem["en"] as? String)?.isEmpty == false, "an English message")
                #expect(try await test.snapshot() == before, "the database is unchanged")
            }

            // malformed JSON
            try await refused(.badRequest, "malformed-json") {
                try await client.execute(uri: "/api/v1/projects", method: .post, headers: [.authorization: "Bearer \(fixture.tenderer)", .contentType: "application/json"], body: ByteBuffer(string: "{\"title\": ")) { response in
                    (response.status, (try? JSONSerialization.jsonObject(with: Data(response.body.readableBytesView))) as? [String: Any] ?? [:])
                }
            }
            // inconsistent dates: documents period ends after the deadline; deadline too early; unparseable
            try await refused(.unprocessableContent, "document-period-order") {
                try await client.json(.post, "\(project)/announce", token: fixture.tenderer, body: ["bidDeadline": Fixture.local(test.clock.now(), days: 21), "documentsUntil": Fixture.local(test.clock.now(), days: 25)])
            }
            try await refused(.unprocessableContent, "bid-period-too-short") {
                try await client.json(.post, "\(project)/announce", token: fixture.tenderer, body: ["bidDeadline": Fixture.local(test.clock.now(), days: 10), "documentsUntil": Fixture.local(test.clock.now(), days: 7)])
            }
            try await refused(.unprocessableContent, "date-format") {
                try await client.json(.post, "\(project)/announce", token: fixture.tenderer, body: ["bidDeadline": "next tuesday", "documentsUntil": "2026-13-45"])
            }
            // amounts: deposit over the 2 % cap, negative deposit, non-integer amount
            try await refused(.unprocessableContent, "deposit-over-cap") {
                try await client.json(.post, "/api/v1/projects", token: fixture.tenderer, body: ["title": "超额保证金项目测试", "catalogCode": "engineering.open-tender", "region": "厦门市", "lots": [["title": "一", "estimateFen": 100_000, "depositFen": 2_001]]])
            }
            try await refused(.unprocessableContent, "deposit-negative") {
                try await client.json(.post, "/api/v1/projects", token: fixture.tenderer, body: ["title": "负数保证金项目测试", "catalogCode": "engineering.open-tender", "region": "厦门市", "lots": [["title": "一", "estimateFen": 100_000, "depositFen": -1]]])
            }
            try await refused(.badRequest, "malformed-json") {
                try await client.json(.post, "/api/v1/projects", token: fixture.tenderer, body: ["title": "小数金额项目测试", "catalogCode": "engineering.open-tender", "region": "厦门市", "lots": [["title": "一", "estimateFen": 100.5, "depositFen": 1]]])
            }
            // invalid credit code: wrong length, forbidden letter
            try await refused(.unprocessableContent, "credit-code-length") {
                try await client.json(.post, "/api/v1/enterprises", body: ["name": "错误代码公司", "creditCode": "9111000005362103", "username": "badcode", "password": "password-123", "role": "bidder"])
            }
            try await refused(.unprocessableContent, "credit-code-character") {
                try await client.json(.post, "/api/v1/enterprises", body: ["name": "错误代码公司", "creditCode": "91110000053621038O", "username": "badcode", "password": "password-123", "role": "bidder"])
            }
            try await fixture.announce(client, now: test.clock.now())
            try await client.json(.post, "\(fixture.lotPath)/registrations", token: fixture.bidders[0], body: ["deposit": "paid"])
            // non-integer and negative prices
            try await refused(.unprocessableContent, "price") {
                try await client.upload("\(fixture.lotPath)/bids?priceFen=12.5&filename=a.pdf", token: fixture.bidders[0], bytes: [1, 2, 3])
            }
            try await refused(.unprocessableContent, "price") {
                try await client.upload("\(fixture.lotPath)/bids?priceFen=-100&filename=a.pdf", token: fixture.bidders[0], bytes: [1, 2, 3])
            }
            // oversized file
            try await refused(.contentTooLarge, nil) {
                try await client.upload("\(fixture.lotPath)/bids?priceFen=100&filename=big.pdf", token: fixture.bidders[0], bytes: [UInt8](repeating: 7, count: 64 * 1024 + 1))
            }
            // a bid after the deadline, by server time
            test.clock.advance(by: 22 * 86_400)
            try await refused(.conflict, "after-deadline") {
                try await client.upload("\(fixture.lotPath)/bids?priceFen=100&filename=late.pdf", token: fixture.bidders[0], bytes: [1, 2, 3])
            }
        }
    }

    @Test("a credit code that fails its check registers flagged for manual review, with the reason", arguments: TestEngine.available)
    func flaggedCreditCode(engine: TestEngine) async throws {
        let test = try await TestPlatform.make(engine)
        defer { Task { await test.shutdown() } }
        try await test.test { client in
            let (status, json) = try await client.json(.post, "/api/v1/enterprises", body: [
                "name": "早期代码企业", "creditCode": "91350100M0001TGQXM", "username": "early", "password": "password-123", "role": "bidder",
            ])
            #expect(status == .created)
            let party = json["party"] as? [String: Any]
            #expect(party?["creditStatus"] as? String == "flagged")
            #expect((party?["creditFlagReason"] as? String)?.contains("manual review") == true)
        }
    }
}
