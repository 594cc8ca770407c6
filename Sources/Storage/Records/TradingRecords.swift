/// Rows of the trading catalog, projects, lots, notices, documents, registrations and bids.
/// Times are milliseconds since 1970 UTC; money is fen.

public struct CatalogRow: Sendable, Codable, Equatable {
    public var code: String
    public var tradingType: String
    public var tradingTypeZh: String
    public var tradingTypeEn: String
    public var procedure: String
    public var procedureZh: String
    public var procedureEn: String
    /// ``ProcedureRules`` as JSON.
    public var rules: String
    public var active: Int64
    public var version: Int64
    public var updatedAt: Int64

    public init(code: String, tradingType: String, tradingTypeZh: String, tradingTypeEn: String, procedure: String, procedureZh: String, procedureEn: String, rules: String, active: Int64, version: Int64, updatedAt: Int64) {
        self.code = code
        self.tradingType = tradingType
        self.tradingTypeZh = tradingTypeZh
        self.tradingTypeEn = tradingTypeEn
        self.procedure = procedure
        self.procedureZh = procedureZh
        self.procedureEn = procedureEn
        self.rules = rules
        self.active = active
        self.version = version
        self.updatedAt = updatedAt
    }
}

/// 交易项目 — a project with its unified deal code (统一交易标识码).
public struct ProjectRow: Sendable, Codable, Equatable {
    public var id: String
    public var dealCode: String
    public var title: String
    public var description: String
    public var catalogCode: String
    public var tradingType: String
    public var region: String
    public var funding: String
    public var tendererPartyId: String
    public var agencyPartyId: String?
    public var createdBy: String
    public var createdAt: Int64
    /// The ``ProcedureRules`` in force for this project, copied from the catalog at creation.
    public var rules: String
    /// 1 once the tender notice is out.
    public var published: Int64
    /// k of the custodian panel when the project takes sealed bids (不见面开标); nil for plain uploads.
    public var sealingThreshold: Int64?

    public init(id: String, dealCode: String, title: String, description: String, catalogCode: String, tradingType: String, region: String, funding: String, tendererPartyId: String, agencyPartyId: String?, createdBy: String, createdAt: Int64, rules: String, published: Int64, sealingThreshold: Int64? = nil) {
        self.sealingThreshold = sealingThreshold
        self.id = id
        self.dealCode = dealCode
        self.title = title
        self.description = description
        self.catalogCode = catalogCode
        self.tradingType = tradingType
        self.region = region
        self.funding = funding
        self.tendererPartyId = tendererPartyId
        self.agencyPartyId = agencyPartyId
        self.createdBy = createdBy
        self.createdAt = createdAt
        self.rules = rules
        self.published = published
    }
}

/// 标段 — a lot: bid on, opened, evaluated and awarded on its own.
public struct LotRow: Sendable, Codable, Equatable {
    public var id: String
    public var projectId: String
    public var number: Int64
    public var title: String
    public var estimateFen: Int64
    public var depositFen: Int64
    public var currency: String
    public var phase: String
    /// The ``TenderLifecycle`` as JSON.
    public var lifecycle: String
    public var bidDeadline: Int64?
    public var updatedAt: Int64

    public init(id: String, projectId: String, number: Int64, title: String, estimateFen: Int64, depositFen: Int64, currency: String, phase: String, lifecycle: String, bidDeadline: Int64?, updatedAt: Int64) {
        self.id = id
        self.projectId = projectId
        self.number = number
        self.title = title
        self.estimateFen = estimateFen
        self.depositFen = depositFen
        self.currency = currency
        self.phase = phase
        self.lifecycle = lifecycle
        self.bidDeadline = bidDeadline
        self.updatedAt = updatedAt
    }
}

/// 公告 — a published notice; public at a stable URL.
public struct NoticeRow: Sendable, Codable, Equatable {
    public var id: String
    public var projectId: String
    public var lotId: String?
    public var kind: String
    public var title: String
    public var body: String
    public var tradingType: String
    public var region: String
    public var publishedAt: Int64
    public var endsAt: Int64?
    /// The connected platform (分平台) code the notice was pushed by; nil for the platform's own notices.
    public var sourcePlatform: String?

    public init(id: String, projectId: String, lotId: String?, kind: String, title: String, body: String, tradingType: String, region: String, publishedAt: Int64, endsAt: Int64?, sourcePlatform: String? = nil) {
        self.sourcePlatform = sourcePlatform
        self.id = id
        self.projectId = projectId
        self.lotId = lotId
        self.kind = kind
        self.title = title
        self.body = body
        self.tradingType = tradingType
        self.region = region
        self.publishedAt = publishedAt
        self.endsAt = endsAt
    }
}

/// A stored file, addressed by its SHA-256.
public struct DocumentRow: Sendable, Codable, Equatable {
    public var sha256: String
    public var size: Int64
    public var mediaType: String
    public var createdAt: Int64

    public init(sha256: String, size: Int64, mediaType: String, createdAt: Int64) {
        self.sha256 = sha256
        self.size = size
        self.mediaType = mediaType
        self.createdAt = createdAt
    }
}

/// A file attached to a project (`tender`, `clarification`) or a bid (`bid`).
public struct AttachmentRow: Sendable, Codable, Equatable {
    public var id: String
    public var sha256: String
    public var filename: String
    public var ownerKind: String
    public var ownerId: String
    public var projectId: String
    public var uploadedBy: String
    public var createdAt: Int64

    public init(id: String, sha256: String, filename: String, ownerKind: String, ownerId: String, projectId: String, uploadedBy: String, createdAt: Int64) {
        self.id = id
        self.sha256 = sha256
        self.filename = filename
        self.ownerKind = ownerKind
        self.ownerId = ownerId
        self.projectId = projectId
        self.uploadedBy = uploadedBy
        self.createdAt = createdAt
    }
}

/// 报名 — a party's registration for a lot, with its deposit (保证金/保函).
public struct RegistrationRow: Sendable, Codable, Equatable {
    public var id: String
    public var lotId: String
    public var partyId: String
    public var accountId: String
    /// `paid`, `guarantee` or `none`.
    public var deposit: String
    public var registeredAt: Int64
    /// Random hex salt of the bidder's identity commitment in the public log (see ``BidderCommitment``).
    public var salt: String?

    public init(id: String, lotId: String, partyId: String, accountId: String, deposit: String, registeredAt: Int64, salt: String? = nil) {
        self.id = id
        self.lotId = lotId
        self.partyId = partyId
        self.accountId = accountId
        self.deposit = deposit
        self.registeredAt = registeredAt
        self.salt = salt
    }

    /// The commitment that stands for this bidder in the public witness log until the opening.
    public var bidderCommitment: String {
        BidderCommitment.make(partyID: self.partyId, salt: self.salt ?? self.id)
    }
}

/// 投标 — one version of a party's bid on a lot.
public struct BidRow: Sendable, Codable, Equatable {
    public var id: String
    public var lotId: String
    public var projectId: String
    public var partyId: String
    public var accountId: String
    public var version: Int64
    public var priceFen: Int64
    public var currency: String
    public var documentSha256: String
    public var filename: String
    public var size: Int64
    /// `active`, `replaced` or `withdrawn`.
    public var status: String
    public var submittedAt: Int64
    public var withdrawnAt: Int64?
    public var logIndex: Int64

    public init(id: String, lotId: String, projectId: String, partyId: String, accountId: String, version: Int64, priceFen: Int64, currency: String, documentSha256: String, filename: String, size: Int64, status: String, submittedAt: Int64, withdrawnAt: Int64?, logIndex: Int64) {
        self.id = id
        self.lotId = lotId
        self.projectId = projectId
        self.partyId = partyId
        self.accountId = accountId
        self.version = version
        self.priceFen = priceFen
        self.currency = currency
        self.documentSha256 = documentSha256
        self.filename = filename
        self.size = size
        self.status = status
        self.submittedAt = submittedAt
        self.withdrawnAt = withdrawnAt
        self.logIndex = logIndex
    }
}
