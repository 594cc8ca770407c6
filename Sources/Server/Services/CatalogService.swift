import Foundation
import SQLKit
import Storage
import TradingCore

/// 交易目录 — the catalog as data: operators add or change entries without a release.
public struct CatalogService: Sendable {
    let platform: Platform

    public func entries() async throws -> [CatalogEntry] {
        try await self.platform.engine.read { db in
            try await db.rows("SELECT * FROM catalog_entries ORDER BY code", as: CatalogRow.self).map(Self.entry)
        }
    }

    /// Each trading type of the catalog with its Chinese name (the first entry's, by code) — without decoding rules.
    public func tradingTypeNames() async throws -> [(code: String, nameZh: String)] {
        struct Name: Decodable { var tradingType: String; var tradingTypeZh: String }
        return try await self.platform.engine.read { db in
            try await db.rows("SELECT trading_type, trading_type_zh FROM catalog_entries ORDER BY code", as: Name.self)
        }.map { ($0.tradingType, $0.tradingTypeZh) }
    }

    public func entry(_ code: String) async throws -> CatalogEntry {
        let row = try await self.platform.engine.read { db in
            try await db.row("SELECT * FROM catalog_entries WHERE code = \(bind: code)", as: CatalogRow.self)
        }
        guard let row else {
            throw TradingError.invalid("catalog-code-unknown", zh: "交易目录中没有“\(code)”", en: "There is no catalog entry '\(code)'")
        }
        return try Self.entry(row)
    }

    /// Adds or replaces an entry (operator only); running projects keep the rules they were created with.
    public func put(_ entry: CatalogEntry, by actor: Actor) async throws -> CatalogEntry {
        guard actor.role == .operator else { throw TradingError.forbidden("只有交易中心可以维护交易目录", en: "Only the operator maintains the catalog") }
        try entry.validate()
        let now = self.platform.nowMillis()
        try await self.platform.engine.transaction { db in
            let version = try await Self.upsert(entry, now: now, on: db)
            _ = try await LogRecords.append(
                LogEvent(type: "catalog.changed", project: nil, actor: actor.logName, time: self.platform.clock.now(),
                         data: ["code": entry.code, "version": String(version), "rules": String(decoding: try JSONEncoder().encode(entry.rules), as: UTF8.self)]),
                on: db
            )
        }
        return entry
    }

    /// Seeds the standard catalog on a new database (inside the caller's transaction).
    static func seedStandard(now: Int64, on db: any SQLDatabase) async throws {
        for entry in StandardCatalog.entries where try await db.row("SELECT * FROM catalog_entries WHERE code = \(bind: entry.code)", as: CatalogRow.self) == nil {
            let version = try await Self.upsert(entry, now: now, on: db)
            _ = try await LogRecords.append(
                LogEvent(type: "catalog.changed", project: nil, actor: "system", time: Timestamps.date(now),
                         data: ["code": entry.code, "version": String(version), "rules": String(decoding: try JSONEncoder().encode(entry.rules), as: UTF8.self)]),
                on: db
            )
        }
    }

    static func upsert(_ entry: CatalogEntry, now: Int64, on db: any SQLDatabase) async throws -> Int64 {
        let existing = try await db.row("SELECT * FROM catalog_entries WHERE code = \(bind: entry.code)", as: CatalogRow.self)
        let rules = String(decoding: try JSONEncoder().encode(entry.rules), as: UTF8.self)
        let row = CatalogRow(
            code: entry.code, tradingType: entry.tradingType, tradingTypeZh: entry.tradingTypeZh, tradingTypeEn: entry.tradingTypeEn,
            procedure: entry.procedure, procedureZh: entry.procedureZh, procedureEn: entry.procedureEn, rules: rules,
            active: entry.active ? 1 : 0, version: (existing?.version ?? 0) + 1, updatedAt: now
        )
        if existing != nil {
            try await db.raw("DELETE FROM catalog_entries WHERE code = \(bind: entry.code)").run()
        }
        try await db.insert("catalog_entries", row)
        return row.version
    }

    static func entry(_ row: CatalogRow) throws -> CatalogEntry {
        CatalogEntry(
            code: row.code, tradingType: row.tradingType, tradingTypeZh: row.tradingTypeZh, tradingTypeEn: row.tradingTypeEn,
            procedure: row.procedure, procedureZh: row.procedureZh, procedureEn: row.procedureEn,
            rules: try JSONDecoder().decode(ProcedureRules.self, from: Data(row.rules.utf8)), active: row.active == 1
        )
    }
}
