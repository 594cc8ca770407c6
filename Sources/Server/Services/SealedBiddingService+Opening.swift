import Foundation
import SQLKit
import SealedBid
import Storage
import TradingCore
import WitnessLog

/// 开标状态 — where a sealed lot's opening stands, as the opening room shows it.
public struct SealedOpeningStatus: Sendable, Codable, Equatable {
    public struct Custodian: Sendable, Codable, Equatable {
        public var name: String
        public var released: Bool
    }

    public struct Outcome: Sendable, Codable, Equatable {
        public var sealedBidId: String
        public var envelopeSha256: String
        /// `opened`, `revoked` (bidder's fault) or `withdrawn` (platform's fault), per 电子招标投标办法31.
        public var outcome: String
        public var reason: String?
        public var priceFen: Int64?
    }

    public var phase: String
    /// Server time of this status (the room's countdown runs on it).
    public var serverTime: String
    public var bidDeadline: String?
    /// When the custodians' shares are due (deadline + `opening.shareMinutes`).
    public var sharesDueBy: String?
    /// Past `sharesDueBy` with fewer than k custodians released: the opening waits; the tenderer may postpone or
    /// terminate. The platform cannot open without the keys.
    public var stalled: Bool
    public var threshold: Int
    public var sealedBids: Int
    public var custodians: [Custodian]
    public var outcomes: [Outcome]
}

/// An envelope listed for a custodian after the deadline.
public struct EnvelopeListing: Sendable, Codable, Equatable {
    public var sealedBidId: String
    public var envelopeSha256: String
    public var size: Int64
    public var url: String
}

extension SealedBiddingService {
    /// The active envelopes of a closed lot, for custodians (and the runners) once the deadline has passed.
    public func envelopes(projectID: String, lotID: String, for actor: Actor) async throws -> [EnvelopeListing] {
        try await self.platform.engine.read { db in
            try await self.checkCustodianOrRunner(projectID: projectID, lotID: lotID, actor: actor, on: db)
            return try await db.rows("SELECT * FROM sealed_bids WHERE lot_id = \(bind: lotID) AND status = 'active' ORDER BY submitted_at", as: SealedBidRow.self).map {
                EnvelopeListing(sealedBidId: $0.id, envelopeSha256: $0.envelopeSha256, size: $0.size, url: "/api/v1/projects/\(projectID)/lots/\(lotID)/envelopes/\($0.id)")
            }
        }
    }

    /// The bytes of one envelope: for its bidder at any time, for custodians and runners after the deadline.
    public func envelope(projectID: String, lotID: String, sealedBidID: String, for actor: Actor) async throws -> [UInt8] {
        let row = try await self.platform.engine.read { db in
            guard let row = try await db.row("SELECT * FROM sealed_bids WHERE id = \(bind: sealedBidID) AND lot_id = \(bind: lotID)", as: SealedBidRow.self) else {
                throw TradingError.notFound("Envelope", zh: "密封投标文件")
            }
            if row.partyId != actor.partyID || actor.role != .bidder {
                try await self.checkCustodianOrRunner(projectID: projectID, lotID: lotID, actor: actor, on: db)
            }
            return row
        }
        return try self.storedEnvelope(row.envelopeSha256)
    }

    func checkCustodianOrRunner(projectID: String, lotID: String, actor: Actor, on db: any SQLDatabase) async throws {
        guard let project = try await db.row("SELECT * FROM projects WHERE id = \(bind: projectID)", as: ProjectRow.self),
              let lot = try await db.row("SELECT * FROM lots WHERE id = \(bind: lotID) AND project_id = \(bind: projectID)", as: LotRow.self)
        else { throw TradingError.notFound("Lot", zh: "标段") }
        let panel = try await Self.panel(projectID: projectID, on: db)
        guard TenderService.oversees(project, actor) || panel.contains(where: { $0.accountId == actor.accountID }) else { throw TradingError.forbidden() }
        guard let deadline = lot.bidDeadline, Timestamps.millis(self.platform.clock.now()) >= deadline else {
            throw TradingError.forbidden("投标截止前不得取阅密封投标文件（法22）", en: "Envelopes are not handed out before the deadline (法22)")
        }
    }

    /// 释放密钥份额: a custodian uploads its share files (one per envelope) after the deadline; when k custodians have
    /// released shares of every envelope the lot opens. Returns the opening status.
    public func releaseShares(projectID: String, lotID: String, shareText: String, by actor: Actor) async throws -> SealedOpeningStatus {
        let files = try Self.parseShareFiles(shareText)
        let now = self.platform.clock.now()
        try await self.platform.engine.transaction { db in
            try await self.checkCustodianOrRunner(projectID: projectID, lotID: lotID, actor: actor, on: db)
            guard let lot = try await db.row("SELECT * FROM lots WHERE id = \(bind: lotID)", as: LotRow.self), lot.phase == TenderPhase.biddingClosed.rawValue else {
                throw TradingError.conflict("no-opening-pending", zh: "本标段没有等待解密的开标（未截标、已开标或已流标）", en: "This lot has no opening waiting for shares (not closed, already opened, or failed)")
            }
            let panel = try await Self.panel(projectID: projectID, on: db)
            let bids = try await db.rows("SELECT * FROM sealed_bids WHERE lot_id = \(bind: lotID) AND status = 'active'", as: SealedBidRow.self)
            let byEnvelope = Dictionary(bids.map { ($0.envelopeSha256, $0) }, uniquingKeysWith: { first, _ in first })
            var released: [String: Int] = [:]
            for file in files {
                guard file.tenderID == projectID, file.lotID == lotID,
                      let bid = byEnvelope[Hash(bytes: file.share.envelopeSHA256)?.hex ?? ""]
                else {
                    throw TradingError.invalid("share-envelope", zh: "密钥份额不属于本标段的任何有效投标", en: "A share belongs to no active envelope of this lot")
                }
                let position = Int(file.share.index) - 1
                guard panel.indices.contains(position) else {
                    throw TradingError.invalid("share-index", zh: "密钥份额序号不在保管人名单内", en: "A share's index names no custodian of the panel")
                }
                let custodian = panel[position]
                guard custodian.accountId == actor.accountID || actor.role == .operator else {
                    throw TradingError.forbidden("只能提交本人保管的密钥份额", en: "You may release only your own custodian share")
                }
                // The file names the envelope by the hash committed at upload, and the envelope binds tender, lot
                // and bidder; whether the share value is right is checked against the bidder's commitment at the opening.
                guard file.bidderID == bid.partyId else {
                    throw TradingError.invalid("share-mismatch", zh: "密钥份额所载投标人与密封投标文件不符", en: "A share names another bidder than its envelope")
                }
                try await db.raw("""
                    INSERT INTO released_shares (id, sealed_bid_id, custodian_id, share, released_at)
                    VALUES (\(bind: Identifiers.make()), \(bind: bid.id), \(bind: custodian.id), \(bind: file.text), \(bind: Timestamps.millis(now)))
                    ON CONFLICT (sealed_bid_id, custodian_id) DO NOTHING
                    """).run()
                released[custodian.name, default: 0] += 1
            }
            for (name, count) in released {
                _ = try await LogRecords.append(
                    LogEvent(type: "shares.released", project: projectID, lot: lotID, actor: actor.logName, time: now, data: ["custodian": name, "shares": String(count)]),
                    on: db
                )
            }
        }
        do {
            _ = try await self.openIfReady(projectID: projectID, lotID: lotID, by: actor)
        } catch let error as TradingError where error.code == "procedure-suspended" {
            // The shares are kept; a pending case holds the opening, which the runner starts once it is released.
        }
        return try await self.status(projectID: projectID, lotID: lotID)
    }

    static func parseShareFiles(_ text: String) throws -> [ShareFile] {
        let chunks = text.components(separatedBy: ShareFile.header).dropFirst().map { ShareFile.header + $0 }
        guard !chunks.isEmpty else {
            throw TradingError.invalid("share-file", zh: "未找到密钥份额文件内容（应为 yiwang custodian share 的输出）", en: "No share file found (expected the output of yiwang custodian share)")
        }
        return try chunks.map { chunk in
            do { return try ShareFile(text: chunk.trimmingCharacters(in: .whitespacesAndNewlines) + "\n") } catch {
                throw TradingError.invalid("share-file", zh: "密钥份额文件格式不正确：\(error)", en: "Malformed share file: \(error)")
            }
        }
    }

    /// The opening room's view of a sealed lot.
    public func status(projectID: String, lotID: String) async throws -> SealedOpeningStatus {
        try await self.platform.engine.read { db in
            guard let project = try await db.row("SELECT * FROM projects WHERE id = \(bind: projectID)", as: ProjectRow.self),
                  let lot = try await db.row("SELECT * FROM lots WHERE id = \(bind: lotID) AND project_id = \(bind: projectID)", as: LotRow.self)
            else { throw TradingError.notFound("Lot", zh: "标段") }
            let panel = try await Self.panel(projectID: projectID, on: db)
            let closed = lot.bidDeadline.map { Timestamps.millis(self.platform.clock.now()) >= $0 } ?? false
            let bids = closed ? try await db.rows("SELECT * FROM sealed_bids WHERE lot_id = \(bind: lotID) AND status = 'active' ORDER BY submitted_at", as: SealedBidRow.self) : []
            let shares = try await db.rows("SELECT s.* FROM released_shares s JOIN sealed_bids b ON b.id = s.sealed_bid_id WHERE b.lot_id = \(bind: lotID)", as: ReleasedShareRow.self)
            let prices = try await db.rows("SELECT * FROM bids WHERE lot_id = \(bind: lotID)", as: BidRow.self)
            let now = self.platform.clock.now()
            let due = lot.bidDeadline.map { Timestamps.date($0).addingTimeInterval(Double(self.platform.settings.shareMinutes) * 60) }
            let releasedCustodians = Set(shares.map(\.custodianId)).count
            return SealedOpeningStatus(
                phase: lot.phase, serverTime: Timestamps.rfc3339(now), bidDeadline: lot.bidDeadline.map { Timestamps.rfc3339(Timestamps.date($0)) },
                sharesDueBy: due.map(Timestamps.rfc3339),
                stalled: lot.phase == TenderPhase.biddingClosed.rawValue && releasedCustodians < Int(project.sealingThreshold ?? 0) && due.map { now > $0 } == true,
                threshold: Int(project.sealingThreshold ?? 0), sealedBids: bids.count,
                custodians: panel.map { custodian in .init(name: custodian.name, released: shares.contains { $0.custodianId == custodian.id }) },
                outcomes: bids.compactMap { bid in
                    bid.outcome.map { .init(sealedBidId: bid.id, envelopeSha256: bid.envelopeSha256, outcome: $0, reason: bid.outcomeReason, priceFen: prices.first { $0.id == bid.bidId }?.priceFen) }
                }
            )
        }
    }
}
