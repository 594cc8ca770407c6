/// 随机信标链 — the public parameters of a drand chain, for choosing a future round and checking its time.
///
/// round(t) = ⌊(t − genesis) / period⌋ + 1; round r is emitted at genesis + (r − 1) × period (Unix seconds).
public struct DrandChain: Sendable, Hashable {
    /// The name committed in the bundle's `beacon.network`.
    public var network: String
    /// The chain hash (hex).
    public var chainHash: String
    /// Seconds between rounds.
    public var period: Int64
    /// Unix time of round 1.
    public var genesisTime: Int64

    /// Creates a ``DrandChain`` from its fields.
    public init(network: String, chainHash: String, period: Int64, genesisTime: Int64) {
        self.network = network
        self.chainHash = chainHash
        self.period = period
        self.genesisTime = genesisTime
    }

    /// drand quicknet (unchained BLS on G1, a round every 3 s).
    public static let quicknet = DrandChain(
        network: "drand quicknet", chainHash: "52db9ba70e0cc0f6eaf7803dd07447a1f5477735fd3f661792ba94600c84e971",
        period: 3, genesisTime: 1_692_803_367
    )

    /// The latest round emitted at Unix time `unixSeconds` (0 before genesis).
    public func round(at unixSeconds: Int64) -> UInt64 {
        guard unixSeconds >= self.genesisTime else { return 0 }
        return UInt64((unixSeconds - self.genesisTime) / self.period) + 1
    }

    /// Unix time at which `round` is emitted.
    public func time(of round: UInt64) -> Int64 {
        self.genesisTime + Int64(max(round, 1) - 1) * self.period
    }

    /// The first round emitted at least `lead` seconds after `unixSeconds`: the round to commit to,
    /// so that every contribution can be revealed before the beacon speaks.
    public func futureRound(after unixSeconds: Int64, lead: Int64) -> UInt64 {
        let target = unixSeconds + max(lead, 0)
        let latest = self.round(at: target)
        return self.time(of: latest) >= target && latest > 0 ? latest : latest + 1
    }
}
