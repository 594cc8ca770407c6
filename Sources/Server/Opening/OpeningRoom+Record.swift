import Foundation
import SQLKit
import Storage
import TradingCore

extension OpeningRoom {
    /// 签署开标记录: the runner signs the opening record once every frozen bid is decided and every objection is
    /// answered. The record text is stored as signed; `opening.record-signed` logs its SHA-256 in the same transaction.
    public func signRecord(projectID: String, lotID: String, by actor: Actor) async throws -> OpeningRecordRow {
        let platform = self.platform
        return try await platform.engine.transaction { db in
            let (project, lot) = try await Self.lockedLot(projectID: projectID, lotID: lotID, platform: platform, on: db)
            guard TenderService.runs(project, actor) else {
                throw TradingError.forbidden("只有本项目的招标人或代理机构可以签署开标记录", en: "Only this project's tenderer or agency signs the opening record")
            }
            let now = platform.clock.now()
            let status = try await Self.status(projectID: projectID, lotID: lotID, now: now, on: db)
            guard status.record == nil else {
                throw TradingError.conflict("record-signed", zh: "开标记录已签署", en: "The opening record is already signed")
            }
            guard status.priceSheet != nil else {
                throw TradingError.conflict("record-before-opening", zh: "尚未开标（投标文件未全部解密），不能签署开标记录", en: "The lot has not been opened yet: nothing to sign")
            }
            guard status.openObjections == 0 else {
                throw TradingError.conflict(
                    "objections-unanswered", zh: "还有\(status.openObjections)项开标异议未答复，答复后才能签署开标记录",
                    en: "\(status.openObjections) objection(s) not yet answered: answer them before signing", article: "条例44"
                )
            }
            let text = Self.recordText(status, project: project, lot: lot, signer: actor, at: now)
            let sha = Secrets.sha256(text)
            let position = try await LogRecords.append(
                LogEvent(type: "opening.record-signed", project: projectID, lot: lotID, actor: actor.logName, time: now,
                         data: ["recordSha256": sha, "objections": String(status.objections.count), "bids": String(status.bidCount ?? 0)]),
                on: db
            )
            let row = OpeningRecordRow(lotId: lotID, projectId: projectID, text: text, sha256: sha, signedBy: actor.accountID, signedAt: Timestamps.millis(now), logIndex: position.index)
            try await db.insert("opening_records", row)
            return row
        }
    }

    /// The signed record of a lot, if any.
    public func record(projectID: String, lotID: String) async throws -> OpeningRecordRow {
        try await self.platform.engine.read { db in
            guard let row = try await db.row("SELECT * FROM opening_records WHERE lot_id = \(bind: lotID) AND project_id = \(bind: projectID)", as: OpeningRecordRow.self) else {
                throw TradingError.notFound("Opening record", zh: "开标记录")
            }
            return row
        }
    }

    /// 开标记录 as text: what was received, who released shares, what was read out or set aside, the objections with
    /// their answers, and who signed. Times in Beijing time; amounts in yuan from integer fen.
    static func recordText(_ status: OpeningRoomStatus, project: ProjectRow, lot: LotRow, signer: Actor, at now: Date) -> String {
        let name = { (id: String) in status.parties[id] ?? id }
        var lines = [
            "开标记录 / Opening record",
            "项目：\(project.title)（\(project.id)）",
            "标段：第\(lot.number)标段 \(lot.title)（\(lot.id)）",
            "投标截止暨开标时间：\(status.deadline.map { StatutoryChecks.localText($0) } ?? "—")",
            "递交的投标文件：\(status.bidCount ?? 0)份",
        ]
        if status.sealed {
            lines.append("密钥保管人（门限\(status.threshold)/\(status.custodians.count)）：")
            for custodian in status.custodians {
                lines.append("  \(custodian.position). \(custodian.name)：" + (custodian.releasedAt.map { "\(StatutoryChecks.localText($0)) 提交密钥份额" } ?? "未提交"))
            }
        }
        lines.append("唱标：")
        for row in status.priceSheet ?? [] {
            lines.append("  \(row.position). \(name(row.bidderID))：投标报价 \(row.readOut.price.yuanText) 元")
        }
        for bid in status.setAside {
            lines.append("  \(bid.position). \(name(bid.bidderID))：\(bid.treatment.nameZh)（\(bid.failure.zh)）")
        }
        if let failure = status.failure { lines.append("流标：\(failure)") }
        lines.append("开标异议：\(status.objections.isEmpty ? "无" : "\(status.objections.count)项")")
        for objection in status.objections {
            lines.append("  \(name(objection.bidderID))（\(StatutoryChecks.localText(objection.raisedAt))）：\(objection.text)")
            if let answer = objection.answer {
                lines.append("    答复（\(StatutoryChecks.localText(answer.answeredAt))）：\(answer.text)")
            }
        }
        lines.append("签署：\(signer.displayName)（\(signer.accountID)），\(StatutoryChecks.localText(now))")
        return lines.joined(separator: "\n") + "\n"
    }
}
