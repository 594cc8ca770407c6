/// 专家库条目 — one expert in the pool a draw is made from: identifier, category (专业) and organisation (工作单位).
///
/// Coded as `{"id": ..., "category": ..., "org": ...}`; committed as the leaf lp(id) ‖ lp(category) ‖ lp(org).
public struct PoolEntry: Sendable, Hashable, Codable {
    /// The expert's identifier in the pool.
    public var id: String
    /// The evaluation category the expert is drawn for.
    public var category: String
    /// The expert's organisation; the per-organisation cap counts these.
    public var org: String

    /// Creates a ``PoolEntry`` from its fields.
    public init(id: String, category: String, org: String) {
        self.id = id
        self.category = category
        self.org = org
    }

    /// Appends the Merkle leaf data: lp(id) ‖ lp(category) ‖ lp(org).
    func appendLeaf(to out: inout [UInt8]) {
        LengthPrefixed.append(self.id, to: &out)
        LengthPrefixed.append(self.category, to: &out)
        LengthPrefixed.append(self.org, to: &out)
    }
}

/// 回避 — an expert excluded from this draw before it, with the reason (conflict of interest, 评标委员会规定12).
///
/// Coded as `{"id": ..., "reason": ...}`; committed as the leaf lp(id) ‖ lp(reason).
public struct Exclusion: Sendable, Hashable, Codable {
    /// The excluded expert's identifier.
    public var id: String
    /// Why, in words the public may read after the award.
    public var reason: String

    /// Creates an ``Exclusion`` from its fields.
    public init(id: String, reason: String) {
        self.id = id
        self.reason = reason
    }

    /// Appends the Merkle leaf data: lp(id) ‖ lp(reason).
    func appendLeaf(to out: inout [UInt8]) {
        LengthPrefixed.append(self.id, to: &out)
        LengthPrefixed.append(self.reason, to: &out)
    }
}

/// The roots committed before the draw: RFC 6962 over the entries sorted by id in code point order.
enum DrawRoots {
    /// Root over the pool; throws on a repeated id.
    static func pool(_ pool: [PoolEntry]) throws(DrawError) -> DrawDigest {
        let order = try Self.sortedByID(pool.map(\.id), duplicate: DrawError.duplicateExpert)
        return MerkleRoot.of(count: order.count) { index, buffer in pool[order[index]].appendLeaf(to: &buffer) }
    }

    /// Root over the exclusions; throws on a repeated id.
    static func exclusions(_ exclusions: [Exclusion]) throws(DrawError) -> DrawDigest {
        let order = try Self.sortedByID(exclusions.map(\.id), duplicate: DrawError.duplicateExclusion)
        return MerkleRoot.of(count: order.count) { index, buffer in exclusions[order[index]].appendLeaf(to: &buffer) }
    }

    /// Indices of `ids` in code point order; equal neighbours (same bytes) are duplicates.
    private static func sortedByID(_ ids: [String], duplicate: (String) -> DrawError) throws(DrawError) -> [Int] {
        let order = ids.indices.sorted { ids[$0].precedesByCodePoint(ids[$1]) }
        for (previous, next) in zip(order, order.dropFirst()) where ids[previous].equalsByCodePoint(ids[next]) {
            throw duplicate(ids[next])
        }
        return order
    }
}
