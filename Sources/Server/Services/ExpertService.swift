import Foundation
import SQLKit
import Storage
import TradingCore
import WitnessLog

/// 专家库 — the expert registry: register, edit (each edit a new version with its history row), list and
/// import experts. Every change is one transaction with its witness-log entry, which carries the
/// SHA-256 of the record, never the personal data itself.
public struct ExpertService: Sendable {
    let platform: Platform

    /// The specialty list loaded from `Resources/specialties.json` (data, not code).
    public static let specialties: SpecialtyCatalog = {
        let url = Resources.root.appendingPathComponent("specialties.json")
        guard let data = try? Data(contentsOf: url), let roots = try? JSONDecoder().decode([Specialty].self, from: data),
            let catalog = try? SpecialtyCatalog(roots: roots)
        else { fatalError("Resources/specialties.json is missing or invalid") }
        return catalog
    }()

    /// An expert as the registry shows it to the operator, the regulator and the expert.
    public struct ExpertView: Sendable, Codable {
        /// The record.
        public var profile: ExpertProfile
        /// The linked platform account (role expert).
        public var accountId: String?
        /// 1 at registration, +1 per edit.
        public var version: Int64
        /// Last change, RFC 3339.
        public var updatedAt: String
    }

    /// One version of an expert's record.
    public struct HistoryView: Sendable, Codable {
        /// The version number.
        public var version: Int64
        /// The record as of this version.
        public var profile: ExpertProfile
        /// The account that made the change.
        public var changedBy: String
        /// When, RFC 3339.
        public var changedAt: String
        /// The witness-log entry that recorded it.
        public var logIndex: Int64
    }

    /// The outcome of a CSV import: how many rows were written, and every refused row with its reason.
    public struct ImportReport: Sendable, Codable {
        /// Rows written.
        public var imported: Int
        /// Refused rows with their numbers and reasons.
        public var errors: [ExpertCSV.RowError]
        /// The import's witness-log entry, when anything was written.
        public var logIndex: Int64?
    }

    /// Lists experts (operator and regulator only: the registry holds personal data).
    public func list(status: String?, specialty: String?, limit: Int, by actor: Actor) async throws -> [ExpertView] {
        try Self.requireOverseer(actor)
        let rows = try await self.platform.engine.read { db in
            var query = SQLQueryString("SELECT * FROM experts WHERE 1 = 1")
            if let status { query = query + " AND status = \(bind: status)" }
            if let specialty { query = query + " AND specialties LIKE \(bind: "%;\(specialty)%")" }
            return try await db.rows(query + " ORDER BY id LIMIT \(bind: min(max(limit, 1), 1000))", as: ExpertRow.self)
        }
        return try rows.map(Self.view)
    }

    /// One expert: for the operator, the regulator, or the expert's own account.
    public func expert(_ id: String, by actor: Actor) async throws -> ExpertView {
        let row = try await self.platform.engine.read { db in try await db.row("SELECT * FROM experts WHERE id = \(bind: id)", as: ExpertRow.self) }
        guard let row else { throw TradingError.notFound("Expert", zh: "专家") }
        guard actor.role == .operator || actor.role == .regulator || row.accountId == actor.accountID else { throw TradingError.forbidden() }
        return try Self.view(row)
    }

    /// Registers a new expert, or writes a new version of an existing one when `replacing` is true.
    public func save(_ profile: ExpertProfile, account: String?, replacing: Bool, by actor: Actor) async throws -> ExpertView {
        try Self.requireOperator(actor)
        try profile.validate(specialties: Self.specialties, today: LocalDate(self.platform.clock.now()))
        let platform = self.platform
        let row = try await platform.engine.transaction { db in
            let existing = try await db.row("SELECT * FROM experts WHERE id = \(bind: profile.id)", as: ExpertRow.self)
            if replacing && existing == nil { throw TradingError.notFound("Expert", zh: "专家") }
            if !replacing && existing != nil {
                throw TradingError.conflict("expert-exists", zh: "专家编号\(profile.id)已存在", en: "Expert \(profile.id) already exists")
            }
            let accountID = try await Self.accountID(account, existing: existing, on: db)
            let position = try await LogRecords.append(
                LogEvent(type: existing == nil ? "expert.registered" : "expert.edited", project: nil, actor: actor.logName, time: platform.clock.now(),
                         data: ["expert": profile.id, "version": String((existing?.version ?? 0) + 1), "recordSha256": try Self.digest(profile)]),
                on: db
            )
            return try await Self.write(profile, accountID: accountID, existing: existing, actor: actor, now: platform.nowMillis(), logIndex: position.index, on: db)
        }
        return try Self.view(row)
    }

    /// Every version of an expert's record, oldest first.
    public func history(_ id: String, by actor: Actor) async throws -> [HistoryView] {
        try Self.requireOverseer(actor)
        let rows = try await self.platform.engine.read { db in
            try await db.rows("SELECT * FROM expert_history WHERE expert_id = \(bind: id) ORDER BY version", as: ExpertHistoryRow.self)
        }
        guard !rows.isEmpty else { throw TradingError.notFound("Expert", zh: "专家") }
        return try rows.map {
            HistoryView(version: $0.version, profile: try Self.decodeProfile($0.profile), changedBy: $0.changedBy,
                        changedAt: Timestamps.rfc3339(Timestamps.date($0.changedAt)), logIndex: $0.logIndex)
        }
    }

    /// Imports a CSV (``ExpertCSV``): the valid rows in one transaction with one log entry (the file's SHA-256
    /// and the row count); refused rows come back with their row numbers and reasons. An existing id gets a new version.
    public func importCSV(_ text: String, by actor: Actor, progress: (@Sendable (Double, String) -> Void)? = nil) async throws -> ImportReport {
        try Self.requireOperator(actor)
        let parsed = try ExpertCSV(text: text, specialties: Self.specialties, today: LocalDate(self.platform.clock.now()))
        progress?(0.1, "checked \(parsed.rows.count + parsed.errors.count) rows")
        guard !parsed.rows.isEmpty else { return ImportReport(imported: 0, errors: parsed.errors, logIndex: nil) }
        let platform = self.platform
        let (position, accountErrors) = try await platform.engine.transaction { db in
            var accounts: [Int: String] = [:]
            var errors: [ExpertCSV.RowError] = []
            for row in parsed.rows {
                do {
                    if let account = try await Self.accountID(row.account, existing: nil, on: db) { accounts[row.number] = account }
                } catch let error as TradingError {
                    errors.append(ExpertCSV.RowError(row: row.number, zh: error.zh, en: error.en))
                }
            }
            let refused = Set(errors.map(\.row))
            let valid = parsed.rows.filter { !refused.contains($0.number) }
            guard !valid.isEmpty else { return (LogPosition?.none, errors) }
            let position = try await LogRecords.append(
                LogEvent(type: "expert.imported", project: nil, actor: actor.logName, time: platform.clock.now(),
                         data: ["rows": String(valid.count), "csvSha256": Hash.sha256(Data(text.utf8)).hex]),
                on: db
            )
            let now = platform.nowMillis()
            for (offset, row) in valid.enumerated() {
                let existing = try await db.row("SELECT * FROM experts WHERE id = \(bind: row.profile.id)", as: ExpertRow.self)
                _ = try await Self.write(row.profile, accountID: accounts[row.number] ?? existing?.accountId, existing: existing, actor: actor, now: now, logIndex: position.index, on: db)
                if offset % 200 == 0 { progress?(0.1 + 0.9 * Double(offset) / Double(valid.count), "importing") }
            }
            return (Optional(position), errors)
        }
        progress?(1, "done")
        let errors = (parsed.errors + accountErrors).sorted { $0.row < $1.row }
        return ImportReport(imported: parsed.rows.count - accountErrors.count, errors: errors, logIndex: position?.index)
    }

    // MARK: storage

    static func write(
        _ profile: ExpertProfile, accountID: String?, existing: ExpertRow?, actor: Actor, now: Int64, logIndex: Int64, on db: any SQLDatabase
    ) async throws -> ExpertRow {
        let version = (existing?.version ?? 0) + 1
        let json = String(decoding: try Self.encoder.encode(profile), as: UTF8.self)
        let row = ExpertRow(
            id: profile.id, name: profile.name, specialties: ";" + profile.specialties.joined(separator: ";") + ";", status: profile.status.rawValue,
            available: profile.available ? 1 : 0, birthDate: profile.birthDate.description, region: profile.region, employerCode: profile.employer.code,
            profile: json, accountId: accountID, version: version, createdAt: existing?.createdAt ?? now, updatedAt: now
        )
        if existing == nil {
            try await db.insert("experts", row)
        } else {
            try await db.raw(
                """
                UPDATE experts SET name = \(bind: row.name), specialties = \(bind: row.specialties), status = \(bind: row.status),
                available = \(bind: row.available), birth_date = \(bind: row.birthDate), region = \(bind: row.region),
                employer_code = \(bind: row.employerCode), profile = \(bind: row.profile), account_id = \(bind: row.accountId),
                version = \(bind: version), updated_at = \(bind: now) WHERE id = \(bind: row.id)
                """
            ).run()
        }
        try await db.insert("expert_history", ExpertHistoryRow(
            id: Identifiers.make(), expertId: profile.id, version: version, profile: json, changedBy: actor.accountID, changedAt: now, logIndex: logIndex
        ))
        return row
    }

    /// The account a username names (it must have the expert role), or the existing link when none is given.
    static func accountID(_ username: String?, existing: ExpertRow?, on db: any SQLDatabase) async throws -> String? {
        guard let username, !username.isEmpty else { return existing?.accountId }
        struct AccountRef: Decodable { var id: String; var role: String }
        guard let account = try await db.row("SELECT id, role FROM accounts WHERE username = \(bind: username)", as: AccountRef.self),
            account.role == Role.expert.rawValue
        else {
            throw TradingError.invalid("expert-account", zh: "账户\(username)不存在或不是评标专家账户", en: "Account \(username) does not exist or is not an expert account")
        }
        return account.id
    }

    static let encoder: JSONEncoder = {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return encoder
    }()

    static func digest(_ profile: ExpertProfile) throws -> String {
        Hash.sha256(try Self.encoder.encode(profile)).hex
    }

    static func decodeProfile(_ text: String) throws -> ExpertProfile {
        try JSONDecoder().decode(ExpertProfile.self, from: Data(text.utf8))
    }

    static func view(_ row: ExpertRow) throws -> ExpertView {
        ExpertView(profile: try Self.decodeProfile(row.profile), accountId: row.accountId, version: row.version,
                   updatedAt: Timestamps.rfc3339(Timestamps.date(row.updatedAt)))
    }

    static func requireOperator(_ actor: Actor) throws {
        guard actor.role == .operator else { throw TradingError.forbidden("只有交易中心可以维护专家库", en: "Only the operator maintains the expert registry") }
    }

    static func requireOverseer(_ actor: Actor) throws {
        guard actor.role == .operator || actor.role == .regulator else {
            throw TradingError.forbidden("只有交易中心和监管部门可以查看专家库", en: "Only the operator and the regulator see the expert registry")
        }
    }
}
