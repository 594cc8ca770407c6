/// 紧凑区间 — the right edge of a growing Merkle tree: one hash per set bit of its size.
///
/// Appending a leaf hash costs one node hash amortized; the root costs at most
/// ⌈log₂ n⌉ node hashes. A database-backed log keeps only this state in memory
/// (or persists it beside each checkpoint) and appends entries in order.
public struct CompactRange: Sendable, Hashable {
    /// Number of leaves covered.
    public private(set) var size: UInt64
    /// Roots of the perfect subtrees that make up the tree, largest (leftmost) first.
    public private(set) var hashes: [Hash]

    /// An empty range (tree size 0).
    public init() {
        self.size = 0
        self.hashes = []
        self.hashes.reserveCapacity(64)
    }

    /// Restores a range from its size and subtree roots (as saved from `hashes`).
    public init(size: UInt64, hashes: [Hash]) throws(ProofError) {
        guard hashes.count == size.nonzeroBitCount else {
            throw .malformedCompactRange(size: size, hashCount: hashes.count)
        }
        self.size = size
        self.hashes = hashes
    }

    /// Appends one leaf hash (see `Merkle.leafHash`).
    public mutating func append(_ leafHash: Hash) {
        var carry = leafHash
        var size = self.size
        // Each trailing 1 bit of the old size is a perfect subtree of equal height to merge with.
        while size & 1 == 1 {
            carry = Merkle.nodeHash(self.hashes.removeLast(), carry)
            size >>= 1
        }
        self.hashes.append(carry)
        self.size += 1
    }

    /// Hashes `entry` as a leaf and appends it; returns the leaf hash.
    @discardableResult
    public mutating func append(entry: [UInt8]) -> Hash {
        let leaf = Merkle.leafHash(entry)
        self.append(leaf)
        return leaf
    }

    /// Root hash of the tree over all appended leaves.
    public var rootHash: Hash {
        Merkle.foldRight(self.hashes)
    }
}
