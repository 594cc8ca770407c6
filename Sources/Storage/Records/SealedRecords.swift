/// 投标人签名公钥 — the Ed25519 key a bidder registered; it must have signed every envelope the bidder uploads.
public struct BidderKeyRow: Sendable, Codable, Equatable {
    public var partyId: String
    public var accountId: String
    /// `yiwang-bidder-pub-v1:…` text form.
    public var publicKey: String
    public var registeredAt: Int64

    public init(partyId: String, accountId: String, publicKey: String, registeredAt: Int64) {
        self.partyId = partyId
        self.accountId = accountId
        self.publicKey = publicKey
        self.registeredAt = registeredAt
    }
}

/// 开标密钥保管人 — one custodian of a project's panel: share index = position + 1.
public struct CustodianRow: Sendable, Codable, Equatable {
    public var id: String
    public var projectId: String
    public var position: Int64
    public var name: String
    /// The account that releases this custodian's shares (nil: only the operator may upload them on its behalf).
    public var accountId: String?
    /// `yiwang-custodian-pub-v1:…` text form.
    public var publicKey: String

    public init(id: String, projectId: String, position: Int64, name: String, accountId: String?, publicKey: String) {
        self.id = id
        self.projectId = projectId
        self.position = position
        self.name = name
        self.accountId = accountId
        self.publicKey = publicKey
    }
}

/// 密封投标 — one version of a sealed bid as received: only the envelope's hash and size are readable before the
/// opening; `outcome` is set at the opening (`opened`, `revoked` — bidder's fault, `withdrawn` — platform's fault).
public struct SealedBidRow: Sendable, Codable, Equatable {
    public var id: String
    public var lotId: String
    public var projectId: String
    public var partyId: String
    public var accountId: String
    public var version: Int64
    public var envelopeSha256: String
    public var size: Int64
    /// `active`, `replaced` or `withdrawn`.
    public var status: String
    public var submittedAt: Int64
    public var withdrawnAt: Int64?
    public var logIndex: Int64
    /// Submission metadata for supervision (JSON): address, tool version, machine hash, document creator.
    public var metadata: String
    public var outcome: String?
    public var outcomeReason: String?
    /// The `bids` row created when the envelope opened.
    public var bidId: String?

    public init(
        id: String, lotId: String, projectId: String, partyId: String, accountId: String, version: Int64, envelopeSha256: String,
        size: Int64, status: String, submittedAt: Int64, withdrawnAt: Int64? = nil, logIndex: Int64, metadata: String,
        outcome: String? = nil, outcomeReason: String? = nil, bidId: String? = nil
    ) {
        self.id = id
        self.lotId = lotId
        self.projectId = projectId
        self.partyId = partyId
        self.accountId = accountId
        self.version = version
        self.envelopeSha256 = envelopeSha256
        self.size = size
        self.status = status
        self.submittedAt = submittedAt
        self.withdrawnAt = withdrawnAt
        self.logIndex = logIndex
        self.metadata = metadata
        self.outcome = outcome
        self.outcomeReason = outcomeReason
        self.bidId = bidId
    }
}

/// 密钥份额 — one custodian's decrypted share of one envelope, released after the deadline.
public struct ReleasedShareRow: Sendable, Codable, Equatable {
    public var id: String
    public var sealedBidId: String
    public var custodianId: String
    /// The share file text (`yiwang-share-file-v1`).
    public var share: String
    public var releasedAt: Int64

    public init(id: String, sealedBidId: String, custodianId: String, share: String, releasedAt: Int64) {
        self.id = id
        self.sealedBidId = sealedBidId
        self.custodianId = custodianId
        self.share = share
        self.releasedAt = releasedAt
    }
}
