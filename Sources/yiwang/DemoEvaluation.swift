import Crypto
import Foundation
import NIOHTTP1
import Server
import TradingCore
import WitnessLog

extension Demo {
    /// 评标 in the demo: the drawn committee (demo-expert accounts that accepted) reviews every bid, scores them on
    /// the catalog's default sheet (综合评估法: price 30 by 87§55, technical 50, commercial 20), generates the report,
    /// and every member signs its SHA-256 with an Ed25519 key registered through `PUT /api/v1/me/expert-key` (one
    /// member with a dissent). The fully signed report records the lot's ranking (条例53).
    static func evaluate(_ api: APIClient, lot: String, clock: ManualClock) async throws {
        var members: [String] = []
        for index in 1...12 {
            let token = try await api.login("demo-expert\(index)", DemoData.password)
            let invitations = try await api.expect(200, .GET, "/api/v1/my/invitations", token: token)
            if ((invitations["items"] as? [[String: Any]]) ?? []).contains(where: { $0["status"] as? String == "accepted" }) { members.append(token) }
        }
        let evaluation = "\(lot)/evaluation"
        let workspace = try await api.expect(200, .GET, evaluation, token: members[0])
        let bids = ((workspace["bids"] as? [[String: Any]]) ?? []).compactMap { $0["bidId"] as? String }
        let sheet = workspace["sheet"] as? [String: Any] ?? [:]
        for token in members {
            try await api.expect(200, .POST, "\(evaluation)/review", token: token, json: ["votes": bids.map { ["bidId": $0, "qualification": true, "compliance": true] }])
        }
        step(clock, "committee of \(members.count): qualification and compliance review of \(bids.count) bids, each member's vote logged (majority decides)")
        if sheet["method"] as? String == "comprehensive" {
            for (memberIndex, token) in members.enumerated() {
                let scores = Dictionary(uniqueKeysWithValues: bids.enumerated().map { bidIndex, bid in
                    (bid, ["technical": String(38 + (bidIndex * 3 + memberIndex) % 7), "commercial": String(14 + bidIndex % 3)])
                })
                try await api.expect(200, .POST, "\(evaluation)/scores", token: token, json: ["scores": scores])
            }
            step(clock, "every member submitted a 综合评估法 score sheet (87§64 ranges checked; outliers flagged)")
        }
        let report = try await api.expect(201, .POST, "\(evaluation)/report", token: members[0])
        let sha = report["sha256"] as? String ?? ""
        step(clock, "评标报告 generated, SHA-256 \(sha.prefix(16))…:")
        for line in ((report["body"] as? String) ?? "").split(separator: "\n") { print("    \(line)") }
        guard let digest = Hash(hex: sha) else { throw APIClient.Failure(description: "no report digest") }
        var status = ""
        for (index, token) in members.enumerated() {
            let key = Curve25519.Signing.PrivateKey()
            try await api.expect(200, .PUT, "/api/v1/me/expert-key", token: token, json: ["publicKey": key.publicKey.rawRepresentation.base64EncodedString()])
            var form: [String: Any] = ["signature": try key.signature(for: digest.data).base64EncodedString()]
            if index == members.count - 1 { form["dissent"] = "对第二名技术方案评分偏低有不同意见（演示）" }
            let signed = try await api.expect(200, .POST, "\(evaluation)/report/signatures", token: token, json: form)
            status = signed["status"] as? String ?? ""
        }
        step(clock, "all \(members.count) members signed with their own Ed25519 keys (one with a dissent, 条例53): report \(status); the lot's ranking comes from it")
    }
}
