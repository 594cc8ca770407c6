import SQLKit

/// 市场主体 — a market entity (an enterprise with its credit code, a person, or the trading centre itself).
public struct PartyRow: Sendable, Codable, Equatable {
    public var id: String
    public var name: String
    /// `enterprise`, `person`, `centre`, `authority`.
    public var kind: String
    public var creditCode: String?
    /// `valid`, `flagged` (check failed: manual review) or `none`.
    public var creditStatus: String
    public var creditFlagReason: String?
    public var createdAt: Int64

    public init(id: String, name: String, kind: String, creditCode: String?, creditStatus: String, creditFlagReason: String?, createdAt: Int64) {
        self.id = id
        self.name = name
        self.kind = kind
        self.creditCode = creditCode
        self.creditStatus = creditStatus
        self.creditFlagReason = creditFlagReason
        self.createdAt = createdAt
    }
}

/// 账户 — one login for every service; its role decides what it may do.
public struct AccountRow: Sendable, Codable, Equatable {
    public var id: String
    public var username: String
    public var passwordHash: String
    public var role: String
    public var partyId: String?
    public var displayName: String
    public var createdAt: Int64

    public init(id: String, username: String, passwordHash: String, role: String, partyId: String?, displayName: String, createdAt: Int64) {
        self.id = id
        self.username = username
        self.passwordHash = passwordHash
        self.role = role
        self.partyId = partyId
        self.displayName = displayName
        self.createdAt = createdAt
    }
}

public struct SessionRow: Sendable, Codable, Equatable {
    public var tokenHash: String
    public var accountId: String
    public var createdAt: Int64
    public var expiresAt: Int64

    public init(tokenHash: String, accountId: String, createdAt: Int64, expiresAt: Int64) {
        self.tokenHash = tokenHash
        self.accountId = accountId
        self.createdAt = createdAt
        self.expiresAt = expiresAt
    }
}

extension SQLDatabase {
    /// Inserts a row encoded with snake_case column names.
    public func insert(_ table: String, _ row: some Encodable & Sendable) async throws {
        try await self.insert(into: table).model(row, keyEncodingStrategy: ColumnNames.encoding, nilEncodingStrategy: .asNil).run()
    }

    /// Inserts rows in one statement (nothing when `rows` is empty).
    public func insert<Row: Encodable & Sendable>(_ table: String, rows: [Row]) async throws {
        guard !rows.isEmpty else { return }
        try await self.insert(into: table).models(rows, keyEncodingStrategy: ColumnNames.encoding, nilEncodingStrategy: .asNil).run()
    }

    /// All rows of a raw query decoded into `T` from snake_case columns.
    public func rows<T: Decodable>(_ query: SQLQueryString, as type: T.Type) async throws -> [T] {
        try await self.raw(query).all(decoding: T.self, keyDecodingStrategy: ColumnNames.strategy)
    }

    /// The first row of a raw query decoded into `T`, or nil.
    public func row<T: Decodable>(_ query: SQLQueryString, as type: T.Type) async throws -> T? {
        try await self.raw(query).first(decoding: T.self, keyDecodingStrategy: ColumnNames.strategy)
    }
}
