import Crypto
import Foundation
import SQLKit
import SealedBid
import Storage
import TradingCore

/// 提交元数据 — what the platform records about a sealed submission for the regulator (条例40 indicators): the
/// peer address, the bidder tool's version and machine hash as the tool reports them, and, after the opening, the
/// document creator fields the bid file carries.
public struct SubmissionMetadata: Sendable, Codable, Equatable {
    public var address: String?
    public var forwardedFor: String?
    public var toolVersion: String?
    public var machineHash: String?
    public var documentCreator: String?

    public init(address: String?, forwardedFor: String?, toolVersion: String?, machineHash: String?, documentCreator: String? = nil) {
        self.address = address
        self.forwardedFor = forwardedFor
        self.toolVersion = toolVersion.map { String($0.prefix(100)) }
        self.machineHash = machineHash.map { String($0.prefix(128)) }
        self.documentCreator = documentCreator
    }
}

/// 密封投标回执 — the receipt for an uploaded envelope: its hash, the server's receipt time, its place in the log.
public struct SealedReceipt: Sendable, Codable, Equatable {
    public var sealedBidId: String
    public var projectId: String
    public var lotId: String
    public var version: Int64
    public var envelopeSha256: String
    public var size: Int64
    public var status: String
    /// The server's receipt time: the legal time of the bid.
    public var receivedAt: String
    public var logIndex: Int64
    /// 投标回执: the C2SP tlog-proof of the submission (only in the answer to the submission itself).
    public var receipt: String?

    init(_ row: SealedBidRow) {
        self.sealedBidId = row.id
        self.projectId = row.projectId
        self.lotId = row.lotId
        self.version = row.version
        self.envelopeSha256 = row.envelopeSha256
        self.size = row.size
        self.status = row.status
        self.receivedAt = Timestamps.rfc3339(Timestamps.date(row.submittedAt))
        self.logIndex = row.logIndex
    }
}

extension SealedBiddingService {
    /// Receives a sealed envelope: checks it is bound to this tender, lot, bidder and deadline, sealed to this panel
    /// with its threshold, and signed by the bidder's registered key; then, at server time, records it before the
    /// deadline (replacing the bidder's previous envelope) with its log entry.
    public func submit(projectID: String, lotID: String, envelope bytes: [UInt8], metadata: SubmissionMetadata, by actor: Actor) async throws -> SealedReceipt {
        guard actor.role == .bidder, let partyID = actor.partyID else { throw TradingError.forbidden("只有投标人可以投标", en: "Only bidders submit bids") }
        try self.platform.documents.checkSize(bytes.count)
        let envelope: BidEnvelope
        do { envelope = try BidEnvelope(serialized: bytes) } catch {
            throw TradingError.invalid("envelope-malformed", zh: "密封投标文件格式不正确：\(error)", en: "The sealed bid is malformed: \(error)")
        }
        let (project, lot, panel, key) = try await self.platform.engine.read { db in
            guard let project = try await db.row("SELECT * FROM projects WHERE id = \(bind: projectID)", as: ProjectRow.self),
                  let lot = try await db.row("SELECT * FROM lots WHERE id = \(bind: lotID) AND project_id = \(bind: projectID)", as: LotRow.self)
            else { throw TradingError.notFound("Lot", zh: "标段") }
            return (project, lot, try await Self.panel(projectID: projectID, on: db),
                    try await db.row("SELECT * FROM bidder_keys WHERE party_id = \(bind: partyID)", as: BidderKeyRow.self))
        }
        guard project.sealingThreshold != nil else {
            throw TradingError.conflict("not-sealed", zh: "本项目不采用密封投标，请直接上传投标文件", en: "This project takes plain bid uploads, not sealed envelopes")
        }
        try Self.check(envelope, project: project, lot: lot, partyID: partyID, panel: panel, key: key)
        let sha = try self.platform.files.put(bytes)
        let metadataText = String(decoding: try JSONEncoder().encode(metadata), as: UTF8.self)
        return try await self.platform.engine.transaction { db in
            let now = self.platform.clock.now()
            let locked = try await self.platform.bidding.lockedLot(projectID: projectID, lotID: lotID, on: db)
            try TenderService.decode(locked.lifecycle).checkAcceptsBids(now: now)
            guard locked.bidDeadline == lot.bidDeadline else {
                throw TradingError.conflict("deadline-moved", zh: "投标截止时间已变更，请按新的截止时间重新密封", en: "The bid deadline changed; seal again for the new deadline")
            }
            guard let registration = try await db.row("SELECT * FROM registrations WHERE lot_id = \(bind: lotID) AND party_id = \(bind: partyID)", as: RegistrationRow.self) else {
                throw TradingError.conflict("not-registered", zh: "请先报名本标段", en: "Register for this lot first")
            }
            try await CreditService.check(partyID: partyID, at: .bidding, projectID: projectID, lotID: lotID, platform: self.platform, on: db)
            let previous = try await db.row("SELECT * FROM sealed_bids WHERE lot_id = \(bind: lotID) AND party_id = \(bind: partyID) ORDER BY version DESC LIMIT 1", as: SealedBidRow.self)
            if let previous, previous.status == "active" {
                try await db.raw("UPDATE sealed_bids SET status = 'replaced' WHERE id = \(bind: previous.id)").run()
            }
            try await DocumentService.recordDocument(sha: sha, size: bytes.count, now: Timestamps.millis(now), on: db)
            let id = Identifiers.make()
            let version = (previous?.version ?? 0) + 1
            let position = try await LogRecords.append(
                LogEvent(type: "bid.sealed", project: projectID, lot: lotID, actor: registration.bidderCommitment, time: now,
                         data: ["sealedBid": id, "version": String(version), "size": String(bytes.count)], documents: [sha]),
                on: db
            )
            let row = SealedBidRow(
                id: id, lotId: lotID, projectId: projectID, partyId: partyID, accountId: actor.accountID, version: version, envelopeSha256: sha,
                size: Int64(bytes.count), status: "active", submittedAt: Timestamps.millis(now), logIndex: position.index, metadata: metadataText
            )
            try await db.insert("sealed_bids", row)
            return SealedReceipt(row)
        }
    }

    /// Every reason an envelope is refused at upload, so a bidder learns it now and not at the opening.
    static func check(_ envelope: BidEnvelope, project: ProjectRow, lot: LotRow, partyID: String, panel: [CustodianRow], key: BidderKeyRow?) throws {
        let binding = envelope.binding
        guard binding.tenderID == project.id, binding.lotID == lot.id, binding.bidderID == partyID else {
            throw TradingError.invalid("envelope-binding", zh: "密封文件绑定的项目、标段或投标人与本次提交不符", en: "The envelope is bound to another tender, lot or bidder")
        }
        guard let deadline = lot.bidDeadline, binding.deadlineUnixSeconds == deadline / 1000 else {
            throw TradingError.invalid("envelope-deadline", zh: "密封文件绑定的投标截止时间与本标段不符", en: "The envelope is bound to another bid deadline")
        }
        let keys = panel.compactMap { try? CustodianPublicKey(text: $0.publicKey) }
        guard let threshold = project.sealingThreshold, let expected = try? CustodianPanel(custodians: keys, threshold: Int(threshold)),
              envelope.isSealed(for: expected)
        else {
            throw TradingError.invalid("envelope-panel", zh: "密封文件未按本项目公布的保管人公钥和门限加密", en: "The envelope is not sealed to this project's custodians and threshold")
        }
        guard let key, let registered = try? BidderPublicKey(text: key.publicKey) else {
            throw TradingError.conflict("bidder-key-missing", zh: "请先登记投标人签名公钥", en: "Register your bidder signing key first")
        }
        guard registered.signed(envelope) else {
            throw TradingError.invalid("envelope-signature", zh: "密封文件的签名与已登记的投标人公钥不符", en: "The envelope is not signed by your registered key")
        }
    }
}

/// One sealed submission as the regulator sees it: who, when, and the submission metadata (条例40 indicators).
public struct SubmissionView: Sendable, Codable, Equatable {
    public var sealedBidId: String
    public var partyId: String
    public var version: Int64
    public var status: String
    public var submittedAt: String
    public var metadata: SubmissionMetadata
}

extension SealedBiddingService {
    /// Every sealed submission of a lot with its metadata — for regulators only (and never before the deadline
    /// is passed to anyone else: 法22).
    public func submissions(projectID: String, lotID: String, for actor: Actor) async throws -> [SubmissionView] {
        guard actor.role == .regulator else { throw TradingError.forbidden("提交元数据仅监管部门可见", en: "Submission metadata is for regulators only") }
        return try await self.platform.engine.read { db in
            try await db.rows("SELECT * FROM sealed_bids WHERE lot_id = \(bind: lotID) AND project_id = \(bind: projectID) ORDER BY submitted_at", as: SealedBidRow.self).map {
                SubmissionView(
                    sealedBidId: $0.id, partyId: $0.partyId, version: $0.version, status: $0.status,
                    submittedAt: Timestamps.rfc3339(Timestamps.date($0.submittedAt)),
                    metadata: (try? JSONDecoder().decode(SubmissionMetadata.self, from: Data($0.metadata.utf8))) ?? SubmissionMetadata(address: nil, forwardedFor: nil, toolVersion: nil, machineHash: nil)
                )
            }
        }
    }
}
