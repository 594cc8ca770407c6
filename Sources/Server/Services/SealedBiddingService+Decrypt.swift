import Foundation
import SQLKit
import SealedBid
import Storage
import TradingCore
import WitnessLog

extension SealedBiddingService {
    /// The stored bytes of an envelope (a missing file is the platform's fault, never the bidder's).
    func storedEnvelope(_ sha256: String) throws -> [UInt8] {
        guard let data = self.platform.files.get(sha256) else {
            throw TradingError(.conflict, code: "envelope-missing", zh: "平台文件库缺少密封投标文件", en: "The file store lacks an envelope")
        }
        return Array(data)
    }

    struct StoredDocument: Sendable { var sha: String; var size: Int }

    /// What the opening keeps of a decrypted bid: its opening sheet, file name and document creator (the file itself
    /// is already in the file store).
    struct OpenedPayload: Sendable {
        var openingSheet: OpeningSheet
        var fileName: String
        var creator: String?
    }

    /// One envelope's fate at the opening.
    struct Opened: Sendable {
        var row: SealedBidRow
        var payload: OpenedPayload?
        var document: StoredDocument?
        var outcome: String
        var reason: String?

        init(row: SealedBidRow, payload: OpenedPayload? = nil, document: StoredDocument? = nil, outcome: String, reason: String?) {
            self.row = row
            self.payload = payload
            self.document = document
            self.outcome = outcome
            self.reason = reason
        }
    }

    /// Opens a closed sealed lot once k custodians have released shares of every active envelope: decrypts each,
    /// records opened bids (price from the opening sheet) and the bidder- or platform-fault outcomes
    /// (电子招标投标办法31), and publishes the opening record. Returns false while shares are missing.
    @discardableResult
    public func openIfReady(projectID: String, lotID: String, by actor: Actor) async throws -> Bool {
        let (project, lot, bids, shares) = try await self.platform.engine.read { db in
            guard let project = try await db.row("SELECT * FROM projects WHERE id = \(bind: projectID)", as: ProjectRow.self),
                  let lot = try await db.row("SELECT * FROM lots WHERE id = \(bind: lotID) AND project_id = \(bind: projectID)", as: LotRow.self)
            else { throw TradingError.notFound("Lot", zh: "标段") }
            let bids = try await db.rows("SELECT * FROM sealed_bids WHERE lot_id = \(bind: lotID) AND status = 'active' ORDER BY submitted_at", as: SealedBidRow.self)
            let shares = try await db.rows("SELECT s.* FROM released_shares s JOIN sealed_bids b ON b.id = s.sealed_bid_id WHERE b.lot_id = \(bind: lotID)", as: ReleasedShareRow.self)
            return (project, lot, bids, shares)
        }
        guard lot.phase == TenderPhase.biddingClosed.rawValue, let threshold = project.sealingThreshold else { return false }
        // Ready once k custodians have released; each releases all its shares in one upload. An envelope still short
        // of k shares then (e.g. one the file store lost, so no custodian could decrypt its share) fails as the
        // platform's fault: withdrawn, and the others open (电子招标投标办法31).
        let byBid = Dictionary(grouping: shares, by: \.sealedBidId)
        guard Set(shares.map(\.custodianId)).count >= Int(threshold) else { return false }
        // Decrypt outside any transaction: this is the slow part, spread over the cores.
        // Each opened file goes to the file store at once, so memory holds one bid per core, not the whole lot.
        let results = try await bids.concurrentMap(width: ProcessInfo.processInfo.activeProcessorCount) { row in
            try self.decrypt(row, shares: byBid[row.id] ?? [])
        }
        // The opened files were written without waiting for the disk; one flush before the database records them.
        try self.platform.files.flush(results.compactMap(\.document?.sha))
        let platform = self.platform
        let finished = try await platform.engine.transaction { db -> Bool in
            guard let locked = try await db.row(
                SQLQueryString("SELECT * FROM lots WHERE id = ") + "\(bind: lotID)" + SQLQueryString(platform.engine.forUpdate), as: LotRow.self
            ), locked.phase == TenderPhase.biddingClosed.rawValue else { return false }
            let now = Timestamps.millis(platform.clock.now())
            for item in results {
                var bidID: String?
                if let payload = item.payload, let document = item.document {
                    let bid = BidRow(
                        id: Identifiers.make(), lotId: lotID, projectId: projectID, partyId: item.row.partyId, accountId: item.row.accountId,
                        version: item.row.version, priceFen: payload.openingSheet.priceFen, currency: payload.openingSheet.currency,
                        documentSha256: document.sha, filename: (try? DocumentService.cleanFilename(payload.fileName)) ?? "bid",
                        size: Int64(document.size), status: "active", submittedAt: item.row.submittedAt, withdrawnAt: nil, logIndex: item.row.logIndex
                    )
                    try await DocumentService.recordDocument(sha: document.sha, size: document.size, now: now, on: db)
                    try await db.insert("bids", bid)
                    try await db.insert("attachments", AttachmentRow(
                        id: Identifiers.make(), sha256: document.sha, filename: bid.filename, ownerKind: "bid", ownerId: bid.id, projectId: projectID,
                        uploadedBy: item.row.accountId, createdAt: now
                    ))
                    bidID = bid.id
                    if let creator = payload.creator {
                        var metadata = (try? JSONDecoder().decode(SubmissionMetadata.self, from: Data(item.row.metadata.utf8))) ?? SubmissionMetadata(address: nil, forwardedFor: nil, toolVersion: nil, machineHash: nil)
                        metadata.documentCreator = creator
                        let text = String(decoding: try JSONEncoder().encode(metadata), as: UTF8.self)
                        try await db.raw("UPDATE sealed_bids SET metadata = \(bind: text) WHERE id = \(bind: item.row.id)").run()
                    }
                }
                try await db.raw("""
                    UPDATE sealed_bids SET outcome = \(bind: item.outcome), outcome_reason = \(bind: item.reason), bid_id = \(bind: bidID)
                    WHERE id = \(bind: item.row.id)
                    """).run()
            }
            let summary = results.map { "\($0.row.envelopeSha256.prefix(16)):\($0.outcome)" + ($0.payload.map { ":\($0.openingSheet.priceFen)" } ?? "") }
            try await TenderService.applyLotChange(project: project, lotID: lotID, by: actor, logType: "lot.opened", platform: platform, on: db) { db, _, lot in
                let effects = try lot.lifecycle.handle(.open, now: platform.clock.now(), calendar: platform.calendar)
                return (effects, [
                    "sealed": "true", "envelopes": summary.joined(separator: ","),
                    "registrations": try await BiddingService.revealedRegistrations(lotID: lotID, on: db),
                ])
            }
            try await SupervisionService.screenIfOpened(project: project, lotID: lotID, platform: platform, on: db)
            return true
        }
        if finished { _ = try? await platform.log.checkpoint() }
        return finished
    }

    /// Decrypts one envelope with its released share files; a failure is classified by fault.
    func decrypt(_ row: SealedBidRow, shares: [ReleasedShareRow]) throws -> Opened {
        let envelope: BidEnvelope
        do {
            guard let data = self.platform.files.get(row.envelopeSha256) else {
                return Opened(row: row, payload: nil, outcome: "withdrawn", reason: "平台文件库缺少该密封文件（平台原因，按撤回处理）")
            }
            envelope = try BidEnvelope(stored: Array(data), committedSHA256: Hash(hex: row.envelopeSha256)?.bytes)
        } catch {
            return Opened(row: row, payload: nil, outcome: error.faultOfBidder ? "revoked" : "withdrawn", reason: error.zh)
        }
        let files = shares.compactMap { try? ShareFile(text: $0.share) }
        guard Set(shares.map(\.custodianId)).count >= Int(envelope.threshold) else {
            return Opened(row: row, payload: nil, outcome: "withdrawn", reason: "保管人提交的密钥份额不足门限（平台原因，按撤回处理）")
        }
        let payload: BidPayload
        do {
            payload = try envelope.open(withShareFiles: files)
        } catch {
            switch error {
            case .opening(let opening):
                return Opened(row: row, payload: nil, outcome: opening.faultOfBidder ? "revoked" : "withdrawn", reason: opening.zh)
            default:
                return Opened(row: row, payload: nil, outcome: "withdrawn", reason: "密钥份额与密封文件不符（平台原因，按撤回处理）")
            }
        }
        let document = StoredDocument(sha: try self.platform.files.put(payload.fileBytes, flush: false), size: payload.fileBytes.count)
        return Opened(
            row: row, payload: OpenedPayload(openingSheet: payload.openingSheet, fileName: payload.fileName, creator: DocumentCreator.read(payload.fileBytes)),
            document: document, outcome: "opened", reason: nil
        )
    }
}

