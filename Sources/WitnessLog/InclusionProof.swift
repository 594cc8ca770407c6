/// 包含性证明 — a Merkle audit path showing that a leaf is in a tree (RFC 9162 §2.1.3).
public struct InclusionProof: Sendable, Hashable, Codable {
    /// Index of the leaf, counted from 0.
    public var leafIndex: UInt64
    /// Size of the tree the proof is for.
    public var treeSize: UInt64
    /// Sibling hashes from the leaf up to the root.
    public var hashes: [Hash]

    /// A proof as received or stored.
    public init(leafIndex: UInt64, treeSize: UInt64, hashes: [Hash]) {
        self.leafIndex = leafIndex
        self.treeSize = treeSize
        self.hashes = hashes
    }

    /// The leaf ranges whose tree hashes form PATH(leafIndex, D[0:treeSize]), in proof order.
    public static func subtreeRanges(leafIndex: UInt64, treeSize: UInt64) throws(ProofError) -> [Range<UInt64>] {
        guard leafIndex < treeSize else { throw .indexOutOfRange(index: leafIndex, treeSize: treeSize) }
        // Walk down from the root; siblings are met top-down, the proof lists them bottom-up.
        var ranges: [Range<UInt64>] = []
        var start: UInt64 = 0
        var end = treeSize
        while end - start > 1 {
            let k = Merkle.splitPoint(end - start)
            if leafIndex - start < k {
                ranges.append((start + k)..<end)
                end = start + k
            } else {
                ranges.append(start..<(start + k))
                start += k
            }
        }
        return ranges.reversed()
    }

    /// Builds the proof from a stored tree.
    public static func generate(
        leafIndex: UInt64, treeSize: UInt64, reader: some MerkleHashReader
    ) throws -> InclusionProof {
        let hashes = try self.subtreeRanges(leafIndex: leafIndex, treeSize: treeSize).map {
            try reader.subtreeHash($0)
        }
        return InclusionProof(leafIndex: leafIndex, treeSize: treeSize, hashes: hashes)
    }

    /// Builds the proof from a store with asynchronous reads.
    public static func generate(
        leafIndex: UInt64, treeSize: UInt64, reader: some AsyncMerkleHashReader
    ) async throws -> InclusionProof {
        var hashes: [Hash] = []
        for range in try self.subtreeRanges(leafIndex: leafIndex, treeSize: treeSize) {
            hashes.append(try await reader.subtreeHash(range))
        }
        return InclusionProof(leafIndex: leafIndex, treeSize: treeSize, hashes: hashes)
    }

    /// Number of hashes a valid proof for `leafIndex` in a tree of `treeSize` leaves has.
    public static func expectedLength(leafIndex: UInt64, treeSize: UInt64) -> Int {
        let inner = 64 - (leafIndex ^ (treeSize - 1)).leadingZeroBitCount
        let border = (leafIndex >> UInt64(inner)).nonzeroBitCount
        return inner + border
    }

    /// The root this proof yields for `leafHash`, per RFC 9162 §2.1.3.2.
    public func rootHash(leafHash: Hash) throws(ProofError) -> Hash {
        guard self.leafIndex < self.treeSize else {
            throw .indexOutOfRange(index: self.leafIndex, treeSize: self.treeSize)
        }
        let expected = InclusionProof.expectedLength(leafIndex: self.leafIndex, treeSize: self.treeSize)
        var fn = self.leafIndex
        var sn = self.treeSize - 1
        var r = leafHash
        for p in self.hashes {
            guard sn != 0 else { throw .wrongProofLength(expected: expected, actual: self.hashes.count) }
            if fn & 1 == 1 || fn == sn {
                r = Merkle.nodeHash(p, r)
                while fn & 1 == 0 && fn != 0 {
                    fn >>= 1
                    sn >>= 1
                }
            } else {
                r = Merkle.nodeHash(r, p)
            }
            fn >>= 1
            sn >>= 1
        }
        guard sn == 0 else { throw .wrongProofLength(expected: expected, actual: self.hashes.count) }
        return r
    }

    /// Checks that `leafHash` is at `leafIndex` in the tree of `treeSize` leaves with root `rootHash`.
    public func verify(leafHash: Hash, rootHash: Hash) throws(ProofError) {
        let computed = try self.rootHash(leafHash: leafHash)
        guard computed == rootHash else {
            throw .rootMismatch(field: "root", expected: rootHash, computed: computed)
        }
    }

    /// Verifies a proof given as untrusted bytes (e.g. decoded from JSON or a receipt).
    public static func verify(
        leafIndex: UInt64, treeSize: UInt64, leafHash: [UInt8], proof: [[UInt8]], rootHash: [UInt8]
    ) throws(ProofError) {
        let leaf = try Hash.decode(leafHash, field: "leaf hash")
        let root = try Hash.decode(rootHash, field: "root hash")
        var hashes: [Hash] = []
        for (i, bytes) in proof.enumerated() {
            hashes.append(try Hash.decode(bytes, field: "proof hash \(i)"))
        }
        try InclusionProof(leafIndex: leafIndex, treeSize: treeSize, hashes: hashes)
            .verify(leafHash: leaf, rootHash: root)
    }
}

extension Hash {
    /// A hash from untrusted bytes, or `ProofError.malformedHash` naming the field.
    static func decode(_ bytes: [UInt8], field: String) throws(ProofError) -> Hash {
        guard let hash = Hash(bytes: bytes) else {
            throw .malformedHash(field: field, byteCount: bytes.count)
        }
        return hash
    }
}
