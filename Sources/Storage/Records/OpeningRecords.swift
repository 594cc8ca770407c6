/// 开标异议 — one objection a bidder raised in the opening room, with the runner's answer once given (条例44).
public struct OpeningObjectionRow: Sendable, Codable, Equatable {
    public var id: String
    public var lotId: String
    public var projectId: String
    /// The objecting bidder's party and account.
    public var partyId: String
    public var accountId: String
    /// What the bidder said (public in the room; only its SHA-256 goes to the log).
    public var text: String
    /// Server time, milliseconds since 1970 UTC.
    public var raisedAt: Int64
    /// Where `opening.objection-raised` landed in the witness log.
    public var logIndex: Int64
    /// The runner's answer, the answering account and when.
    public var answer: String?
    public var answeredBy: String?
    public var answeredAt: Int64?
    /// Where `opening.objection-answered` landed in the witness log.
    public var answerLogIndex: Int64?

    public init(
        id: String, lotId: String, projectId: String, partyId: String, accountId: String, text: String, raisedAt: Int64, logIndex: Int64,
        answer: String? = nil, answeredBy: String? = nil, answeredAt: Int64? = nil, answerLogIndex: Int64? = nil
    ) {
        self.id = id
        self.lotId = lotId
        self.projectId = projectId
        self.partyId = partyId
        self.accountId = accountId
        self.text = text
        self.raisedAt = raisedAt
        self.logIndex = logIndex
        self.answer = answer
        self.answeredBy = answeredBy
        self.answeredAt = answeredAt
        self.answerLogIndex = answerLogIndex
    }
}

/// 开标记录签署 — the opening record of a lot as the runner signed it: the exact text and its SHA-256 (logged).
public struct OpeningRecordRow: Sendable, Codable, Equatable {
    public var lotId: String
    public var projectId: String
    /// The exact text signed; `sha256` is its SHA-256 (lower-case hex), as logged.
    public var text: String
    public var sha256: String
    /// The signing account.
    public var signedBy: String
    public var signedAt: Int64
    public var logIndex: Int64

    public init(lotId: String, projectId: String, text: String, sha256: String, signedBy: String, signedAt: Int64, logIndex: Int64) {
        self.lotId = lotId
        self.projectId = projectId
        self.text = text
        self.sha256 = sha256
        self.signedBy = signedBy
        self.signedAt = signedAt
        self.logIndex = logIndex
    }
}
