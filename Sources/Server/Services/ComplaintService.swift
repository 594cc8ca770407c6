import Foundation
import SQLKit
import Storage
import TradingCore

/// 异议、质疑与投诉 — cases about a lot in the server, driving the pure ``ComplaintCase``: a bidder files (and may
/// escalate an answered or overdue objection to a complaint, 条例60); the tenderer answers objections and challenges;
/// the regulator accepts and decides complaints and may order a suspension. The statutory windows and deadlines of
/// RULES.md are the case's (TradingCalendar); while a case holds the procedure, the held step is refused
/// (``checkHold(logType:lotID:on:)``). Every change is one transaction with its witness-log entry, which carries
/// the SHA-256 of the request, never its text.
public struct ComplaintService: Sendable {
    let platform: Platform

    /// Files a case of `kind` about `matter` on a lot. A filing outside its statutory window, or a complaint that needs
    /// a prior objection, is refused (422 `complaint-inadmissible`, with the article) and nothing is written.
    public func file(projectID: String, lotID: String, kind: String, matter: String, request: String, knownAt: Date?, priorCaseID: String?, by actor: Actor) async throws -> ComplaintView {
        guard actor.role == .bidder, let partyID = actor.partyID else {
            throw TradingError.forbidden("只有投标人（潜在投标人）可以提出异议、质疑或投诉", en: "Only bidders (and prospective bidders) file objections, challenges and complaints")
        }
        guard let caseKind = ComplaintKind(rawValue: kind) else {
            throw TradingError.invalid("complaint-kind", zh: "案件类型只能是 objection、challenge、complaint 或 procurement-complaint", en: "kind must be objection, challenge, complaint or procurement-complaint")
        }
        guard let caseMatter = ComplaintMatter(rawValue: matter) else {
            let all = ComplaintMatter.allCases.map(\.rawValue).joined(separator: ", ")
            throw TradingError.invalid("complaint-matter", zh: "事项只能是：\(all)", en: "matter must be one of: \(all)")
        }
        let text = request.trimmingCharacters(in: .whitespacesAndNewlines)
        guard text.count <= 20_000 else { throw TradingError.invalid("complaint-request", zh: "请求不超过20000字", en: "The request is at most 20,000 characters") }
        let platform = self.platform
        return try await platform.engine.transaction { db in
            let (project, lot) = try await Self.lot(projectID: projectID, lotID: lotID, on: db)
            if let priorCaseID {
                let prior = try await db.row("SELECT * FROM complaints WHERE id = \(bind: priorCaseID) AND lot_id = \(bind: lotID)", as: ComplaintRow.self)
                let objection = try await db.row(
                    "SELECT * FROM opening_objections WHERE id = \(bind: priorCaseID) AND lot_id = \(bind: lotID) AND party_id = \(bind: partyID)", as: OpeningObjectionRow.self
                )
                guard prior != nil || objection != nil else { throw TradingError.notFound("Prior case", zh: "在先异议") }
            }
            let now = platform.clock.now()
            let trigger = try await Self.trigger(caseMatter, project: project, lot: lot, knownAt: knownAt ?? now, on: db)
            let filing = ComplaintFiling(caseID: Identifiers.make(), lotID: lotID, filerID: partyID, request: text)
            let (opened, _) = try ComplaintCase.file(caseKind, filing: filing, trigger: trigger, now: now, calendar: platform.calendar, priorCaseID: priorCaseID)
            if let refusal = opened.inadmissibility {
                throw TradingError(.invalid, code: "complaint-inadmissible", zh: refusal.zh, en: refusal.en, article: refusal.article)
            }
            return try await Self.store(opened, project: project, filer: actor, logType: "complaint.filed", on: db, platform: platform)
        }
    }

    /// 投诉 after an objection (条例60) or 政府采购投诉 after a challenge (采法55), by the same filer.
    public func escalate(caseID: String, request: String, by actor: Actor) async throws -> ComplaintView {
        let platform = self.platform
        return try await platform.engine.transaction { db in
            let row = try await Self.locked(caseID, platform: platform, on: db)
            guard actor.role == .bidder, actor.partyID == row.filerPartyId else {
                throw TradingError.forbidden("只有原案件的提出人可以提起投诉", en: "Only the filer of the case can escalate it")
            }
            var prior = try row.decoded()
            let filing = ComplaintFiling(caseID: Identifiers.make(), lotID: row.lotId, filerID: row.filerPartyId ?? "", request: request.trimmingCharacters(in: .whitespacesAndNewlines))
            let (opened, _) = try prior.escalate(filing: filing, now: platform.clock.now(), calendar: platform.calendar)
            if let refusal = opened.inadmissibility {
                throw TradingError(.invalid, code: "complaint-inadmissible", zh: refusal.zh, en: refusal.en, article: refusal.article)
            }
            try await Self.save(prior, row: row, on: db, platform: platform)
            let (project, _) = try await Self.lot(projectID: row.projectId, lotID: row.lotId, on: db)
            return try await Self.store(opened, project: project, filer: actor, logType: "complaint.escalated", on: db, platform: platform)
        }
    }

    /// One step on a case: `accept`, `reject`, `decide`, `suspend`, `lift` (the regulator, on complaints),
    /// `answer` (the project's tenderer or agency, on objections and challenges), `withdraw` (the filer).
    public func act(caseID: String, action: String, outcome: String?, reasoning: String?, from step: String?, by actor: Actor) async throws -> ComplaintView {
        let platform = self.platform
        return try await platform.engine.transaction { db in
            let row = try await Self.locked(caseID, platform: platform, on: db)
            var state = try row.decoded()
            let (project, _) = try await Self.lot(projectID: row.projectId, lotID: row.lotId, on: db)
            let event = try Self.event(action, outcome: outcome, reasoning: reasoning, from: step)
            switch action {
            case "answer":
                guard TenderService.runs(project, actor), actor != .system else {
                    throw TradingError.forbidden("只有本项目的招标人或代理机构可以答复", en: "Only this project's tenderer or agency answers")
                }
            case "withdraw":
                guard actor.role == .bidder, actor.partyID == row.filerPartyId else { throw TradingError.forbidden("只有提出人可以撤回", en: "Only the filer withdraws") }
            default:
                guard actor.role == .regulator else {
                    throw TradingError.forbidden("受理、处理决定和暂停由监督部门作出", en: "Only the supervising department accepts, decides or suspends")
                }
            }
            _ = try state.handle(event, now: platform.clock.now(), calendar: platform.calendar)
            try await Self.save(state, row: row, on: db, platform: platform)
            _ = try await LogRecords.append(
                LogEvent(type: "complaint.\(action)", project: row.projectId, lot: row.lotId, actor: actor.logName, time: platform.clock.now(),
                         data: ["case": row.id, "phase": state.phase.rawValue, "outcome": outcome ?? "", "reasoningSha256": reasoning.map(Secrets.sha256) ?? ""]),
                on: db
            )
            guard let saved = try await db.row("SELECT * FROM complaints WHERE id = \(bind: row.id)", as: ComplaintRow.self) else { throw TradingError.notFound("Case", zh: "案件") }
            return try ComplaintView(saved)
        }
    }

    /// The cases of a project: the runners, the operator and the regulator see all; a bidder sees its own.
    public func cases(projectID: String, by actor: Actor) async throws -> [ComplaintView] {
        try await self.platform.engine.read { db in
            guard let project = try await db.row("SELECT * FROM projects WHERE id = \(bind: projectID)", as: ProjectRow.self) else {
                throw TradingError.notFound("Project", zh: "项目")
            }
            let rows = try await db.rows("SELECT * FROM complaints WHERE project_id = \(bind: projectID) ORDER BY filed_at", as: ComplaintRow.self)
            if TenderService.oversees(project, actor) { return try rows.map(ComplaintView.init) }
            return try rows.filter { $0.filerPartyId != nil && $0.filerPartyId == actor.partyID }.map(ComplaintView.init)
        }
    }

    /// Every case, newest first (the regulator's list).
    public func all(by actor: Actor) async throws -> [ComplaintView] {
        guard actor.role == .regulator || actor.role == .operator else { throw TradingError.forbidden() }
        return try await self.platform.engine.read { db in
            try await db.rows("SELECT * FROM complaints ORDER BY filed_at DESC LIMIT 500", as: ComplaintRow.self).map(ComplaintView.init)
        }
    }
}
