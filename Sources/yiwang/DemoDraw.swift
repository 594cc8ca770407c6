import ExpertDraw
import Foundation
import NIOHTTP1
import Server
import TradingCore
import WitnessLog

extension Demo {
    /// 专家抽取 in the demo: twelve experts imported from CSV, a committee of four C02 (municipal) experts and one E01
    /// (cost) expert requested for the lot, the tenderer's and the regulator's commit-reveal contributions, and a drand
    /// quicknet round supplied by the operator (synthetic here: the demo has no network). Returns the draw's API path.
    static func drawCommittee(_ api: APIClient, lot: String, tenderer: String, clock: ManualClock) async throws -> String {
        let admin = try await api.login("admin", DemoData.password)
        var lines = ["id,name,specialties,title,practice_years,birth_date,employer_name,region,account"]
        for index in 1...12 {
            try await api.expect(201, .POST, "/api/v1/accounts", token: admin, json: [
                "username": "demo-expert\(index)", "password": DemoData.password, "role": "expert", "displayName": "演示专家\(index)",
            ])
            lines.append("DEMO-X\(index),演示专家\(index),\(index <= 8 ? "C0203" : "E0101"),高级工程师,\(8 + index),1970-0\(1 + index % 9)-15,演示单位\(index),厦门市,demo-expert\(index)")
        }
        let report = try await api.expect(200, .POST, "/api/v1/experts/import", token: admin, bytes: Array(lines.joined(separator: "\n").utf8), contentType: "text/csv")
        step(clock, "expert registry: \(report["imported"] ?? 0) experts imported from CSV in one logged transaction")
        let round = DrandChain.quicknet.futureRound(after: Int64(clock.now().timeIntervalSince1970), lead: 600)
        let values = ["tenderer", "regulator"].map { Hash.sha256(Data("\($0) \(UUID().uuidString)".utf8)) }
        let draw = try await api.expect(201, .POST, "\(lot)/draws", token: tenderer, json: [
            "categories": [["code": "C02", "count": 4], ["code": "E01", "count": 1]], "reserve": 2,
            "beacon": ["network": DrandChain.quicknet.network, "round": round],
            "contributions": zip(["tenderer", "regulator"], values).map { ["party": $0, "commitment": Hash.sha256($1.data).hex] },
        ])
        let id = draw["id"] as? String ?? ""
        let commitment = draw["commitment"] as? [String: Any] ?? [:]
        step(clock, "draw \(id) committed (法37: 5 experts, checked first): pool of \(commitment["pool_size"] ?? 0), pool root \(String(describing: commitment["pool_root"] ?? "").prefix(16))…, beacon round \(round) in the future")
        let regulator = try await api.login("demo-regulator", DemoData.password)
        for (party, token, value) in [("tenderer", tenderer, values[0]), ("regulator", regulator, values[1])] {
            try await api.expect(200, .POST, "\(lot)/draws/\(id)/reveal", token: token, json: ["party": party, "value": value.hex])
        }
        step(clock, "tenderer and regulator revealed their values before the beacon round")
        clock.advance(by: 700)
        let signature = Hash.sha256(Data("demo round \(round)".utf8))
        let beacon = "{\"round\":\(round),\"randomness\":\"\(Hash.sha256(signature.data).hex)\",\"signature\":\"\(signature.hex)\"}"
        let drawn = try await api.expect(200, .POST, "\(lot)/draws/\(id)/beacon", token: tenderer, bytes: Array(beacon.utf8), contentType: "application/json")
        step(clock, "drawn with round \(round): seed \(String(describing: drawn["seed"] ?? "").prefix(16))…, salted result hash \(String(describing: drawn["resultHash"] ?? "").prefix(16))… — names stay secret (条例46); the experts are notified in their inbox")
        var accepted = 0
        for index in 1...12 {
            let token = try await api.login("demo-expert\(index)", DemoData.password)
            let invitations = try await api.expect(200, .GET, "/api/v1/my/invitations", token: token)
            for item in (invitations["items"] as? [[String: Any]]) ?? [] where item["status"] as? String == "pending" {
                try await api.expect(200, .POST, "/api/v1/my/invitations/\(item["id"] as? String ?? "")/accept", token: token)
                accepted += 1
            }
        }
        step(clock, "the \(accepted) drawn experts accepted in their inbox (logged; names still secret)")
        return "\(lot)/draws/\(id)"
    }

    /// At evaluation (after the opening) the operator sees the committee and checks the bundle as `yiwang verify draw` does.
    static func verifyDraw(_ api: APIClient, drawPath: String, clock: ManualClock) async throws {
        let admin = try await api.login("admin", DemoData.password)
        let view = try await api.expect(200, .GET, drawPath, token: admin)
        let names = ((view["committee"] as? [[String: Any]]) ?? []).map { "\($0["name"] ?? "")(\($0["category"] ?? ""))" }
        step(clock, "evaluation starts: the operator sees the committee \(names.joined(separator: "、"))")
        let bundle = try JSONDecoder().decode(DrawBundle.self, from: Data(try await api.download("\(drawPath)/draw.json", token: admin)))
        guard case .verified(let seed, let committee) = bundle.verify() else {
            throw APIClient.Failure(description: "the demo draw does not verify: \(bundle.verify().mismatch?.description ?? "?")")
        }
        step(clock, "draw.json reproduces (algorithm v1): seed \(seed.hex.prefix(16))…, committee \(committee.map(\.id).joined(separator: " "))")
    }
}
