import Foundation
import Storage
import TradingCore

/// What the API and the portal show; times in RFC 3339, money in integer fen.

public struct PartyView: Sendable, Codable, Equatable {
    public var id: String
    public var name: String
    public var kind: String
    public var creditCode: String?
    public var creditStatus: String
    public var creditFlagReason: String?

    init(_ row: PartyRow) {
        self.id = row.id
        self.name = row.name
        self.kind = row.kind
        self.creditCode = row.creditCode
        self.creditStatus = row.creditStatus
        self.creditFlagReason = row.creditFlagReason
    }
}

public struct AccountView: Sendable, Codable, Equatable {
    public var id: String
    public var username: String
    public var role: String
    public var partyId: String?
    public var displayName: String

    init(_ row: AccountRow) {
        self.id = row.id
        self.username = row.username
        self.role = row.role
        self.partyId = row.partyId
        self.displayName = row.displayName
    }

    init(_ actor: Actor) {
        self.id = actor.accountID
        self.username = actor.username
        self.role = actor.role.rawValue
        self.partyId = actor.partyID
        self.displayName = actor.displayName
    }
}

public struct LotView: Sendable, Codable, Equatable {
    public var id: String
    public var number: Int64
    public var title: String
    public var estimateFen: Int64
    public var depositFen: Int64
    public var currency: String
    public var phase: String
    public var phaseZh: String
    public var attempt: Int
    public var bidDeadline: String?
    public var documentsUntil: String?
    public var publicityUntil: String?
    public var candidates: [TenderCandidate]?
    public var award: AwardDecision?
    public var contractSignedAt: String?
    public var closingReasonZh: String?
    public var closingReasonEn: String?
    public var contractReminder: ContractReminder?

    init(_ row: LotRow, lifecycle: TenderLifecycle, now: Date, showResult: Bool) {
        self.id = row.id
        self.number = row.number
        self.title = row.title
        self.estimateFen = row.estimateFen
        self.depositFen = row.depositFen
        self.currency = row.currency
        self.phase = lifecycle.phase.rawValue
        self.phaseZh = lifecycle.phase.nameZh
        self.attempt = lifecycle.attempt
        self.bidDeadline = lifecycle.schedule.map { Timestamps.rfc3339($0.bidDeadline) }
        self.documentsUntil = lifecycle.schedule.map { Timestamps.rfc3339($0.documentsUntil) }
        self.publicityUntil = lifecycle.publicityUntil.map(Timestamps.rfc3339)
        let published = [TenderPhase.candidatesPublished, .awarded, .contracted, .archived].contains(lifecycle.phase)
        self.candidates = (showResult || published) && !lifecycle.candidates.isEmpty ? lifecycle.candidates : nil
        self.award = lifecycle.award
        self.contractSignedAt = lifecycle.contractSignedAt.map(Timestamps.rfc3339)
        self.closingReasonZh = lifecycle.closingReasonZh
        self.closingReasonEn = lifecycle.closingReasonEn
        self.contractReminder = showResult ? lifecycle.contractReminder(now: now) : nil
    }
}

public struct ProjectView: Sendable, Codable, Equatable {
    public var id: String
    public var dealCode: String
    public var title: String
    public var description: String
    public var catalogCode: String
    public var tradingType: String
    public var region: String
    public var funding: String
    public var tendererPartyId: String
    public var tendererName: String
    public var agencyPartyId: String?
    public var published: Bool
    public var createdAt: String
    public var rules: ProcedureRules
    public var lots: [LotView]
    public var documents: [AttachmentView]
    /// Witness-log index of the change that produced this view (absent on plain reads).
    public var logIndex: Int64?
    /// 存证回执: the C2SP tlog-proof of that change (absent on plain reads).
    public var receipt: String?
}

public struct AttachmentView: Sendable, Codable, Equatable {
    public var id: String
    public var sha256: String
    public var filename: String
    public var kind: String
    public var size: Int64
    public var url: String
    public var uploadedAt: String
    /// Witness-log index of the upload (absent on plain reads).
    public var logIndex: Int64?
    /// 存证回执: the C2SP tlog-proof of the upload (absent on plain reads).
    public var receipt: String?
}

public struct NoticeView: Sendable, Codable, Equatable {
    public var id: String
    public var projectId: String
    public var lotId: String?
    public var kind: String
    public var kindZh: String
    public var title: String
    public var body: String
    public var tradingType: String
    public var region: String
    public var publishedAt: String
    public var endsAt: String?
    public var url: String
    /// With a search: an excerpt around the first match, the query's phrases marked.
    public var snippet: SearchSnippet?
    /// The connected platform (分平台) that pushed this notice; absent for the platform's own notices.
    public var sourcePlatform: String?

    init(_ row: NoticeRow) {
        self.sourcePlatform = row.sourcePlatform
        self.id = row.id
        self.projectId = row.projectId
        self.lotId = row.lotId
        self.kind = row.kind
        self.kindZh = NoticeKind(rawValue: row.kind)?.nameZh ?? row.kind
        self.title = row.title
        self.body = row.body
        self.tradingType = row.tradingType
        self.region = row.region
        self.publishedAt = Timestamps.rfc3339(Timestamps.date(row.publishedAt))
        self.endsAt = row.endsAt.map { Timestamps.rfc3339(Timestamps.date($0)) }
        self.url = "/notices/\(row.id)"
    }
}

/// 投标回执 — the receipt for a bid: server receipt time, file hash, and its place in the witness log.
public struct BidReceipt: Sendable, Codable, Equatable {
    public var bidId: String
    public var projectId: String
    public var lotId: String
    public var partyId: String
    public var version: Int64
    public var priceFen: Int64
    public var currency: String
    public var filename: String
    public var size: Int64
    public var sha256: String
    public var status: String
    /// The server's receipt time: the legal time of the bid.
    public var receivedAt: String
    public var logIndex: Int64
    public var leafHash: String?
    /// 投标回执: the C2SP tlog-proof of the submission (only in the answer to the submission itself).
    public var receipt: String?

    init(_ row: BidRow, leafHash: String?) {
        self.bidId = row.id
        self.projectId = row.projectId
        self.lotId = row.lotId
        self.partyId = row.partyId
        self.version = row.version
        self.priceFen = row.priceFen
        self.currency = row.currency
        self.filename = row.filename
        self.size = row.size
        self.sha256 = row.documentSha256
        self.status = row.status
        self.receivedAt = Timestamps.rfc3339(Timestamps.date(row.submittedAt))
        self.logIndex = row.logIndex
        self.leafHash = leafHash
    }
}

/// A page of results with the cursor of the next page (nil on the last).
public struct Page<Item: Sendable & Codable & Equatable>: Sendable, Codable, Equatable {
    public var items: [Item]
    public var nextCursor: String?
}
