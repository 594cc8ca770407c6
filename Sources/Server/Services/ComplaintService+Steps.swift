import Foundation
import SQLKit
import Storage
import TradingCore

extension ComplaintService {
    /// The procedure step a lot change performs, by its log type; nil for changes no case holds back.
    static func step(ofLogType type: String) -> ProcedureStep? {
        switch type {
        case "lot.opened": .opening
        case "lot.result-recorded": .evaluation
        case "lot.awarded": .award
        case "lot.contract-signed": .contract
        default: nil
        }
    }

    /// Refuses (409 `procedure-suspended`, with the article) a lot change whose step a pending case holds back.
    static func checkHold(logType: String, lotID: String, on db: any SQLDatabase) async throws {
        guard let step = Self.step(ofLogType: logType) else { return }
        let rows = try await db.rows("SELECT * FROM complaints WHERE lot_id = \(bind: lotID) AND phase IN ('filed', 'accepted')", as: ComplaintRow.self)
        guard !rows.isEmpty else { return }
        try ProcedureHold.check(step, of: lotID, among: try rows.map { try $0.decoded() })
    }

    /// The event of the procedure a case on `matter` is counted from, read from the lot's notices and records.
    static func trigger(_ matter: ComplaintMatter, project: ProjectRow, lot: LotRow, knownAt: Date, on db: any SQLDatabase) async throws -> ComplaintTrigger {
        func notice(_ kind: String) async throws -> NoticeRow? {
            try await db.row(
                "SELECT * FROM notices WHERE project_id = \(bind: project.id) AND (lot_id IS NULL OR lot_id = \(bind: lot.id)) AND kind = \(bind: kind) ORDER BY published_at DESC LIMIT 1",
                as: NoticeRow.self
            )
        }
        let missing = TradingError.conflict("complaint-no-event", zh: "该标段尚无可提出此类事项的程序节点", en: "The lot has not reached the step this matter concerns")
        switch matter {
        case .documents, .prequalificationDocuments:
            guard let announced = try await notice("announcement"), let deadline = lot.bidDeadline else { throw missing }
            return .documentsIssued(issuedAt: Timestamps.date(announced.publishedAt), bidDeadline: Timestamps.date(deadline))
        case .opening:
            guard let deadline = lot.bidDeadline, BiddingService.isOpened(lot.phase) else { throw missing }
            let signed = try await db.row("SELECT * FROM opening_records WHERE lot_id = \(bind: lot.id)", as: OpeningRecordRow.self)
            return .opening(start: Timestamps.date(deadline), end: signed.map { Timestamps.date($0.signedAt) } ?? Date.distantFuture)
        case .candidates:
            guard let publicity = try await notice("candidates") else { throw missing }
            let start = Timestamps.date(publicity.publishedAt)
            return .candidatePublicity(start: start, end: publicity.endsAt.map(Timestamps.date) ?? start)
        case .result:
            guard let result = try await notice("result") else { throw missing }
            let published = Timestamps.date(result.publishedAt)
            return .resultNotice(publishedAt: published, noticeEnds: result.endsAt.map(Timestamps.date) ?? published)
        case .process:
            return .knowledge(matter: .process, knownAt: knownAt)
        }
    }

    static func event(_ action: String, outcome: String?, reasoning: String?, from step: String?) throws -> ComplaintEvent {
        func resolved() throws -> ComplaintOutcome {
            guard let outcome, let value = ComplaintOutcome(rawValue: outcome) else {
                throw TradingError.invalid("complaint-outcome", zh: "结论只能是 upheld、partly-upheld 或 dismissed", en: "outcome must be upheld, partly-upheld or dismissed")
            }
            return value
        }
        switch action {
        case "accept": return .accept
        case "reject":
            let why = reasoning?.trimmingCharacters(in: .whitespacesAndNewlines) ?? ""
            guard !why.isEmpty else { throw TradingError.invalid("complaint-reasoning", zh: "不予受理须说明理由", en: "A rejection must give its reason") }
            return .reject(.other(reasonZh: why, reasonEn: why))
        case "answer": return .answer(try resolved(), reasoning: reasoning ?? "")
        case "decide": return .decide(try resolved(), reasoning: reasoning ?? "")
        case "suspend":
            guard let step, let value = ProcedureStep(rawValue: step) else {
                throw TradingError.invalid("complaint-step", zh: "请指明暂停自哪一环节起", en: "from must name a procedure step")
            }
            return .orderSuspension(from: value)
        case "lift": return .liftSuspension
        case "withdraw": return .withdraw
        default:
            throw TradingError.invalid("complaint-action", zh: "不支持的操作", en: "Unknown action (accept, reject, answer, decide, suspend, lift, withdraw)")
        }
    }

    static func lot(projectID: String, lotID: String, on db: any SQLDatabase) async throws -> (ProjectRow, LotRow) {
        guard let project = try await db.row("SELECT * FROM projects WHERE id = \(bind: projectID)", as: ProjectRow.self), project.published == 1,
              let lot = try await db.row("SELECT * FROM lots WHERE id = \(bind: lotID) AND project_id = \(bind: projectID)", as: LotRow.self)
        else { throw TradingError.notFound("Lot", zh: "标段") }
        return (project, lot)
    }

    static func locked(_ caseID: String, platform: Platform, on db: any SQLDatabase) async throws -> ComplaintRow {
        guard let row = try await db.row(
            SQLQueryString("SELECT * FROM complaints WHERE id = ") + "\(bind: caseID)" + SQLQueryString(platform.engine.forUpdate), as: ComplaintRow.self
        ) else { throw TradingError.notFound("Case", zh: "案件") }
        return row
    }

    static func save(_ state: ComplaintCase, row: ComplaintRow, on db: any SQLDatabase, platform: Platform) async throws {
        try await db.raw("""
            UPDATE complaints SET phase = \(bind: state.phase.rawValue), state = \(bind: try ComplaintRow.encode(state)),
            updated_at = \(bind: platform.nowMillis()) WHERE id = \(bind: row.id)
            """).run()
    }

    /// Inserts a new case with its log entry. Before the opening the filer is named only by its bidder commitment (条例22).
    static func store(_ opened: ComplaintCase, project: ProjectRow, filer: Actor, logType: String, on db: any SQLDatabase, platform: Platform) async throws -> ComplaintView {
        let registration = try await db.row(
            "SELECT * FROM registrations WHERE lot_id = \(bind: opened.filing.lotID) AND party_id = \(bind: opened.filing.filerID)", as: RegistrationRow.self
        )
        let position = try await LogRecords.append(
            LogEvent(type: logType, project: project.id, lot: opened.filing.lotID, actor: registration?.bidderCommitment ?? filer.logName, time: platform.clock.now(),
                     data: ["case": opened.id, "kind": opened.kind.rawValue, "matter": opened.matter.rawValue, "phase": opened.phase.rawValue,
                            "requestSha256": Secrets.sha256(opened.filing.request), "holds": opened.hold?.from.rawValue ?? ""]),
            on: db
        )
        let now = platform.nowMillis()
        let row = ComplaintRow(
            id: opened.id, projectId: project.id, lotId: opened.filing.lotID, kind: opened.kind.rawValue, filerPartyId: opened.filing.filerID,
            filerAccountId: filer.accountID, phase: opened.phase.rawValue, state: try ComplaintRow.encode(opened), filedAt: now, updatedAt: now,
            logIndex: position.index
        )
        try await db.insert("complaints", row)
        return try ComplaintView(row)
    }
}
