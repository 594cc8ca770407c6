import Foundation
import SQLKit
import Storage
import TradingCore

/// 分平台接入 — registering connected trading platforms and their push keys (operator only). A key is a random
/// secret shown once and stored as its SHA-256; issuing a new key revokes the old one (rotation), and a revoked
/// platform cannot push. Every change is one transaction with its witness-log entry (never the key, only its hash).
public struct ConnectedPlatformService: Sendable {
    let platform: Platform

    /// What the operator registers.
    public struct Registration: Sendable, Decodable {
        /// 分平台代码: 2–40 lower-case letters, digits or hyphens.
        public var code: String
        /// The name in Chinese.
        public var nameZh: String
        /// The name in English.
        public var nameEn: String
        /// Its region.
        public var region: String
        /// Catalog trading types it may push.
        public var tradingTypes: [String]
    }

    /// Registers a platform and issues its first key. 409 when the code is taken; 422 for an unknown trading type.
    public func register(_ form: Registration, by actor: Actor) async throws -> IssuedPlatformKey {
        try Self.requireOperator(actor)
        let code = form.code.trimmingCharacters(in: .whitespaces)
        guard code.range(of: "^[a-z0-9][a-z0-9-]{1,39}$", options: .regularExpression) != nil else {
            throw TradingError.invalid("platform-code", zh: "分平台代码为2–40位小写字母、数字或连字符", en: "A platform code is 2–40 lower-case letters, digits or hyphens")
        }
        let nameZh = form.nameZh.trimmingCharacters(in: .whitespaces), nameEn = form.nameEn.trimmingCharacters(in: .whitespaces)
        let region = form.region.trimmingCharacters(in: .whitespaces)
        guard !nameZh.isEmpty, !nameEn.isEmpty, !region.isEmpty, nameZh.count <= 200, nameEn.count <= 200, region.count <= 100 else {
            throw TradingError.invalid("platform-fields", zh: "名称（中英文）和地区必填，且不超过200字", en: "nameZh, nameEn and region are required (at most 200 characters)")
        }
        guard !(nameZh + nameEn + region).unicodeScalars.contains("\u{0}") else {
            throw TradingError.invalid("platform-fields", zh: "名称和地区不能含空字符", en: "Names and region must not contain NUL characters")
        }
        let types = Array(Set(form.tradingTypes.map { $0.trimmingCharacters(in: .whitespaces) })).sorted()
        guard !types.isEmpty else {
            throw TradingError.invalid("platform-trading-types", zh: "至少登记一个交易类型", en: "Register at least one trading type")
        }
        let platform = self.platform
        return try await platform.engine.transaction { db in
            let known = Set(try await db.raw("SELECT DISTINCT trading_type FROM catalog_entries").all().map { try $0.decode(column: "trading_type", as: String.self) })
            if let unknown = types.first(where: { !known.contains($0) }) {
                throw TradingError.invalid("platform-trading-types", zh: "交易类型 \(unknown) 不在交易目录中", en: "Trading type \(unknown) is not in the catalog")
            }
            if try await db.row("SELECT * FROM connected_platforms WHERE code = \(bind: code)", as: ConnectedPlatformRow.self) != nil {
                throw TradingError.conflict("platform-exists", zh: "分平台代码 \(code) 已登记", en: "Platform code \(code) is already registered")
            }
            let now = platform.nowMillis()
            let party = PartyRow(id: Identifiers.make(), name: nameZh, kind: "centre", creditCode: nil, creditStatus: "none", creditFlagReason: nil, createdAt: now)
            try await db.insert("parties", party)
            let position = try await LogRecords.append(
                LogEvent(type: "platform.registered", project: nil, actor: actor.logName, time: platform.clock.now(),
                         data: ["platform": code, "nameZh": nameZh, "region": region, "tradingTypes": types.joined(separator: ",")]),
                on: db
            )
            let row = ConnectedPlatformRow(
                code: code, nameZh: nameZh, nameEn: nameEn, region: region, tradingTypes: types.joined(separator: ","), partyId: party.id, active: 1,
                createdBy: actor.accountID, createdAt: now, logIndex: position.index
            )
            try await db.insert("connected_platforms", row)
            return try await Self.issue(row, actor: actor, logged: position, on: db, platform: platform)
        }
    }

    /// Issues a new key and revokes every older one (rotation).
    public func rotateKey(code: String, by actor: Actor) async throws -> IssuedPlatformKey {
        try Self.requireOperator(actor)
        let platform = self.platform
        return try await platform.engine.transaction { db in
            let row = try await Self.row(code, on: db)
            try await db.raw("UPDATE platform_keys SET revoked_at = \(bind: platform.nowMillis()) WHERE platform_code = \(bind: code) AND revoked_at IS NULL").run()
            return try await Self.issue(row, actor: actor, logged: nil, on: db, platform: platform)
        }
    }

    /// Revokes every key of the platform: its pushes are refused (401) until a new key is issued.
    public func revokeKeys(code: String, by actor: Actor) async throws -> ConnectedPlatformView {
        try Self.requireOperator(actor)
        let platform = self.platform
        return try await platform.engine.transaction { db in
            let row = try await Self.row(code, on: db)
            try await db.raw("UPDATE platform_keys SET revoked_at = \(bind: platform.nowMillis()) WHERE platform_code = \(bind: code) AND revoked_at IS NULL").run()
            _ = try await LogRecords.append(
                LogEvent(type: "platform.keys-revoked", project: nil, actor: actor.logName, time: platform.clock.now(), data: ["platform": code]), on: db
            )
            return ConnectedPlatformView(row, key: nil)
        }
    }

    /// Every registered platform (public: who pushes data is public, keys are not).
    public func all() async throws -> [ConnectedPlatformView] {
        try await self.platform.engine.read { db in
            let rows = try await db.rows("SELECT * FROM connected_platforms ORDER BY code", as: ConnectedPlatformRow.self)
            var views: [ConnectedPlatformView] = []
            for row in rows { views.append(ConnectedPlatformView(row, key: try await Self.activeKey(row.code, on: db))) }
            return views
        }
    }

    /// One platform (404 when unknown).
    public func view(code: String) async throws -> ConnectedPlatformView {
        try await self.platform.engine.read { db in
            let row = try await Self.row(code, on: db)
            return ConnectedPlatformView(row, key: try await Self.activeKey(code, on: db))
        }
    }

    /// The platform whose active key is `authorization` (`Bearer ywp_…`); 401 otherwise, 404 for an unknown platform.
    func authenticate(code: String, authorization: String?) async throws -> ConnectedPlatformRow {
        let key = authorization.flatMap { $0.lowercased().hasPrefix("bearer ") ? String($0.dropFirst(7)).trimmingCharacters(in: .whitespaces) : nil }
        return try await self.platform.engine.read { db in
            let row = try await Self.row(code, on: db)
            guard let key, key.hasPrefix("ywp_"), key.count < 200,
                  try await db.row(
                      "SELECT * FROM platform_keys WHERE platform_code = \(bind: code) AND key_hash = \(bind: Secrets.sha256(key)) AND revoked_at IS NULL",
                      as: PlatformKeyRow.self
                  ) != nil
            else {
                throw TradingError(.unauthenticated, code: "platform-key-required", zh: "需要本分平台有效的推送密钥（Authorization: Bearer ywp_…）",
                                   en: "A valid push key of this platform is required (Authorization: Bearer ywp_…)")
            }
            return row
        }
    }

    static func issue(_ row: ConnectedPlatformRow, actor: Actor, logged: LogPosition?, on db: any SQLDatabase, platform: Platform) async throws -> IssuedPlatformKey {
        let secret = Secrets.make(prefix: "ywp_")
        let key = PlatformKeyRow(id: Identifiers.make(), platformCode: row.code, keyHash: Secrets.sha256(secret), hint: String(secret.prefix(10)), createdAt: platform.nowMillis(), revokedAt: nil)
        try await db.insert("platform_keys", key)
        let position = try await LogRecords.append(
            LogEvent(type: "platform.key-issued", project: nil, actor: actor.logName, time: platform.clock.now(), data: ["platform": row.code, "keySha256": key.keyHash]), on: db
        )
        return IssuedPlatformKey(platform: ConnectedPlatformView(row, key: key), key: secret, logIndex: logged?.index ?? position.index)
    }

    static func row(_ code: String, on db: any SQLDatabase) async throws -> ConnectedPlatformRow {
        guard let row = try await db.row("SELECT * FROM connected_platforms WHERE code = \(bind: code)", as: ConnectedPlatformRow.self) else {
            throw TradingError.notFound("Platform", zh: "分平台")
        }
        return row
    }

    static func activeKey(_ code: String, on db: any SQLDatabase) async throws -> PlatformKeyRow? {
        try await db.row("SELECT * FROM platform_keys WHERE platform_code = \(bind: code) AND revoked_at IS NULL ORDER BY created_at DESC", as: PlatformKeyRow.self)
    }

    static func requireOperator(_ actor: Actor) throws {
        guard actor.role == .operator else { throw TradingError.forbidden("只有交易中心可以管理分平台接入", en: "Only the operator manages connected platforms") }
    }
}
