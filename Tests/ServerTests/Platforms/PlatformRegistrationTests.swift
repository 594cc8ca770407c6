import Foundation
import Hummingbird
import HummingbirdTesting
import SQLKit
import Server
import Storage
import Testing

@Suite("Connected platforms (分平台): registration by the operator, keys shown once, stored hashed, rotated and revoked")
struct PlatformRegistrationTests {
    @Test("only the operator registers; the key is shown once and only its SHA-256 is stored", arguments: TestEngine.available)
    func registration(engine: TestEngine) async throws {
        let test = try await TestPlatform.make(engine)
        defer { Task { await test.shutdown() } }
        try await test.test { client in
            // setup
            let form: [String: Any] = ["code": "gz-ggzy", "nameZh": "广州分平台", "nameEn": "Guangzhou", "region": "广东省广州市", "tradingTypes": ["engineering"]]
            let (anonymous, _) = try await client.json(.post, "/api/v1/platforms", body: form)
            #expect(anonymous == .unauthorized)
            // exercise
            let fixture = try await PlatformFixture.make(client)
            // validate
            #expect(fixture.key.hasPrefix("ywp_") && fixture.key.count > 40)
            let stored = try await test.platform.engine.read { db in
                try await db.raw("SELECT key_hash, hint FROM platform_keys").all().map { try $0.decode(column: "key_hash", as: String.self) }
            }
            #expect(stored.count == 1)
            #expect(stored.first != fixture.key && stored.first?.count == 64, "only the hash is stored")
            let (listed, list) = try await client.json(.get, "/api/v1/platforms")
            #expect(listed == .ok)
            let platforms = list["items"] as? [[String: Any]] ?? []
            #expect(platforms.count == 1 && platforms.first?["code"] as? String == PlatformFixture.code)
            #expect(platforms.first?["key"] == nil)
            let (again, conflict) = try await client.json(.post, "/api/v1/platforms", token: fixture.operatorToken, body: [
                "code": PlatformFixture.code, "nameZh": "x", "nameEn": "x", "region": "x", "tradingTypes": ["engineering"],
            ])
            #expect(again == .conflict)
            #expect(conflict["code"] as? String == "platform-exists")
            let (unknownType, refusal) = try await client.json(.post, "/api/v1/platforms", token: fixture.operatorToken, body: [
                "code": "other", "nameZh": "x", "nameEn": "x", "region": "x", "tradingTypes": ["spaceships"],
            ])
            #expect(unknownType == .unprocessableContent)
            #expect((refusal["zh"] as? String)?.contains("spaceships") == true)
            let types = try await PlatformFixture.logTypes(client)
            #expect(types.contains("platform.registered") && types.contains("platform.key-issued"))
        }
    }

    @Test("a push needs the platform's active key: a wrong, rotated-out or revoked key gets 401", arguments: TestEngine.available)
    func keys(engine: TestEngine) async throws {
        let test = try await TestPlatform.make(engine)
        defer { Task { await test.shutdown() } }
        try await test.test { client in
            let fixture = try await PlatformFixture.make(client)
            let item = PlatformFixture.notice("n-1", project: "P-1")
            let (noKey, problem) = try await client.json(.post, "/api/v1/platforms/\(PlatformFixture.code)/notices", body: ["items": [item]])
            #expect(noKey == .unauthorized)
            #expect(problem["code"] as? String == "platform-key-required")
            let (userToken, _) = try await fixture.push(client, "notices", [item], key: fixture.operatorToken)
            #expect(userToken == .unauthorized, "a user session is not a push key")
            let (unknown, _) = try await client.json(.post, "/api/v1/platforms/nowhere/notices", token: fixture.key, body: ["items": [item]])
            #expect(unknown == .notFound)
            // rotation: the new key works, the old one no longer
            let (rotated, issued) = try await client.json(.post, "/api/v1/platforms/\(PlatformFixture.code)/keys", token: fixture.operatorToken)
            #expect(rotated == .created)
            let newKey = issued["key"] as? String ?? ""
            #expect(newKey != fixture.key)
            let (old, _) = try await fixture.push(client, "notices", [item])
            #expect(old == .unauthorized)
            let (fresh, report) = try await fixture.push(client, "notices", [item], key: newKey)
            #expect(fresh == .created, "\(report)")
            // revocation
            let (revoked, _) = try await client.json(.delete, "/api/v1/platforms/\(PlatformFixture.code)/keys", token: fixture.operatorToken)
            #expect(revoked == .ok)
            let (after, _) = try await fixture.push(client, "notices", [item], key: newKey)
            #expect(after == .unauthorized)
            let bidderless = try await client.json(.post, "/api/v1/platforms/\(PlatformFixture.code)/keys")
            #expect(bidderless.status == .unauthorized)
        }
    }
}
