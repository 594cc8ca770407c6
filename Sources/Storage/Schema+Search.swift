import SQLKit

extension Schema {
    /// Chinese full-text search of notices (信息公开检索): one row per (term, notice), terms from `SearchTerms` (Han
    /// bigrams and Latin words). The key orders each term's notices newest first, so a page of a common word is read
    /// off the index without touching the rest; existing notices are indexed by the backfill.
    static let v7 = Migration(version: 7, name: "notice search", statements: [
        """
        CREATE TABLE notice_terms (
            term TEXT NOT NULL, published_at BIGINT NOT NULL, notice_id TEXT NOT NULL REFERENCES notices(id),
            PRIMARY KEY (term, published_at, notice_id))
        """,
    ], backfill: { db in
        for notice in try await db.rows("SELECT * FROM notices", as: NoticeRow.self) {
            try await NoticeSearch.index(notice, on: db)
        }
    })
}

extension Schema {
    /// The portal's lists by trading type (home page sections, `/notices?tradingType=…`, feeds) read newest first off
    /// this index instead of walking all notices by time and skipping the other types.
    static let v11 = Migration(version: 11, name: "notices by trading type", statements: [
        "CREATE INDEX notices_type_published ON notices (trading_type, published_at, id)",
    ])
}
