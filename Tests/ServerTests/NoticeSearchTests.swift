import Foundation
import HummingbirdTesting
import SQLKit
import Testing

@testable import Server
@testable import Storage
import TradingCore

/// Chinese full-text search of notices on SQLite and PostgreSQL alike (issue 8: 招标, 道路, 绿化 and longer phrases).
@Suite struct NoticeSearchTests {
    static let words = ["道路", "绿化", "招标", "施工", "监理", "采购", "桥梁", "照明", "管廊", "医院", "学校", "EPC", "设备", "改造", "维修"]

    /// Notices with bodies drawn from `words` (seeded), inserted and indexed as the platform does.
    static func seed(_ test: TestPlatform, projectID: String, count: Int) async throws -> [NoticeRow] {
        var rows: [NoticeRow] = []
        for index in 0..<count {
            // a fixed scramble of the word list: every pair of words meets somewhere, in both orders
            let body = (0..<12).map { k in Self.words[(index * 7 + k * 11 + index * k * 3) % Self.words.count] }.joined(separator: index % 3 == 0 ? "" : "，")
            rows.append(NoticeRow(
                id: String(format: "n%05d", index), projectId: projectID, lotId: nil, kind: index % 2 == 0 ? "announcement" : "result",
                title: "第\(index)号公告", body: body, tradingType: "engineering", region: index % 4 == 0 ? "思明区" : "湖里区",
                publishedAt: 1_790_000_000_000 + Int64(index / 2) * 60_000, endsAt: nil
            ))
        }
        let batch = rows
        try await test.platform.engine.transaction { db in
            for row in batch {
                try await db.insert("notices", row)
                try await NoticeSearch.index(row, on: db)
            }
        }
        return rows
    }

    struct TermCount: Decodable, Equatable { var term: String; var notices: Int64 }

    /// The kept term counts (with or without terms counted down to 0) beside the counts of the index rows themselves.
    static func termCounts(_ test: TestPlatform, includingZero: Bool) async throws -> (kept: [TermCount], counted: [TermCount]) {
        let kept: SQLQueryString = includingZero
            ? "SELECT term, notices FROM notice_term_counts ORDER BY term"
            : "SELECT term, notices FROM notice_term_counts WHERE notices > 0 ORDER BY term"
        return try await test.platform.engine.read { db in
            (try await db.rows(kept, as: TermCount.self),
             try await db.rows("SELECT term, COUNT(*) AS notices FROM notice_terms GROUP BY term ORDER BY term", as: TermCount.self))
        }
    }

    /// Every page of a search through the service, following the cursor.
    static func allPages(_ platform: Platform, _ filter: NoticeService.Filter) async throws -> [NoticeView] {
        var items: [NoticeView] = []
        var cursor: String?
        repeat {
            let page = try await platform.notices.list(filter, limit: 7, cursor: cursor)
            items += page.items
            cursor = page.nextCursor
        } while cursor != nil
        return items
    }

    @Test("every query gives exactly the notices holding all its phrases, newest first, across pages", arguments: TestEngine.available)
    func searchMatchesABruteForceScan(engine: TestEngine) async throws {
        let test = try await TestPlatform.make(engine)
        defer { Task { await test.shutdown() } }
        try await test.test { client in
            let fixture = try await Fixture.make(client)
            let rows = try await Self.seed(test, projectID: fixture.projectID, count: 240)
            let queries = ["道路", "绿化", "路绿", "道路绿化", "绿化 监理", "epc", "EPC施工", "照明管廊桥梁", "桥", "没有这个词", "化，监"]
            for text in queries {
                let query = try #require(SearchQuery(text))
                for region in [nil, "思明区"] {
                    let expected = rows.filter { row in
                        (region == nil || row.region == region)
                            && query.needles.allSatisfy { SearchQuery.folded(row.title + " " + row.body).contains($0) }
                    }.sorted { ($0.publishedAt, $0.id) > ($1.publishedAt, $1.id) }.map(\.id)
                    let found = try await Self.allPages(test.platform, .init(region: region, query: text, projectID: fixture.projectID))
                    #expect(found.map(\.id) == expected, "query \(text) region \(region ?? "any")")
                    #expect(found.allSatisfy { $0.snippet?.parts.contains(where: \.marked) == true }, "every hit has a marked snippet: \(text)")
                }
            }
            // the kept term counts are the index's own: every term, as many notices as it has rows
            let (kept, counted) = try await Self.termCounts(test, includingZero: true)
            #expect(kept == counted && kept.count > Self.words.count)
            // a phrase whose pairs occur apart does not match: 道路 and 路绿 both occur, 道路绿化 only where written so
            let apart = rows.filter { $0.body.contains("道路") && $0.body.contains("绿化") && !$0.body.contains("道路绿化") }
            #expect(!apart.isEmpty, "the seeded corpus has notices with both words apart")
        }
    }

    @Test("the API searches with snippets and date filters; a malformed date is refused in Chinese and English", arguments: TestEngine.available)
    func searchThroughTheAPI(engine: TestEngine) async throws {
        let test = try await TestPlatform.make(engine)
        defer { Task { await test.shutdown() } }
        try await test.test { client in
            let fixture = try await Fixture.make(client)
            try await fixture.announce(client, now: test.clock.now())
            let (status, page) = try await client.json(.get, "/api/v1/notices?q=" + "道路 绿化".addingPercentEncoding(withAllowedCharacters: .alphanumerics)!)
            #expect(status == .ok)
            let items = try #require(page["items"] as? [[String: Any]])
            #expect(items.count == 1)
            let parts = try #require((items.first?["snippet"] as? [String: Any])?["parts"] as? [[String: Any]])
            #expect(parts.filter { $0["marked"] as? Bool == true }.compactMap { $0["text"] as? String }.contains("道路"))
            let today = LocalDate(test.clock.now())
            let (_, sameDay) = try await client.json(.get, "/api/v1/notices?q=%E7%BB%BF%E5%8C%96&from=\(today)&to=\(today)")
            #expect((sameDay["items"] as? [Any])?.count == 1)
            let (_, later) = try await client.json(.get, "/api/v1/notices?q=%E7%BB%BF%E5%8C%96&from=\(today.adding(days: 1))")
            #expect((later["items"] as? [Any])?.isEmpty == true)
            let (bad, problem) = try await client.json(.get, "/api/v1/notices?from=2026-13-01")
            #expect(bad.code / 100 == 4)
            #expect((problem["detail"] as? String ?? "").contains("YYYY-MM-DD") && (problem["title"] as? String ?? problem["detailZh"] as? String ?? "").isEmpty == false)
            let portal = try await client.page("/notices?q=" + "绿化".addingPercentEncoding(withAllowedCharacters: .alphanumerics)!)
            #expect(portal.body.contains("<mark>绿化</mark>"))
        }
    }

    @Test("the migration indexes notices published before search existed", arguments: TestEngine.available)
    func backfillIndexesExistingNotices(engine: TestEngine) async throws {
        let test = try await TestPlatform.make(engine)
        defer { Task { await test.shutdown() } }
        try await test.test { client in
            let fixture = try await Fixture.make(client)
            let rows = try await Self.seed(test, projectID: fixture.projectID, count: 20)
            let before = try await Self.allPages(test.platform, .init(query: "管廊"))
            try await test.platform.engine.transaction { db in
                try await db.raw("DELETE FROM notice_terms").run()
            }
            #expect(try await Self.allPages(test.platform, .init(query: "管廊")).isEmpty)
            try await test.platform.engine.transaction { db in try await Schema.v7.backfill?(db) }
            let after = try await Self.allPages(test.platform, .init(query: "管廊"))
            #expect(after.map(\.id) == before.map(\.id) && !after.isEmpty && after.count < rows.count)
        }
    }
    @Test("status and amount filters keep the notices whose project has a lot in that phase and estimate band", arguments: TestEngine.available)
    func statusAndAmountFilters(engine: TestEngine) async throws {
        let test = try await TestPlatform.make(engine)
        defer { Task { await test.shutdown() } }
        try await test.test { client in
            let fixture = try await Fixture.make(client)
            let rows = try await Self.seed(test, projectID: fixture.projectID, count: 20)
            try await test.platform.engine.transaction { db in
                try await db.raw("UPDATE lots SET phase = 'announced', estimate_fen = 5000000 WHERE id = \(bind: fixture.lotID)").run()
            }
            let all = rows.sorted { ($0.publishedAt, $0.id) > ($1.publishedAt, $1.id) }.map(\.id)
            let list = { (filter: NoticeService.Filter) in try await Self.allPages(test.platform, filter).map(\.id) }
            let project = fixture.projectID
            #expect(try await list(.init(projectID: project, phase: .announced)) == all)
            #expect(try await list(.init(projectID: project, phase: .awarded)).isEmpty)
            #expect(try await list(.init(projectID: project, minEstimateFen: 5_000_000, maxEstimateFen: 5_000_000)) == all)
            #expect(try await list(.init(projectID: project, minEstimateFen: 5_000_001)).isEmpty)
            #expect(try await list(.init(projectID: project, maxEstimateFen: 4_999_999)).isEmpty)
            let withQuery = try await list(.init(query: "道路", projectID: project))
            #expect(!withQuery.isEmpty && withQuery.count < all.count)
            #expect(try await list(.init(query: "道路", projectID: project, phase: .announced, minEstimateFen: 1)) == withQuery)
            #expect(try await list(.init(query: "道路", projectID: project, phase: .failed)).isEmpty)

            let (_, page) = try await client.json(.get, "/api/v1/notices?projectId=\(project)&phase=announced&minEstimateFen=5000000&limit=100")
            #expect(((page["items"] as? [[String: Any]]) ?? []).compactMap { $0["id"] as? String } == all)
            for bad in ["phase=bogus", "minEstimateFen=-1", "maxEstimateFen=1.5"] {
                let (status, problem) = try await client.json(.get, "/api/v1/notices?\(bad)")
                #expect(status == .unprocessableContent, "\(bad)")
                #expect(!(problem["detail"] as? String ?? "").isEmpty, "\(bad) has an English message")
            }
            let portal = try await client.page("/notices?phase=announced&minWan=5&maxWan=5")
            #expect(portal.body.contains("第19号公告") && portal.body.contains("value=\"announced\" selected"))
            let none = try await client.page("/notices?phase=announced&minWan=6")
            #expect(none.body.contains("没有符合条件的公告"))
            let refused = try await client.page("/notices?minWan=%E4%B8%80")
            #expect(refused.status.code / 100 == 4 && refused.body.contains("万元"))
        }
    }
    @Test("a notice indexed again with new text is found by the new text only, and the term counts follow", arguments: TestEngine.available)
    func reindexedNotice(engine: TestEngine) async throws {
        let test = try await TestPlatform.make(engine)
        defer { Task { await test.shutdown() } }
        try await test.test { client in
            let fixture = try await Fixture.make(client)
            let rows = try await Self.seed(test, projectID: fixture.projectID, count: 12)
            var edited = rows[3]
            edited.body = "码头疏浚工程"
            let changed = edited, old = rows[3]
            try await test.platform.engine.transaction { db in
                try await NoticeSearch.unindex(old, on: db)
                try await db.raw("UPDATE notices SET body = \(bind: changed.body) WHERE id = \(bind: changed.id)").run()
                try await NoticeSearch.index(changed, on: db)
            }
            #expect(try await Self.allPages(test.platform, .init(query: "疏浚")).map(\.id) == [changed.id])
            let stillOld = try await Self.allPages(test.platform, .init(query: String(old.body.prefix(4)))).map(\.id)
            #expect(!stillOld.contains(changed.id))
            let (kept, counted) = try await Self.termCounts(test, includingZero: false)
            #expect(kept == counted)
        }
    }
}
