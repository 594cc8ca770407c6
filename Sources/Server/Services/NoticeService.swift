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
        /// Published on or after this day / before the end of this day (Beijing time).
        public var from: LocalDate?
        public var to: LocalDate?
        /// 项目状态 — a lot of the notice's project (its own lot, if it names one) is in this phase.
        public var phase: TenderPhase?
        /// 金额 — that lot's estimate is within these bounds (fen, inclusive).
        public var minEstimateFen: Int64?
        public var maxEstimateFen: Int64?

        public init(
            tradingType: String? = nil, kind: String? = nil, region: String? = nil, query: String? = nil, projectID: String? = nil,
            from: LocalDate? = nil, to: LocalDate? = nil, phase: TenderPhase? = nil, minEstimateFen: Int64? = nil, maxEstimateFen: Int64? = nil
        ) {
            self.tradingType = tradingType
            self.kind = kind
            self.region = region
            self.query = query
            self.projectID = projectID
            self.from = from
            self.to = to
            self.phase = phase
            self.minEstimateFen = minEstimateFen
            self.maxEstimateFen = maxEstimateFen
        }
    }

    /// Notices newest first, `limit` a page, continuing after `cursor` (keyset paging on publication time and id).
    /// With a query, full-text search in Chinese (NoticeSearch): each notice carries a snippet with the phrases marked.
    public func list(_ filter: Filter, limit: Int, cursor: String?) async throws -> Page<NoticeView> {
        let limit = min(max(limit, 1), 100)
        let after = try cursor.map { cursor in
            guard let position = Self.decodeCursor(cursor) else { throw TradingError.invalid("cursor", zh: "分页游标无效", en: "Invalid page cursor") }
            return position
        }
        let query = filter.query.flatMap(SearchQuery.init)
        let nonEmpty = { (value: String?) in value.flatMap { $0.isEmpty ? nil : $0 } }
        let search = NoticeSearch.Filter(
            tradingType: nonEmpty(filter.tradingType), kind: nonEmpty(filter.kind), region: nonEmpty(filter.region),
            projectID: nonEmpty(filter.projectID), publishedFrom: filter.from.map { Timestamps.millis($0.startInstant) },
            publishedBefore: filter.to.map { Timestamps.millis($0.adding(days: 1).startInstant) },
            lotPhase: filter.phase?.rawValue, minEstimateFen: filter.minEstimateFen, maxEstimateFen: filter.maxEstimateFen
        )
        let dialect = self.platform.engine.dialect
        let rows = try await self.platform.engine.read { db in
            try await NoticeSearch.search(query, filter: search, after: after, limit: limit + 1, dialect: dialect, on: db)
        }
        let items = rows.prefix(limit).map { row in
            var view = NoticeView(row)
            if let query { view.snippet = SearchSnippet(row.title + "。" + row.body, query: query) }
            return view
        }
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
