import Foundation
import SQLKit
import Storage
import TradingCore

extension CreditService {
    /// Checks `partyID` at `checkpoint` inside the caller's transaction: a match the policy refuses throws 403
    /// `credit-refused` naming the list (and the caller's transaction writes nothing); a match flagged for review
    /// is stored and logged in the same transaction, without naming the party or the project in the log.
    static func check(partyID: String, at checkpoint: CreditCheckpoint, projectID: String?, lotID: String?, platform: Platform, on db: any SQLDatabase) async throws {
        guard let party = try await db.row("SELECT * FROM parties WHERE id = \(bind: partyID)", as: PartyRow.self) else { return }
        let code = party.creditCode?.trimmingCharacters(in: .whitespaces).uppercased()
        let name = party.name.trimmingCharacters(in: .whitespaces)
        let byName = SQLQueryString("SELECT list_id, entry FROM credit_entries WHERE (credit_code IS NULL AND name = ") + "\(bind: name))"
        let matches = try await db.rows(code.map { byName + " OR credit_code = \(bind: $0)" } ?? byName, as: CreditEntryRow.self)
        guard !matches.isEmpty else { return }
        let listRows = try await db.rows("SELECT * FROM credit_lists WHERE id IN (\(binds: Array(Set(matches.map(\.listId)))))", as: CreditListRow.self)
        let lists = try listRows.compactMap { row -> CreditList? in
            guard let kind = CreditListKind(rawValue: row.kind) else { return nil }
            let entries = try matches.filter { $0.listId == row.id }.map { try JSONDecoder().decode(CreditListEntry.self, from: Data($0.entry.utf8)) }
            return CreditList(id: row.id, kind: kind, publisher: row.publisher, entries: entries)
        }
        let findings = CreditCheck.check(
            party: (creditCode: party.creditCode, name: party.name), at: checkpoint, on: LocalDate(platform.clock.now()), lists: lists, policy: platform.settings.creditPolicy
        )
        if let refusal = findings.first(where: { $0.consequence == .refuse }) {
            throw TradingError(.forbidden, code: "credit-refused", zh: refusal.zh, en: refusal.en)
        }
        for finding in findings where finding.consequence == .flagForReview {
            let id = Identifiers.make()
            let position = try await LogRecords.append(
                LogEvent(type: "credit.flagged", project: nil, actor: Actor.system.logName, time: platform.clock.now(),
                         data: ["finding": id, "list": finding.listID, "checkpoint": checkpoint.rawValue]),
                on: db
            )
            try await db.insert("credit_findings", CreditFindingRow(
                id: id, partyId: partyID, projectId: projectID, lotId: lotID, checkpoint: checkpoint.rawValue, listId: finding.listID,
                consequence: finding.consequence.rawValue, messageZh: finding.zh, messageEn: finding.en, createdAt: platform.nowMillis(), logIndex: position.index
            ))
        }
    }
}
