import Crypto
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Server
import Testing
import TradingCore
import WitnessLog

@Suite("The evaluation workspace page (评标工作台): review, scoring with outliers highlighted, report and signing by forms")
struct EvaluationPageTests {
    @Test("members evaluate through the page; an outlier is highlighted (87§64); outsiders are refused", arguments: TestEngine.available)
    func workspacePage(engine: TestEngine) async throws {
        let test = try await TestPlatform.make(engine)
        defer { Task { await test.shutdown() } }
        try await test.test { client in
            let fixture = try await CommitteeFixture.make(client, test, prices: [90_000_000, 100_000_000, 120_000_000], sheet: EvaluationServerTests.sheet)
            let bids = try await fixture.bidIDs(client)
            let page = "/workspace/evaluations/\(fixture.base.projectID)/\(fixture.base.lotID)"
            let cookies = fixture.members.map { "yw_session=\($0)" }
            // the invitations page links to the workspace once accepted
            #expect(try await client.page("/workspace/invitations", cookie: cookies[0]).body.contains(page))
            let first = try await client.page(page, cookie: cookies[0])
            #expect(first.status == .ok && first.body.contains("评标工作台") && first.body.contains("\(page)/review") && first.body.contains("投标企业1有限公司"))
            #expect(try await client.page(page, cookie: "yw_session=\(fixture.base.bidders[0])").status != .ok)
            // review by form: one member rejects the dearest bid with a ground, a minority
            for (index, cookie) in cookies.enumerated() {
                var fields: [String: String] = [:]
                if index == 0 { fields = ["q_\(bids[2])": "reject", "reason_\(bids[2])": "notQualified", "detail_\(bids[2])": "资质证书过期"] }
                let answer = try await client.form("\(page)/review", fields, cookie: cookie)
                #expect(answer.status == .seeOther, "\(answer.body)")
            }
            let rejectedWithoutGround = try await client.form("\(page)/review", ["q_\(bids[0])": "reject"], cookie: cookies[1])
            #expect(rejectedWithoutGround.status != .seeOther && rejectedWithoutGround.body.contains("否决"))
            // scores by form: the last member gives the cheapest bid 10 of 50 on the technical plan
            for (index, cookie) in cookies.enumerated() {
                var fields: [String: String] = [:]
                for bid in bids {
                    fields["s_\(bid)_technical"] = index == 4 && bid == bids[0] ? "10" : "40"
                    fields["s_\(bid)_commercial"] = "15"
                }
                #expect(try await client.form("\(page)/scores", fields, cookie: cookie).status == .seeOther)
            }
            let flagged = try await client.page(page, cookie: cookies[4])
            #expect(flagged.body.contains("<mark>") && flagged.body.contains("畸高或畸低") && flagged.body.contains("class=\"outlier\" style"))
            #expect(!(try await client.page(page, cookie: cookies[0]).body.contains("class=\"outlier\" style")), "only the member's own outlier input is marked")
            // the report, then each member signs by pasting a signature made on their own machine
            #expect(try await client.form("\(page)/report", [:], cookie: cookies[1]).status == .seeOther)
            let (_, report) = try await client.json(.get, "\(fixture.evaluation)/report", token: fixture.members[0])
            let digest = try #require(Hash(hex: report["sha256"] as? String ?? ""))
            for (index, token) in fixture.members.enumerated() {
                let key = Curve25519.Signing.PrivateKey()
                _ = try await client.json(.put, "/api/v1/me/expert-key", token: token, body: ["publicKey": key.publicKey.rawRepresentation.base64EncodedString()])
                let signature = try key.signature(for: digest.data).map { String(format: "%02x", $0) }.joined()
                let fields = index == 0 ? ["signature": signature, "dissent": "第三名资质证书已过期"] : ["signature": signature]
                #expect(try await client.form("\(page)/sign", fields, cookie: cookies[index]).status == .seeOther)
            }
            let done = try await client.page(page, cookie: cookies[2])
            #expect(done.body.contains("全体成员已签署") && done.body.contains("不同意见：第三名资质证书已过期") && done.body.contains("总分82.00"))
        }
    }
}
