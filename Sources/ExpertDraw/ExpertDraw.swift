/// 专家抽取 — the verifiable expert draw, algorithm v1 (shared/DESIGN.md "Verifiable expert draw").
///
/// 1. ``commit(drawID:pool:exclusions:rules:beacon:contributions:)`` fixes everything but the randomness.
/// 2. ``run(drawID:pool:exclusions:rules:randomness:commitment:)`` derives the seed and draws.
/// 3. ``DrawBundle/verify(against:)`` reproduces all of it from the published bundle.
public enum ExpertDraw {
    /// The domain separator that starts the seed's input.
    public static let seedPrefix = "expert-draw/v1\n"

    /// The commitment logged before the draw: roots of the pool and exclusions, the canonical rules,
    /// the beacon round to be used and the parties' commitments.
    public static func commit(
        drawID: String, pool: [PoolEntry], exclusions: [Exclusion], rules: DrawRules,
        beacon: BeaconReference, contributions: [ContributionCommitment]
    ) throws(DrawError) -> DrawCommitment {
        try rules.validate()
        var parties = Set<String>()
        for contribution in contributions where !parties.insert(contribution.party).inserted {
            throw .duplicateParty(contribution.party)
        }
        return DrawCommitment(
            drawID: drawID, rulesCanonical: rules.canonicalJSON,
            poolRoot: try DrawRoots.pool(pool), poolSize: pool.count,
            exclusionsRoot: try DrawRoots.exclusions(exclusions), exclusionCount: exclusions.count,
            beacon: beacon, contributions: contributions
        )
    }

    /// Runs the draw. When the commitment logged before it is given, the inputs must match it.
    public static func run(
        drawID: String, pool: [PoolEntry], exclusions: [Exclusion], rules: DrawRules,
        randomness: DrawRandomness, commitment: DrawCommitment? = nil
    ) throws(DrawError) -> DrawBundle {
        try rules.validate()
        try randomness.validate()
        let poolRoot = try DrawRoots.pool(pool)
        let exclusionsRoot = try DrawRoots.exclusions(exclusions)
        let rulesCanonical = rules.canonicalJSON
        let seed = Self.seed(
            drawID: drawID, poolRoot: poolRoot, exclusionsRoot: exclusionsRoot, rulesCanonical: rulesCanonical, randomness: randomness
        )
        let result = TicketRanking(seed: seed).draw(pool: pool, excluded: Set(exclusions.map(\.id)), rules: rules)
        let bundle = DrawBundle(
            drawID: drawID, pool: pool, excluded: exclusions, rules: rules, rulesCanonical: rulesCanonical,
            randomness: randomness, poolRoot: poolRoot, exclusionsRoot: exclusionsRoot, seed: seed, result: result
        )
        if let commitment, let mismatch = commitment.mismatch(with: bundle) {
            throw .commitmentMismatch(mismatch)
        }
        return bundle
    }

    /// seed = SHA-256("expert-draw/v1\n" ‖ lp(draw_id) ‖ pool_root ‖ excl_root ‖ lp(rules) ‖ u64be(round)
    /// ‖ randomness ‖ Σ lp(party) ‖ value).
    public static func seed(
        drawID: String, poolRoot: DrawDigest, exclusionsRoot: DrawDigest, rulesCanonical: String, randomness: DrawRandomness
    ) -> DrawDigest {
        var message = Array(Self.seedPrefix.utf8)
        LengthPrefixed.append(drawID, to: &message)
        message.append(contentsOf: poolRoot.bytes)
        message.append(contentsOf: exclusionsRoot.bytes)
        LengthPrefixed.append(rulesCanonical, to: &message)
        LengthPrefixed.appendUInt64(randomness.beacon.round, to: &message)
        message.append(contentsOf: randomness.beacon.randomness)
        for contribution in randomness.contributions {
            LengthPrefixed.append(contribution.party, to: &message)
            message.append(contentsOf: contribution.value)
        }
        return DrawDigest.sha256(message)
    }

    /// The ticket of one expert under `seed`: HMAC-SHA256(seed, lp(category) ‖ lp(id)).
    public static func ticket(seed: DrawDigest, category: String, id: String) -> DrawDigest {
        TicketRanking(seed: seed).ticket(category: category, id: id)
    }
}
