import Auctions
import Foundation
import SQLKit
import Storage
import TradingCore

extension AuctionService {
    /// What a withdrawal may say: the organiser's reason, shown in the result.
    public struct WithdrawForm: Sendable, Codable {
        /// 撤回原因 (Chinese), optional.
        public var reasonZh: String?
    }

    /// 撤回 / 中止 — the project's runner or the operator withdraws an auction that has not closed. In ONE locked
    /// transaction: deliver what time already did, then the engine's `.withdraw` (closed, no sale, reason withdrawn),
    /// the close record (with the stated reason), the stream message and the witness-log entries. Refused 409 when
    /// the auction has already closed (also when its deadline passed just before), 403 for anyone else.
    public func withdraw(auctionID: String, form: WithdrawForm, by actor: Actor) async throws -> AuctionRecordView {
        let reason = form.reasonZh?.trimmingCharacters(in: .whitespacesAndNewlines).nilIfEmpty
        if let reason, reason.count > 500 {
            throw TradingError.invalid("withdrawal-reason", zh: "撤回原因不超过 500 字", en: "The reason is at most 500 characters")
        }
        let platform = self.platform
        let (result, published): (Result<AuctionRecordView, TradingError>, [AuctionMessage]) = try await platform.engine.transaction { db in
            var row = try await Self.locked(auctionID, platform: platform, on: db)
            guard let project = try await db.row("SELECT * FROM projects WHERE id = \(bind: row.projectId)", as: ProjectRow.self) else {
                throw TradingError.auctionNotFound
            }
            guard TenderService.runs(project, actor) || actor.role == .operator else {
                throw TradingError.forbidden("只有本项目的出让方、代理机构或平台运营方可以撤回竞价", en: "Only the project's owner, its agency or the operator withdraws an auction")
            }
            guard row.status != "closed" else { return (.failure(Self.alreadyClosed), []) }
            let now = Timestamps.date(Timestamps.millis(platform.clock.now()))
            var engine = try await Self.currentEngine(row, platform: platform, on: db)
            let effects = engine.withdraw(now: now)
            let persisted = try await Self.persist(engine, effects: effects, row: &row, at: now, platform: platform, on: db)
            guard case .noSale(.withdrawn) = engine.machine.outcome, let close = try row.decodedClose() else {
                // Time closed it first (its deadline had passed): that close stands and is written; the withdrawal is refused.
                try await Self.logStateChanges(persisted, row: row, at: now, on: db)
                return (.failure(Self.alreadyClosed), persisted)
            }
            let withdrawal = AuctionWithdrawal(reasonZh: reason, by: actor.role.rawValue, at: Timestamps.rfc3339(now))
            row.closeRecord = try Self.json(WithdrawnClose(close: close, withdrawal: withdrawal))
            try await db.raw("UPDATE auctions SET close_record = \(bind: row.closeRecord) WHERE id = \(bind: row.id)").run()
            _ = try await LogRecords.append(
                LogEvent(type: "auction.withdrawn", project: row.projectId, lot: row.lotId, actor: actor.logName, time: now,
                         data: ["auction": auctionID, "reasonZh": reason ?? ""]),
                on: db
            )
            try await Self.logStateChanges(persisted, row: row, at: now, on: db)
            var view = AuctionRecordView(close, parameters: try row.decodedParameters())
            view.withdrawal = withdrawal
            return (.success(view), persisted)
        }
        if !published.isEmpty { platform.auctionHub.publish(auctionID, published) }
        return try result.get()
    }

    static let alreadyClosed = TradingError.conflict("auction-closed", zh: "竞价已结束，不能撤回", en: "The auction has already closed; it cannot be withdrawn")
}

/// 撤回 — who withdrew an auction, when, and why (stored beside the close record, published with the result).
public struct AuctionWithdrawal: Sendable, Codable, Equatable {
    /// 撤回原因, if one was given.
    public var reasonZh: String?
    /// The role that withdrew it (`tenderer`, `agency` or `operator`).
    public var by: String
    /// When (RFC 3339).
    public var at: String
}

/// The close record of a withdrawn auction: the engine's close and, beside its keys, the withdrawal.
struct WithdrawnClose: Encodable {
    var close: AuctionClose
    var withdrawal: AuctionWithdrawal

    private enum CodingKeys: String, CodingKey { case withdrawal }

    func encode(to encoder: any Encoder) throws {
        try self.close.encode(to: encoder)
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(self.withdrawal, forKey: .withdrawal)
    }
}

extension AuctionRow {
    /// The withdrawal stored beside the close record, if the auction was withdrawn.
    func decodedWithdrawal() throws -> AuctionWithdrawal? {
        struct Stored: Decodable { var withdrawal: AuctionWithdrawal? }
        return try self.closeRecord.flatMap { try JSONDecoder().decode(Stored.self, from: Data($0.utf8)).withdrawal }
    }
}
