import Foundation
import SQLKit
import Storage
import TradingCore

/// Writes accepted items of one push inside its transaction: the project behind the platform's project code (an
/// unpublished `projects` row marked with `source_platform`, so pushed notices live in `notices` and the search index
/// like the platform's own), the notice (notices and results), the item's current state, and the webhook deliveries.
struct PushStore {
    let platform: Platform
    let source: ConnectedPlatformRow
    let kind: PushKind
    let pushID: String
    let db: any SQLDatabase

    /// Stores `item`; returns its status (`accepted`, `updated`, `duplicate`) and its notice id.
    mutating func save(_ item: PushedItem) async throws -> (String, String?) {
        let id = item.id ?? "", projectCode = item.projectCode ?? ""
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        let json = String(decoding: try encoder.encode(item), as: UTF8.self)
        let hash = Secrets.sha256(json)
        let existing = try await self.db.row(
            "SELECT * FROM platform_items WHERE platform_code = \(bind: self.source.code) AND kind = \(bind: self.kind.rawValue) AND item_id = \(bind: id)",
            as: PlatformItemRow.self
        )
        if let existing, existing.contentSha256 == hash { return ("duplicate", existing.noticeId) }
        let projectID = try await self.project(projectCode, item: item)
        var noticeID: String?
        if let noticeKind = item.disclosedNotice(self.kind) {
            let notice = NoticeRow(
                id: existing?.noticeId ?? Identifiers.make(), projectId: projectID, lotId: nil, kind: noticeKind, title: item.title ?? "", body: self.body(item),
                tradingType: item.tradingType ?? "", region: item.region ?? "",
                publishedAt: item.publishedAt.flatMap(Timestamps.parse).map(Timestamps.millis) ?? self.platform.nowMillis(), endsAt: nil, sourcePlatform: self.source.code
            )
            if existing?.noticeId != nil {
                if let previous = try await self.db.row("SELECT * FROM notices WHERE id = \(bind: notice.id)", as: NoticeRow.self) {
                    try await NoticeSearch.unindex(previous, on: self.db)
                }
                try await self.db.raw("""
                    UPDATE notices SET kind = \(bind: notice.kind), title = \(bind: notice.title), body = \(bind: notice.body), trading_type = \(bind: notice.tradingType),
                    region = \(bind: notice.region), published_at = \(bind: notice.publishedAt), project_id = \(bind: projectID) WHERE id = \(bind: notice.id)
                    """).run()
            } else {
                try await self.db.insert("notices", notice)
            }
            try await NoticeSearch.index(notice, on: self.db)
            noticeID = notice.id
        }
        let row = PlatformItemRow(
            platformCode: self.source.code, kind: self.kind.rawValue, itemId: id, projectCode: projectCode, contentSha256: hash, noticeId: noticeID,
            item: json, pushId: self.pushID, updatedAt: self.platform.nowMillis()
        )
        if existing != nil {
            try await self.db.raw("""
                UPDATE platform_items SET project_code = \(bind: projectCode), content_sha256 = \(bind: hash), notice_id = \(bind: noticeID), item = \(bind: json),
                push_id = \(bind: self.pushID), updated_at = \(bind: row.updatedAt)
                WHERE platform_code = \(bind: self.source.code) AND kind = \(bind: self.kind.rawValue) AND item_id = \(bind: id)
                """).run()
        } else {
            try await self.db.insert("platform_items", row)
        }
        let event = WebhookEvent(
            type: self.kind.event, platform: self.source.code, itemId: id, projectCode: projectCode, noticeId: noticeID,
            url: noticeID.map { "/notices/\($0)" }, item: item, update: existing != nil
        )
        try await WebhookOutbox.enqueue(event, platformCode: self.source.code, platform: self.platform, on: self.db)
        return (existing == nil ? "accepted" : "updated", noticeID)
    }

    /// The project row behind the platform's project code, created with the first notice.
    func project(_ code: String, item: PushedItem) async throws -> String {
        if let row = try await self.db.raw(
            "SELECT project_id FROM platform_projects WHERE platform_code = \(bind: self.source.code) AND project_code = \(bind: code)"
        ).first() {
            return try row.decode(column: "project_id", as: String.self)
        }
        let type = item.tradingType ?? ""
        guard let catalog = try await self.db.raw("SELECT code FROM catalog_entries WHERE trading_type = \(bind: type) ORDER BY active DESC, code").first() else {
            throw TradingError.invalid("trading-type-not-allowed", zh: "交易类型 \(type) 不在交易目录中", en: "Trading type \(type) is not in the catalog")
        }
        let project = ProjectRow(
            id: Identifiers.make(), dealCode: "\(self.source.code):\(code)", title: item.projectTitle ?? item.title ?? code, description: "",
            catalogCode: try catalog.decode(column: "code", as: String.self), tradingType: type, region: item.region ?? self.source.region, funding: "",
            tendererPartyId: self.source.partyId, agencyPartyId: nil, createdBy: self.source.createdBy, createdAt: self.platform.nowMillis(), rules: "{}", published: 0
        )
        try await self.db.insert("projects", project)
        try await self.db.raw("UPDATE projects SET source_platform = \(bind: self.source.code) WHERE id = \(bind: project.id)").run()
        try await self.db.raw(
            "INSERT INTO platform_projects (platform_code, project_code, project_id) VALUES (\(bind: self.source.code), \(bind: code), \(bind: project.id))"
        ).run()
        return project.id
    }

    /// The notice's text: the pushed body after the facts the portal shows for every pushed item.
    func body(_ item: PushedItem) -> String {
        var lines = ["来源平台：\(self.source.nameZh)（\(self.source.code)）", "项目编号：\(item.projectCode ?? "")"]
        if let tenderer = item.tenderer, let name = tenderer.name { lines.append("招标人（采购人）：\(name)（统一社会信用代码 \(tenderer.creditCode ?? "—")）") }
        if let winner = item.winner, let name = winner.name { lines.append("中标（成交）人：\(name)（统一社会信用代码 \(winner.creditCode ?? "—")）") }
        if let amount = item.amountFen {
            lines.append("\(self.kind == .notices ? "预算金额" : "中标（成交）金额")：\(Money(fen: amount).yuanText) 元")
        }
        if let body = item.body, !body.isEmpty { lines.append(body) }
        return lines.joined(separator: "\n")
    }
}
