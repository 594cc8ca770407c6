import Foundation
import SQLKit
import Screening
import Storage
import TradingCore

/// 智慧监管 — bid-rigging alerts (围标串标预警): the screens run on a lot's bids when it opens and when its result is
/// recorded; each flag becomes an alert in the regulator's inbox, who confirms or dismisses it with a note.
///
/// The witness log records that alerts were raised (their ids, count and a digest of their content) and every
/// decision (with the SHA-256 of the note), never the suspicion itself, and outside the project's certificate
/// (no `project` field): a bidder is not named as suspect in public, nor a project marked as suspicious.
public struct SupervisionService: Sendable {
    let platform: Platform

    /// Screens the lot's active bids inside the caller's transaction and stores each new flag as an alert.
    /// `winnerBidID` marks the winning bid once the result is known. A flag with the same code and bidders already
    /// raised on the lot is not raised again.
    static func screen(project: ProjectRow, lotID: String, stage: String, winnerBidID: String? = nil, platform: Platform, on db: any SQLDatabase) async throws {
        guard let lot = try await db.row("SELECT * FROM lots WHERE id = \(bind: lotID)", as: LotRow.self) else { return }
        let bids = try await db.rows("SELECT * FROM bids WHERE lot_id = \(bind: lotID) AND status = 'active' ORDER BY submitted_at", as: BidRow.self)
        guard !bids.isEmpty else { return }
        let sealed = try await db.rows("SELECT * FROM sealed_bids WHERE lot_id = \(bind: lotID) AND bid_id IS NOT NULL", as: SealedBidRow.self)
        var metadata: [String: SubmissionMetadata] = [:]
        for row in sealed {
            if let bidID = row.bidId, let decoded = try? JSONDecoder().decode(SubmissionMetadata.self, from: Data(row.metadata.utf8)) {
                metadata[bidID] = decoded
            }
        }
        struct Published: Decodable { var first: Int64? }
        let published = try await db.row(
            "SELECT MIN(published_at) AS first FROM notices WHERE project_id = \(bind: project.id) AND kind = 'announcement'", as: Published.self
        )?.first
        let screened = bids.map { bid in
            ScreenedBid(
                tenderID: lotID, bidderID: bid.partyId, amountFen: bid.priceFen, isWinner: winnerBidID.map { $0 == bid.id },
                submittedAt: Timestamps.date(bid.submittedAt), ip: metadata[bid.id]?.address, machineID: metadata[bid.id]?.machineHash,
                docCreator: metadata[bid.id]?.documentCreator
            )
        }
        let tender = ScreenedTender(
            id: lotID, bids: screened, publishedAt: published.map(Timestamps.date), deadline: lot.bidDeadline.map(Timestamps.date), estimateFen: lot.estimateFen
        )
        let result = TenderScreen.screen(tender)
        let existing = try await db.rows("SELECT * FROM supervision_alerts WHERE lot_id = \(bind: lotID)", as: AlertRow.self)
        let seen = Set(existing.map { "\($0.code)|\($0.bidders)" })
        let now = platform.nowMillis()
        var rows: [AlertRow] = []
        for flag in result.flags where !seen.contains("\(flag.code.rawValue)|\(flag.bidders.joined(separator: ","))") {
            rows.append(AlertRow(
                id: Identifiers.make(), projectId: project.id, lotId: lotID, stage: stage, code: flag.code.rawValue, severity: flag.severity.rawValue,
                explanationZh: flag.explanation.zh, explanationEn: flag.explanation.en, bidders: flag.bidders.joined(separator: ","),
                value: flag.value.map { String(format: "%.4f", $0) }, scoreMilli: Int64((result.score * 1000).rounded()), status: "open",
                createdAt: now, logIndex: 0
            ))
        }
        guard !rows.isEmpty else { return }
        let digest = Secrets.sha256(rows.map { "\($0.id)|\($0.code)|\($0.severity)|\($0.bidders)" }.joined(separator: "\n"))
        let position = try await LogRecords.append(
            LogEvent(type: "supervision.alerts-raised", project: nil, actor: Actor.system.logName, time: platform.clock.now(),
                     data: ["stage": stage, "count": String(rows.count), "alerts": rows.map(\.id).joined(separator: ","), "digest": digest]),
            on: db
        )
        for var row in rows {
            row.logIndex = position.index
            try await db.insert("supervision_alerts", row)
        }
    }

    /// The regulator's inbox: alerts with `status` (all when nil), newest first.
    public func alerts(status: String?, projectID: String? = nil, by actor: Actor) async throws -> [SupervisionAlert] {
        try Self.checkRegulator(actor)
        return try await self.platform.engine.read { db in
            var query = SQLQueryString("SELECT * FROM supervision_alerts WHERE 1 = 1")
            if let status { query = query + " AND status = \(bind: status)" }
            if let projectID { query = query + " AND project_id = \(bind: projectID)" }
            let rows = try await db.rows(query + " ORDER BY created_at DESC, id LIMIT 500", as: AlertRow.self)
            return try await Self.views(rows, on: db)
        }
    }

    /// Confirms (`confirmed`) or dismisses (`dismissed`) an open alert with a note, logged in the same transaction.
    public func decide(alertID: String, decision: String, note: String, by actor: Actor) async throws -> SupervisionAlert {
        try Self.checkRegulator(actor)
        guard ["confirmed", "dismissed"].contains(decision) else {
            throw TradingError.invalid("alert-decision", zh: "处理结论只能是 confirmed（确认）或 dismissed（排除）", en: "The decision must be confirmed or dismissed")
        }
        let text = note.trimmingCharacters(in: .whitespacesAndNewlines)
        guard (1...4000).contains(text.count) else {
            throw TradingError.invalid("alert-note", zh: "请填写处理意见（不超过4000字）", en: "A note of 1–4,000 characters is required")
        }
        let platform = self.platform
        return try await platform.engine.transaction { db in
            guard let row = try await db.row(
                SQLQueryString("SELECT * FROM supervision_alerts WHERE id = ") + "\(bind: alertID)" + SQLQueryString(platform.engine.forUpdate), as: AlertRow.self
            ) else { throw TradingError.notFound("Alert", zh: "预警") }
            guard row.status == "open" else {
                throw TradingError.conflict("alert-decided", zh: "该预警已处理（\(row.status)）", en: "This alert was already decided (\(row.status))")
            }
            let now = platform.nowMillis()
            let position = try await LogRecords.append(
                LogEvent(type: "supervision.alert-decided", project: nil, actor: actor.logName, time: platform.clock.now(),
                         data: ["alert": row.id, "decision": decision, "noteSha256": Secrets.sha256(text)]),
                on: db
            )
            try await db.raw("""
                UPDATE supervision_alerts SET status = \(bind: decision), decided_by = \(bind: actor.accountID), decided_at = \(bind: now),
                note = \(bind: text), decision_log_index = \(bind: position.index) WHERE id = \(bind: row.id)
                """).run()
            var decided = row
            decided.status = decision
            decided.decidedBy = actor.accountID
            decided.decidedAt = now
            decided.note = text
            return try await Self.views([decided], on: db)[0]
        }
    }

    static func checkRegulator(_ actor: Actor) throws {
        guard actor.role == .regulator else {
            throw TradingError.forbidden("预警仅监管部门可见、可处理", en: "Alerts are for regulators only")
        }
    }

    static func views(_ rows: [AlertRow], on db: any SQLDatabase) async throws -> [SupervisionAlert] {
        guard !rows.isEmpty else { return [] }
        let parties = Array(Set(rows.flatMap { $0.bidders.split(separator: ",").map(String.init) }))
        let names = parties.isEmpty ? [:] : Dictionary(
            try await db.rows("SELECT * FROM parties WHERE id IN (\(binds: parties))", as: PartyRow.self).map { ($0.id, $0.name) }
        ) { a, _ in a }
        let projectIDs = Array(Set(rows.map(\.projectId)))
        let titles = Dictionary(
            try await db.rows("SELECT * FROM projects WHERE id IN (\(binds: projectIDs))", as: ProjectRow.self).map { ($0.id, $0.title) }
        ) { a, _ in a }
        return rows.map { SupervisionAlert($0, projectTitle: titles[$0.projectId], names: names) }
    }
}

extension SupervisionService {
    /// Screens the lot at its opening, if the opening left it opened (a failed lot, 流标, has nothing to screen).
    static func screenIfOpened(project: ProjectRow, lotID: String, platform: Platform, on db: any SQLDatabase) async throws {
        guard let lot = try await db.row("SELECT * FROM lots WHERE id = \(bind: lotID)", as: LotRow.self), lot.phase == TenderPhase.opened.rawValue else { return }
        try await Self.screen(project: project, lotID: lotID, stage: "opening", platform: platform, on: db)
    }
}
