import Foundation
import SQLKit
import Storage
import TradingCore

/// 信息公开 — every notice and result is public at a stable URL.
public struct NoticeService: Sendable {
    let platform: Platform

    public struct Filter: Sendable {
        public var tradingType: String?
        public var kind: String?
        public var region: String?
        public var query: String?
        public var projectID: String?
        public init(tradingType: String? = nil, kind: String? = nil, region: String? = nil, query: String? = nil, projectID: String? = nil) {
            self.tradingType = tradingType
            self.kind = kind
            self.region = region
            self.query = query
            self.projectID = projectID
        }
    }

    /// Notices newest first, `limit` a page, continuing after `cursor` (keyset paging on publication time and id).
    public func list(_ filter: Filter, limit: Int, cursor: String?) async throws -> Page<NoticeView> {
        let limit = min(max(limit, 1), 100)
        var query = SQLQueryString("SELECT * FROM notices WHERE 1 = 1")
        if let value = filter.tradingType, !value.isEmpty { query = query + " AND trading_type = \(bind: value)" }
        if let value = filter.kind, !value.isEmpty { query = query + " AND kind = \(bind: value)" }
        if let value = filter.region, !value.isEmpty { query = query + " AND region = \(bind: value)" }
        if let value = filter.projectID, !value.isEmpty { query = query + " AND project_id = \(bind: value)" }
        if let value = filter.query?.trimmingCharacters(in: .whitespaces), !value.isEmpty {
            let pattern = "%" + value.replacingOccurrences(of: "%", with: "").replacingOccurrences(of: "_", with: "") + "%"
            query = query + " AND (title LIKE \(bind: pattern) OR body LIKE \(bind: pattern))"
        }
        if let cursor {
            guard let (time, id) = Self.decodeCursor(cursor) else {
                throw TradingError.invalid("cursor", zh: "分页游标无效", en: "Invalid page cursor")
            }
            query = query + " AND (published_at < \(bind: time) OR (published_at = \(bind: time) AND id < \(bind: id)))"
        }
        query = query + " ORDER BY published_at DESC, id DESC LIMIT \(bind: limit + 1)"
        let finalQuery = query
        let rows = try await self.platform.engine.read { db in try await db.rows(finalQuery, as: NoticeRow.self) }
        let items = rows.prefix(limit).map(NoticeView.init)
        let next = rows.count > limit ? rows.prefix(limit).last.map { Self.encodeCursor($0.publishedAt, $0.id) } : nil
        return Page(items: Array(items), nextCursor: next)
    }

    public func notice(_ id: String) async throws -> NoticeView {
        let row = try await self.platform.engine.read { db in
            try await db.row("SELECT * FROM notices WHERE id = \(bind: id)", as: NoticeRow.self)
        }
        guard let row else { throw TradingError.notFound("Notice", zh: "公告") }
        return NoticeView(row)
    }

    static func encodeCursor(_ time: Int64, _ id: String) -> String {
        Data("\(time):\(id)".utf8).base64EncodedString()
    }

    static func decodeCursor(_ cursor: String) -> (Int64, String)? {
        guard let data = Data(base64Encoded: cursor), let text = String(data: data, encoding: .utf8) else { return nil }
        let parts = text.split(separator: ":", maxSplits: 1)
        guard parts.count == 2, let time = Int64(parts[0]) else { return nil }
        return (time, String(parts[1]))
    }
}
