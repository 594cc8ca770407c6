import Crypto
import Foundation
import SQLKit
import Storage
import TradingCore

extension OpeningRoom {
    /// Longest objection or answer accepted, in characters.
    static let maxText = 2000

    /// 提出开标异议: a bidder of the lot raises an objection after the deadline and before the record is signed
    /// (条例44: raised at the opening and answered on the spot). One transaction with its log entry, which carries the
    /// text's SHA-256 (never the text) and the bidder's registration commitment as actor.
    public func raiseObjection(projectID: String, lotID: String, text: String, by actor: Actor) async throws -> OpeningObjection {
        let text = try Self.cleanText(text, what: ("异议内容", "The objection"))
        guard actor.role == .bidder, let partyID = actor.partyID else {
            throw TradingError.forbidden("只有本标段的投标人可以提出开标异议（条例44）", en: "Only bidders of this lot may object at the opening (条例44)")
        }
        let platform = self.platform
        return try await platform.engine.transaction { db in
            let (_, lot) = try await Self.lockedLot(projectID: projectID, lotID: lotID, platform: platform, on: db)
            let now = platform.clock.now()
            let status = try await Self.status(projectID: projectID, lotID: lotID, now: now, on: db)
            guard let deadline = lot.bidDeadline, Timestamps.millis(now) >= deadline else {
                throw TradingError.conflict("objection-before-opening", zh: "开标前不能提出开标异议", en: "Objections to the opening are raised after the deadline, at the opening", article: "条例44")
            }
            guard status.objectionsOpen else {
                throw TradingError.conflict("objection-closed", zh: "开标记录已签署或开标已结束，不能再提出开标异议", en: "The opening record is signed or the opening is over: no more objections", article: "条例44")
            }
            guard let registration = try await db.row("SELECT * FROM registrations WHERE lot_id = \(bind: lotID) AND party_id = \(bind: partyID)", as: RegistrationRow.self),
                  try await Self.hasBid(partyID: partyID, lotID: lotID, on: db)
            else {
                throw TradingError.forbidden("只有在本标段递交了投标文件的投标人可以提出开标异议（条例44）", en: "Only bidders with a bid in this lot may object at the opening (条例44)")
            }
            let id = Identifiers.make()
            let position = try await LogRecords.append(
                LogEvent(type: "opening.objection-raised", project: projectID, lot: lotID, actor: registration.bidderCommitment, time: now,
                         data: ["objection": id, "textSha256": Secrets.sha256(text)]),
                on: db
            )
            let row = OpeningObjectionRow(
                id: id, lotId: lotID, projectId: projectID, partyId: partyID, accountId: actor.accountID, text: text,
                raisedAt: Timestamps.millis(now), logIndex: position.index
            )
            try await db.insert("opening_objections", row)
            return Self.objection(row)
        }
    }

    /// 答复开标异议: the tenderer or agency answers an objection on the spot, once, before signing the record.
    public func answerObjection(projectID: String, lotID: String, objectionID: String, text: String, by actor: Actor) async throws -> OpeningObjection {
        let text = try Self.cleanText(text, what: ("答复内容", "The answer"))
        let platform = self.platform
        return try await platform.engine.transaction { db in
            let (project, _) = try await Self.lockedLot(projectID: projectID, lotID: lotID, platform: platform, on: db)
            guard TenderService.runs(project, actor) else {
                throw TradingError.forbidden("只有本项目的招标人或代理机构可以答复开标异议", en: "Only this project's tenderer or agency answers objections")
            }
            guard var row = try await db.row(
                "SELECT * FROM opening_objections WHERE id = \(bind: objectionID) AND lot_id = \(bind: lotID)", as: OpeningObjectionRow.self
            ) else { throw TradingError.notFound("Objection", zh: "异议") }
            guard row.answer == nil else {
                throw TradingError.conflict("objection-answered", zh: "该异议已经答复", en: "This objection has already been answered")
            }
            guard try await db.row("SELECT * FROM opening_records WHERE lot_id = \(bind: lotID)", as: OpeningRecordRow.self) == nil else {
                throw TradingError.conflict("record-signed", zh: "开标记录已签署", en: "The opening record is already signed")
            }
            let now = platform.clock.now()
            let position = try await LogRecords.append(
                LogEvent(type: "opening.objection-answered", project: projectID, lot: lotID, actor: actor.logName, time: now,
                         data: ["objection": objectionID, "answerSha256": Secrets.sha256(text)]),
                on: db
            )
            row.answer = text
            row.answeredBy = actor.accountID
            row.answeredAt = Timestamps.millis(now)
            row.answerLogIndex = position.index
            try await db.raw("""
                UPDATE opening_objections SET answer = \(bind: text), answered_by = \(bind: actor.accountID),
                answered_at = \(bind: row.answeredAt), answer_log_index = \(bind: position.index) WHERE id = \(bind: objectionID)
                """).run()
            return Self.objection(row)
        }
    }

    /// The project and the lot, the lot locked for the rest of the transaction (objections, answers and the
    /// signature of one lot are serialized).
    static func lockedLot(projectID: String, lotID: String, platform: Platform, on db: any SQLDatabase) async throws -> (ProjectRow, LotRow) {
        guard let project = try await db.row("SELECT * FROM projects WHERE id = \(bind: projectID)", as: ProjectRow.self),
              let lot = try await db.row(
                  SQLQueryString("SELECT * FROM lots WHERE id = ") + "\(bind: lotID) AND project_id = \(bind: projectID)" + SQLQueryString(platform.engine.forUpdate),
                  as: LotRow.self
              )
        else { throw TradingError.notFound("Lot", zh: "标段") }
        return (project, lot)
    }

    static func hasBid(partyID: String, lotID: String, on db: any SQLDatabase) async throws -> Bool {
        let sealed = try await db.raw("SELECT COUNT(*) AS n FROM sealed_bids WHERE lot_id = \(bind: lotID) AND party_id = \(bind: partyID) AND status = 'active'").first()?
            .decode(column: "n", as: Int64.self) ?? 0
        let plain = try await db.raw("SELECT COUNT(*) AS n FROM bids WHERE lot_id = \(bind: lotID) AND party_id = \(bind: partyID) AND status = 'active'").first()?
            .decode(column: "n", as: Int64.self) ?? 0
        return sealed + plain > 0
    }

    static func cleanText(_ text: String, what: (zh: String, en: String)) throws -> String {
        let text = text.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !text.isEmpty else {
            throw TradingError.invalid("text-empty", zh: "\(what.zh)不能为空", en: "\(what.en) must not be empty")
        }
        guard text.count <= Self.maxText else {
            throw TradingError.invalid("text-too-long", zh: "\(what.zh)不能超过\(Self.maxText)字", en: "\(what.en) is longer than \(Self.maxText) characters")
        }
        return text
    }
}
