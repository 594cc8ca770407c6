import Foundation
import Hummingbird
import HummingbirdTesting
import Server
import Testing

/// Each role is refused what it must not see or do.
@Suite("Authorization by role")
struct RoleTests {
    @Test("anonymous, bidders, tenderers, regulators and operators each get only what their role allows", arguments: TestEngine.available)
    func roles(engine: TestEngine) async throws {
        let test = try await TestPlatform.make(engine)
        defer { Task { await test.shutdown() } }
        try await test.test { client in
            let fixture = try await Fixture.make(client)
            let project = "/api/v1/projects/\(fixture.projectID)"
            // a draft is invisible to the public and to bidders, visible to its tenderer and the regulator
            #expect(try await client.json(.get, project).status == .notFound)
            #expect(try await client.json(.get, project, token: fixture.bidders[0]).status == .notFound)
            #expect(try await client.json(.get, project, token: fixture.tenderer).status == .ok)
            #expect(try await client.json(.get, project, token: fixture.regulator).status == .ok)
            // writing needs a login and the right role
            #expect(try await client.json(.post, "/api/v1/projects", body: ["title": "x"]).status == .unauthorized)
            let newProject: [String: Any] = ["title": "投标人不能建项目", "catalogCode": "engineering.open-tender", "region": "厦门市", "lots": [["title": "一", "estimateFen": 100_000, "depositFen": 0]]]
            #expect(try await client.json(.post, "/api/v1/projects", token: fixture.bidders[0], body: newProject).status == .forbidden)
            #expect(try await client.json(.post, "/api/v1/projects", token: fixture.regulator, body: newProject).status == .forbidden)
            let announce = ["bidDeadline": Fixture.local(test.clock.now(), days: 21), "documentsUntil": Fixture.local(test.clock.now(), days: 7)]
            #expect(try await client.json(.post, "\(project)/announce", token: fixture.regulator, body: announce).status == .forbidden)
            #expect(try await client.json(.post, "\(project)/announce", token: fixture.bidders[0], body: announce).status == .forbidden)
            // only the operator changes the catalog
            let entry: [String: Any] = ["code": "x", "tradingType": "carbon", "tradingTypeZh": "碳排放权", "tradingTypeEn": "Carbon", "procedure": "online-auction", "procedureZh": "网络竞价", "procedureEn": "Online auction", "active": true,
                                        "rules": ["minBidders": 1, "minBidPeriod": 10, "minBidPeriodUnit": "days", "minDocumentPeriod": 5, "minDocumentPeriodUnit": "days", "clarificationLeadDays": 0, "depositCapBasisPoints": 1000, "publicityMinDays": 0, "contractDueDays": 30, "maxCandidates": 1, "evaluationMethod": "highest-price", "openingMode": "online-auction"]]
            #expect(try await client.json(.put, "/api/v1/catalog/carbon.online-auction", token: fixture.tenderer, body: entry).status == .forbidden)
            #expect(try await client.json(.put, "/api/v1/catalog/carbon.online-auction", token: fixture.operatorToken, body: entry).status == .ok)
            let (_, catalog) = try await client.json(.get, "/api/v1/catalog")
            #expect(((catalog["items"] as? [[String: Any]]) ?? []).contains { $0["code"] as? String == "carbon.online-auction" }, "a new trading type is a catalog row")
            // bids: a bidder sees only its own; nobody sees bids before the opening (法22)
            try await fixture.announce(client, now: test.clock.now())
            for index in 0..<3 { _ = try await fixture.bid(client, index, price: Int64(1_000 + index)) }
            let (_, own) = try await client.json(.get, "\(fixture.lotPath)/bids", token: fixture.bidders[1])
            let parties = ((own["items"] as? [[String: Any]]) ?? []).compactMap { $0["partyId"] as? String }
            #expect(parties == [fixture.bidderParties[1]], "bidder 2 sees only its own bid")
            #expect(try await client.json(.get, "\(fixture.lotPath)/bids", token: fixture.tenderer).status == .forbidden)
            #expect(try await client.json(.get, "\(fixture.lotPath)/bids", token: fixture.regulator).status == .forbidden)
            #expect(try await client.json(.get, "\(fixture.lotPath)/bids").status == .unauthorized)
            // a bid file: its bidder may download it, another bidder and the public may not
            let (_, mine) = try await client.json(.get, "/api/v1/my/bids", token: fixture.bidders[0])
            let sha = ((mine["items"] as? [[String: Any]])?.first?["sha256"] as? String) ?? ""
            #expect(try await client.json(.get, "/api/v1/documents/\(sha)", token: fixture.bidders[0]).status == .ok)
            #expect(try await client.json(.get, "/api/v1/documents/\(sha)", token: fixture.bidders[1]).status == .notFound)
            #expect(try await client.json(.get, "/api/v1/documents/\(sha)").status == .notFound)
            #expect(try await client.json(.get, "/api/v1/documents/\(sha)", token: fixture.tenderer).status == .notFound, "not before the opening")
            // another tenderer's project cannot be driven by a bidder, and the opening is refused before the deadline
            #expect(try await client.json(.post, "\(fixture.lotPath)/open", token: fixture.bidders[0]).status == .forbidden)
            #expect(try await client.json(.post, "\(fixture.lotPath)/open", token: fixture.tenderer).status == .conflict)
            // after the opening the tenderer and the regulator see the bids and files
            test.clock.advance(by: 22 * 86_400)
            #expect(try await client.json(.post, "\(fixture.lotPath)/open", token: fixture.tenderer).status == .ok)
            #expect(try await client.json(.get, "\(fixture.lotPath)/bids", token: fixture.regulator).status == .ok)
            #expect(try await client.json(.get, "/api/v1/documents/\(sha)", token: fixture.tenderer).status == .ok)
            #expect(try await client.json(.get, "/api/v1/documents/\(sha)", token: fixture.bidders[1]).status == .notFound)
        }
    }

    @Test("health, metrics and the OpenAPI document are served", arguments: TestEngine.available)
    func operations(engine: TestEngine) async throws {
        let test = try await TestPlatform.make(engine)
        defer { Task { await test.shutdown() } }
        try await test.test { client in
            try await client.execute(uri: "/healthz", method: .get) { #expect($0.status == .ok) }
            _ = try await client.json(.get, "/api/v1/catalog")
            try await client.execute(uri: "/metrics", method: .get) { response in
                #expect(response.status == .ok)
                #expect(String(buffer: response.body).contains("hb_"), "Prometheus text with Hummingbird's request metrics")
            }
            try await client.execute(uri: "/openapi.json", method: .get) { response in
                #expect(response.status == .ok)
                #expect(String(buffer: response.body).contains("\"openapi\""))
            }
        }
    }
}
