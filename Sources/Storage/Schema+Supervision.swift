extension Schema {
    /// Supervision (智慧监管): bid-rigging alerts raised by the screens at the opening and at the result, the credit
    /// lists imported for 失信联合惩戒 with their entries (indexed by credit code and by name), the credit findings
    /// flagged for review, and the complaint cases (异议/质疑/投诉) with their pure state as JSON.
    static let v5 = Migration(version: 5, name: "supervision", statements: [
        """
        CREATE TABLE supervision_alerts (
            id TEXT PRIMARY KEY, project_id TEXT NOT NULL REFERENCES projects(id), lot_id TEXT NOT NULL REFERENCES lots(id),
            stage TEXT NOT NULL, code TEXT NOT NULL, severity TEXT NOT NULL, explanation_zh TEXT NOT NULL, explanation_en TEXT NOT NULL,
            bidders TEXT NOT NULL, value TEXT, score_milli BIGINT NOT NULL, status TEXT NOT NULL, created_at BIGINT NOT NULL,
            log_index BIGINT NOT NULL, decided_by TEXT REFERENCES accounts(id), decided_at BIGINT, note TEXT, decision_log_index BIGINT)
        """,
        "CREATE INDEX supervision_alerts_status ON supervision_alerts (status, created_at)",
        "CREATE INDEX supervision_alerts_lot ON supervision_alerts (lot_id)",
        """
        CREATE TABLE credit_lists (
            id TEXT PRIMARY KEY, kind TEXT NOT NULL, publisher TEXT NOT NULL, entry_count BIGINT NOT NULL, sha256 TEXT NOT NULL,
            imported_by TEXT NOT NULL REFERENCES accounts(id), imported_at BIGINT NOT NULL, log_index BIGINT NOT NULL)
        """,
        """
        CREATE TABLE credit_entries (
            list_id TEXT NOT NULL REFERENCES credit_lists(id), line_no BIGINT NOT NULL, credit_code TEXT, name TEXT,
            entry TEXT NOT NULL, PRIMARY KEY (list_id, line_no))
        """,
        "CREATE INDEX credit_entries_code ON credit_entries (credit_code)",
        "CREATE INDEX credit_entries_name ON credit_entries (name)",
        """
        CREATE TABLE credit_findings (
            id TEXT PRIMARY KEY, party_id TEXT NOT NULL REFERENCES parties(id), project_id TEXT, lot_id TEXT,
            checkpoint TEXT NOT NULL, list_id TEXT NOT NULL, consequence TEXT NOT NULL, message_zh TEXT NOT NULL,
            message_en TEXT NOT NULL, created_at BIGINT NOT NULL, log_index BIGINT NOT NULL)
        """,
        """
        CREATE TABLE complaints (
            id TEXT PRIMARY KEY, project_id TEXT NOT NULL REFERENCES projects(id), lot_id TEXT NOT NULL REFERENCES lots(id),
            kind TEXT NOT NULL, filer_party_id TEXT REFERENCES parties(id), filer_account_id TEXT NOT NULL REFERENCES accounts(id),
            phase TEXT NOT NULL, state TEXT NOT NULL, filed_at BIGINT NOT NULL, updated_at BIGINT NOT NULL, log_index BIGINT NOT NULL)
        """,
        "CREATE INDEX complaints_lot ON complaints (lot_id, filed_at)",
    ])
}
