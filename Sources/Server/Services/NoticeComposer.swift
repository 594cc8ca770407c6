import Foundation
import SQLKit
import Storage
import TradingCore

/// Writes the notices a lifecycle effect asks for, in Chinese, inside the change's transaction.
struct NoticeComposer {
    let platform: Platform
    let db: any SQLDatabase
    let project: ProjectRow

    /// Inserts one notice per `publishNotice` effect (one per project for project-level changes); returns their ids.
    func publish(_ effects: [TenderEffect], lots: [LoadedLot], text: NoticeText?, projectLevel: Bool) async throws -> [String] {
        var ids: [String] = []
        for case .publishNotice(let kind) in effects {
            let targets: [LoadedLot?] = projectLevel ? [nil] : lots.map { $0 }
            for lot in targets {
                let body = try await self.body(kind, lot: lot, lots: lots, text: text, effects: effects)
                let title = text?.title ?? "\(self.project.title)\(lot.map { "（第\($0.row.number)标段）" } ?? "")\(kind.nameZh)"
                let endsAt = kind == .candidates ? lot?.lifecycle.publicityUntil.map(Timestamps.millis) : nil
                let notice = NoticeRow(
                    id: Identifiers.make(), projectId: self.project.id, lotId: lot?.row.id, kind: kind.rawValue, title: title, body: body,
                    tradingType: self.project.tradingType, region: self.project.region, publishedAt: self.platform.nowMillis(), endsAt: endsAt
                )
                try await self.db.insert("notices", notice)
                try await NoticeSearch.index(notice, on: self.db)
                try await WebhookOutbox.enqueue(
                    WebhookEvent(type: kind == .result ? "result.published" : "notice.published", platform: nil, projectId: self.project.id, noticeId: notice.id,
                                 url: "/notices/\(notice.id)", title: title),
                    platformCode: nil, platform: self.platform, on: self.db
                )
                ids.append(notice.id)
            }
        }
        return ids
    }

    private func body(_ kind: NoticeKind, lot: LoadedLot?, lots: [LoadedLot], text: NoticeText?, effects: [TenderEffect]) async throws -> String {
        var lines = ["项目名称：\(self.project.title)", "交易标识码：\(self.project.dealCode)", "所在地区：\(self.project.region)"]
        switch kind {
        case .announcement:
            if !self.project.description.isEmpty { lines.append("项目概况：\(self.project.description)") }
            for lot in lots {
                lines.append("第\(lot.row.number)标段 \(lot.row.title)：估算价 \(Money(fen: lot.row.estimateFen).yuanText) 元，投标保证金 \(Money(fen: lot.row.depositFen).yuanText) 元")
            }
            if let schedule = lots.first?.lifecycle.schedule {
                lines.append("招标文件获取时间：\(StatutoryChecks.localText(schedule.documentsFrom)) 至 \(StatutoryChecks.localText(schedule.documentsUntil))")
                lines.append("投标截止及开标时间：\(StatutoryChecks.localText(schedule.bidDeadline))（北京时间，以服务器时间为准）")
            }
            lines.append("投标人请登录本平台报名、下载招标文件并在线递交投标文件。")
        case .clarification:
            lines.append(text?.body ?? "")
            for case .deadlineMoved(let from, let to) in effects {
                lines.append("因本次澄清影响投标文件编制且距投标截止不足15日，投标截止时间由 \(StatutoryChecks.localText(from)) 顺延至 \(StatutoryChecks.localText(to))（条例21）。")
            }
        case .openingRecord:
            guard let lot else { break }
            let bids = try await self.activeBids(lot.row.id)
            lines.append("开标时间：\(StatutoryChecks.localText(self.platform.clock.now()))；共收到投标文件 \(bids.count) 份。")
            for (index, bid) in bids.enumerated() {
                lines.append("\(index + 1). \(bid.name)：投标报价 \(Money(fen: bid.priceFen).yuanText) 元；递交时间 \(StatutoryChecks.localText(Timestamps.date(bid.submittedAt)))")
            }
        case .candidates:
            guard let lot else { break }
            for candidate in lot.lifecycle.candidates {
                lines.append("第\(candidate.rank)名：\(try await self.partyName(candidate.partyID))，投标报价 \(candidate.price.yuanText) 元")
            }
            if let until = lot.lifecycle.publicityUntil {
                lines.append("公示期：\(StatutoryChecks.localText(self.platform.clock.now())) 至 \(StatutoryChecks.localText(until))。对结果有异议的，请在公示期内提出（条例54）。")
            }
        case .result:
            guard let lot, let award = lot.lifecycle.award else { break }
            lines.append("中标人：\(try await self.partyName(award.candidate.partyID))，中标价 \(award.candidate.price.yuanText) 元。")
            if let reason = award.passedOverReason { lines.append("排名在前的候选人未被确定为中标人的理由：\(reason)") }
            lines.append("请中标人于 \(StatutoryChecks.localText(award.contractDue)) 前签订合同（法46）。")
        case .failure:
            if let reason = lot?.lifecycle.closingReasonZh { lines.append("流标原因：\(reason)") }
        case .termination:
            lines.append("终止原因：\(text?.body ?? lot?.lifecycle.closingReasonZh ?? "")")
        }
        return lines.joined(separator: "\n")
    }

    struct NamedBid: Decodable {
        var name: String
        var priceFen: Int64
        var submittedAt: Int64
    }

    func activeBids(_ lotID: String) async throws -> [NamedBid] {
        try await self.db.rows(
            "SELECT p.name, b.price_fen, b.submitted_at FROM bids b JOIN parties p ON p.id = b.party_id WHERE b.lot_id = \(bind: lotID) AND b.status = 'active' ORDER BY b.submitted_at, b.id",
            as: NamedBid.self
        )
    }

    func partyName(_ id: String) async throws -> String {
        try await self.db.row("SELECT * FROM parties WHERE id = \(bind: id)", as: PartyRow.self)?.name ?? id
    }
}
