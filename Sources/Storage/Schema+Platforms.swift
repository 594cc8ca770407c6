extension Schema {
    /// Connected trading platforms (分平台接入): the registered platforms and their push keys (SHA-256 only), each push
    /// with its validation report, one row per pushed item (the data-quality figures are computed from these), the
    /// pushed projects (each backed by an unpublished project row so its notices live in `notices` and the search
    /// index), and webhook subscribers with their delivery outbox. `source_platform` marks notices and projects that came
    /// from a connected platform.
    static let v10 = Migration(version: 10, name: "connected platforms", statements: [
        """
        CREATE TABLE connected_platforms (
            code TEXT PRIMARY KEY, name_zh TEXT NOT NULL, name_en TEXT NOT NULL, region TEXT NOT NULL, trading_types TEXT NOT NULL,
            party_id TEXT NOT NULL REFERENCES parties(id), active BIGINT NOT NULL, created_by TEXT NOT NULL REFERENCES accounts(id),
            created_at BIGINT NOT NULL, log_index BIGINT NOT NULL)
        """,
        """
        CREATE TABLE platform_keys (
            id TEXT PRIMARY KEY, platform_code TEXT NOT NULL REFERENCES connected_platforms(code), key_hash TEXT NOT NULL UNIQUE,
            hint TEXT NOT NULL, created_at BIGINT NOT NULL, revoked_at BIGINT)
        """,
        "CREATE INDEX platform_keys_platform ON platform_keys (platform_code, revoked_at)",
        """
        CREATE TABLE platform_pushes (
            id TEXT PRIMARY KEY, platform_code TEXT NOT NULL REFERENCES connected_platforms(code), kind TEXT NOT NULL,
            received_at BIGINT NOT NULL, item_count BIGINT NOT NULL, accepted BIGINT NOT NULL, refused BIGINT NOT NULL,
            body_sha256 TEXT NOT NULL, report TEXT NOT NULL, log_index BIGINT NOT NULL)
        """,
        "CREATE INDEX platform_pushes_platform ON platform_pushes (platform_code, received_at)",
        """
        CREATE TABLE platform_push_items (
            push_id TEXT NOT NULL REFERENCES platform_pushes(id), position BIGINT NOT NULL, platform_code TEXT NOT NULL,
            kind TEXT NOT NULL, item_id TEXT, status TEXT NOT NULL, complete BIGINT NOT NULL, valid BIGINT NOT NULL, timely BIGINT,
            received_at BIGINT NOT NULL, PRIMARY KEY (push_id, position))
        """,
        "CREATE INDEX platform_push_items_quality ON platform_push_items (platform_code, received_at)",
        """
        CREATE TABLE platform_items (
            platform_code TEXT NOT NULL REFERENCES connected_platforms(code), kind TEXT NOT NULL, item_id TEXT NOT NULL,
            project_code TEXT NOT NULL, content_sha256 TEXT NOT NULL, notice_id TEXT REFERENCES notices(id), item TEXT NOT NULL,
            push_id TEXT NOT NULL, updated_at BIGINT NOT NULL, PRIMARY KEY (platform_code, kind, item_id))
        """,
        """
        CREATE TABLE platform_projects (
            platform_code TEXT NOT NULL REFERENCES connected_platforms(code), project_code TEXT NOT NULL,
            project_id TEXT NOT NULL REFERENCES projects(id), PRIMARY KEY (platform_code, project_code))
        """,
        "ALTER TABLE notices ADD COLUMN source_platform TEXT",
        "ALTER TABLE projects ADD COLUMN source_platform TEXT",
        """
        CREATE TABLE webhook_subscribers (
            id TEXT PRIMARY KEY, url TEXT NOT NULL, events TEXT NOT NULL, secret TEXT NOT NULL, platform_code TEXT,
            created_by TEXT NOT NULL, active BIGINT NOT NULL, created_at BIGINT NOT NULL, log_index BIGINT NOT NULL)
        """,
        """
        CREATE TABLE webhook_deliveries (
            id TEXT PRIMARY KEY, subscriber_id TEXT NOT NULL REFERENCES webhook_subscribers(id), event_type TEXT NOT NULL,
            payload TEXT NOT NULL, status TEXT NOT NULL, attempts BIGINT NOT NULL, next_attempt_at BIGINT NOT NULL,
            last_status BIGINT, last_error TEXT, created_at BIGINT NOT NULL, delivered_at BIGINT)
        """,
        "CREATE INDEX webhook_deliveries_due ON webhook_deliveries (status, next_attempt_at)",
        "CREATE INDEX webhook_deliveries_subscriber ON webhook_deliveries (subscriber_id, created_at)",
    ])
}
