/// 树哈希读取 — read access to the hashes of a stored Merkle tree.
///
/// Proof generation needs only this. A store implements `leafHashes(in:)`; it may
/// also override `perfectSubtreeHash(level:index:)` with stored interior hashes
/// (e.g. C2SP tlog-tiles) so that proofs cost O(log n) reads instead of O(n).
public protocol MerkleHashReader: Sendable {
    /// Leaf hashes for the leaf indices in `range`, in order.
    func leafHashes(in range: Range<UInt64>) throws -> [Hash]

    /// Root of the perfect subtree of 2^`level` leaves starting at leaf `index << level`.
    func perfectSubtreeHash(level: Int, index: UInt64) throws -> Hash
}

/// 异步树哈希读取 — the same read access for stores whose reads are `async` (SQL drivers).
public protocol AsyncMerkleHashReader: Sendable {
    /// Leaf hashes for the leaf indices in `range`, in order.
    func leafHashes(in range: Range<UInt64>) async throws -> [Hash]

    /// Root of the perfect subtree of 2^`level` leaves starting at leaf `index << level`.
    func perfectSubtreeHash(level: Int, index: UInt64) async throws -> Hash
}

extension MerkleHashReader {
    /// Default: recomputes the subtree root from its leaf hashes.
    public func perfectSubtreeHash(level: Int, index: UInt64) throws -> Hash {
        let range = Merkle.perfectSubtreeRange(level: level, index: index)
        return try Merkle.rootHash(checkedLeafHashes: self.leafHashes(in: range), for: range)
    }

    /// Merkle tree hash of the leaves in `range` (see `Merkle.perfectSubtrees(covering:)`).
    public func subtreeHash(_ range: Range<UInt64>) throws -> Hash {
        var parts: [Hash] = []
        for part in Merkle.perfectSubtrees(covering: range) {
            parts.append(try self.perfectSubtreeHash(level: part.level, index: part.index))
        }
        return Merkle.foldRight(parts)
    }
}

extension AsyncMerkleHashReader {
    /// Default: recomputes the subtree root from its leaf hashes.
    public func perfectSubtreeHash(level: Int, index: UInt64) async throws -> Hash {
        let range = Merkle.perfectSubtreeRange(level: level, index: index)
        return try Merkle.rootHash(checkedLeafHashes: await self.leafHashes(in: range), for: range)
    }

    /// Merkle tree hash of the leaves in `range` (see `Merkle.perfectSubtrees(covering:)`).
    public func subtreeHash(_ range: Range<UInt64>) async throws -> Hash {
        var parts: [Hash] = []
        for part in Merkle.perfectSubtrees(covering: range) {
            parts.append(try await self.perfectSubtreeHash(level: part.level, index: part.index))
        }
        return Merkle.foldRight(parts)
    }
}

extension Merkle {
    /// Splits `range` into perfect subtrees of decreasing size, left to right.
    ///
    /// `range.lowerBound` must be a multiple of the smallest power of two ≥ `range.count`,
    /// as for every subtree in RFC 6962 proofs; then the right fold of these subtree
    /// roots is the range's Merkle tree hash.
    public static func perfectSubtrees(covering range: Range<UInt64>) -> [(level: Int, index: UInt64)] {
        let count = range.upperBound - range.lowerBound
        var parts: [(level: Int, index: UInt64)] = []
        var position = range.lowerBound
        for level in stride(from: 63, through: 0, by: -1) where count & (UInt64(1) << UInt64(level)) != 0 {
            precondition(position & ((UInt64(1) << UInt64(level)) - 1) == 0, "unaligned subtree range \(range)")
            parts.append((level, position >> UInt64(level)))
            position += UInt64(1) << UInt64(level)
        }
        return parts
    }

    /// Leaves covered by the perfect subtree at `level`, `index`.
    static func perfectSubtreeRange(level: Int, index: UInt64) -> Range<UInt64> {
        let start = index << UInt64(level)
        return start..<(start + (UInt64(1) << UInt64(level)))
    }

    /// Root over leaves a reader returned, refusing a wrong count.
    static func rootHash(checkedLeafHashes leaves: [Hash], for range: Range<UInt64>) throws(ProofError) -> Hash {
        guard UInt64(leaves.count) == range.upperBound - range.lowerBound else {
            throw .readerReturnedWrongCount(range: range, count: leaves.count)
        }
        return Merkle.rootHash(leafHashes: leaves)
    }

    /// Right fold with `nodeHash`: h₀ ‖ (h₁ ‖ (… ‖ hₙ)); the empty root for no hashes.
    static func foldRight(_ hashes: [Hash]) -> Hash {
        guard var root = hashes.last else { return Merkle.emptyRoot }
        for hash in hashes.dropLast().reversed() {
            root = Merkle.nodeHash(hash, root)
        }
        return root
    }
}
