extension Schema {
    /// The online evaluation (评标): the tenderer's scoring sheet per lot, each committee member's review votes and
    /// score sheets, the generated committee report, the members' Ed25519 keys and their signatures with dissent.
    static let v8 = Migration(version: 8, name: "evaluation", statements: [
        """
        CREATE TABLE expert_keys (
            expert_id TEXT PRIMARY KEY REFERENCES experts(id), public_key TEXT NOT NULL, registered_at BIGINT NOT NULL)
        """,
        """
        CREATE TABLE evaluation_sheets (
            lot_id TEXT PRIMARY KEY REFERENCES lots(id), sheet TEXT NOT NULL, set_by TEXT NOT NULL, set_at BIGINT NOT NULL)
        """,
        """
        CREATE TABLE evaluation_reviews (
            lot_id TEXT NOT NULL REFERENCES lots(id), expert_id TEXT NOT NULL REFERENCES experts(id), votes TEXT NOT NULL,
            created_at BIGINT NOT NULL, PRIMARY KEY (lot_id, expert_id))
        """,
        """
        CREATE TABLE evaluation_scores (
            lot_id TEXT NOT NULL REFERENCES lots(id), expert_id TEXT NOT NULL REFERENCES experts(id), scores TEXT NOT NULL,
            created_at BIGINT NOT NULL, PRIMARY KEY (lot_id, expert_id))
        """,
        """
        CREATE TABLE evaluation_reports (
            lot_id TEXT PRIMARY KEY REFERENCES lots(id), body TEXT NOT NULL, sha256 TEXT NOT NULL, ranking TEXT NOT NULL,
            status TEXT NOT NULL, created_by TEXT NOT NULL, created_at BIGINT NOT NULL, completed_at BIGINT)
        """,
        """
        CREATE TABLE evaluation_signatures (
            lot_id TEXT NOT NULL REFERENCES lots(id), expert_id TEXT NOT NULL REFERENCES experts(id), signature TEXT NOT NULL,
            dissent TEXT, signed_at BIGINT NOT NULL, PRIMARY KEY (lot_id, expert_id))
        """,
    ])
}
