extension Schema {
    /// The expert registry (专家库) with its edit history, expert draws (专家抽取) with their commit-reveal
    /// contributions, the invitations of drawn experts, and the in-platform inbox that notifies them.
    static let v6 = Migration(version: 6, name: "experts", statements: [
        """
        CREATE TABLE experts (
            id TEXT PRIMARY KEY, name TEXT NOT NULL, specialties TEXT NOT NULL, status TEXT NOT NULL, available BIGINT NOT NULL,
            birth_date TEXT NOT NULL, region TEXT NOT NULL, employer_code TEXT NOT NULL, profile TEXT NOT NULL,
            account_id TEXT REFERENCES accounts(id), version BIGINT NOT NULL, created_at BIGINT NOT NULL, updated_at BIGINT NOT NULL)
        """,
        "CREATE INDEX experts_status ON experts (status, available)",
        "CREATE INDEX experts_account ON experts (account_id)",
        """
        CREATE TABLE expert_history (
            id TEXT PRIMARY KEY, expert_id TEXT NOT NULL REFERENCES experts(id), version BIGINT NOT NULL, profile TEXT NOT NULL,
            changed_by TEXT NOT NULL, changed_at BIGINT NOT NULL, log_index BIGINT NOT NULL, UNIQUE (expert_id, version))
        """,
        """
        CREATE TABLE expert_draws (
            id TEXT PRIMARY KEY, project_id TEXT NOT NULL REFERENCES projects(id), lot_id TEXT NOT NULL REFERENCES lots(id),
            status TEXT NOT NULL, request TEXT NOT NULL, pool TEXT NOT NULL, exclusions TEXT NOT NULL, commitment TEXT NOT NULL,
            bundle TEXT, salt TEXT, result_hash TEXT, created_by TEXT NOT NULL, created_at BIGINT NOT NULL, drawn_at BIGINT,
            log_index BIGINT NOT NULL)
        """,
        "CREATE INDEX expert_draws_lot ON expert_draws (lot_id)",
        """
        CREATE TABLE draw_contributions (
            draw_id TEXT NOT NULL REFERENCES expert_draws(id), party TEXT NOT NULL, position BIGINT NOT NULL,
            commitment TEXT NOT NULL, value TEXT, revealed_at BIGINT, PRIMARY KEY (draw_id, party))
        """,
        """
        CREATE TABLE expert_invitations (
            id TEXT PRIMARY KEY, draw_id TEXT NOT NULL REFERENCES expert_draws(id), expert_id TEXT NOT NULL REFERENCES experts(id),
            category TEXT NOT NULL, status TEXT NOT NULL, reason TEXT, created_at BIGINT NOT NULL, answered_at BIGINT)
        """,
        "CREATE INDEX expert_invitations_expert ON expert_invitations (expert_id, status)",
        """
        CREATE TABLE inbox_messages (
            id TEXT PRIMARY KEY, expert_id TEXT NOT NULL REFERENCES experts(id), subject TEXT NOT NULL, body TEXT NOT NULL,
            link TEXT, created_at BIGINT NOT NULL, read_at BIGINT)
        """,
        "CREATE INDEX inbox_messages_expert ON inbox_messages (expert_id, created_at)",
    ])
}
