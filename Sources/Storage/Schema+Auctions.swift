extension Schema {
    /// Online auctions (网络竞价): each auction of a lot with its public parameters, its sealed reserve, the
    /// registry of bidders (JSON, with the bidder-number secret), the rule engine as a JSON snapshot and the
    /// sequence number of its live stream; the registrations by party; every accepted or refused bid with the exact
    /// answer given (idempotency by client bid id); and the ordered stream of room events the live room replays.
    static let v9 = Migration(version: 9, name: "auctions", statements: [
        """
        CREATE TABLE auctions (
            id TEXT PRIMARY KEY, project_id TEXT NOT NULL REFERENCES projects(id), lot_id TEXT NOT NULL REFERENCES lots(id),
            kind TEXT NOT NULL, status TEXT NOT NULL, parameters TEXT NOT NULL, reserve_fen BIGINT, registry TEXT NOT NULL,
            machine TEXT NOT NULL, seq BIGINT NOT NULL, next_deadline BIGINT, ends_at BIGINT, standing_fen BIGINT,
            close_record TEXT, relisted_from TEXT REFERENCES auctions(id), created_by TEXT NOT NULL REFERENCES accounts(id),
            created_at BIGINT NOT NULL, updated_at BIGINT NOT NULL, log_index BIGINT NOT NULL)
        """,
        "CREATE INDEX auctions_due ON auctions (status, next_deadline)",
        "CREATE INDEX auctions_lot ON auctions (lot_id, created_at)",
        """
        CREATE TABLE auction_registrations (
            id TEXT PRIMARY KEY, auction_id TEXT NOT NULL REFERENCES auctions(id), party_id TEXT NOT NULL REFERENCES parties(id),
            account_id TEXT NOT NULL REFERENCES accounts(id), number TEXT NOT NULL, preemption_order BIGINT, deposit_fen BIGINT,
            deposit_confirmed_by TEXT, deposit_confirmed_at BIGINT, registered_at BIGINT NOT NULL, log_index BIGINT NOT NULL,
            UNIQUE (auction_id, party_id), UNIQUE (auction_id, number))
        """,
        """
        CREATE TABLE auction_bids (
            id TEXT PRIMARY KEY, auction_id TEXT NOT NULL REFERENCES auctions(id), party_id TEXT NOT NULL REFERENCES parties(id),
            client_bid_id TEXT NOT NULL, number TEXT NOT NULL, amount_fen BIGINT NOT NULL, received_at BIGINT NOT NULL,
            accepted BIGINT NOT NULL, bid_sequence BIGINT, seq BIGINT, reason_code TEXT, status_code BIGINT NOT NULL,
            response TEXT NOT NULL, log_index BIGINT NOT NULL, UNIQUE (auction_id, party_id, client_bid_id))
        """,
        "CREATE INDEX auction_bids_order ON auction_bids (auction_id, received_at)",
        """
        CREATE TABLE auction_events (
            auction_id TEXT NOT NULL REFERENCES auctions(id), seq BIGINT NOT NULL, kind TEXT NOT NULL, message TEXT NOT NULL,
            created_at BIGINT NOT NULL, PRIMARY KEY (auction_id, seq))
        """,
    ])

    /// The auction engine's version, counted on every change under the row lock (a process may keep the decoded
    /// engine while the row's version is the one it saw); the version of the last change that was not an accepted bid
    /// (until then, replaying accepted bids brings a kept engine up to date); the accepted bids in the snapshot, which is
    /// written every so many bids rather than on each; and the accepted bids by sequence, to replay.
    static let v12 = Migration(version: 12, name: "auction engine versions", statements: [
        "ALTER TABLE auctions ADD COLUMN version BIGINT NOT NULL DEFAULT 0",
        "ALTER TABLE auctions ADD COLUMN rebased_version BIGINT NOT NULL DEFAULT 0",
        "ALTER TABLE auctions ADD COLUMN snapshot_bids BIGINT NOT NULL DEFAULT 0",
        "CREATE INDEX auction_bids_sequence ON auction_bids (auction_id, bid_sequence)",
    ])
}
