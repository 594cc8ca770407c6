/// The tables. Portable types only: TEXT, BIGINT (times are milliseconds since 1970 UTC, money is fen),
/// flags as BIGINT 0/1, JSON as TEXT, hashes as lower-case hex TEXT.
enum Schema {
    static let v1 = Migration(version: 1, name: "foundation", statements: [
        """
        CREATE TABLE parties (
            id TEXT PRIMARY KEY, name TEXT NOT NULL, kind TEXT NOT NULL,
            credit_code TEXT UNIQUE, credit_status TEXT NOT NULL, credit_flag_reason TEXT,
            created_at BIGINT NOT NULL)
        """,
        """
        CREATE TABLE accounts (
            id TEXT PRIMARY KEY, username TEXT NOT NULL UNIQUE, password_hash TEXT NOT NULL,
            role TEXT NOT NULL, party_id TEXT REFERENCES parties(id), display_name TEXT NOT NULL,
            created_at BIGINT NOT NULL)
        """,
        """
        CREATE TABLE sessions (
            token_hash TEXT PRIMARY KEY, account_id TEXT NOT NULL REFERENCES accounts(id),
            created_at BIGINT NOT NULL, expires_at BIGINT NOT NULL)
        """,
        """
        CREATE TABLE catalog_entries (
            code TEXT PRIMARY KEY, trading_type TEXT NOT NULL, trading_type_zh TEXT NOT NULL, trading_type_en TEXT NOT NULL,
            procedure TEXT NOT NULL, procedure_zh TEXT NOT NULL, procedure_en TEXT NOT NULL,
            rules TEXT NOT NULL, active BIGINT NOT NULL, version BIGINT NOT NULL, updated_at BIGINT NOT NULL)
        """,
        """
        CREATE TABLE projects (
            id TEXT PRIMARY KEY, deal_code TEXT NOT NULL UNIQUE, title TEXT NOT NULL, description TEXT NOT NULL,
            catalog_code TEXT NOT NULL REFERENCES catalog_entries(code), trading_type TEXT NOT NULL, region TEXT NOT NULL,
            funding TEXT NOT NULL, tenderer_party_id TEXT NOT NULL REFERENCES parties(id), agency_party_id TEXT REFERENCES parties(id),
            created_by TEXT NOT NULL REFERENCES accounts(id), created_at BIGINT NOT NULL, rules TEXT NOT NULL,
            published BIGINT NOT NULL)
        """,
        """
        CREATE TABLE lots (
            id TEXT PRIMARY KEY, project_id TEXT NOT NULL REFERENCES projects(id), number BIGINT NOT NULL, title TEXT NOT NULL,
            estimate_fen BIGINT NOT NULL, deposit_fen BIGINT NOT NULL, currency TEXT NOT NULL,
            phase TEXT NOT NULL, lifecycle TEXT NOT NULL, bid_deadline BIGINT, updated_at BIGINT NOT NULL,
            UNIQUE (project_id, number))
        """,
        "CREATE INDEX lots_deadline ON lots (phase, bid_deadline)",
        """
        CREATE TABLE notices (
            id TEXT PRIMARY KEY, project_id TEXT NOT NULL REFERENCES projects(id), lot_id TEXT REFERENCES lots(id),
            kind TEXT NOT NULL, title TEXT NOT NULL, body TEXT NOT NULL, trading_type TEXT NOT NULL, region TEXT NOT NULL,
            published_at BIGINT NOT NULL, ends_at BIGINT)
        """,
        "CREATE INDEX notices_published ON notices (published_at, id)",
        "CREATE INDEX notices_project ON notices (project_id)",
        """
        CREATE TABLE documents (
            sha256 TEXT PRIMARY KEY, size BIGINT NOT NULL, media_type TEXT NOT NULL, created_at BIGINT NOT NULL)
        """,
        """
        CREATE TABLE attachments (
            id TEXT PRIMARY KEY, sha256 TEXT NOT NULL REFERENCES documents(sha256), filename TEXT NOT NULL,
            owner_kind TEXT NOT NULL, owner_id TEXT NOT NULL, project_id TEXT NOT NULL REFERENCES projects(id),
            uploaded_by TEXT NOT NULL REFERENCES accounts(id), created_at BIGINT NOT NULL)
        """,
        "CREATE INDEX attachments_sha ON attachments (sha256)",
        "CREATE INDEX attachments_owner ON attachments (owner_kind, owner_id)",
        """
        CREATE TABLE registrations (
            id TEXT PRIMARY KEY, lot_id TEXT NOT NULL REFERENCES lots(id), party_id TEXT NOT NULL REFERENCES parties(id),
            account_id TEXT NOT NULL REFERENCES accounts(id), deposit TEXT NOT NULL, registered_at BIGINT NOT NULL,
            UNIQUE (lot_id, party_id))
        """,
        """
        CREATE TABLE bids (
            id TEXT PRIMARY KEY, lot_id TEXT NOT NULL REFERENCES lots(id), project_id TEXT NOT NULL REFERENCES projects(id),
            party_id TEXT NOT NULL REFERENCES parties(id), account_id TEXT NOT NULL REFERENCES accounts(id),
            version BIGINT NOT NULL, price_fen BIGINT NOT NULL, currency TEXT NOT NULL,
            document_sha256 TEXT NOT NULL REFERENCES documents(sha256), filename TEXT NOT NULL, size BIGINT NOT NULL,
            status TEXT NOT NULL, submitted_at BIGINT NOT NULL, withdrawn_at BIGINT, log_index BIGINT NOT NULL)
        """,
        "CREATE INDEX bids_lot ON bids (lot_id, status)",
        "CREATE INDEX bids_party ON bids (party_id)",
        """
        CREATE TABLE log_entries (
            idx BIGINT PRIMARY KEY, leaf_hash TEXT NOT NULL, entry TEXT NOT NULL, created_at BIGINT NOT NULL)
        """,
    ])

    /// The witness log's signed checkpoints, and the per-registration salt that hides a bidder's identity in the
    /// public log until the opening (招标投标法实施条例 22: nobody may reveal who obtained the documents).
    static let v2 = Migration(version: 2, name: "witness log", statements: [
        """
        CREATE TABLE log_checkpoints (
            size BIGINT PRIMARY KEY, root_hash TEXT NOT NULL, note TEXT NOT NULL, created_at BIGINT NOT NULL)
        """,
        "ALTER TABLE registrations ADD COLUMN salt TEXT",
        "ALTER TABLE log_entries ADD COLUMN project TEXT",
        "CREATE INDEX log_entries_project ON log_entries (project, idx)",
    ])

    /// Sealed bids (不见面开标): bidders' signing keys, a project's custodian panel and threshold, the envelopes as
    /// received, and the custodians' released shares. Opened bids join the `bids` table at the opening.
    static let v3 = Migration(version: 3, name: "sealed bids", statements: [
        "ALTER TABLE projects ADD COLUMN sealing_threshold BIGINT",
        """
        CREATE TABLE bidder_keys (
            party_id TEXT PRIMARY KEY REFERENCES parties(id), account_id TEXT NOT NULL REFERENCES accounts(id),
            public_key TEXT NOT NULL, registered_at BIGINT NOT NULL)
        """,
        """
        CREATE TABLE custodians (
            id TEXT PRIMARY KEY, project_id TEXT NOT NULL REFERENCES projects(id), position BIGINT NOT NULL,
            name TEXT NOT NULL, account_id TEXT REFERENCES accounts(id), public_key TEXT NOT NULL,
            UNIQUE (project_id, position))
        """,
        """
        CREATE TABLE sealed_bids (
            id TEXT PRIMARY KEY, lot_id TEXT NOT NULL REFERENCES lots(id), project_id TEXT NOT NULL REFERENCES projects(id),
            party_id TEXT NOT NULL REFERENCES parties(id), account_id TEXT NOT NULL REFERENCES accounts(id),
            version BIGINT NOT NULL, envelope_sha256 TEXT NOT NULL REFERENCES documents(sha256), size BIGINT NOT NULL,
            status TEXT NOT NULL, submitted_at BIGINT NOT NULL, withdrawn_at BIGINT, log_index BIGINT NOT NULL,
            metadata TEXT NOT NULL, outcome TEXT, outcome_reason TEXT, bid_id TEXT)
        """,
        "CREATE INDEX sealed_bids_lot ON sealed_bids (lot_id, status)",
        """
        CREATE TABLE released_shares (
            id TEXT PRIMARY KEY, sealed_bid_id TEXT NOT NULL REFERENCES sealed_bids(id),
            custodian_id TEXT NOT NULL REFERENCES custodians(id), share TEXT NOT NULL, released_at BIGINT NOT NULL,
            UNIQUE (sealed_bid_id, custodian_id))
        """,
    ])
}
