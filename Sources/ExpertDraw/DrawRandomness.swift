/// 随机源 — the randomness a draw uses, fixed only after the draw was committed: one public beacon round
/// and the revealed commit-reveal contributions of the parties, in the committed party order.
public struct DrawRandomness: Sendable, Hashable {
    /// The beacon round's output.
    public var beacon: BeaconOutput
    /// The parties' revealed values, in the order they were committed.
    public var contributions: [RevealedContribution]

    /// Creates a ``DrawRandomness`` from its fields.
    public init(beacon: BeaconOutput, contributions: [RevealedContribution] = []) {
        self.beacon = beacon
        self.contributions = contributions
    }

    /// Checks lengths, distinct parties, and that each revealed value matches its commitment.
    public func validate() throws(DrawError) {
        try self.beacon.validate()
        var parties = Set<String>()
        for contribution in self.contributions {
            guard parties.insert(contribution.party).inserted else { throw .duplicateParty(contribution.party) }
            try contribution.validate()
        }
    }
}

/// 随机信标输出 — one round of a public randomness beacon (drand): network, round, 32-byte randomness,
/// and optionally the round's signature, of which the randomness must be the SHA-256.
///
/// Coded as `{"network": ..., "round": n, "randomness": hex, "signature": hex?}`. The BLS signature
/// itself is not checked here (that needs BLS12-381); `yiwang verify draw` says so.
public struct BeaconOutput: Sendable, Hashable, Codable {
    /// The beacon network, e.g. `drand quicknet`.
    public var network: String
    /// The round number committed before the draw.
    public var round: UInt64
    /// The round's 32-byte randomness.
    public var randomness: [UInt8]
    /// The round's signature, when published with the bundle.
    public var signature: [UInt8]?

    enum CodingKeys: String, CodingKey {
        case network, round, randomness, signature
    }

    /// Creates a ``CodingKeys`` from its fields.
    public init(network: String, round: UInt64, randomness: [UInt8], signature: [UInt8]? = nil) {
        self.network = network
        self.round = round
        self.randomness = randomness
        self.signature = signature
    }

    /// 32 bytes of randomness, equal to SHA-256(signature) when a signature is given.
    public func validate() throws(DrawError) {
        guard self.randomness.count == 32 else { throw .beaconRandomnessLength(self.randomness.count) }
        if let signature = self.signature, DrawDigest.sha256(signature).bytes != self.randomness {
            throw .beaconRandomnessNotFromSignature(round: self.round)
        }
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        self.network = try container.decode(String.self, forKey: .network)
        self.round = try container.decode(UInt64.self, forKey: .round)
        self.randomness = try container.decodeHex(forKey: .randomness)
        self.signature = try container.decodeHexIfPresent(forKey: .signature)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(self.network, forKey: .network)
        try container.encode(self.round, forKey: .round)
        try container.encode(Hex.encode(self.randomness), forKey: .randomness)
        try container.encodeIfPresent(self.signature.map { Hex.encode($0) }, forKey: .signature)
    }
}

/// 承诺-揭示贡献 — a party's revealed contribution: the 32-byte value and the SHA-256 commitment to it
/// that the party published before the beacon round.
///
/// Coded as `{"party": ..., "value": hex, "commitment": hex}`.
public struct RevealedContribution: Sendable, Hashable, Codable {
    /// Who contributed (e.g. `regulator`, `tenderer`).
    public var party: String
    /// The revealed value: 32 bytes the party chose at random.
    public var value: [UInt8]
    /// SHA-256(value), published before the draw.
    public var commitment: DrawDigest

    enum CodingKeys: String, CodingKey {
        case party, value, commitment
    }

    /// A revealed value with the commitment the party published.
    public init(party: String, value: [UInt8], commitment: DrawDigest) {
        self.party = party
        self.value = value
        self.commitment = commitment
    }

    /// A revealed value whose commitment is computed from it (for the party's own tool).
    public init(party: String, value: [UInt8]) {
        self.init(party: party, value: value, commitment: DrawDigest.sha256(value))
    }

    /// What the party publishes before the draw.
    public var published: ContributionCommitment {
        ContributionCommitment(party: self.party, commitment: self.commitment)
    }

    /// A 32-byte value whose SHA-256 is the commitment.
    public func validate() throws(DrawError) {
        guard self.value.count == 32 else { throw .contributionValueLength(party: self.party, count: self.value.count) }
        guard DrawDigest.sha256(self.value) == self.commitment else { throw .revealDoesNotMatchCommitment(party: self.party) }
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        self.party = try container.decode(String.self, forKey: .party)
        self.value = try container.decodeHex(forKey: .value)
        self.commitment = try container.decode(DrawDigest.self, forKey: .commitment)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(self.party, forKey: .party)
        try container.encode(Hex.encode(self.value), forKey: .value)
        try container.encode(self.commitment, forKey: .commitment)
    }
}

/// A party's commitment published before the draw: SHA-256 of the value it will reveal.
public struct ContributionCommitment: Sendable, Hashable, Codable {
    /// Who will contribute.
    public var party: String
    /// SHA-256 of the value to be revealed.
    public var commitment: DrawDigest

    /// Creates a ``ContributionCommitment`` from its fields.
    public init(party: String, commitment: DrawDigest) {
        self.party = party
        self.commitment = commitment
    }
}
