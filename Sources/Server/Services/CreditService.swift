import Crypto
import Foundation
import SQLKit
import Storage
import TradingCore

/// 失信联合惩戒 — credit lists in the platform: regulators and the operator import lists (失信被执行人,
/// 政府采购严重违法失信名单, the platform's own) from CSV or JSON; registration, bidding and the award check the party
/// against them with the consequence the configured ``CreditPolicy`` gives each list (`yiwang.credit.policy`).
public struct CreditService: Sendable {
    let platform: Platform

    /// The answer to an import: the list as stored and the rows the decoder warned about.
    public struct Imported: Sendable, Codable, Equatable {
        /// The list as stored.
        public var list: CreditListView
        /// Rows kept with a warning (e.g. a credit code whose check digit fails), as "row N: …" in Chinese / English.
        public var warnings: [String]
    }

    /// Imports (or replaces) the list `listID` from a CSV or JSON file, in one transaction with its log entry.
    /// Any row error refuses the whole file (422, naming the rows); nothing is written.
    public func importList(listID: String, kind: String, publisher: String, format: String, bytes: [UInt8], by actor: Actor) async throws -> Imported {
        try Self.checkOverseer(actor)
        let id = listID.trimmingCharacters(in: .whitespaces)
        guard (1...64).contains(id.count), id.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" || $0 == "." }) else {
            throw TradingError.invalid("credit-list-id", zh: "名单标识应为1至64个字母、数字或 - _ .", en: "A list id is 1–64 letters, digits, '-', '_' or '.'")
        }
        guard let listKind = CreditListKind(rawValue: kind) else {
            let kinds = CreditListKind.allCases.map(\.rawValue).joined(separator: ", ")
            throw TradingError.invalid("credit-list-kind", zh: "名单类型只能是：\(kinds)", en: "The list kind must be one of: \(kinds)")
        }
        let source = publisher.trimmingCharacters(in: .whitespaces)
        guard (1...200).contains(source.count) else {
            throw TradingError.invalid("credit-list-publisher", zh: "请填写名单发布机关", en: "The list's publisher is required")
        }
        let decoding: CreditListDecoding
        switch format {
        case "csv":
            guard let text = String(validating: bytes, as: UTF8.self) else {
                throw TradingError.invalid("credit-list-encoding", zh: "CSV 文件须为 UTF-8 编码", en: "The CSV file must be UTF-8")
            }
            decoding = CreditListDecoder.decode(csvRows: CSVRecords.parse(text))
        case "json": decoding = CreditListDecoder.decode(json: Data(bytes))
        default: throw TradingError.invalid("credit-list-format", zh: "格式只能是 csv 或 json", en: "The format must be csv or json")
        }
        if !decoding.errors.isEmpty {
            let shown = decoding.errors.prefix(5)
            throw TradingError.invalid(
                "credit-list-rows",
                zh: "名单有\(decoding.errors.count)行无法导入：" + shown.map { "第\($0.row)行 \($0.zh)" }.joined(separator: "；"),
                en: "\(decoding.errors.count) rows of the list cannot be imported: " + shown.map { "row \($0.row): \($0.en)" }.joined(separator: "; ")
            )
        }
        guard !decoding.entries.isEmpty else { throw TradingError.invalid("credit-list-empty", zh: "名单没有任何条目", en: "The list has no entries") }
        let sha = SHA256.hash(data: bytes).map { String(format: "%02x", $0) }.joined()
        let platform = self.platform
        let entries = decoding.entries
        let row = try await platform.engine.transaction { db in
            let now = platform.nowMillis()
            let position = try await LogRecords.append(
                LogEvent(type: "credit.list-imported", project: nil, actor: actor.logName, time: platform.clock.now(),
                         data: ["list": id, "kind": listKind.rawValue, "publisher": source, "entries": String(entries.count), "format": format], documents: [sha]),
                on: db
            )
            try await db.raw("DELETE FROM credit_entries WHERE list_id = \(bind: id)").run()
            try await db.raw("DELETE FROM credit_lists WHERE id = \(bind: id)").run()
            let row = CreditListRow(id: id, kind: listKind.rawValue, publisher: source, entryCount: Int64(entries.count), sha256: sha,
                                    importedBy: actor.accountID, importedAt: now, logIndex: position.index)
            try await db.insert("credit_lists", row)
            for chunk in stride(from: 0, to: entries.count, by: 200) {
                var insert = db.insert(into: "credit_entries").columns("list_id", "line_no", "credit_code", "name", "entry")
                for (offset, entry) in entries[chunk..<min(chunk + 200, entries.count)].enumerated() {
                    let json = String(decoding: try JSONEncoder().encode(entry), as: UTF8.self)
                    insert = insert.values(SQLBind(id), SQLBind(Int64(chunk + offset + 1)), SQLBind(entry.creditCode), SQLBind(entry.name), SQLBind(json))
                }
                try await insert.run()
            }
            return row
        }
        return Imported(list: CreditListView(row), warnings: decoding.warnings.map { "第\($0.row)行 \($0.zh) / row \($0.row): \($0.en)" })
    }

    /// The imported lists.
    public func lists(by actor: Actor) async throws -> [CreditListView] {
        try Self.checkOverseer(actor)
        return try await self.platform.engine.read { db in
            try await db.rows("SELECT * FROM credit_lists ORDER BY id", as: CreditListRow.self).map(CreditListView.init)
        }
    }

    /// Matches flagged for review (提示人工核查), newest first.
    public func findings(by actor: Actor) async throws -> [CreditFindingView] {
        try Self.checkOverseer(actor)
        return try await self.platform.engine.read { db in
            try await db.rows("SELECT * FROM credit_findings ORDER BY created_at DESC LIMIT 500", as: CreditFindingRow.self).map(CreditFindingView.init)
        }
    }

    static func checkOverseer(_ actor: Actor) throws {
        guard actor.role == .regulator || actor.role == .operator else {
            throw TradingError.forbidden("信用名单仅监管部门和平台运营方可管理", en: "Credit lists are managed by regulators and the operator only")
        }
    }
}
