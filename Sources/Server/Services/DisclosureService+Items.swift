import Foundation
import SQLKit
import Storage
import TradingCore

extension DisclosureService {
    struct ProjectLite: Decodable { var id: String; var title: String; var tradingType: String; var tendererName: String; var agencyName: String? }
    struct NoticeLite: Decodable { var projectId: String; var lotId: String?; var kind: String; var publishedAt: Int64 }
    struct AttachmentLite: Decodable { var projectId: String; var ownerKind: String; var createdAt: Int64 }
    struct EntryLite: Decodable { var project: String; var entry: String }

    /// Every duty triggered in the period, with its outcome now.
    func items(from: LocalDate, to: LocalDate) async throws -> [Item] {
        let start = Timestamps.millis(from.startInstant), end = Timestamps.millis(to.adding(days: 1).startInstant)
        let triggers = DisclosureDuty.Trigger.allCases.map { "%\"type\":\"\($0.rawValue)\"%" }
        let (projects, notices, attachments, entries) = try await self.platform.engine.read { db in
            let projects = try await db.rows("""
                SELECT p.id, p.title, p.trading_type, t.name AS tenderer_name, a.name AS agency_name FROM projects p
                JOIN parties t ON t.id = p.tenderer_party_id LEFT JOIN parties a ON a.id = p.agency_party_id WHERE p.published = 1
                """, as: ProjectLite.self)
            let notices = try await db.rows("SELECT project_id, lot_id, kind, published_at FROM notices ORDER BY published_at", as: NoticeLite.self)
            let attachments = try await db.rows("SELECT project_id, owner_kind, created_at FROM attachments WHERE owner_kind IN ('tender', 'contract') ORDER BY created_at", as: AttachmentLite.self)
            var query = SQLQueryString("SELECT project, entry FROM log_entries WHERE project IS NOT NULL AND (1 = 0")
            for pattern in triggers { query = query + " OR entry LIKE \(bind: pattern)" }
            let entries = try await db.rows(query + ") ORDER BY idx", as: EntryLite.self)
            return (projects, notices, attachments, entries)
        }
        let noticesByProject = Dictionary(grouping: notices, by: \.projectId)
        let attachmentsByProject = Dictionary(grouping: attachments, by: \.projectId)
        let eventsByProject = Dictionary(grouping: entries.compactMap { try? JSONDecoder().decode(LogEvent.self, from: Data($0.entry.utf8)) }, by: { $0.project ?? "" })
        let now = self.platform.clock.now()
        var items: [Item] = []
        for project in projects {
            for duty in Self.catalog.duties(for: project.tradingType) {
                // the first trigger per lot (per project for project-level steps)
                var firsts: [String?: Date] = [:]
                for event in eventsByProject[project.id] ?? [] where event.type == duty.trigger.rawValue {
                    guard let time = Timestamps.parse(event.time) else { continue }
                    let key = duty.trigger == .announced ? nil : event.lot
                    if firsts[key] == nil { firsts[key] = time }
                }
                for (lot, trigger) in firsts {
                    let millis = Timestamps.millis(trigger)
                    guard millis >= start, millis < end else { continue }
                    let published: Int64? = switch duty.item {
                    case .notice(let kind):
                        noticesByProject[project.id]?.first { $0.kind == kind && (lot == nil || $0.lotId == nil || $0.lotId == lot) && $0.publishedAt >= millis - 1000 }?.publishedAt
                    case .document(let kind):
                        attachmentsByProject[project.id]?.first { $0.ownerKind == kind }.map { max($0.createdAt, millis) }
                    }
                    let publishedAt = published.map(Timestamps.date)
                    let outcome = duty.outcome(trigger: trigger, published: publishedAt, now: now, calendar: self.platform.calendar)
                    items.append(Item(
                        projectId: project.id, projectTitle: project.title, lotId: lot, tradingType: project.tradingType, duty: duty.code, dutyZh: duty.nameZh,
                        responsible: duty.responsible == .platform ? "交易平台（自动发布）" : (project.agencyName ?? project.tendererName),
                        triggeredAt: Timestamps.rfc3339(trigger), dueAt: Timestamps.rfc3339(duty.due(after: trigger, calendar: self.platform.calendar)),
                        publishedAt: publishedAt.map(Timestamps.rfc3339), outcome: outcome, month: String(LocalDate(trigger).description.prefix(7))
                    ))
                }
            }
        }
        return items
    }
}
