import Foundation
import SQLKit
import WitnessLog

/// 留痕事件 — one event of the witness log: what happened, to which project, by whom, at what server time,
/// and the SHA-256 of any document involved — never a document's content.
public struct LogEvent: Sendable, Codable, Equatable {
    public var type: String
    public var project: String?
    public var lot: String?
    public var actor: String
    /// Server time, RFC 3339 UTC with milliseconds.
    public var time: String
    public var data: [String: String]
    public var documents: [String]
    /// Log index of the project's previous entry (set on append), so a certificate that drops an event is detected.
    public var prev: Int64?

    public init(type: String, project: String?, lot: String? = nil, actor: String, time: Date, data: [String: String] = [:], documents: [String] = []) {
        self.type = type
        self.project = project
        self.lot = lot
        self.actor = actor
        self.time = Timestamps.rfc3339(time)
        self.data = data
        self.documents = documents
    }

    /// The event as the JSON value its `Codable` form gives (nil fields left out), built without `JSONEncoder` and
    /// `JSONDecoder`: every bid appends one entry, and the round trip through JSON text was a third of the bid path.
    public var jsonValue: JSONValue {
        var object: [String: JSONValue] = [
            "type": .string(self.type), "actor": .string(self.actor), "time": .string(self.time),
            "data": .object(self.data.mapValues { .string($0) }), "documents": .array(self.documents.map { .string($0) }),
        ]
        if let project = self.project { object["project"] = .string(project) }
        if let lot = self.lot { object["lot"] = .string(lot) }
        if let prev = self.prev { object["prev"] = .integer(prev) }
        return .object(object)
    }

    /// The RFC 8785 canonical bytes of the entry.
    public func canonicalBytes() throws -> [UInt8] {
        try CanonicalJSON.canonical(self.jsonValue)
    }
}

/// Where an appended event landed in the log.
public struct LogPosition: Sendable, Codable, Equatable {
    public var index: Int64
    public var leafHash: String
}

/// The witness-log table: appends run inside the caller's transaction, so a change and its entry commit together.
public enum LogRecords {
    /// Appends `event` as RFC 8785 canonical JSON with its RFC 6962 leaf hash, inside the current transaction.
    public static func append(_ event: LogEvent, on db: any SQLDatabase) async throws -> LogPosition {
        try await self.append([event], on: db)[0]
    }

    /// Appends `events` in order in one statement, inside the current transaction (a batch of bids commits its entries
    /// together); each event's `prev` chains to the project's previous entry, earlier ones of the batch included.
    public static func append(_ events: [LogEvent], on db: any SQLDatabase) async throws -> [LogPosition] {
        guard !events.isEmpty else { return [] }
        let first = try await self.lockedNextIndex(on: db)
        var previous: [String: Int64?] = [:]
        var rows: [(index: Int64, bytes: [UInt8], project: String?)] = []
        for (offset, event) in events.enumerated() {
            var event = event
            let index = first + Int64(offset)
            if let project = event.project {
                if previous[project] == nil {
                    previous[project] = try await db.raw("SELECT MAX(idx) AS prev FROM log_entries WHERE project = \(bind: project)").first()?
                        .decode(column: "prev", as: Int64?.self)
                }
                event.prev = previous[project] ?? nil
                previous[project] = index
            }
            let bytes = try event.canonicalBytes()
            guard bytes.count <= EntryBundle.maxEntryLength else { throw LogEntryTooLong(type: event.type, length: bytes.count) }
            rows.append((index, bytes, event.project))
        }
        return try await self.insert(rows, on: db)
    }

    /// Appends already-encoded entries in one statement, in order (the benchmark's batched durable append).
    public static func append(entries: [[UInt8]], on db: any SQLDatabase) async throws -> Int64 {
        let first = try await self.lockedNextIndex(on: db)
        _ = try await self.insert(entries.enumerated().map { (first + Int64($0.offset), $0.element, nil) }, on: db)
        return first
    }

    /// Serializes appends (PostgreSQL: the log's advisory lock until the transaction ends; SQLite holds the single
    /// writer) and returns the next index.
    private static func lockedNextIndex(on db: any SQLDatabase) async throws -> Int64 {
        if db.dialect.name == "postgresql" {
            try await db.raw("SELECT pg_advisory_xact_lock(7310002)").run()
        }
        let row = try await db.raw("SELECT COALESCE(MAX(idx) + 1, 0) AS next FROM log_entries").first()
        return try row?.decode(column: "next", as: Int64.self) ?? 0
    }

    /// Inserts the entries with their RFC 6962 leaf hashes in one statement.
    private static func insert(_ rows: [(index: Int64, bytes: [UInt8], project: String?)], on db: any SQLDatabase) async throws -> [LogPosition] {
        guard !rows.isEmpty else { return [] }
        let now = Timestamps.millis(Date())
        var insert = db.insert(into: "log_entries").columns("idx", "leaf_hash", "entry", "created_at", "project")
        var positions: [LogPosition] = []
        for row in rows {
            let leaf = Merkle.leafHash(row.bytes).hex
            insert = insert.values(SQLBind(row.index), SQLBind(leaf), SQLBind(String(decoding: row.bytes, as: UTF8.self)), SQLBind(now), SQLBind(row.project))
            positions.append(LogPosition(index: row.index, leafHash: leaf))
        }
        try await insert.run()
        return positions
    }

    /// One stored row of the log.
    public struct Entry: Sendable, Codable {
        public var idx: Int64
        public var leafHash: String
        public var entry: String
    }

    public static func entries(from start: Int64, limit: Int, on db: any SQLDatabase) async throws -> [Entry] {
        try await db.raw("SELECT idx, leaf_hash, entry FROM log_entries WHERE idx >= \(bind: start) ORDER BY idx LIMIT \(bind: limit)")
            .all(decoding: Entry.self, keyDecodingStrategy: ColumnNames.strategy)
    }

    /// Every entry about `project`, in log order (the project's witness certificate).
    public static func entries(project: String, on db: any SQLDatabase) async throws -> [Entry] {
        try await db.raw("SELECT idx, leaf_hash, entry FROM log_entries WHERE project = \(bind: project) ORDER BY idx")
            .all(decoding: Entry.self, keyDecodingStrategy: ColumnNames.strategy)
    }

    /// The log's size read off the key (entries are numbered from 0 without gaps): a generation number for anything
    /// derived from the trading record, since every change appends an entry in its own transaction.
    public static func size(on db: any SQLDatabase) async throws -> Int64 {
        try await db.raw("SELECT MAX(idx) AS n FROM log_entries").first()?.decode(column: "n", as: Int64?.self).map { $0 + 1 } ?? 0
    }

    public static func count(on db: any SQLDatabase) async throws -> Int64 {
        try await db.raw("SELECT COUNT(*) AS n FROM log_entries").first()?.decode(column: "n", as: Int64.self) ?? 0
    }
}

/// An event too long for a tlog-tiles entry bundle (65,535 bytes).
public struct LogEntryTooLong: Error, CustomStringConvertible {
    public var type: String
    public var length: Int
    public var description: String { "log entry \(self.type) is \(self.length) bytes; at most 65,535 fit an entry bundle" }
}
