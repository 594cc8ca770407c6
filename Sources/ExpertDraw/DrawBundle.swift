/// 抽取记录包 — everything about one draw, published after the award so anyone can reproduce it
/// (`yiwang verify draw`): inputs, randomness, roots, seed, result, declines, and the salted result hash.
///
/// Coded exactly in the layout of shared/vectors/draw/expert_draw_v1.json (`draw_id`, `pool`, `excluded`,
/// `rules`, `rules_canonical`, `beacon`, `contributions`, `pool_root`, `exclusions_root`, `seed`, `result`),
/// plus `declines` and `result_commitment` when there are any.
public struct DrawBundle: Sendable, Hashable, Codable {
    /// A free-text note (`_note`), not hashed.
    public var note: String?
    /// The draw's identifier.
    public var drawID: String
    /// The expert pool.
    public var pool: [PoolEntry]
    /// Experts excluded before the draw.
    public var excluded: [Exclusion]
    /// The draw rules.
    public var rules: DrawRules
    /// The rules as committed (RFC 8785 canonical JSON).
    public var rulesCanonical: String
    /// The beacon round and the revealed contributions.
    public var randomness: DrawRandomness
    /// RFC 6962 root over the id-sorted pool.
    public var poolRoot: DrawDigest
    /// RFC 6962 root over the id-sorted exclusions.
    public var exclusionsRoot: DrawDigest
    /// The seed.
    public var seed: DrawDigest
    /// Selected experts, reserves and rankings per category.
    public var result: DrawResult
    /// Declines after the draw, in the order they happened, each with the reserve who took the seat.
    public var declines: [Decline]
    /// The salted hash of the result published at draw time, with its salt revealed now.
    public var resultCommitment: ResultCommitment?

    enum CodingKeys: String, CodingKey {
        case pool, excluded, rules, beacon, contributions, seed, result, declines
        case note = "_note"
        case drawID = "draw_id"
        case rulesCanonical = "rules_canonical"
        case poolRoot = "pool_root"
        case exclusionsRoot = "exclusions_root"
        case resultCommitment = "result_commitment"
    }

    /// Creates a ``CodingKeys`` from its fields.
    public init(
        note: String? = nil, drawID: String, pool: [PoolEntry], excluded: [Exclusion], rules: DrawRules, rulesCanonical: String,
        randomness: DrawRandomness, poolRoot: DrawDigest, exclusionsRoot: DrawDigest, seed: DrawDigest, result: DrawResult,
        declines: [Decline] = [], resultCommitment: ResultCommitment? = nil
    ) {
        self.note = note
        self.drawID = drawID
        self.pool = pool
        self.excluded = excluded
        self.rules = rules
        self.rulesCanonical = rulesCanonical
        self.randomness = randomness
        self.poolRoot = poolRoot
        self.exclusionsRoot = exclusionsRoot
        self.seed = seed
        self.result = result
        self.declines = declines
        self.resultCommitment = resultCommitment
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        self.note = try container.decodeIfPresent(String.self, forKey: .note)
        self.drawID = try container.decode(String.self, forKey: .drawID)
        self.pool = try container.decode([PoolEntry].self, forKey: .pool)
        self.excluded = try container.decode([Exclusion].self, forKey: .excluded)
        self.rules = try container.decode(DrawRules.self, forKey: .rules)
        self.rulesCanonical = try container.decode(String.self, forKey: .rulesCanonical)
        self.randomness = DrawRandomness(
            beacon: try container.decode(BeaconOutput.self, forKey: .beacon),
            contributions: try container.decodeIfPresent([RevealedContribution].self, forKey: .contributions) ?? []
        )
        self.poolRoot = try container.decode(DrawDigest.self, forKey: .poolRoot)
        self.exclusionsRoot = try container.decode(DrawDigest.self, forKey: .exclusionsRoot)
        self.seed = try container.decode(DrawDigest.self, forKey: .seed)
        self.result = try container.decode(DrawResult.self, forKey: .result).ordered(by: self.rules.order)
        self.declines = try container.decodeIfPresent([Decline].self, forKey: .declines) ?? []
        self.resultCommitment = try container.decodeIfPresent(ResultCommitment.self, forKey: .resultCommitment)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encodeIfPresent(self.note, forKey: .note)
        try container.encode(self.drawID, forKey: .drawID)
        try container.encode(self.pool, forKey: .pool)
        try container.encode(self.excluded, forKey: .excluded)
        try container.encode(self.rules, forKey: .rules)
        try container.encode(self.rulesCanonical, forKey: .rulesCanonical)
        try container.encode(self.randomness.beacon, forKey: .beacon)
        try container.encode(self.randomness.contributions, forKey: .contributions)
        try container.encode(self.poolRoot, forKey: .poolRoot)
        try container.encode(self.exclusionsRoot, forKey: .exclusionsRoot)
        try container.encode(self.seed, forKey: .seed)
        try container.encode(self.result, forKey: .result)
        if !self.declines.isEmpty { try container.encode(self.declines, forKey: .declines) }
        try container.encodeIfPresent(self.resultCommitment, forKey: .resultCommitment)
    }

    /// The commitment this bundle keeps to (what should have been logged before the draw).
    public var commitment: DrawCommitment {
        DrawCommitment(
            drawID: self.drawID, rulesCanonical: self.rulesCanonical, poolRoot: self.poolRoot, poolSize: self.pool.count,
            exclusionsRoot: self.exclusionsRoot, exclusionCount: self.excluded.count,
            beacon: BeaconReference(network: self.randomness.beacon.network, round: self.randomness.beacon.round),
            contributions: self.randomness.contributions.map(\.published)
        )
    }
}
