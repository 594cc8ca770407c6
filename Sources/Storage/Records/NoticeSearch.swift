import SQLKit
import TradingCore

/// 公告检索 — the notice search index and its queries, the same on SQLite and PostgreSQL.
///
/// A query runs on the index of its rarest term (counted up to ``probeLimit`` entries), newest first, and keeps the
/// notices whose text holds every phrase as typed; so a page of a common word stops after one page of index entries,
/// and a phrase of common words is driven by the rare pair at their junction (道路绿化 → 路绿).
public enum NoticeSearch {
    /// How many index entries of a term are counted to find the rarest one.
    static let probeLimit = 2_000

    /// Indexes one notice (title and body) in the caller's transaction.
    public static func index(_ notice: NoticeRow, on db: any SQLDatabase) async throws {
        try await Self.index([notice], on: db)
    }

    /// Indexes notices in the caller's transaction, up to 1,000 index rows per statement.
    public static func index(_ notices: [NoticeRow], on db: any SQLDatabase) async throws {
        var rows: [(term: String, time: Int64, id: String)] = []
        for notice in notices {
            for term in SearchTerms.of(notice.title + "\n" + notice.body).sorted() { rows.append((term, notice.publishedAt, notice.id)) }
        }
        for chunk in stride(from: 0, to: rows.count, by: 1_000) {
            var query = SQLQueryString("INSERT INTO notice_terms (term, published_at, notice_id) VALUES ")
            for (position, row) in rows[chunk..<min(chunk + 1_000, rows.count)].enumerated() {
                query = query + (position == 0 ? "" : ", ") + "(\(bind: row.term), \(bind: row.time), \(bind: row.id))"
            }
            try await db.raw(query).run()
        }
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
    public static func search(
        _ query: SearchQuery?, filter: Filter, after: (Int64, String)?, limit: Int, dialect: DatabaseDialect, on db: any SQLDatabase
    ) async throws -> [NoticeRow] {
        let driver = try await Self.rarestTerm(query?.terms ?? [], on: db)
        var sql: SQLQueryString
        if let driver {
            sql = "SELECT n.* FROM notice_terms t JOIN notices n ON n.id = t.notice_id WHERE t.term = \(bind: driver)"
        } else {
            sql = "SELECT n.* FROM notices n WHERE 1 = 1"
        }
        let time = driver == nil ? "n.published_at" : "t.published_at"
        let id = driver == nil ? "n.id" : "t.notice_id"
        if let value = filter.tradingType { sql = sql + " AND n.trading_type = \(bind: value)" }
        if let value = filter.kind { sql = sql + " AND n.kind = \(bind: value)" }
        if let value = filter.region { sql = sql + " AND n.region = \(bind: value)" }
        if let value = filter.projectID { sql = sql + " AND n.project_id = \(bind: value)" }
        if let value = filter.publishedFrom { sql = sql + SQLQueryString(" AND \(time) >= ") + "\(bind: value)" }
        if let value = filter.publishedBefore { sql = sql + SQLQueryString(" AND \(time) < ") + "\(bind: value)" }
        sql = sql + filter.lotCondition
        let position = dialect == .postgres ? "strpos" : "instr"
        for needle in query?.needles ?? [] {
            sql = sql + SQLQueryString(" AND \(position)(lower(n.title || ' ' || n.body), ") + "\(bind: needle)" + SQLQueryString(") > 0")
        }
        if let (afterTime, afterID) = after {
            sql = sql + SQLQueryString(" AND (\(time) < ") + "\(bind: afterTime)" + SQLQueryString(" OR (\(time) = ") + "\(bind: afterTime)"
                + SQLQueryString(" AND \(id) < ") + "\(bind: afterID)" + "))"
        }
        sql = sql + SQLQueryString(" ORDER BY \(time) DESC, \(id) DESC LIMIT ") + "\(bind: limit)"
        return try await db.rows(sql, as: NoticeRow.self)
    }

    /// The term with the fewest index entries (each counted up to ``probeLimit``); nil for no terms.
    static func rarestTerm(_ terms: Set<String>, on db: any SQLDatabase) async throws -> String? {
        var best: (term: String, count: Int)?
        for term in terms.sorted() {
            let row = try await db.raw(
                "SELECT COUNT(*) AS n FROM (SELECT 1 FROM notice_terms WHERE term = \(bind: term) LIMIT \(bind: Self.probeLimit)) probe"
            ).first()
            let count = try row?.decode(column: "n", as: Int.self) ?? 0
            if count == 0 { return term }  // nothing can match: the empty term's scan ends at once
            if best == nil || count < best!.count { best = (term, count) }
        }
        return best?.term
    }
}
