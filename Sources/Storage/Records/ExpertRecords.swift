/// Rows of the expert registry, expert draws, invitations and the inbox (schema v6).
/// Times are milliseconds since 1970 UTC; JSON is stored as TEXT.

/// 专家 — one expert of the registry; `profile` holds the whole ``TradingCore/ExpertProfile`` as JSON,
/// the other columns repeat what queries filter on.
public struct ExpertRow: Sendable, Codable, Equatable {
    public var id: String
    public var name: String
    /// Specialty codes as `;C0201;E01;` (so `LIKE '%;C02%'` finds a branch).
    public var specialties: String
    public var status: String
    public var available: Int64
    /// YYYY-MM-DD.
    public var birthDate: String
    public var region: String
    public var employerCode: String
    public var profile: String
    /// The expert's platform account (role expert), for the inbox and invitations.
    public var accountId: String?
    public var version: Int64
    public var createdAt: Int64
    public var updatedAt: Int64

    public init(
        id: String, name: String, specialties: String, status: String, available: Int64, birthDate: String, region: String, employerCode: String,
        profile: String, accountId: String?, version: Int64, createdAt: Int64, updatedAt: Int64
    ) {
        self.id = id
        self.name = name
        self.specialties = specialties
        self.status = status
        self.available = available
        self.birthDate = birthDate
        self.region = region
        self.employerCode = employerCode
        self.profile = profile
        self.accountId = accountId
        self.version = version
        self.createdAt = createdAt
        self.updatedAt = updatedAt
    }
}

/// One version of an expert's record: who changed it, when, and the log entry that recorded it.
public struct ExpertHistoryRow: Sendable, Codable, Equatable {
    public var id: String
    public var expertId: String
    public var version: Int64
    public var profile: String
    public var changedBy: String
    public var changedAt: Int64
    public var logIndex: Int64

    public init(id: String, expertId: String, version: Int64, profile: String, changedBy: String, changedAt: Int64, logIndex: Int64) {
        self.id = id
        self.expertId = expertId
        self.version = version
        self.profile = profile
        self.changedBy = changedBy
        self.changedAt = changedAt
        self.logIndex = logIndex
    }
}

/// 专家抽取 — one draw for one lot: the request, the pool and exclusions as committed, the commitment,
/// and after the draw the bundle with its secret salt.
public struct ExpertDrawRow: Sendable, Codable, Equatable {
    public var id: String
    public var projectId: String
    public var lotId: String
    /// `committed` (waiting for reveals and the beacon) or `drawn`.
    public var status: String
    public var request: String
    public var pool: String
    public var exclusions: String
    public var commitment: String
    public var bundle: String?
    /// Hex salt of the result commitment; secret until the names are public.
    public var salt: String?
    public var resultHash: String?
    public var createdBy: String
    public var createdAt: Int64
    public var drawnAt: Int64?
    public var logIndex: Int64

    public init(
        id: String, projectId: String, lotId: String, status: String, request: String, pool: String, exclusions: String, commitment: String,
        bundle: String? = nil, salt: String? = nil, resultHash: String? = nil, createdBy: String, createdAt: Int64, drawnAt: Int64? = nil, logIndex: Int64
    ) {
        self.id = id
        self.projectId = projectId
        self.lotId = lotId
        self.status = status
        self.request = request
        self.pool = pool
        self.exclusions = exclusions
        self.commitment = commitment
        self.bundle = bundle
        self.salt = salt
        self.resultHash = resultHash
        self.createdBy = createdBy
        self.createdAt = createdAt
        self.drawnAt = drawnAt
        self.logIndex = logIndex
    }
}

/// A named party's commit-reveal contribution to a draw.
public struct DrawContributionRow: Sendable, Codable, Equatable {
    public var drawId: String
    public var party: String
    public var position: Int64
    public var commitment: String
    public var value: String?
    public var revealedAt: Int64?

    public init(drawId: String, party: String, position: Int64, commitment: String, value: String? = nil, revealedAt: Int64? = nil) {
        self.drawId = drawId
        self.party = party
        self.position = position
        self.commitment = commitment
        self.value = value
        self.revealedAt = revealedAt
    }
}

/// 抽取通知 — a drawn expert's seat: pending, accepted or declined (with the reason).
public struct ExpertInvitationRow: Sendable, Codable, Equatable {
    public var id: String
    public var drawId: String
    public var expertId: String
    public var category: String
    /// `pending`, `accepted`, `declined`.
    public var status: String
    public var reason: String?
    public var createdAt: Int64
    public var answeredAt: Int64?

    public init(id: String, drawId: String, expertId: String, category: String, status: String, reason: String? = nil, createdAt: Int64, answeredAt: Int64? = nil) {
        self.id = id
        self.drawId = drawId
        self.expertId = expertId
        self.category = category
        self.status = status
        self.reason = reason
        self.createdAt = createdAt
        self.answeredAt = answeredAt
    }
}

/// 站内信 — a message in an expert's platform inbox.
public struct InboxMessageRow: Sendable, Codable, Equatable {
    public var id: String
    public var expertId: String
    public var subject: String
    public var body: String
    public var link: String?
    public var createdAt: Int64
    public var readAt: Int64?

    public init(id: String, expertId: String, subject: String, body: String, link: String?, createdAt: Int64, readAt: Int64? = nil) {
        self.id = id
        self.expertId = expertId
        self.subject = subject
        self.body = body
        self.link = link
        self.createdAt = createdAt
        self.readAt = readAt
    }
}
