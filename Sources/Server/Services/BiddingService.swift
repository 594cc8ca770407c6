import Foundation
import SQLKit
import Storage
import TradingCore

/// 投标 — registration, bid submission, replacement and withdrawal before the deadline, and the opening.
///
/// Bids here are ordinary uploads with a price; sealed bids are the SealedBid module's work (issue 5).
public struct BiddingService: Sendable {
    let platform: Platform

    /// 报名: a bidder registers for a lot, declaring its deposit (paid in cash or by guarantee).
    public func register(projectID: String, lotID: String, deposit: String, by actor: Actor) async throws -> RegistrationRow {
        guard actor.role == .bidder, let partyID = actor.partyID else { throw TradingError.forbidden("只有投标人可以报名", en: "Only bidders register") }
        guard ["paid", "guarantee", "none"].contains(deposit) else {
            throw TradingError.invalid("deposit-kind", zh: "保证金方式只能是 paid、guarantee 或 none", en: "deposit must be paid, guarantee or none")
        }
        let now = self.platform.clock.now()
        return try await self.platform.engine.transaction { db in
            let lot = try await self.lockedLot(projectID: projectID, lotID: lotID, on: db)
            try TenderService.decode(lot.lifecycle).checkAcceptsBids(now: now)
            if lot.depositFen > 0 && deposit == "none" {
                throw TradingError.invalid("deposit-required", zh: "本标段须提交投标保证金\(Money(fen: lot.depositFen).yuanText)元", en: "This lot requires a bid deposit of \(Money(fen: lot.depositFen).yuanText) yuan")
            }
            if let existing = try await db.row("SELECT * FROM registrations WHERE lot_id = \(bind: lotID) AND party_id = \(bind: partyID)", as: RegistrationRow.self) {
                return existing
            }
            try await CreditService.check(partyID: partyID, at: .registration, projectID: projectID, lotID: lotID, platform: self.platform, on: db)
            let registration = RegistrationRow(
                id: Identifiers.make(), lotId: lotID, partyId: partyID, accountId: actor.accountID, deposit: deposit,
                registeredAt: Timestamps.millis(now), salt: BidderCommitment.newSalt()
            )
            try await db.insert("registrations", registration)
            // The public log names the bidder only by its commitment until the opening (条例22).
            _ = try await LogRecords.append(
                LogEvent(type: "bidder.registered", project: projectID, lot: lotID, actor: registration.bidderCommitment, time: now, data: ["deposit": deposit]),
                on: db
            )
            return registration
        }
    }

    /// Submits (or replaces) the actor's bid on a lot: stores the file, then in one transaction checks the deadline
    /// against server time, supersedes the previous version, records the bid and appends it to the witness log.
    public func submit(projectID: String, lotID: String, priceFen: Int64, filename: String, bytes: [UInt8], by actor: Actor) async throws -> BidReceipt {
        guard actor.role == .bidder, let partyID = actor.partyID else { throw TradingError.forbidden("只有投标人可以投标", en: "Only bidders submit bids") }
        guard priceFen > 0 else { throw TradingError.invalid("price", zh: "投标报价必须是大于0的整数（单位：分）", en: "The bid price must be a positive whole number of fen") }
        try self.platform.documents.checkSize(bytes.count)
        let name = try DocumentService.cleanFilename(filename)
        let (registered, sealed) = try await self.platform.engine.read { db in
            (try await db.row("SELECT * FROM registrations WHERE lot_id = \(bind: lotID) AND party_id = \(bind: partyID)", as: RegistrationRow.self) != nil,
             try await db.row("SELECT * FROM projects WHERE id = \(bind: projectID)", as: ProjectRow.self)?.sealingThreshold != nil)
        }
        guard !sealed else {
            throw TradingError.conflict("sealed-only", zh: "本项目只接受密封投标文件（yiwang bidder seal）", en: "This project accepts sealed envelopes only (yiwang bidder seal)")
        }
        guard registered else { throw TradingError.conflict("not-registered", zh: "请先报名本标段", en: "Register for this lot first") }
        let sha = try self.platform.files.put(bytes)
        return try await self.platform.engine.transaction { db in
            let now = self.platform.clock.now()
            let lot = try await self.lockedLot(projectID: projectID, lotID: lotID, on: db)
            try TenderService.decode(lot.lifecycle).checkAcceptsBids(now: now)
            guard let registration = try await db.row("SELECT * FROM registrations WHERE lot_id = \(bind: lotID) AND party_id = \(bind: partyID)", as: RegistrationRow.self) else {
                throw TradingError.conflict("not-registered", zh: "请先报名本标段", en: "Register for this lot first")
            }
            try await CreditService.check(partyID: partyID, at: .bidding, projectID: projectID, lotID: lotID, platform: self.platform, on: db)
            let previous = try await db.row(
                "SELECT * FROM bids WHERE lot_id = \(bind: lotID) AND party_id = \(bind: partyID) ORDER BY version DESC LIMIT 1", as: BidRow.self
            )
            if let previous, previous.status == "active" {
                try await db.raw("UPDATE bids SET status = 'replaced' WHERE id = \(bind: previous.id)").run()
            }
            try await DocumentService.recordDocument(sha: sha, size: bytes.count, now: Timestamps.millis(now), on: db)
            let bidID = Identifiers.make()
            let version = (previous?.version ?? 0) + 1
            let position = try await LogRecords.append(
                LogEvent(type: "bid.submitted", project: projectID, lot: lotID, actor: registration.bidderCommitment, time: now,
                         data: ["bid": bidID, "version": String(version), "size": String(bytes.count)], documents: [sha]),
                on: db
            )
            let bid = BidRow(
                id: bidID, lotId: lotID, projectId: projectID, partyId: partyID, accountId: actor.accountID, version: version,
                priceFen: priceFen, currency: "CNY", documentSha256: sha, filename: name, size: Int64(bytes.count), status: "active",
                submittedAt: Timestamps.millis(now), withdrawnAt: nil, logIndex: position.index
            )
            try await db.insert("bids", bid)
            try await db.insert("attachments", AttachmentRow(
                id: Identifiers.make(), sha256: sha, filename: name, ownerKind: "bid", ownerId: bidID, projectId: projectID, uploadedBy: actor.accountID, createdAt: Timestamps.millis(now)
            ))
            return BidReceipt(bid, leafHash: position.leafHash)
        }
    }

    /// 撤回: withdraws the actor's active bid before the deadline.
    public func withdraw(projectID: String, lotID: String, by actor: Actor) async throws -> BidReceipt {
        guard actor.role == .bidder, let partyID = actor.partyID else { throw TradingError.forbidden() }
        return try await self.platform.engine.transaction { db in
            let now = self.platform.clock.now()
            let lot = try await self.lockedLot(projectID: projectID, lotID: lotID, on: db)
            try TenderService.decode(lot.lifecycle).checkAcceptsBids(now: now)
            guard var bid = try await db.row("SELECT * FROM bids WHERE lot_id = \(bind: lotID) AND party_id = \(bind: partyID) AND status = 'active'", as: BidRow.self) else {
                throw TradingError.conflict("no-active-bid", zh: "没有可撤回的投标", en: "There is no active bid to withdraw")
            }
            try await db.raw("UPDATE bids SET status = 'withdrawn', withdrawn_at = \(bind: Timestamps.millis(now)) WHERE id = \(bind: bid.id)").run()
            let registration = try await db.row("SELECT * FROM registrations WHERE lot_id = \(bind: lotID) AND party_id = \(bind: partyID)", as: RegistrationRow.self)
            let position = try await LogRecords.append(
                LogEvent(type: "bid.withdrawn", project: projectID, lot: lotID, actor: registration?.bidderCommitment ?? actor.logName, time: now, data: ["bid": bid.id]),
                on: db
            )
            bid.status = "withdrawn"
            bid.withdrawnAt = Timestamps.millis(now)
            return BidReceipt(bid, leafHash: position.leafHash)
        }
    }

    /// The actor's registrations (报名) for the given lots, by lot id.
    public func registrations(of actor: Actor, lotIDs: [String]) async throws -> [String: RegistrationRow] {
        guard let party = actor.partyID, !lotIDs.isEmpty else { return [:] }
        let rows = try await self.platform.engine.read { db in
            try await db.rows("SELECT * FROM registrations WHERE party_id = \(bind: party) AND lot_id IN (\(binds: lotIDs))", as: RegistrationRow.self)
        }
        return Dictionary(rows.map { ($0.lotId, $0) }) { first, _ in first }
    }

    /// The actor's own bids (every version), newest first.
    public func myBids(by actor: Actor) async throws -> [BidReceipt] {
        guard let partyID = actor.partyID, actor.role == .bidder else { throw TradingError.forbidden() }
        return try await self.platform.engine.read { db in
            try await db.rows("SELECT * FROM bids WHERE party_id = \(bind: partyID) ORDER BY submitted_at DESC", as: BidRow.self).map { BidReceipt($0, leafHash: nil) }
        }
    }

    /// The bids of a lot: a bidder sees only its own; the runners, operator and regulator see all once the lot is opened
    /// (before the opening nobody learns who bid, 法22).
    public func bids(projectID: String, lotID: String, for actor: Actor) async throws -> [BidReceipt] {
        try await self.platform.engine.read { db in
            guard let project = try await db.row("SELECT * FROM projects WHERE id = \(bind: projectID)", as: ProjectRow.self),
                  let lot = try await db.row("SELECT * FROM lots WHERE id = \(bind: lotID) AND project_id = \(bind: projectID)", as: LotRow.self)
            else { throw TradingError.notFound("Lot", zh: "标段") }
            if actor.role == .bidder, let party = actor.partyID {
                return try await db.rows("SELECT * FROM bids WHERE lot_id = \(bind: lotID) AND party_id = \(bind: party) ORDER BY version DESC", as: BidRow.self).map { BidReceipt($0, leafHash: nil) }
            }
            guard TenderService.oversees(project, actor) else { throw TradingError.forbidden() }
            guard Self.isOpened(lot.phase) else {
                throw TradingError.forbidden("开标前不得查看投标信息（法22）", en: "Bids cannot be seen before the opening (法22)")
            }
            return try await db.rows("SELECT * FROM bids WHERE lot_id = \(bind: lotID) AND status = 'active' ORDER BY submitted_at", as: BidRow.self).map { BidReceipt($0, leafHash: nil) }
        }
    }

    /// 开标: at or after the deadline, closes bidding (fewer than the minimum → 流标) and opens, publishing the opening record.
    public func open(projectID: String, lotID: String, by actor: Actor) async throws -> ProjectView {
        let platform = self.platform
        let (project, lot) = try await platform.engine.read { db in
            (try await TenderService.ownedProject(projectID, by: actor, on: db), try await self.lockedLot(projectID: projectID, lotID: lotID, on: db))
        }
        var position: LogPosition?
        if project.sealingThreshold == nil || lot.phase == TenderPhase.announced.rawValue {
            position = try await platform.engine.transaction { db in
                let project = try await TenderService.ownedProject(projectID, by: actor, on: db)
                return try await Self.closeAndOpen(project: project, lotID: lotID, by: actor, platform: platform, on: db)
            }
        }
        if project.sealingThreshold != nil {
            let opened = try await platform.sealed.openIfReady(projectID: projectID, lotID: lotID, by: actor)
            if !opened && position == nil {
                throw TradingError.conflict("waiting-for-custodians", zh: "已截标，正在等待保管人提交密钥份额", en: "Bidding is closed; the opening waits for the custodians' shares")
            }
        }
        var view = try await platform.tenders.project(projectID, for: actor)
        view.logIndex = position?.index
        return view
    }

    /// Closes and opens every announced lot whose deadline has passed (the scheduler's tick); returns how many.
    public func openDueLots() async throws -> Int {
        let now = Timestamps.millis(self.platform.clock.now())
        let due = try await self.platform.engine.read { db in
            try await db.rows("SELECT * FROM lots WHERE phase = 'announced' AND bid_deadline <= \(bind: now)", as: LotRow.self)
        }
        let platform = self.platform
        for lot in due {
            do {
                try await platform.engine.transaction { db in
                    guard let project = try await db.row("SELECT * FROM projects WHERE id = \(bind: lot.projectId)", as: ProjectRow.self) else { return }
                    try await Self.closeAndOpen(project: project, lotID: lot.id, by: .system, platform: platform, on: db)
                }
            } catch let error as TradingError where error.code == "procedure-suspended" {
                continue  // a pending complaint holds this lot's opening; the others still open
            }
        }
        return due.count
    }

    @discardableResult
    static func closeAndOpen(project: ProjectRow, lotID: String, by actor: Actor, platform: Platform, on db: any SQLDatabase) async throws -> LogPosition {
        if project.sealingThreshold != nil {
            return try await Self.closeSealed(project: project, lotID: lotID, by: actor, platform: platform, on: db)
        }
        let position = try await TenderService.applyLotChange(project: project, lotID: lotID, by: actor, logType: "lot.opened", platform: platform, on: db) { db, _, lot in
            let count = try await db.raw("SELECT COUNT(*) AS n FROM bids WHERE lot_id = \(bind: lot.row.id) AND status = 'active'").first()?.decode(column: "n", as: Int64.self) ?? 0
            var effects: [TenderEffect] = []
            if lot.lifecycle.phase == .announced {
                effects += try lot.lifecycle.handle(.closeBidding(bids: Int(count)), now: platform.clock.now(), calendar: platform.calendar)
            }
            if lot.lifecycle.phase != .failed {
                // Opens a closed lot; any other phase is refused by the state machine with its reason.
                effects += try lot.lifecycle.handle(.open, now: platform.clock.now(), calendar: platform.calendar)
            }
            // After the deadline the bidders may be known: reveal each registration's salt so anyone can match the
            // commitments in earlier entries to the parties (see BidderCommitment).
            let revealed = try await Self.revealedRegistrations(lotID: lot.row.id, on: db)
            return (effects, ["bids": String(count), "outcome": lot.lifecycle.phase.rawValue, "registrations": revealed])
        }
        try await SupervisionService.screenIfOpened(project: project, lotID: lotID, platform: platform, on: db)
        return position
    }

    /// 截标 for sealed bids: at the deadline the set of envelopes is frozen in the log (a checkpoint follows the
    /// commit); fewer than the minimum → 流标 without decrypting anything (法28). The opening itself waits for the
    /// custodians' shares (``SealedBiddingService/openIfReady(projectID:lotID:by:)``).
    static func closeSealed(project: ProjectRow, lotID: String, by actor: Actor, platform: Platform, on db: any SQLDatabase) async throws -> LogPosition {
        try await TenderService.applyLotChange(project: project, lotID: lotID, by: actor, logType: "lot.bidding-closed", platform: platform, on: db) { db, _, lot in
            let envelopes = try await db.rows("SELECT * FROM sealed_bids WHERE lot_id = \(bind: lot.row.id) AND status = 'active' ORDER BY submitted_at", as: SealedBidRow.self)
            guard lot.lifecycle.phase == .announced else {
                throw TradingError.conflict("waiting-for-custodians", zh: "已截标，正在等待保管人提交密钥份额", en: "Bidding is closed; the opening waits for the custodians' shares")
            }
            let effects = try lot.lifecycle.handle(.closeBidding(bids: envelopes.count), now: platform.clock.now(), calendar: platform.calendar)
            return (effects, [
                "sealed": "true", "bids": String(envelopes.count), "outcome": lot.lifecycle.phase.rawValue,
                "envelopes": envelopes.map(\.envelopeSha256).joined(separator: ","),
            ])
        }
    }

    /// `party:salt,…` for every registration of a lot: logged with the opening so that anyone can open the bidder
    /// commitments of the earlier entries (see BidderCommitment).
    static func revealedRegistrations(lotID: String, on db: any SQLDatabase) async throws -> String {
        try await db.rows("SELECT * FROM registrations WHERE lot_id = \(bind: lotID) ORDER BY registered_at", as: RegistrationRow.self)
            .map { "\($0.partyId):\($0.salt ?? $0.id)" }.joined(separator: ",")
    }

    func lockedLot(projectID: String, lotID: String, on db: any SQLDatabase) async throws -> LotRow {
        guard let lot = try await db.row(
            SQLQueryString("SELECT * FROM lots WHERE id = ") + "\(bind: lotID) AND project_id = \(bind: projectID)" + SQLQueryString(self.platform.engine.forUpdate),
            as: LotRow.self
        ) else { throw TradingError.notFound("Lot", zh: "标段") }
        return lot
    }

    static func isOpened(_ phase: String) -> Bool {
        guard let phase = TenderPhase(rawValue: phase) else { return false }
        return ![.draft, .announced, .biddingClosed].contains(phase) && !(phase == .terminated)
    }
}
