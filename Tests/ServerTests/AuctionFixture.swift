import Foundation
import Hummingbird
import HummingbirdTesting
import SQLKit
import Server
import Storage
import Testing

/// Accounts of `Fixture` plus a state-property project (产权·网络竞价) with one lot, and helpers for its auctions.
struct AuctionFixture {
    var base: Fixture
    var projectID: String
    var lotID: String

    static func make(_ client: any TestClientProtocol) async throws -> AuctionFixture {
        let base = try await Fixture.make(client)
        let (created, project) = try await client.json(.post, "/api/v1/projects", token: base.tenderer, body: [
            "title": "市属国有企业闲置办公楼转让", "catalogCode": "property.online-auction", "region": "厦门市",
            "lots": [["title": "办公楼一幢", "estimateFen": 2_000_000_00, "depositFen": 20_000_000]],
        ])
        guard created == .created, let projectID = project["id"] as? String, let lotID = ((project["lots"] as? [[String: Any]])?.first?["id"]) as? String else {
            throw TestFailure("property project: \(created) \(project)")
        }
        return AuctionFixture(base: base, projectID: projectID, lotID: lotID)
    }

    var auctionsPath: String { "/api/v1/projects/\(self.projectID)/lots/\(self.lotID)/auctions" }

    /// Creates an auction with `body`; fails the test unless 201.
    func create(_ client: any TestClientProtocol, _ body: [String: Any]) async throws -> String {
        let (status, json) = try await client.json(.post, self.auctionsPath, token: self.base.tenderer, body: body)
        guard status == .created, let id = json["id"] as? String else { throw TestFailure("auction creation: \(status) \(json)") }
        return id
    }

    /// Registers bidder `index` and returns its registration (id, number).
    func register(_ client: any TestClientProtocol, _ auction: String, _ index: Int) async throws -> (id: String, number: String, json: [String: Any]) {
        let (status, json) = try await client.json(.post, "/api/v1/auctions/\(auction)/registrations", token: self.base.bidders[index])
        guard status == .created, let id = json["id"] as? String, let number = json["number"] as? String else { throw TestFailure("registration: \(status) \(json)") }
        return (id, number, json)
    }

    /// The operator confirms the deposit of `registration`.
    func confirm(_ client: any TestClientProtocol, _ auction: String, _ registration: String, amountFen: Int64) async throws {
        let (status, json) = try await client.json(.post, "/api/v1/auctions/\(auction)/registrations/\(registration)/deposit", token: self.base.operatorToken, body: ["amountFen": amountFen])
        guard status == .ok else { throw TestFailure("deposit: \(status) \(json)") }
    }

    /// Registers bidders `0..<count` and confirms each one's deposit of `depositFen`; returns their registrations.
    @discardableResult
    func qualify(_ client: any TestClientProtocol, _ auction: String, bidders count: Int, depositFen: Int64) async throws -> [(id: String, number: String, json: [String: Any])] {
        var registrations: [(id: String, number: String, json: [String: Any])] = []
        for index in 0..<count {
            let registration = try await self.register(client, auction, index)
            try await self.confirm(client, auction, registration.id, amountFen: depositFen)
            registrations.append(registration)
        }
        return registrations
    }

    func bid(_ client: any TestClientProtocol, _ auction: String, _ index: Int, _ amount: Int64, id: String) async throws -> (status: HTTPResponse.Status, json: [String: Any]) {
        try await client.json(.post, "/api/v1/auctions/\(auction)/bids", token: self.base.bidders[index], body: ["clientBidId": id, "amountFen": amount])
    }

    static func time(_ date: Date) -> String { Timestamps.rfc3339(date) }
}

extension TestPlatform {
    /// The stored engine snapshot, stream position and row counts of an auction: equal before and after a refusal
    /// means the refusal changed nothing but its own refused-bid row.
    func auctionState(_ auction: String) async throws -> [String] {
        try await self.platform.engine.read { db in
            struct State: Decodable { var machine: String; var seq: Int64; var registry: String }
            let state = try await db.row("SELECT machine, seq, registry FROM auctions WHERE id = \(bind: auction)", as: State.self)
            let events = try await db.raw("SELECT COUNT(*) AS n FROM auction_events WHERE auction_id = \(bind: auction)").first()?.decode(column: "n", as: Int64.self)
            let accepted = try await db.raw("SELECT COUNT(*) AS n FROM auction_bids WHERE auction_id = \(bind: auction) AND accepted = 1").first()?.decode(column: "n", as: Int64.self)
            return [state?.machine ?? "-", "\(state?.seq ?? -1)", state?.registry ?? "-", "events=\(events ?? -1)", "accepted=\(accepted ?? -1)"]
        }
    }

    func auctionBidRows(_ auction: String) async throws -> Int64 {
        try await self.platform.engine.read { db in
            try await db.raw("SELECT COUNT(*) AS n FROM auction_bids WHERE auction_id = \(bind: auction)").first()?.decode(column: "n", as: Int64.self) ?? -1
        }
    }
}
