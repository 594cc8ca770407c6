import Foundation
import SQLKit
import Storage
import TradingCore

/// 数据推送 — notices, results and deals pushed by a connected platform. Each push is checked item by item
/// (``PushCheck``: completeness, validity, timeliness against the disclosure catalog); valid items are stored,
/// invalid ones refused with zh/en reasons, and the push, its report, the stored items, their notices and search
/// terms, the webhook deliveries they raise and ONE witness-log entry are written in one transaction.
/// Items are idempotent by the platform's own id: the same content again is a `duplicate` (nothing changes),
/// changed content `updated` (the notice is rewritten and re-indexed).
public struct PlatformPushService: Sendable {
    let platform: Platform

    /// Most items in one push.
    public static let maxItems = 500

    struct Body: Decodable { var items: [PushedItemSlot] }

    /// Checks and stores one push of `kind` from platform `code`, authenticated by `authorization`.
    public func push(code: String, kind: PushKind, authorization: String?, body: Data) async throws -> PushReport {
        let source = try await self.platform.connectedPlatforms.authenticate(code: code, authorization: authorization)
        guard source.active == 1 else { throw TradingError.conflict("platform-inactive", zh: "分平台已停用", en: "The platform is deactivated") }
        let items = try JSONDecoder().decode(Body.self, from: body).items
        guard !items.isEmpty, items.count <= Self.maxItems else {
            throw TradingError.invalid("push-size", zh: "每次推送1–\(Self.maxItems)条数据", en: "A push carries 1 to \(Self.maxItems) items")
        }
        let bodySha256 = Secrets.sha256(String(decoding: body, as: UTF8.self))
        let platform = self.platform
        return try await platform.engine.transaction { db in
            if platform.engine.dialect == .postgres {
                // Pushes of one platform run one at a time: two pushes of the same new item id or project code would
                // otherwise both insert it. SQLite serializes writers anyway.
                try await db.raw("SELECT code FROM connected_platforms WHERE code = \(bind: code) FOR UPDATE").run()
            }
            let known = try await db.raw("SELECT project_code FROM platform_projects WHERE platform_code = \(bind: code)").all()
                .map { try $0.decode(column: "project_code", as: String.self) }
            let catalogTypes = Set(try await db.raw("SELECT DISTINCT trading_type FROM catalog_entries").all().map { try $0.decode(column: "trading_type", as: String.self) })
            let now = platform.clock.now()
            let check = PushCheck(kind: kind, context: .init(
                tradingTypes: Set(source.types).intersection(catalogTypes), region: source.region, knownProjects: Set(known), receivedAt: now,
                catalog: DisclosureService.catalog, calendar: platform.calendar
            ))
            let pushID = Identifiers.make()
            var store = PushStore(platform: platform, source: source, kind: kind, pushID: pushID, db: db)
            var report = PushReport(id: pushID, platform: code, kind: kind.rawValue, receivedAt: Timestamps.rfc3339(now), bodySha256: bodySha256, logIndex: 0, summary: .init(), items: [])
            var seen = Set<String>()
            for (position, slot) in items.enumerated() {
                var entry = try await Self.judge(slot, position: position, check: check, seen: &seen)
                if entry.status != "refused", let item = slot.item {
                    (entry.status, entry.noticeId) = try await store.save(item)
                }
                report.items.append(entry)
            }
            report.summary = Self.summary(report.items)
            let position = try await LogRecords.append(
                LogEvent(type: "platform.push", project: nil, actor: "platform:\(code)", time: now, data: [
                    "platform": code, "push": pushID, "kind": kind.rawValue, "bodySha256": bodySha256, "items": String(report.summary.items),
                    "accepted": String(report.summary.accepted), "updated": String(report.summary.updated), "duplicates": String(report.summary.duplicates),
                    "refused": String(report.summary.refused),
                ]),
                on: db
            )
            report.logIndex = position.index
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.sortedKeys]
            try await db.insert("platform_pushes", PlatformPushRow(
                id: pushID, platformCode: code, kind: kind.rawValue, receivedAt: Timestamps.millis(now), itemCount: Int64(report.summary.items),
                accepted: Int64(report.summary.items - report.summary.refused), refused: Int64(report.summary.refused), bodySha256: bodySha256,
                report: String(decoding: try encoder.encode(report), as: UTF8.self), logIndex: position.index
            ))
            for item in report.items {
                try await db.insert("platform_push_items", PlatformPushItemRow(
                    pushId: pushID, position: Int64(item.position), platformCode: code, kind: kind.rawValue, itemId: item.id, status: item.status,
                    complete: item.complete ? 1 : 0, valid: item.valid ? 1 : 0, timely: item.timely.map { $0 ? 1 : 0 }, receivedAt: Timestamps.millis(now)
                ))
            }
            return report
        }
    }

    /// A stored push's report (public, like the data-quality page).
    public func report(code: String, pushID: String) async throws -> PushReport {
        let row = try await self.platform.engine.read { db in
            try await db.row("SELECT * FROM platform_pushes WHERE id = \(bind: pushID) AND platform_code = \(bind: code)", as: PlatformPushRow.self)
        }
        guard let row else { throw TradingError.notFound("Push", zh: "推送记录") }
        return try row.decoded()
    }

    static func judge(_ slot: PushedItemSlot, position: Int, check: PushCheck, seen: inout Set<String>) async throws -> PushReport.Item {
        guard let item = slot.item else {
            let field = slot.malformed ?? "item"
            let finding = PushCheck.Finding(aspect: .validity, field: field, code: "malformed-item", zh: "字段 \(field) 的类型错误，无法读取该数据项", en: "The field \(field) has the wrong type; the item cannot be read", refuses: true)
            return PushReport.Item(position: position, id: nil, status: "refused", complete: false, valid: false, timely: nil, duty: nil, dueAt: nil, noticeId: nil, findings: [finding])
        }
        var verdict = check.check(item)
        if let id = item.id, !id.isEmpty, !seen.insert(id).inserted {
            verdict.findings.append(.init(aspect: .validity, field: "id", code: "duplicate-in-push", zh: "同一次推送中数据项标识 \(id) 重复", en: "The item id \(id) appears twice in this push", refuses: true))
        }
        return PushReport.Item(
            position: position, id: item.id, status: verdict.accepted ? "accepted" : "refused", complete: verdict.complete, valid: verdict.valid,
            timely: verdict.timely, duty: verdict.duty, dueAt: verdict.dueAt.map(Timestamps.rfc3339), noticeId: nil, findings: verdict.findings
        )
    }

    static func summary(_ items: [PushReport.Item]) -> PushReport.Summary {
        var summary = PushReport.Summary()
        for item in items {
            summary.items += 1
            switch item.status {
            case "accepted": summary.accepted += 1
            case "updated": summary.updated += 1
            case "duplicate": summary.duplicates += 1
            default: summary.refused += 1
            }
            if item.complete { summary.complete += 1 }
            if item.valid { summary.valid += 1 }
            if item.timely == true { summary.timely += 1 }
            if item.timely == false { summary.late += 1 }
        }
        return summary
    }
}
