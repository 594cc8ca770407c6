import Foundation
import Hummingbird
import HummingbirdTesting
import Server
import TradingCore

/// Accounts and a draft project that most API tests start from.
struct Fixture {
    var tenderer: String
    var bidders: [String]
    var bidderParties: [String]
    var regulator: String
    var operatorToken: String
    var projectID: String
    var lotID: String

    /// Registers a tenderer and four bidders (valid credit codes), a regulator, and creates a draft project with one lot
    /// (estimate 10,000,000 yuan, deposit 100,000 yuan).
    static func make(_ client: any TestClientProtocol) async throws -> Fixture {
        let operatorToken = try await client.login("admin", "operator-pass")
        let (status, _) = try await client.json(.post, "/api/v1/enterprises", body: [
            "name": "市政工程建设中心", "creditCode": TestPlatform.code(1), "username": "tenderer", "password": "password-123", "role": "tenderer",
        ])
        guard status == .created else { throw TestFailure("tenderer registration: \(status)") }
        var parties: [String] = []
        for index in 1...4 {
            let (status, json) = try await client.json(.post, "/api/v1/enterprises", body: [
                "name": "投标企业\(index)有限公司", "creditCode": TestPlatform.code(10 + index), "username": "bidder\(index)", "password": "password-123", "role": "bidder",
            ])
            guard status == .created, let party = (json["party"] as? [String: Any])?["id"] as? String else { throw TestFailure("bidder registration: \(status) \(json)") }
            parties.append(party)
        }
        let (made, account) = try await client.json(.post, "/api/v1/accounts", token: operatorToken, body: [
            "username": "regulator", "password": "password-123", "role": "regulator", "displayName": "监管部门",
        ])
        guard made == .created else { throw TestFailure("regulator account: \(made) \(account)") }
        let tenderer = try await client.login("tenderer")
        var bidders: [String] = []
        for index in 1...4 { bidders.append(try await client.login("bidder\(index)")) }
        let regulator = try await client.login("regulator")
        let (created, project) = try await client.json(.post, "/api/v1/projects", token: tenderer, body: [
            "title": "城东道路绿化改造工程施工招标", "catalogCode": "engineering.open-tender", "region": "厦门市",
            "lots": [["title": "施工", "estimateFen": 1_000_000_000, "depositFen": 10_000_000]],
        ])
        guard created == .created, let projectID = project["id"] as? String, let lotID = ((project["lots"] as? [[String: Any]])?.first?["id"]) as? String else {
            throw TestFailure("project creation: \(created) \(project)")
        }
        return Fixture(tenderer: tenderer, bidders: bidders, bidderParties: parties, regulator: regulator, operatorToken: operatorToken, projectID: projectID, lotID: lotID)
    }

    var lotPath: String { "/api/v1/projects/\(self.projectID)/lots/\(self.lotID)" }

    /// After the opening: records the result ranked by price (lowest first) and starts 3 days of candidate publicity.
    func rankByPriceAndPublicize(_ client: any TestClientProtocol, now: Date) async throws {
        let (_, bidList) = try await client.json(.get, "\(self.lotPath)/bids", token: self.tenderer)
        let bids = ((bidList["items"] as? [[String: Any]]) ?? []).sorted { ($0["priceFen"] as? Int ?? 0) < ($1["priceFen"] as? Int ?? 0) }
        let candidates = bids.enumerated().map { ["bidId": $1["bidId"] as? String ?? "", "rank": $0 + 1] as [String: Any] }
        _ = try await client.json(.post, "\(self.lotPath)/result", token: self.tenderer, body: ["candidates": candidates])
        _ = try await client.json(.post, "\(self.lotPath)/publicity", token: self.tenderer, body: ["until": Self.local(now, days: 3)])
    }

    /// Announces with the deadline 21 days after `now` at 09:30 local and documents until 6 days after.
    func announce(_ client: any TestClientProtocol, now: Date) async throws {
        let (status, json) = try await client.json(.post, "/api/v1/projects/\(self.projectID)/announce", token: self.tenderer, body: [
            "bidDeadline": Self.local(now, days: 21), "documentsUntil": Self.local(now, days: 7),
        ])
        guard status == .ok else { throw TestFailure("announce: \(status) \(json)") }
    }

    /// Registers bidder `index` and submits a bid of `price` fen with `bytes`.
    func bid(_ client: any TestClientProtocol, _ index: Int, price: Int64, bytes: [UInt8] = Array("标书".utf8)) async throws -> (status: HTTPResponse.Status, json: [String: Any]) {
        try await client.json(.post, "\(self.lotPath)/registrations", token: self.bidders[index], body: ["deposit": "paid"])
        return try await client.upload("\(self.lotPath)/bids?priceFen=\(price)&filename=bid\(index).pdf", token: self.bidders[index], bytes: bytes + Array("\(index)".utf8))
    }

    /// `YYYY-MM-DDT09:30:00+08:00` for the local day `days` after `now`.
    static func local(_ now: Date, days: Int) -> String {
        "\(LocalDate(now).adding(days: days))T09:30:00+08:00"
    }
}
