import Foundation
import SQLKit
import Storage
import TradingCore

extension DemoData {
    /// A connected platform (`xm-jianshe`, 厦门市建设工程分平台) registered by the operator, with one push of notices
    /// (two accepted, one late, one refused for a missing tenderer) and one of results, so `/platforms/xm-jianshe`
    /// shows data quality. Skipped when no operator account exists. Its items are older than the demo's own latest notices,
    /// so the newest notice on `/notices` stays one with a project page (the browser check opens it).
    static func connectedPlatform(_ platform: Platform, realNow: Date) async throws {
        let row = try await platform.engine.read { db in
            try await db.row("SELECT * FROM accounts WHERE role = 'operator' ORDER BY created_at LIMIT 1", as: AccountRow.self)
        }
        guard let row else { return }
        let issued = try await platform.connectedPlatforms.register(.init(
            code: "xm-jianshe", nameZh: "厦门市建设工程交易分平台", nameEn: "Xiamen construction trading sub-platform", region: "厦门市",
            tradingTypes: ["engineering", "procurement"]
        ), by: AccountService.actor(row))
        let day = { (days: Double, hour: Double) in Self.beijing(realNow.addingTimeInterval(-days * 86_400 + hour * 3_600)) }
        let tenderer: [String: Any] = ["name": "厦门市海沧区市政园林局", "creditCode": CreditCode.completing("1135020500301021")!]
        func notice(_ id: String, _ project: String, _ title: String, event: String, published: String) -> [String: Any] {
            ["id": id, "projectCode": project, "projectTitle": title, "noticeKind": "announcement", "title": "\(title)招标公告",
             "body": "本工程位于厦门市海沧区，欢迎具备相应资质的投标人参加。", "tradingType": "engineering", "region": "厦门市海沧区",
             "tenderer": tenderer, "amountFen": 860_000_000, "eventAt": event, "publishedAt": published]
        }
        var incomplete = notice("HC-2026-018", "XMHC2026018", "海沧区污水管网修复工程", event: day(12, 0), published: day(12, 0.05))
        incomplete["tenderer"] = nil
        let notices = [
            notice("HC-2026-015", "XMHC2026015", "海沧湾公园绿道提升工程", event: day(20, 0), published: day(20, 0.05)),
            notice("HC-2026-016", "XMHC2026016", "新阳大道人行天桥加固工程", event: day(16, 0), published: day(16, 0.05)),
            notice("HC-2026-017", "XMHC2026017", "海沧区老旧小区改造二期工程", event: day(18, 0), published: day(14, 0)),
            incomplete,
        ]
        let result: [String: Any] = [
            "id": "HC-2026-015-R", "projectCode": "XMHC2026015", "title": "海沧湾公园绿道提升工程中标结果公告", "tradingType": "engineering", "region": "厦门市海沧区",
            "winner": ["name": "厦门市绿建园林工程有限公司", "creditCode": CreditCode.completing("9135020077600001")!], "amountFen": 839_000_000,
            "eventAt": day(9, 0), "publishedAt": day(9, 1),
        ]
        for (kind, items) in [(PushKind.notices, notices), (.results, [result])] {
            let body = try JSONSerialization.data(withJSONObject: ["items": items])
            _ = try await platform.pushes.push(code: "xm-jianshe", kind: kind, authorization: "Bearer \(issued.key)", body: body)
        }
    }

    static func beijing(_ date: Date) -> String {
        let formatter = ISO8601DateFormatter()
        formatter.timeZone = TimeZone(secondsFromGMT: 8 * 3600)
        return formatter.string(from: date)
    }
}
