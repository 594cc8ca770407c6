import Foundation
import Hummingbird
import HummingbirdTesting
import SQLKit
import Server
import Storage

/// Experts for the draw tests: accounts `xexpert1…`, a registry imported through the API.
struct ExpertFixture {
    /// (id, account username) of every imported expert.
    var experts: [(id: String, username: String)]

    static let header = "id,name,specialties,title,practice_years,birth_date,employer_code,employer_name,region,available,status,affiliations,relatives,punishment,account"

    /// C02 (roads) experts XM-C01…XM-C13 and E01 (cost) experts XM-E01…XM-E04; XM-C11 works for bidder 1 (credit code
    /// 11), XM-C12 declared a relative at bidder 2, XM-C13 is 76 (out of the pool).
    static func make(_ client: any TestClientProtocol, operatorToken: String) async throws -> ExpertFixture {
        var lines = [Self.header]
        var experts: [(String, String)] = []
        for index in 1...17 {
            let isCost = index > 13
            let id = isCost ? String(format: "XM-E%02d", index - 13) : String(format: "XM-C%02d", index)
            let username = "xexpert\(index)"
            let (status, json) = try await client.json(.post, "/api/v1/accounts", token: operatorToken, body: [
                "username": username, "password": "password-123", "role": "expert", "displayName": "专家\(index)",
            ])
            guard status == .created else { throw TestFailure("expert account: \(status) \(json)") }
            var employerCode = ""
            var relatives = ""
            var birth = "1975-03-04"
            if index == 11 { employerCode = TestPlatform.code(11) }
            if index == 12 { relatives = "\(TestPlatform.code(12))|投标企业2有限公司" }
            if index == 13 { birth = "1950-01-01" }
            lines.append(
                "\(id),专家\(index),\(isCost ? "E0101" : "C0201"),高级工程师,10,\(birth),\(employerCode),单位\(index),厦门市,yes,active,,\(relatives),,\(username)"
            )
            experts.append((id, username))
        }
        let (status, report) = try await client.upload("/api/v1/experts/import", token: operatorToken, bytes: Array(lines.joined(separator: "\n").utf8))
        guard status == .ok, report["imported"] as? Int == 17 else { throw TestFailure("expert import: \(status) \(report)") }
        return ExpertFixture(experts: experts)
    }
}
