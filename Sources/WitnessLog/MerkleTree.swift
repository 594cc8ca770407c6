/// 内存默克尔树 — an in-memory Merkle tree keeping every perfect subtree hash.
///
/// Appends cost one node hash amortized; any historical root, inclusion proof or
/// consistency proof costs O(log n) hash lookups. Used in tests, tools and for
/// verifying a downloaded log; a database implements `MerkleHashReader` instead.
public struct MerkleTree: MerkleHashReader, Hashable {
    /// `levels[l][i]` is the root of the perfect subtree of 2^l leaves starting at leaf i·2^l.
    private var levels: [[Hash]]

    /// An empty tree.
    public init() {
        self.levels = [[]]
    }

    /// A tree over the given leaf hashes.
    public init(leafHashes: some Sequence<Hash>) {
        self.init()
        for leaf in leafHashes {
            self.append(leaf)
        }
    }

    /// Number of leaves.
    public var size: UInt64 {
        UInt64(self.levels[0].count)
    }

    /// Appends one leaf hash.
    public mutating func append(_ leafHash: Hash) {
        self.levels[0].append(leafHash)
        var level = 0
        while self.levels[level].count % 2 == 0 {
            let count = self.levels[level].count
            let parent = Merkle.nodeHash(self.levels[level][count - 2], self.levels[level][count - 1])
            if level + 1 == self.levels.count {
                self.levels.append([])
            }
            self.levels[level + 1].append(parent)
            level += 1
        }
    }

    /// Hashes `entry` as a leaf and appends it; returns the leaf hash.
    @discardableResult
    public mutating func append(entry: [UInt8]) -> Hash {
        let leaf = Merkle.leafHash(entry)
        self.append(leaf)
        return leaf
    }

    /// Root hash over all leaves.
    public var rootHash: Hash {
        // Size never exceeds itself, so this cannot throw.
        (try? self.rootHash(size: self.size)) ?? Merkle.emptyRoot
    }

    /// Root hash of the tree as it was at `size` leaves.
    public func rootHash(size: UInt64) throws(ProofError) -> Hash {
        guard size <= self.size else { throw .beyondTreeSize(requested: size, treeSize: self.size) }
        var root: Hash?
        for level in 0..<self.levels.count where size & (UInt64(1) << UInt64(level)) != 0 {
            let node = self.levels[level][Int(size >> UInt64(level)) - 1]
            root = root.map { Merkle.nodeHash(node, $0) } ?? node
        }
        return root ?? Merkle.emptyRoot
    }

    /// The compact range (right edge) of the tree at `size` leaves, to continue appending elsewhere.
    public func compactRange(size: UInt64) throws(ProofError) -> CompactRange {
        guard size <= self.size else { throw .beyondTreeSize(requested: size, treeSize: self.size) }
        var hashes: [Hash] = []
        for level in (0..<self.levels.count).reversed() where size & (UInt64(1) << UInt64(level)) != 0 {
            hashes.append(self.levels[level][Int(size >> UInt64(level)) - 1])
        }
        return try CompactRange(size: size, hashes: hashes)
    }

    public func leafHashes(in range: Range<UInt64>) throws(ProofError) -> [Hash] {
        guard range.upperBound <= self.size else {
            throw .beyondTreeSize(requested: range.upperBound, treeSize: self.size)
        }
        return Array(self.levels[0][Int(range.lowerBound)..<Int(range.upperBound)])
    }

    public func perfectSubtreeHash(level: Int, index: UInt64) throws(ProofError) -> Hash {
        let end = (index + 1) << UInt64(level)
        guard level < self.levels.count, index < UInt64(self.levels[level].count) else {
            throw .beyondTreeSize(requested: end, treeSize: self.size)
        }
        return self.levels[level][Int(index)]
    }

    /// Inclusion proof for `leafIndex` in the tree of `treeSize` leaves (default: current size).
    public func inclusionProof(leafIndex: UInt64, treeSize: UInt64? = nil) throws -> InclusionProof {
        try InclusionProof.generate(leafIndex: leafIndex, treeSize: treeSize ?? self.size, reader: self)
    }

    /// Consistency proof from `oldSize` to `newSize` leaves (default: current size).
    public func consistencyProof(oldSize: UInt64, newSize: UInt64? = nil) throws -> ConsistencyProof {
        try ConsistencyProof.generate(oldSize: oldSize, newSize: newSize ?? self.size, reader: self)
    }
}
