import Foundation
import SQLKit
import Storage
import TradingCore

extension OpenDataService {
    /// 变更订阅 — one change of a public project: a witness-log entry about it, so a mirror that follows the feed from
    /// the start refetches exactly the projects that changed, in the order they changed.
    public struct Change: Sendable, Codable, Equatable {
        public var logIndex: Int64
        public var ocid: String
        public var projectId: String
        public var date: String
        public var releasePackage: String
        public var recordPackage: String
    }

    struct ChangeRow: Decodable { var idx: Int64; var project: String; var createdAt: Int64 }

    /// Changes after `cursor` (a log index, exclusive), oldest first, at most `limit`; `nextCursor` continues.
    public func changes(after cursor: String?, limit: Int, baseURL: String) async throws -> Page<Change> {
        let limit = min(max(limit, 1), 1000)
        var after: Int64 = -1
        if let cursor, !cursor.isEmpty {
            guard let value = Int64(cursor), value >= -1 else { throw TradingError.invalid("cursor", zh: "分页游标无效", en: "Invalid page cursor") }
            after = value
        }
        let start = after
        let rows = try await self.platform.engine.read { db in
            try await db.rows("""
                SELECT e.idx, e.project, e.created_at FROM log_entries e JOIN projects p ON p.id = e.project
                WHERE e.idx > \(bind: start) AND p.published = 1 ORDER BY e.idx LIMIT \(bind: limit)
                """, as: ChangeRow.self)
        }
        let items = rows.map { row in
            Change(
                logIndex: row.idx, ocid: self.ocid(row.project), projectId: row.project, date: Timestamps.rfc3339(Timestamps.date(row.createdAt)),
                releasePackage: "\(baseURL)/api/v1/ocds/releases/\(row.project)", recordPackage: "\(baseURL)/api/v1/ocds/records/\(row.project)"
            )
        }
        return Page(items: items, nextCursor: rows.last.map { String($0.idx) } ?? (cursor?.isEmpty == false ? cursor : nil))
    }
}
