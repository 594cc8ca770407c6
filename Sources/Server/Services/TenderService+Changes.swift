import Foundation
import SQLKit
import Storage
import TradingCore

/// A lot read for a change: its row and its decoded lifecycle.
struct LoadedLot: Sendable {
    var row: LotRow
    var lifecycle: TenderLifecycle
}

/// Text an actor supplied for a notice (clarifications, terminations).
struct NoticeText: Sendable {
    var title: String?
    var body: String
}

extension TenderService {
    typealias ProjectChange = @Sendable (any SQLDatabase, ProjectRow, inout [LoadedLot]) async throws -> ([TenderEffect], [String: String], NoticeText?)
    typealias LotChange = @Sendable (any SQLDatabase, ProjectRow, inout LoadedLot) async throws -> ([TenderEffect], [String: String])

    /// One transaction: lock the project's lots, apply `change`, write state, notices and the log entry.
    func changeProject(_ projectID: String, by actor: Actor, logType: String, _ change: ProjectChange) async throws -> ProjectView {
        let platform = self.platform
        let position = try await platform.engine.transaction { db in
            let project = try await Self.ownedProject(projectID, by: actor, on: db)
            var lots = try await db.rows(
                SQLQueryString("SELECT * FROM lots WHERE project_id = ") + "\(bind: projectID) ORDER BY number" + SQLQueryString(platform.engine.forUpdate),
                as: LotRow.self
            ).map { LoadedLot(row: $0, lifecycle: try TenderService.decode($0.lifecycle)) }
            let (effects, data, text) = try await change(db, project, &lots)
            try await Self.save(lots, now: platform.nowMillis(), on: db)
            let notices = try await NoticeComposer(platform: platform, db: db, project: project).publish(effects, lots: lots, text: text, projectLevel: true)
            return try await LogRecords.append(
                LogEvent(type: logType, project: project.id, actor: actor.logName, time: platform.clock.now(),
                         data: data.merging(Self.describe(effects, notices: notices)) { a, _ in a }),
                on: db
            )
        }
        var view = try await self.project(projectID, for: actor)
        view.logIndex = position.index
        return view
    }

    /// One transaction for one lot: lock it, apply `change`, write state, notices and the log entry.
    func changeLot(projectID: String, lotID: String, by actor: Actor, logType: String, _ change: LotChange) async throws -> LogPosition {
        let platform = self.platform
        return try await platform.engine.transaction { db in
            let project = try await Self.ownedProject(projectID, by: actor, on: db)
            return try await Self.applyLotChange(project: project, lotID: lotID, by: actor, logType: logType, platform: platform, on: db, change)
        }
    }

    /// The lot part of a change, for callers that already hold a transaction (the bidding service, the scheduler).
    @discardableResult
    static func applyLotChange(
        project: ProjectRow, lotID: String, by actor: Actor, logType: String, platform: Platform, on db: any SQLDatabase, _ change: LotChange
    ) async throws -> LogPosition {
        guard let row = try await db.row(
            SQLQueryString("SELECT * FROM lots WHERE id = ") + "\(bind: lotID) AND project_id = \(bind: project.id)" + SQLQueryString(platform.engine.forUpdate),
            as: LotRow.self
        ) else { throw TradingError.notFound("Lot", zh: "标段") }
        try await ComplaintService.checkHold(logType: logType, lotID: lotID, on: db)
        var lot = LoadedLot(row: row, lifecycle: try TenderService.decode(row.lifecycle))
        let (effects, data) = try await change(db, project, &lot)
        try await Self.save([lot], now: platform.nowMillis(), on: db)
        let notices = try await NoticeComposer(platform: platform, db: db, project: project).publish(effects, lots: [lot], text: nil, projectLevel: false)
        if logType == "lot.contract-signed" {
            try await WebhookOutbox.enqueue(
                WebhookEvent(type: "deal.published", platform: nil, projectId: project.id, lotId: lot.row.id, noticeId: nil, url: "/projects/\(project.id)", title: project.title),
                platformCode: nil, platform: platform, on: db
            )
        }
        return try await LogRecords.append(
            LogEvent(type: logType, project: project.id, lot: lot.row.id, actor: actor.logName, time: platform.clock.now(),
                     data: data.merging(Self.describe(effects, notices: notices)) { a, _ in a }),
            on: db
        )
    }

    static func save(_ lots: [LoadedLot], now: Int64, on db: any SQLDatabase) async throws {
        for lot in lots {
            let deadline = lot.lifecycle.schedule.map { Timestamps.millis($0.bidDeadline) }
            try await db.raw(
                """
                UPDATE lots SET phase = \(bind: lot.lifecycle.phase.rawValue), lifecycle = \(bind: try TenderService.encode(lot.lifecycle)),
                bid_deadline = \(bind: deadline), updated_at = \(bind: now) WHERE id = \(bind: lot.row.id)
                """
            ).run()
        }
    }

    static func describe(_ effects: [TenderEffect], notices: [String]) -> [String: String] {
        var data: [String: String] = [:]
        if !notices.isEmpty { data["notices"] = notices.joined(separator: ",") }
        for effect in effects {
            switch effect {
            case .publishNotice: break
            case .deadlineMoved(let from, let to):
                data["deadlineMovedFrom"] = Timestamps.rfc3339(from)
                data["deadlineMovedTo"] = Timestamps.rfc3339(to)
            case .contractDue(let due): data["contractDue"] = Timestamps.rfc3339(due)
            case .contractSignedLate(let due): data["warning"] = "contract signed after its due date \(Timestamps.rfc3339(due)) (法46)"
            case .publicityStartedLate: data["warning"] = "candidate publicity started more than 3 days after the report (条例54)"
            }
        }
        return data
    }

    /// The project, if `actor` runs it (its tenderer or agency); otherwise forbidden.
    static func ownedProject(_ projectID: String, by actor: Actor, on db: any SQLDatabase) async throws -> ProjectRow {
        guard let project = try await db.row("SELECT * FROM projects WHERE id = \(bind: projectID)", as: ProjectRow.self) else {
            throw TradingError.notFound("Project", zh: "项目")
        }
        guard Self.runs(project, actor) else {
            throw TradingError.forbidden("只有本项目的招标人或代理机构可以执行此操作", en: "Only this project's tenderer or agency can do this")
        }
        return project
    }

    static func runs(_ project: ProjectRow, _ actor: Actor) -> Bool {
        if actor == .system { return true }
        guard actor.role.runsProcedures, let party = actor.partyID else { return false }
        return party == project.tendererPartyId || party == project.agencyPartyId
    }

    /// Whether `actor` sees the project's non-public parts (drafts, bids after opening): its runners, the operator, the regulator.
    static func oversees(_ project: ProjectRow, _ actor: Actor?) -> Bool {
        guard let actor else { return false }
        return Self.runs(project, actor) || actor.role == .operator || actor.role == .regulator
    }
}
