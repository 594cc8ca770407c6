import Foundation
import Hummingbird
import HummingbirdTesting
import Server
import Testing
import TradingCore

/// A registered connected platform (`sz-ggzy`, 深圳市, engineering and procurement) and the operator's token.
struct PlatformFixture {
    static let code = "sz-ggzy"
    let operatorToken: String
    let key: String

    static func make(_ client: some TestClientProtocol) async throws -> PlatformFixture {
        let token = try await client.login("admin", "operator-pass")
        let (status, issued) = try await client.json(.post, "/api/v1/platforms", token: token, body: [
            "code": Self.code, "nameZh": "深圳公共资源交易分平台", "nameEn": "Shenzhen trading sub-platform", "region": "广东省深圳市",
            "tradingTypes": ["engineering", "procurement"],
        ])
        guard status == .created, let key = issued["key"] as? String else { throw TestFailure("registration failed: \(status) \(issued)") }
        return PlatformFixture(operatorToken: token, key: key)
    }

    /// A complete, valid, timely tender notice (published 30 minutes after the announcement, before the test clock's now).
    static func notice(_ id: String, project: String, title: String = "深圳市南山区道路绿化提升工程招标公告", type: String = "engineering") -> [String: Any] {
        [
            "id": id, "projectCode": project, "projectTitle": "南山区道路绿化提升工程", "noticeKind": "announcement", "title": title,
            "body": "本项目为道路绿化提升工程，欢迎符合条件的投标人参加。", "tradingType": type, "region": "广东省深圳市南山区",
            "tenderer": ["name": "深圳市南山区城市管理局", "creditCode": "91110000053621038D"], "amountFen": 1_200_000_000,
            "eventAt": "2026-11-02T09:00:00+08:00", "publishedAt": "2026-11-02T09:30:00+08:00",
        ]
    }

    /// A result (award) of `project`, published `daysAfter` days after the award on Wednesday 2026-10-28.
    static func result(_ id: String, project: String, daysAfter: Int) -> [String: Any] {
        [
            "id": id, "projectCode": project, "title": "南山区道路绿化提升工程中标结果公告", "tradingType": "procurement", "region": "广东省深圳市",
            "winner": ["name": "深圳市绿城园林有限公司", "creditCode": "911101086723891430"], "amountFen": 1_150_000_000,
            "eventAt": "2026-10-28T10:00:00+08:00", "publishedAt": Self.beijing(Date(timeIntervalSince1970: 1_793_152_800 + Double(daysAfter) * 86_400)),
        ]
    }

    /// The type of every witness-log entry, in order.
    static func logTypes(_ client: some TestClientProtocol) async throws -> [String] {
        let (_, log) = try await client.json(.get, "/api/v1/log/entries?limit=1000")
        return (log["entries"] as? [[String: Any]] ?? []).compactMap { entry in
            (entry["entry"] as? String).flatMap { try? JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any] }?["type"] as? String
        }
    }

    /// RFC 3339 in Beijing time.
    static func beijing(_ date: Date) -> String {
        let formatter = ISO8601DateFormatter()
        formatter.timeZone = TimeZone(secondsFromGMT: 8 * 3600)
        return formatter.string(from: date)
    }

    func push(_ client: some TestClientProtocol, _ kind: String, _ items: [[String: Any]], key: String? = nil) async throws -> (status: HTTPResponse.Status, json: [String: Any]) {
        try await client.json(.post, "/api/v1/platforms/\(Self.code)/\(kind)", token: key ?? self.key, body: ["items": items])
    }
}

extension Dictionary where Key == String, Value == Any {
    /// The report's items.
    var reportItems: [[String: Any]] { self["items"] as? [[String: Any]] ?? [] }
    var summary: [String: Any] { self["summary"] as? [String: Any] ?? [:] }
}
