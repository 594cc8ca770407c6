import Crypto
import Foundation

/// Step 3 of algorithm v1: tickets, the per-category ranking, selection under the quota and the
/// per-organisation cap, and the ordered reserves.
struct TicketRanking {
    private let key: TicketKey

    /// A ranking keyed by the draw's seed.
    init(seed: DrawDigest) {
        self.key = TicketKey(seed: seed)
    }

    /// The ticket of one expert: HMAC-SHA256(seed, lp(category) ‖ lp(id)).
    func ticket(category: String, id: String) -> DrawDigest {
        var scratch: [UInt8] = []
        return self.key.category(category).ticket(id: id, scratch: &scratch)
    }

    /// Runs the selection over the pool minus the excluded ids, category by category in the rules' order.
    func draw(pool: [PoolEntry], excluded: Set<String>, rules: DrawRules) -> DrawResult {
        var members: [String: [Int]] = [:]
        for category in rules.order { members[category] = [] }
        for (index, entry) in pool.enumerated() where members[entry.category] != nil {
            if excluded.isEmpty || !excluded.contains(entry.id) { members[entry.category]!.append(index) }
        }
        var perOrganisation: [String: Int] = [:]
        var scratch: [UInt8] = []
        var categories: [CategoryDraw] = []
        for category in rules.order {
            let keyed = self.key.category(category)
            var ranked = members[category]!.map { (ticket: keyed.ticket(id: pool[$0].id, scratch: &scratch), index: $0) }
            ranked.sort { lhs, rhs in
                lhs.ticket != rhs.ticket ? lhs.ticket < rhs.ticket : pool[lhs.index].id.precedesByCodePoint(pool[rhs.index].id)
            }
            let quota = rules.quota[category] ?? 0
            var selected: [String] = []
            var reserves: [String] = []
            for (_, index) in ranked {
                let entry = pool[index]
                if selected.count < quota, perOrganisation[entry.org, default: 0] < rules.maxPerOrganisation {
                    selected.append(entry.id)
                    perOrganisation[entry.org, default: 0] += 1
                } else if reserves.count < rules.reserve {
                    reserves.append(entry.id)
                } else if selected.count == quota {
                    break
                }
            }
            categories.append(
                CategoryDraw(
                    category: category, selected: selected, reserveInOrder: reserves,
                    ranking: ranked.map { RankedExpert(id: pool[$0.index].id, ticket: $0.ticket) }
                )
            )
        }
        return DrawResult(categories: categories)
    }
}

/// HMAC-SHA256 keyed by the seed (RFC 2104 over swift-crypto's SHA-256), with the inner state already
/// past the key block and lp(category), so each of 100,000 tickets costs two short hashes.
/// Tests check it against swift-crypto's `HMAC<SHA256>`.
struct TicketKey {
    private var inner: SHA256
    private var outer: SHA256

    init(seed: DrawDigest) {
        let key = seed.bytes + [UInt8](repeating: 0, count: 64 - DrawDigest.byteCount)
        self.inner = SHA256()
        self.outer = SHA256()
        key.map { $0 ^ 0x36 }.withUnsafeBytes { self.inner.update(bufferPointer: $0) }
        key.map { $0 ^ 0x5c }.withUnsafeBytes { self.outer.update(bufferPointer: $0) }
    }

    /// The key with lp(category) absorbed into the inner hash.
    func category(_ category: String) -> TicketKey {
        var keyed = self
        LengthPrefixed.bytes(category).withUnsafeBytes { keyed.inner.update(bufferPointer: $0) }
        return keyed
    }

    /// HMAC over the absorbed prefix ‖ lp(id); `scratch` is a reused buffer.
    func ticket(id: String, scratch: inout [UInt8]) -> DrawDigest {
        scratch.removeAll(keepingCapacity: true)
        LengthPrefixed.append(id, to: &scratch)
        var inner = self.inner
        scratch.withUnsafeBytes { inner.update(bufferPointer: $0) }
        let innerDigest = inner.finalize()
        var outer = self.outer
        innerDigest.withUnsafeBytes { (raw: UnsafeRawBufferPointer) -> Void in outer.update(bufferPointer: raw) }
        return DrawDigest(outer.finalize())
    }
}
