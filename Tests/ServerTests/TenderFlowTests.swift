import Foundation
import Hummingbird
import HummingbirdTesting
import Server
import Testing
import TradingCore

@Suite("A whole tender through the API")
struct TenderFlowTests {
    @Test("notice → 3 bids → opening → result → publicity → award → contract → archive", arguments: TestEngine.available)
    func wholeTender(engine: TestEngine) async throws {
        let test = try await TestPlatform.make(engine)
        defer { Task { await test.shutdown() } }
        try await test.test { client in
            // setup
            let fixture = try await Fixture.make(client)
            try await fixture.announce(client, now: test.clock.now())
            // exercise: three bids, one replaced
            for (index, price) in [(0, Int64(95_000_000_000)), (1, 90_000_000_000), (2, 98_000_000_000)] {
                let (status, receipt) = try await fixture.bid(client, index, price: price)
                #expect(status == .created)
                #expect((receipt["sha256"] as? String)?.count == 64)
                #expect(receipt["receivedAt"] as? String != nil)
                #expect(receipt["logIndex"] as? Int != nil)
            }
            let (replaced, second) = try await client.upload("\(fixture.lotPath)/bids?priceFen=94000000000&filename=v2.pdf", token: fixture.bidders[0], bytes: Array("标书v2".utf8))
            #expect(replaced == .created)
            #expect(second["version"] as? Int == 2)
            // the public sees the notice, not the bids
            let (notices, list) = try await client.json(.get, "/api/v1/notices?projectId=\(fixture.projectID)")
            #expect(notices == .ok)
            #expect((list["items"] as? [[String: Any]])?.first?["kind"] as? String == "announcement")
            // the deadline passes; the tenderer opens
            test.clock.advance(by: 22 * 86_400)
            let (opened, project) = try await client.json(.post, "\(fixture.lotPath)/open", token: fixture.tenderer)
            #expect(opened == .ok)
            #expect(Self.phase(project) == "opened")
            let (_, record) = try await client.json(.get, "/api/v1/notices?kind=opening-record&projectId=\(fixture.projectID)")
            let body = ((record["items"] as? [[String: Any]])?.first?["body"] as? String) ?? ""
            #expect(body.contains("投标企业1有限公司") && body.contains("940,000,000.00"), "opening record names bidders and prices: \(body)")
            // result: ranked by price
            let (_, bidList) = try await client.json(.get, "\(fixture.lotPath)/bids", token: fixture.tenderer)
            let bids = (bidList["items"] as? [[String: Any]]) ?? []
            #expect(bids.count == 3)
            let ranked = bids.sorted { ($0["priceFen"] as? Int ?? 0) < ($1["priceFen"] as? Int ?? 0) }
            let candidates = ranked.enumerated().map { ["bidId": $1["bidId"] as? String ?? "", "rank": $0 + 1] as [String: Any] }
            let (resulted, _) = try await client.json(.post, "\(fixture.lotPath)/result", token: fixture.tenderer, body: ["candidates": candidates])
            #expect(resulted == .ok)
            let now = test.clock.now()
            let (publicized, _) = try await client.json(.post, "\(fixture.lotPath)/publicity", token: fixture.tenderer, body: ["until": Fixture.local(now, days: 3)])
            #expect(publicized == .ok)
            let (early, problem) = try await client.json(.post, "\(fixture.lotPath)/award", token: fixture.tenderer, body: ["rank": 1])
            #expect(early == .conflict, "条例54: no award while publicity runs")
            #expect(problem["code"] as? String == "publicity-running")
            test.clock.advance(by: 4 * 86_400)
            let (awarded, awardedProject) = try await client.json(.post, "\(fixture.lotPath)/award", token: fixture.tenderer, body: ["rank": 1])
            #expect(awarded == .ok)
            let lot = (awardedProject["lots"] as? [[String: Any]])?.first
            #expect((lot?["contractReminder"] as? [String: Any])?["overdue"] as? Bool == false, "法46 contract reminder")
            let (_, results) = try await client.json(.get, "/api/v1/notices?kind=result&projectId=\(fixture.projectID)")
            #expect(((results["items"] as? [[String: Any]])?.first?["body"] as? String)?.contains("投标企业2有限公司") == true, "the lowest price wins")
            let (signed, _) = try await client.json(.post, "\(fixture.lotPath)/contract", token: fixture.tenderer)
            #expect(signed == .ok)
            let (archived, final) = try await client.json(.post, "\(fixture.lotPath)/archive", token: fixture.tenderer)
            #expect(archived == .ok)
            #expect(Self.phase(final) == "archived")
            // validate: every change left a witness-log entry
            let (_, log) = try await client.json(.get, "/api/v1/log/entries?limit=1000")
            let types = ((log["entries"] as? [[String: Any]]) ?? []).compactMap { ($0["entry"] as? String) }.compactMap { Self.type(of: $0) }
            for type in ["project.created", "project.announced", "bid.submitted", "lot.opened", "lot.result-recorded", "lot.candidates-published", "lot.awarded", "lot.contract-signed", "lot.archived"] {
                #expect(types.contains(type), "log has \(type)")
            }
        }
    }

    @Test("法28: fewer than 3 bids → 流标 with a failure notice, then re-tender", arguments: TestEngine.available)
    func tooFewBids(engine: TestEngine) async throws {
        let test = try await TestPlatform.make(engine)
        defer { Task { await test.shutdown() } }
        try await test.test { client in
            let fixture = try await Fixture.make(client)
            try await fixture.announce(client, now: test.clock.now())
            _ = try await fixture.bid(client, 0, price: 1_000)
            _ = try await fixture.bid(client, 1, price: 2_000)
            test.clock.advance(by: 22 * 86_400)
            let (status, project) = try await client.json(.post, "\(fixture.lotPath)/open", token: fixture.tenderer)
            #expect(status == .ok)
            #expect(Self.phase(project) == "failed")
            let (_, failures) = try await client.json(.get, "/api/v1/notices?kind=failure&projectId=\(fixture.projectID)")
            #expect((failures["items"] as? [[String: Any]])?.count == 1)
            let (retendered, again) = try await client.json(.post, "\(fixture.lotPath)/retender", token: fixture.tenderer)
            #expect(retendered == .ok)
            #expect(Self.phase(again) == "draft")
            #expect(((again["lots"] as? [[String: Any]])?.first?["attempt"]) as? Int == 2)
        }
    }

    @Test("条例21: a clarification affecting bids 10 days before the deadline moves it to 15 days out", arguments: TestEngine.available)
    func clarificationMovesDeadline(engine: TestEngine) async throws {
        let test = try await TestPlatform.make(engine)
        defer { Task { await test.shutdown() } }
        try await test.test { client in
            let fixture = try await Fixture.make(client)
            let announcedAt = test.clock.now()
            try await fixture.announce(client, now: announcedAt)
            test.clock.advance(by: 11 * 86_400)
            let (status, project) = try await client.json(.post, "/api/v1/projects/\(fixture.projectID)/clarifications", token: fixture.tenderer, body: [
                "title": "关于工程量清单的修改", "body": "第3章工程量清单第12项数量由100改为120。", "affectsBids": true,
            ])
            #expect(status == .ok)
            let deadline = ((project["lots"] as? [[String: Any]])?.first?["bidDeadline"] as? String).flatMap(Self.date)
            let expected = LocalDate(test.clock.now()).adding(days: 15)
            #expect(deadline.map { LocalDate($0) >= expected } == true, "deadline \(String(describing: deadline)) ≥ \(expected)")
        }
    }

    static func phase(_ project: [String: Any]) -> String? {
        ((project["lots"] as? [[String: Any]])?.first?["phase"]) as? String
    }

    static func type(of entry: String) -> String? {
        (try? JSONSerialization.jsonObject(with: Data(entry.utf8)) as? [String: Any])?["type"] as? String
    }

    static func date(_ text: String) -> Date? {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        return formatter.date(from: text)
    }
}
