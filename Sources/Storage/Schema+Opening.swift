extension Schema {
    /// The live opening room (开标大厅): objections raised at the opening and their answers (条例44), and the signed
    /// opening record of each lot with the SHA-256 of its text.
    static let v4 = Migration(version: 4, name: "opening room", statements: [
        """
        CREATE TABLE opening_objections (
            id TEXT PRIMARY KEY, lot_id TEXT NOT NULL REFERENCES lots(id), project_id TEXT NOT NULL REFERENCES projects(id),
            party_id TEXT NOT NULL REFERENCES parties(id), account_id TEXT NOT NULL REFERENCES accounts(id),
            text TEXT NOT NULL, raised_at BIGINT NOT NULL, log_index BIGINT NOT NULL,
            answer TEXT, answered_by TEXT REFERENCES accounts(id), answered_at BIGINT, answer_log_index BIGINT)
        """,
        "CREATE INDEX opening_objections_lot ON opening_objections (lot_id, raised_at)",
        """
        CREATE TABLE opening_records (
            lot_id TEXT PRIMARY KEY REFERENCES lots(id), project_id TEXT NOT NULL REFERENCES projects(id),
            text TEXT NOT NULL, sha256 TEXT NOT NULL, signed_by TEXT NOT NULL REFERENCES accounts(id),
            signed_at BIGINT NOT NULL, log_index BIGINT NOT NULL)
        """,
    ])
}
