import Crypto
import Foundation
import Hummingbird
import HummingbirdTesting
import SQLKit
import Server
import Storage
import Testing

@Suite("Webhooks: outbox rows with the event, signed deliveries to a live receiver, retries with exponential backoff, then failed")
struct WebhookDeliveryTests {
    @Test("a receiver failing twice gets the third attempt after 30 s and 60 s; the signature verifies", arguments: TestEngine.available)
    func retriesAndSignature(engine: TestEngine) async throws {
        let receiver = WebhookReceiver(failures: ["/hooks/flaky": 2, "/hooks/down": 100])
        try await receiver.application().test(.live) { live in
            let port = try #require(live.port)
            let test = try await TestPlatform.make(engine) { configuration in
                configuration.webhookPolicy.baseSeconds = 30
                configuration.webhookPolicy.capSeconds = 45
                configuration.webhookPolicy.maxAttempts = 4
            }
            defer { Task { await test.shutdown() } }
            try await test.test { client in
                // setup: the operator subscribes one receiver, the platform another (that always fails)
                let fixture = try await PlatformFixture.make(client)
                let (anonymous, _) = try await client.json(.post, "/api/v1/webhooks", body: ["url": "http://127.0.0.1:\(port)/hooks/flaky", "events": ["notice.published"]])
                #expect(anonymous == .unauthorized)
                let (created, subscriber) = try await client.json(.post, "/api/v1/webhooks", token: fixture.operatorToken, body: [
                    "url": "http://127.0.0.1:\(port)/hooks/flaky", "events": ["notice.published"],
                ])
                #expect(created == .created, "\(subscriber)")
                let secret = try #require(subscriber["secret"] as? String)
                let subscriberID = try #require(subscriber["id"] as? String)
                let (_, down) = try await client.json(.post, "/api/v1/webhooks", token: fixture.operatorToken, body: [
                    "url": "http://127.0.0.1:\(port)/hooks/down", "events": ["notice.published", "result.published"],
                ])
                let downID = try #require(down["id"] as? String)
                // a platform registers its own, on a public https address only (no loopback or private network: SSRF)
                for address in ["http://127.0.0.1:\(port)/hooks/down", "https://127.0.0.1/x", "https://10.1.2.3/x", "https://localhost/x", "https://[::1]/x", "https://192.168.0.9/x"] {
                    let (refused, problem) = try await client.json(.post, "/api/v1/platforms/\(PlatformFixture.code)/webhooks", token: fixture.key, body: ["url": address, "events": ["deal.published"]])
                    #expect(refused == .unprocessableContent && problem["code"] as? String == "webhook-url-internal", "\(address)")
                }
                let (own, owned) = try await client.json(.post, "/api/v1/platforms/\(PlatformFixture.code)/webhooks", token: fixture.key, body: [
                    "url": "https://hooks.sz-ggzy.example/yiwang", "events": ["deal.published"],
                ])
                #expect(own == .created, "\(owned)")
                let ownedID = try #require(owned["id"] as? String)
                let (badEvent, _) = try await client.json(.post, "/api/v1/webhooks", token: fixture.operatorToken, body: ["url": "http://x.test/", "events": ["bid.opened"]])
                #expect(badEvent == .unprocessableContent)
                // the secret is never shown again
                let (_, listed) = try await client.json(.get, "/api/v1/webhooks", token: fixture.operatorToken)
                #expect((listed["items"] as? [[String: Any]])?.allSatisfy { $0["secret"] == nil } == true)
                let (_, ownList) = try await client.json(.get, "/api/v1/platforms/\(PlatformFixture.code)/webhooks", token: fixture.key)
                #expect((ownList["items"] as? [[String: Any]])?.map { $0["id"] as? String } == [ownedID], "a platform sees its own subscribers only")
                // exercise: a push writes the deliveries in its transaction
                let (_, report) = try await fixture.push(client, "notices", [PlatformFixture.notice("n-1", project: "P-1")])
                let (_, pending) = try await client.json(.get, "/api/v1/webhooks/\(subscriberID)/deliveries", token: fixture.operatorToken)
                let first = try #require((pending["items"] as? [[String: Any]])?.first)
                #expect(first["status"] as? String == "pending" && first["attempts"] as? Int == 0)
                // attempt 1 fails (500) → next in 30 s; nothing is due before that
                #expect(try await test.platform.webhooks.deliverDue() == 2)
                #expect(try await Self.delivery(subscriberID, test).nextAttemptAt == test.clock.now().addingTimeInterval(30))
                #expect(try await test.platform.webhooks.deliverDue() == 0)
                test.clock.advance(by: 30)
                #expect(try await test.platform.webhooks.deliverDue() == 2)  // attempt 2 fails → next in 60 s, capped at 45
                #expect(try await Self.delivery(subscriberID, test).nextAttemptAt == test.clock.now().addingTimeInterval(45), "backoff grows 30 → 60, capped at 45")
                test.clock.advance(by: 44)
                #expect(try await test.platform.webhooks.deliverDue() == 0)
                test.clock.advance(by: 1)
                #expect(try await test.platform.webhooks.deliverDue() == 2)  // attempt 3 succeeds at the flaky receiver
                let delivered = try await Self.delivery(subscriberID, test)
                #expect(delivered.status == "delivered" && delivered.attempts == 3 && delivered.lastStatus == 204)
                // validate: three requests, the same delivery id each time, every signature valid under the secret
                let flaky = receiver.requests.filter { $0.path == "/hooks/flaky" }
                #expect(flaky.map(\.answered) == [500, 500, 204])
                #expect(Set(flaky.map(\.delivery)).count == 1 && flaky.first?.event == "notice.published")
                for request in flaky {
                    let parts = Dictionary(request.signature.split(separator: ",").map { $0.split(separator: "=", maxSplits: 1).map(String.init) }.map { ($0[0], $0.count > 1 ? $0[1] : "") }) { a, _ in a }
                    let t = try #require(parts["t"])
                    let mac = HMAC<SHA256>.authenticationCode(for: Array("\(t).".utf8) + request.body, using: SymmetricKey(data: Data(secret.utf8)))
                    #expect(parts["v1"] == mac.map { String(format: "%02x", $0) }.joined(), "HMAC-SHA256(secret, t.body)")
                    #expect(WebhookSignature.verify(header: request.signature, secret: secret, body: request.body, now: Int64(t)!))
                    #expect(!WebhookSignature.verify(header: request.signature, secret: "whsec_wrong", body: request.body, now: Int64(t)!))
                    #expect(!WebhookSignature.verify(header: request.signature, secret: secret, body: request.body + [0x20], now: Int64(t)!))
                }
                let payload = try JSONSerialization.jsonObject(with: Data(flaky[0].body)) as? [String: Any]
                let data = payload?["data"] as? [String: Any]
                #expect(data?["noticeId"] as? String == report.reportItems.first?["noticeId"] as? String)
                #expect(data?["platform"] as? String == PlatformFixture.code)
                // the always-failing receiver: after the 4th attempt the delivery is failed and no longer retried
                test.clock.advance(by: 45)
                #expect(try await test.platform.webhooks.deliverDue() == 1)
                let failed = try await Self.delivery(downID, test)
                #expect(failed.status == "failed" && failed.attempts == 4 && failed.lastStatus == 500)
                test.clock.advance(by: 3_600)
                #expect(try await test.platform.webhooks.deliverDue() == 0)
                let (_, downDeliveries) = try await client.json(.get, "/api/v1/webhooks/\(downID)/deliveries", token: fixture.operatorToken)
                #expect((downDeliveries["items"] as? [[String: Any]])?.first?["status"] as? String == "failed")
                let (ownDeliveries, none) = try await client.json(.get, "/api/v1/platforms/\(PlatformFixture.code)/webhooks/\(ownedID)/deliveries", token: fixture.key)
                #expect(ownDeliveries == .ok && (none["items"] as? [[String: Any]])?.isEmpty == true, "deal.published only: no notice deliveries")
                let (foreign, _) = try await client.json(.get, "/api/v1/platforms/\(PlatformFixture.code)/webhooks/\(subscriberID)/deliveries", token: fixture.key)
                #expect(foreign == .notFound, "a platform cannot read the operator's subscribers")
            }
        }
    }

    @Test("the platform's own notices, results and contracts raise events in the transaction that publishes them", arguments: TestEngine.available)
    func ownNotices(engine: TestEngine) async throws {
        let test = try await TestPlatform.make(engine)
        defer { Task { await test.shutdown() } }
        try await test.test { client in
            let fixture = try await Fixture.make(client)
            let (_, subscriber) = try await client.json(.post, "/api/v1/webhooks", token: fixture.operatorToken, body: [
                "url": "http://127.0.0.1:9/none", "events": ["notice.published", "result.published", "deal.published"],
            ])
            let id = try #require(subscriber["id"] as? String)
            try await fixture.announce(client, now: test.clock.now())
            let announced = try await Self.events(id, fixture, client)
            #expect(announced.map(\.type) == ["notice.published"])
            #expect(announced.first?.data["projectId"] as? String == fixture.projectID)
            // through the opening, the result, the award and the contract
            for (index, price) in [(0, Int64(900_000_000)), (1, 880_000_000), (2, 950_000_000)] { _ = try await fixture.bid(client, index, price: price) }
            test.clock.advance(by: 22 * 86_400)
            _ = try await client.json(.post, "\(fixture.lotPath)/open", token: fixture.tenderer)
            try await fixture.rankByPriceAndPublicize(client, now: test.clock.now())
            test.clock.advance(by: 4 * 86_400)
            let (awarded, _) = try await client.json(.post, "\(fixture.lotPath)/award", token: fixture.tenderer, body: ["rank": 1])
            #expect(awarded == .ok)
            let (signed, _) = try await client.json(.post, "\(fixture.lotPath)/contract", token: fixture.tenderer)
            #expect(signed == .ok)
            let types = try await Self.events(id, fixture, client).map(\.type)
            #expect(types.filter { $0 == "result.published" }.count == 1)
            #expect(types.filter { $0 == "deal.published" }.count == 1, "the contract (the manual clock stands still, so order within a millisecond is not asserted)")
            #expect(types.filter { $0 == "notice.published" }.count >= 3, "announcement, opening record, candidates: \(types)")
            // unsubscribing stops it
            let (stopped, view) = try await client.json(.delete, "/api/v1/webhooks/\(id)", token: fixture.operatorToken)
            #expect(stopped == .ok && view["active"] as? Bool == false)
        }
    }

    /// The subscriber's events (newest first by creation time): type and the payload's `data`.
    static func events(_ subscriber: String, _ fixture: Fixture, _ client: some TestClientProtocol) async throws -> [(type: String, data: [String: Any])] {
        let (_, deliveries) = try await client.json(.get, "/api/v1/webhooks/\(subscriber)/deliveries", token: fixture.operatorToken)
        return (deliveries["items"] as? [[String: Any]] ?? []).map { item in
            let payload = (item["payload"] as? String).flatMap { try? JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any] }
            return (item["eventType"] as? String ?? "", payload?["data"] as? [String: Any] ?? [:])
        }
    }

    struct Delivery: Decodable { var status: String; var attempts: Int64; var nextAttemptAt: Int64; var lastStatus: Int64? }

    static func delivery(_ subscriberID: String, _ test: TestPlatform) async throws -> (status: String, attempts: Int64, nextAttemptAt: Date, lastStatus: Int64?) {
        let row = try await test.platform.engine.read { db in
            try await db.raw("SELECT status, attempts, next_attempt_at, last_status FROM webhook_deliveries WHERE subscriber_id = \(bind: subscriberID)")
                .first(decoding: Delivery.self, keyDecodingStrategy: .convertFromSnakeCase)
        }
        let found = try #require(row)
        return (found.status, found.attempts, Date(timeIntervalSince1970: Double(found.nextAttemptAt) / 1000), found.lastStatus)
    }
}
