import Foundation
import SQLKit
import Storage
import TradingCore

/// 开标大厅 — the live opening room of one lot: its status as everyone sees it, the objections raised at the opening
/// and their answers (条例44), and the runner's signature on the opening record.
///
/// The status is read from the database each time, so every node of a cluster shows the same room; the live feed
/// polls the cheap ``sequence(projectID:lotID:)`` and reads the whole status only when it moved.
public struct OpeningRoom: Sendable {
    let platform: Platform

    /// The room's change marker: twice the position after the project's latest witness-log entry, plus one once the
    /// deadline has passed. Every change the room shows appends a log entry about the project (or is the deadline).
    public func sequence(projectID: String, lotID: String) async throws -> Int64 {
        try await self.platform.engine.read { db in
            guard let lot = try await db.row("SELECT * FROM lots WHERE id = \(bind: lotID) AND project_id = \(bind: projectID)", as: LotRow.self) else {
                throw TradingError.notFound("Lot", zh: "标段")
            }
            return try await Self.sequence(lot: lot, now: self.platform.nowMillis(), on: db)
        }
    }

    static func sequence(lot: LotRow, now: Int64, on db: any SQLDatabase) async throws -> Int64 {
        let latest = try await db.raw("SELECT MAX(idx) AS latest FROM log_entries WHERE project = \(bind: lot.projectId)").first()?
            .decode(column: "latest", as: Int64?.self) ?? nil
        let passed: Int64 = lot.bidDeadline.map { now >= $0 } == true ? 1 : 0
        return 2 * ((latest ?? -1) + 1) + passed
    }

    /// The room's status now (public: the opening is held in public, 法35–36). Drafts are not found.
    public func status(projectID: String, lotID: String) async throws -> OpeningRoomStatus {
        let now = self.platform.clock.now()
        return try await self.platform.engine.read { db in
            try await Self.status(projectID: projectID, lotID: lotID, now: now, on: db)
        }
    }

    static func status(projectID: String, lotID: String, now: Date, on db: any SQLDatabase) async throws -> OpeningRoomStatus {
        guard let project = try await db.row("SELECT * FROM projects WHERE id = \(bind: projectID)", as: ProjectRow.self), project.published != 0,
              let lot = try await db.row("SELECT * FROM lots WHERE id = \(bind: lotID) AND project_id = \(bind: projectID)", as: LotRow.self)
        else { throw TradingError.notFound("Lot", zh: "标段") }
        let nowMillis = Timestamps.millis(now)
        let lifecycle = try TenderService.decode(lot.lifecycle)
        let passed = lot.bidDeadline.map { nowMillis >= $0 } ?? false
        let sealed = project.sealingThreshold != nil
        let opened = try await Self.wasOpened(lot: lot, on: db)
        let record = try await db.row("SELECT * FROM opening_records WHERE lot_id = \(bind: lotID)", as: OpeningRecordRow.self)
        let custodians = try await Self.custodians(projectID: projectID, lotID: lotID, on: db)
        var sheet = Sheet()
        if passed { sheet = try await Self.sheet(lotID: lotID, sealed: sealed, opened: opened, on: db) }
        let objections = try await db.rows("SELECT * FROM opening_objections WHERE lot_id = \(bind: lotID) ORDER BY raised_at, id", as: OpeningObjectionRow.self)
        var partyIDs = Set(sheet.rows.map(\.bidderID) + sheet.setAside.map(\.bidderID) + objections.map(\.partyId))
        partyIDs.remove("")
        var parties: [String: String] = [:]
        for id in partyIDs {
            parties[id] = try await db.row("SELECT * FROM parties WHERE id = \(bind: id)", as: PartyRow.self)?.name ?? id
        }
        var signer = ""
        if let record {
            signer = try await db.row("SELECT * FROM accounts WHERE id = \(bind: record.signedBy)", as: AccountRow.self)?.displayName ?? record.signedBy
        }
        let phase = Self.phase(lifecycle.phase, passed: passed, sealed: sealed, opened: opened, signed: record != nil)
        let deadline = lot.bidDeadline.map { Timestamps.date($0) }
        let sequence = try await Self.sequence(lot: lot, now: nowMillis, on: db)
        return OpeningRoomStatus(
            sequence: sequence, serverTime: now, projectId: projectID, lotId: lotID, sealed: sealed,
            phase: phase, phaseZh: phase.nameZh, phaseEn: phase.nameEn, lotPhase: lifecycle.phase.rawValue, lotPhaseZh: lifecycle.phase.nameZh,
            deadline: deadline, secondsLeft: deadline.map { Int(max(0, $0.timeIntervalSince(now)).rounded(.up)) },
            threshold: Int(project.sealingThreshold ?? 0), custodians: custodians, releasedCount: custodians.filter(\.released).count,
            bidCount: passed ? sheet.count : nil, priceSheet: opened ? sheet.rows : nil, setAside: opened ? sheet.setAside : [], parties: parties,
            objections: objections.map(Self.objection), openObjections: objections.filter { $0.answer == nil }.count,
            objectionsOpen: passed && record == nil && Self.objectionWindow(lifecycle.phase, opened: opened),
            record: record.map { .init(sha256: $0.sha256, signedAt: Timestamps.date($0.signedAt), signedBy: signer, url: "/api/v1/projects/\(projectID)/lots/\(lotID)/opening/record") },
            failure: lifecycle.phase == .failed || lifecycle.phase == .terminated ? lifecycle.closingReasonZh : nil
        )
    }

    /// Where the opening stands, in the terms of the opening session (docs/opening-session.md).
    static func phase(_ tender: TenderPhase, passed: Bool, sealed: Bool, opened: Bool, signed: Bool) -> OpeningPhase {
        switch tender {
        case .draft: .scheduled
        case .announced: passed ? (sealed ? .awaitingShares : .decrypting) : .scheduled
        case .biddingClosed: sealed ? .awaitingShares : .decrypting
        case .terminated: .terminated
        case .failed where !opened: .failed
        default: signed ? .signed : .recording
        }
    }

    /// Objections belong to the opening itself: from the deadline until evaluation starts (or the lot fails after the
    /// opening), and only until the record is signed.
    static func objectionWindow(_ tender: TenderPhase, opened: Bool) -> Bool {
        [.announced, .biddingClosed, .opened].contains(tender) || (tender == .failed && opened)
    }

    /// Whether the current attempt of the lot was opened: a `lot.opened` entry that did not fail the lot, and no
    /// re-tender after it. (A lot that failed at the deadline with too few bids was never opened: 法28.)
    static func wasOpened(lot: LotRow, on db: any SQLDatabase) async throws -> Bool {
        struct Entry: Decodable { var type: String; var lot: String?; var data: [String: String]? }
        var opened = false
        for row in try await LogRecords.entries(project: lot.projectId, on: db) where row.entry.contains(lot.id) {
            guard let entry = try? JSONDecoder().decode(Entry.self, from: Data(row.entry.utf8)), entry.lot == lot.id else { continue }
            if entry.type == "lot.opened" { opened = entry.data?["outcome"] != TenderPhase.failed.rawValue }
            if entry.type == "lot.retendered" { opened = false }
        }
        return opened
    }

    static func custodians(projectID: String, lotID: String, on db: any SQLDatabase) async throws -> [OpeningRoomStatus.Custodian] {
        let panel = try await SealedBiddingService.panel(projectID: projectID, on: db)
        let shares = try await db.rows(
            "SELECT s.* FROM released_shares s JOIN sealed_bids b ON b.id = s.sealed_bid_id WHERE b.lot_id = \(bind: lotID)", as: ReleasedShareRow.self
        )
        return panel.map { custodian in
            let first = shares.filter { $0.custodianId == custodian.id }.map(\.releasedAt).min()
            return .init(position: Int(custodian.position) + 1, name: custodian.name, released: first != nil, releasedAt: first.map { Timestamps.date($0) })
        }
    }

    static func objection(_ row: OpeningObjectionRow) -> OpeningObjection {
        OpeningObjection(
            id: row.id, bidderID: row.partyId, text: row.text, raisedAt: Timestamps.date(row.raisedAt),
            answer: row.answer.map { ObjectionAnswer(by: row.answeredBy ?? "", text: $0, answeredAt: Timestamps.date(row.answeredAt ?? 0)) }
        )
    }
}
