import SQLKit
import TradingCore

/// 公告检索 — the notice search index and its queries, the same on SQLite and PostgreSQL.
///
/// A query runs on the index of its rarest term (by the counts kept in `notice_term_counts`), newest first, keeps the
/// entries that also hold the next rarest term (a lookup on the same key), and then the notices whose text holds every
/// phrase as typed; so a page of a common word stops after one page of index entries, and a phrase of common words is
/// driven by the rare pair at their junction (道路绿化 → 路绿).
public enum NoticeSearch {
    /// Indexes one notice (title and body) in the caller's transaction.
    public static func index(_ notice: NoticeRow, on db: any SQLDatabase) async throws {
        try await Self.index([notice], on: db)
    }

    /// Indexes notices in the caller's transaction, up to 1,000 index rows per statement, and counts their terms.
    public static func index(_ notices: [NoticeRow], on db: any SQLDatabase) async throws {
        let rows = try await Self.indexTerms(notices, on: db)
        var counts: [String: Int64] = [:]
        for row in rows { counts[row.term, default: 0] += 1 }
        let sorted = counts.sorted { $0.key < $1.key }  // one order for every writer: no deadlock between two batches
        for chunk in stride(from: 0, to: sorted.count, by: 1_000) {
            var query = SQLQueryString("INSERT INTO notice_term_counts (term, notices) VALUES ")
            for (position, count) in sorted[chunk..<min(chunk + 1_000, sorted.count)].enumerated() {
                query = query + (position == 0 ? "" : ", ") + "(\(bind: count.key), \(bind: count.value))"
            }
            try await db.raw(query + " ON CONFLICT (term) DO UPDATE SET notices = notice_term_counts.notices + excluded.notices").run()
        }
    }

    /// Removes a notice's index rows and their counts, read off the key from the text it was indexed with (before the
    /// notice is changed and indexed again).
    public static func unindex(_ notice: NoticeRow, on db: any SQLDatabase) async throws {
        let terms = Self.terms(of: notice)
        for chunk in stride(from: 0, to: terms.count, by: 500) {
            let list: [any Encodable & Sendable] = Array(terms[chunk..<min(chunk + 500, terms.count)])
            try await db.raw("DELETE FROM notice_terms WHERE published_at = \(bind: notice.publishedAt) AND notice_id = \(bind: notice.id) AND term IN (\(binds: list))").run()
            try await db.raw("UPDATE notice_term_counts SET notices = notices - 1 WHERE term IN (\(binds: list))").run()
        }
    }

    /// The index terms of a notice's title and body, in order.
    static func terms(of notice: NoticeRow) -> [String] {
        SearchTerms.of(notice.title + "\n" + notice.body).sorted()
    }

    /// The index rows of `notices` (without counts: the migration that adds the counts computes them from these rows).
    static func indexTerms(_ notices: [NoticeRow], on db: any SQLDatabase) async throws -> [(term: String, time: Int64, id: String)] {
        var rows: [(term: String, time: Int64, id: String)] = []
        for notice in notices {
            for term in Self.terms(of: notice) { rows.append((term, notice.publishedAt, notice.id)) }
        }
        for chunk in stride(from: 0, to: rows.count, by: 1_000) {
            var query = SQLQueryString("INSERT INTO notice_terms (term, published_at, notice_id) VALUES ")
            for (position, row) in rows[chunk..<min(chunk + 1_000, rows.count)].enumerated() {
                query = query + (position == 0 ? "" : ", ") + "(\(bind: row.term), \(bind: row.time), \(bind: row.id))"
            }
            try await db.raw(query).run()
        }
        return rows
    }

    /// The filters a search combines with its query (nil: any).
    public struct Filter: Sendable {
        public var tradingType: String?
        public var kind: String?
        public var region: String?
        public var projectID: String?
        public var publishedFrom: Int64?
        public var publishedBefore: Int64?
        /// A lot of the notice's project (the notice's own lot, when it names one) is in this phase.
        public var lotPhase: String?
        /// That lot's estimate (估算金额/预算) is at least / at most this many fen.
        public var minEstimateFen: Int64?
        public var maxEstimateFen: Int64?

        public init(
            tradingType: String? = nil, kind: String? = nil, region: String? = nil, projectID: String? = nil, publishedFrom: Int64? = nil,
            publishedBefore: Int64? = nil, lotPhase: String? = nil, minEstimateFen: Int64? = nil, maxEstimateFen: Int64? = nil
        ) {
            self.tradingType = tradingType
            self.kind = kind
            self.region = region
            self.projectID = projectID
            self.publishedFrom = publishedFrom
            self.publishedBefore = publishedBefore
            self.lotPhase = lotPhase
            self.minEstimateFen = minEstimateFen
            self.maxEstimateFen = maxEstimateFen
        }

        /// ` AND EXISTS (…)` over the lots when a lot condition is set, else empty.
        var lotCondition: SQLQueryString {
            guard self.lotPhase != nil || self.minEstimateFen != nil || self.maxEstimateFen != nil else { return "" }
            var sql: SQLQueryString = " AND EXISTS (SELECT 1 FROM lots l WHERE l.project_id = n.project_id AND (n.lot_id IS NULL OR l.id = n.lot_id)"
            if let value = self.lotPhase { sql = sql + " AND l.phase = \(bind: value)" }
            if let value = self.minEstimateFen { sql = sql + " AND l.estimate_fen >= \(bind: value)" }
            if let value = self.maxEstimateFen { sql = sql + " AND l.estimate_fen <= \(bind: value)" }
            return sql + ")"
        }
    }

    /// Matching notices, newest first, at most `limit`, continuing after `(published_at, id)` of `after`.
    ///
    /// With a query, the driving term's index entries are walked newest first and each is tested by per-row subqueries
    /// (the next rarest term on the same key, then the notice's filters and phrases), so the walk stops at `limit`
    /// matches on both engines; as a join, PostgreSQL's planner hashed every entry of a common term and sorted (7 s).
    public static func search(
        _ query: SearchQuery?, filter: Filter, after: (Int64, String)?, limit: Int, dialect: DatabaseDialect, on db: any SQLDatabase
    ) async throws -> [NoticeRow] {
        let terms = try await Self.rarestTerms(query?.terms ?? [], on: db)
        if terms.first?.notices == 0 { return [] }  // a term no notice holds: nothing can match
        var conditions = SQLQueryString("")
        if let value = filter.tradingType { conditions = conditions + " AND n.trading_type = \(bind: value)" }
        if let value = filter.kind { conditions = conditions + " AND n.kind = \(bind: value)" }
        if let value = filter.region { conditions = conditions + " AND n.region = \(bind: value)" }
        if let value = filter.projectID { conditions = conditions + " AND n.project_id = \(bind: value)" }
        conditions = conditions + filter.lotCondition
        let position = dialect == .postgres ? "strpos" : "instr"
        for needle in query?.needles ?? [] {
            conditions = conditions + SQLQueryString(" AND \(position)(lower(n.title || ' ' || n.body), ") + "\(bind: needle)" + SQLQueryString(") > 0")
        }
        guard let driver = terms.first?.term else {
            let sql = "SELECT n.* FROM notices n WHERE 1 = 1" + conditions + Self.window(filter, after: after, time: "n.published_at", id: "n.id")
            return try await db.rows(sql + " ORDER BY n.published_at DESC, n.id DESC LIMIT \(bind: limit)", as: NoticeRow.self)
        }
        var entries = SQLQueryString("SELECT t.published_at, t.notice_id FROM notice_terms t WHERE t.term = \(bind: driver)")
        entries = entries + Self.window(filter, after: after, time: "t.published_at", id: "t.notice_id")
        var test = "(SELECT COUNT(*) FROM notices n WHERE n.id = t.notice_id" + conditions + ") > 0"
        if terms.count > 1 {  // nested on t2's row, so the notice is read only for entries holding the next rarest term
            test = "(SELECT COUNT(*) FROM notice_terms t2 WHERE t2.term = \(bind: terms[1].term)"
                + " AND t2.published_at = t.published_at AND t2.notice_id = t.notice_id"
                + " AND (SELECT COUNT(*) FROM notices n WHERE n.id = t2.notice_id" + conditions + ") > 0) > 0"
        }
        entries = entries + " AND " + test
        entries = entries + " ORDER BY t.published_at DESC, t.notice_id DESC LIMIT \(bind: limit)"
        return try await db.rows(
            "SELECT n.* FROM (" + entries + ") c JOIN notices n ON n.id = c.notice_id ORDER BY c.published_at DESC, c.notice_id DESC",
            as: NoticeRow.self
        )
    }

    /// The date bounds and the page cursor on the given time and id columns.
    static func window(_ filter: Filter, after: (Int64, String)?, time: String, id: String) -> SQLQueryString {
        var sql = SQLQueryString("")
        if let value = filter.publishedFrom { sql = sql + SQLQueryString(" AND \(time) >= ") + "\(bind: value)" }
        if let value = filter.publishedBefore { sql = sql + SQLQueryString(" AND \(time) < ") + "\(bind: value)" }
        if let (afterTime, afterID) = after {
            sql = sql + SQLQueryString(" AND (\(time) < ") + "\(bind: afterTime)" + SQLQueryString(" OR (\(time) = ") + "\(bind: afterTime)"
                + SQLQueryString(" AND \(id) < ") + "\(bind: afterID)" + "))"
        }
        return sql
    }

    /// The query's terms, fewest notices first (a term no notice holds counts 0); empty for no terms.
    static func rarestTerms(_ terms: Set<String>, on db: any SQLDatabase) async throws -> [(term: String, notices: Int64)] {
        guard !terms.isEmpty else { return [] }
        let list: [any Encodable & Sendable] = terms.sorted()
        var counts: [String: Int64] = [:]
        for row in try await db.raw("SELECT term, notices FROM notice_term_counts WHERE term IN (\(binds: list))").all() {
            counts[try row.decode(column: "term", as: String.self)] = try row.decode(column: "notices", as: Int64.self)
        }
        return terms.map { ($0, counts[$0] ?? 0) }.sorted { ($0.notices, $0.term) < ($1.notices, $1.term) }
    }
}
