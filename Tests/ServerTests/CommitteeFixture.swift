import Crypto
import ExpertDraw
import Foundation
import HummingbirdTesting
import Server
import WitnessLog

/// A lot with three bids and a drawn committee of five whose members have all accepted, for the evaluation tests.
struct CommitteeFixture {
    var base: Fixture
    var experts: ExpertFixture
    /// Tokens of the five accepted members.
    var members: [String]
    var drawPath: String

    /// Registry, announced lot, bids of `prices` fen by bidders 0…, a sheet set by `sheet` before the opening, the draw
    /// (commit-reveal and a synthetic quicknet round), every invitation accepted, then the opening.
    static func make(
        _ client: any TestClientProtocol, _ test: TestPlatform, prices: [Int64], sheet: [String: Any]? = nil, open: Bool = true
    ) async throws -> CommitteeFixture {
        let base = try await Fixture.make(client)
        let experts = try await ExpertFixture.make(client, operatorToken: base.operatorToken)
        try await base.announce(client, now: test.clock.now())
        for (index, price) in prices.enumerated() {
            let (status, json) = try await base.bid(client, index, price: price)
            guard status == .created || status == .ok else { throw TestFailure("bid: \(status) \(json)") }
        }
        if let sheet {
            let (status, json) = try await client.json(.put, "\(base.lotPath)/evaluation/sheet", token: base.tenderer, body: sheet)
            guard status == .ok else { throw TestFailure("sheet: \(status) \(json)") }
        }
        let round = DrandChain.quicknet.futureRound(after: Int64(test.clock.now().timeIntervalSince1970), lead: 600)
        let value = Array(repeating: UInt8(5), count: 32)
        let (created, draw) = try await client.json(.post, "\(base.lotPath)/draws", token: base.tenderer, body: [
            "categories": [["code": "C02", "count": 4], ["code": "E01", "count": 1]], "reserve": 2,
            "beacon": ["network": DrandChain.quicknet.network, "round": round],
            "contributions": [["party": "tenderer", "commitment": Hash.sha256(Data(value)).hex]],
        ])
        guard created == .created, let drawID = draw["id"] as? String else { throw TestFailure("draw: \(created) \(draw)") }
        let drawPath = "\(base.lotPath)/draws/\(drawID)"
        _ = try await client.json(.post, "\(drawPath)/reveal", token: base.tenderer, body: ["party": "tenderer", "value": Hash(bytes: value)!.hex])
        test.clock.advance(by: 700)
        let (drawn, done) = try await client.raw(.post, "\(drawPath)/beacon", token: base.tenderer, body: ExpertDrawServerTests.beacon(round: round))
        guard drawn == .ok else { throw TestFailure("beacon: \(drawn) \(done)") }
        var members: [String] = []
        for (token, invitation) in try await ExpertDrawServerTests.invitations(client, experts) {
            let (status, json) = try await client.json(.post, "/api/v1/my/invitations/\(invitation)/accept", token: token)
            guard status == .ok else { throw TestFailure("accept: \(status) \(json)") }
            members.append(token)
        }
        guard open else { return CommitteeFixture(base: base, experts: experts, members: members, drawPath: drawPath) }
        test.clock.advance(by: 22 * 86_400)
        let (opened, json) = try await client.json(.post, "\(base.lotPath)/open", token: base.tenderer)
        guard opened == .ok else { throw TestFailure("open: \(opened) \(json)") }
        return CommitteeFixture(base: base, experts: experts, members: members, drawPath: drawPath)
    }

    var evaluation: String { "\(self.base.lotPath)/evaluation" }

    /// The opened bids' ids in the order of bidders 0, 1, 2 (by price as submitted).
    func bidIDs(_ client: any TestClientProtocol) async throws -> [String] {
        let (_, json) = try await client.json(.get, self.evaluation, token: self.members[0])
        let bids = (json["bids"] as? [[String: Any]]) ?? []
        return bids.sorted { ($0["priceFen"] as? Int ?? 0) < ($1["priceFen"] as? Int ?? 0) }.compactMap { $0["bidId"] as? String }
    }
}

extension CommitteeFixture {
    /// Every drawn expert accepts what is pending; returns the tokens of the accepted members.
    static func acceptAll(_ client: any TestClientProtocol, _ experts: ExpertFixture) async throws -> [String] {
        var members: [String] = []
        for expert in experts.experts {
            let token = try await client.login(expert.username)
            let (_, json) = try await client.json(.get, "/api/v1/my/invitations", token: token)
            for item in json["items"] as? [[String: Any]] ?? [] {
                if item["status"] as? String == "pending" {
                    _ = try await client.json(.post, "/api/v1/my/invitations/\(item["id"] as? String ?? "")/accept", token: token)
                } else if item["status"] as? String != "accepted" {
                    continue
                }
                members.append(token)
            }
        }
        return members
    }

    /// The committee evaluates unanimously (every bid passes; equal scores), generates the report and every member
    /// signs it with a fresh key: the lot's ranking is then recorded from the report. Returns the report.
    static func evaluateUnanimously(_ client: any TestClientProtocol, lotPath: String, members: [String]) async throws -> [String: Any] {
        let evaluation = "\(lotPath)/evaluation"
        let (_, workspace) = try await client.json(.get, evaluation, token: members[0])
        let bids = ((workspace["bids"] as? [[String: Any]]) ?? []).compactMap { $0["bidId"] as? String }
        let sheet = workspace["sheet"] as? [String: Any] ?? [:]
        for token in members {
            let (status, json) = try await client.json(.post, "\(evaluation)/review", token: token, body: [
                "votes": bids.map { ["bidId": $0, "qualification": true, "compliance": true] },
            ])
            guard status == .ok else { throw TestFailure("review: \(status) \(json)") }
        }
        if sheet["method"] as? String == "comprehensive" {
            let criteria = ((sheet["criteria"] as? [[String: Any]]) ?? []).filter { $0["kind"] as? String != "price" }.compactMap { $0["id"] as? String }
            for token in members {
                let scores = Dictionary(uniqueKeysWithValues: bids.map { ($0, Dictionary(uniqueKeysWithValues: criteria.map { ($0, "10") })) })
                let (status, json) = try await client.json(.post, "\(evaluation)/scores", token: token, body: ["scores": scores])
                guard status == .ok else { throw TestFailure("scores: \(status) \(json)") }
            }
        }
        let (made, report) = try await client.json(.post, "\(evaluation)/report", token: members[0])
        guard made == .created, let sha = report["sha256"] as? String, let digest = Hash(hex: sha) else { throw TestFailure("report: \(made) \(report)") }
        var last = report
        for token in members {
            let key = Curve25519.Signing.PrivateKey()
            _ = try await client.json(.put, "/api/v1/me/expert-key", token: token, body: ["publicKey": key.publicKey.rawRepresentation.base64EncodedString()])
            let (status, json) = try await client.json(.post, "\(evaluation)/report/signatures", token: token, body: [
                "signature": try key.signature(for: digest.data).base64EncodedString(),
            ])
            guard status == .ok else { throw TestFailure("sign: \(status) \(json)") }
            last = json
        }
        return last
    }
}
