/// 抽取承诺 — what is logged before a draw: everything that determines it except the randomness,
/// which does not exist yet (a future beacon round, and parties' commitments to values not yet revealed).
///
/// Coded as `{"draw_id", "rules_canonical", "pool_root", "pool_size", "exclusions_root", "exclusion_count",
/// "beacon": {"network", "round"}, "contributions": [{"party", "commitment"}]}`.
public struct DrawCommitment: Sendable, Hashable, Codable {
    /// The draw's identifier.
    public var drawID: String
    /// The rules as RFC 8785 canonical JSON.
    public var rulesCanonical: String
    /// RFC 6962 root over the id-sorted pool.
    public var poolRoot: DrawDigest
    /// Number of experts in the pool.
    public var poolSize: Int
    /// RFC 6962 root over the id-sorted exclusions.
    public var exclusionsRoot: DrawDigest
    /// Number of exclusions.
    public var exclusionCount: Int
    /// The beacon round the draw will use.
    public var beacon: BeaconReference
    /// The parties' commitments, in the order their values enter the seed.
    public var contributions: [ContributionCommitment]

    enum CodingKeys: String, CodingKey {
        case beacon, contributions
        case drawID = "draw_id"
        case rulesCanonical = "rules_canonical"
        case poolRoot = "pool_root"
        case poolSize = "pool_size"
        case exclusionsRoot = "exclusions_root"
        case exclusionCount = "exclusion_count"
    }

    /// Creates a ``CodingKeys`` from its fields.
    public init(
        drawID: String, rulesCanonical: String, poolRoot: DrawDigest, poolSize: Int, exclusionsRoot: DrawDigest,
        exclusionCount: Int, beacon: BeaconReference, contributions: [ContributionCommitment]
    ) {
        self.drawID = drawID
        self.rulesCanonical = rulesCanonical
        self.poolRoot = poolRoot
        self.poolSize = poolSize
        self.exclusionsRoot = exclusionsRoot
        self.exclusionCount = exclusionCount
        self.beacon = beacon
        self.contributions = contributions
    }

    /// The first field in which `bundle` departs from this commitment, or nil when it keeps to it.
    public func mismatch(with bundle: DrawBundle) -> DrawMismatch? {
        let checks: [(String, String, String)] = [
            ("draw_id", self.drawID, bundle.drawID),
            ("rules_canonical", self.rulesCanonical, bundle.rulesCanonical),
            ("pool_root", self.poolRoot.hex, bundle.poolRoot.hex),
            ("pool_size", String(self.poolSize), String(bundle.pool.count)),
            ("exclusions_root", self.exclusionsRoot.hex, bundle.exclusionsRoot.hex),
            ("exclusion_count", String(self.exclusionCount), String(bundle.excluded.count)),
            ("beacon.network", self.beacon.network, bundle.randomness.beacon.network),
            ("beacon.round", String(self.beacon.round), String(bundle.randomness.beacon.round)),
            ("contributions.count", String(self.contributions.count), String(bundle.randomness.contributions.count)),
        ]
        for (field, committed, found) in checks where committed != found {
            return DrawMismatch(field: "commitment.\(field)", expected: committed, found: found)
        }
        for (index, (committed, revealed)) in zip(self.contributions, bundle.randomness.contributions).enumerated() {
            if committed.party != revealed.party {
                return DrawMismatch(field: "commitment.contributions[\(index)].party", expected: committed.party, found: revealed.party)
            }
            if committed.commitment != revealed.commitment {
                return DrawMismatch(
                    field: "commitment.contributions[\(index)].commitment", expected: committed.commitment.hex, found: revealed.commitment.hex
                )
            }
        }
        return nil
    }
}

/// The beacon round named before the draw: it must lie in the future when the commitment is logged.
public struct BeaconReference: Sendable, Hashable, Codable {
    /// The beacon network, e.g. `drand quicknet`.
    public var network: String
    /// The round to use.
    public var round: UInt64

    /// Creates a ``BeaconReference`` from its fields.
    public init(network: String, round: UInt64) {
        self.network = network
        self.round = round
    }
}
