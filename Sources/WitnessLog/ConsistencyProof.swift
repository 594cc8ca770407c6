/// 一致性证明 — proof that a larger tree extends a smaller one (RFC 9162 §2.1.4).
public struct ConsistencyProof: Sendable, Hashable, Codable {
    /// Size of the older, smaller tree.
    public var oldSize: UInt64
    /// Size of the newer, larger tree.
    public var newSize: UInt64
    /// The proof hashes, as PROOF(oldSize, D[0:newSize]) lists them.
    public var hashes: [Hash]

    /// A proof as received or stored.
    public init(oldSize: UInt64, newSize: UInt64, hashes: [Hash]) {
        self.oldSize = oldSize
        self.newSize = newSize
        self.hashes = hashes
    }

    /// The leaf ranges whose tree hashes form PROOF(oldSize, D[0:newSize]), in proof order;
    /// none when the sizes are equal or `oldSize` is 0.
    public static func subtreeRanges(oldSize: UInt64, newSize: UInt64) throws(ProofError) -> [Range<UInt64>] {
        guard oldSize <= newSize else { throw .sizesOutOfOrder(oldSize: oldSize, newSize: newSize) }
        guard oldSize > 0, oldSize < newSize else { return [] }
        // SUBPROOF(m, D[start:end], b), unrolled; ranges are met top-down, the proof lists them bottom-up.
        var ranges: [Range<UInt64>] = []
        var m = oldSize
        var start: UInt64 = 0
        var end = newSize
        var isWholeOldTree = true
        while m != end - start {
            let k = Merkle.splitPoint(end - start)
            if m <= k {
                ranges.append((start + k)..<end)
                end = start + k
            } else {
                ranges.append(start..<(start + k))
                start += k
                m -= k
                isWholeOldTree = false
            }
        }
        if !isWholeOldTree {
            ranges.append(start..<end)
        }
        return ranges.reversed()
    }

    /// Builds the proof from a stored tree.
    public static func generate(
        oldSize: UInt64, newSize: UInt64, reader: some MerkleHashReader
    ) throws -> ConsistencyProof {
        let hashes = try self.subtreeRanges(oldSize: oldSize, newSize: newSize).map {
            try reader.subtreeHash($0)
        }
        return ConsistencyProof(oldSize: oldSize, newSize: newSize, hashes: hashes)
    }

    /// Builds the proof from a store with asynchronous reads.
    public static func generate(
        oldSize: UInt64, newSize: UInt64, reader: some AsyncMerkleHashReader
    ) async throws -> ConsistencyProof {
        var hashes: [Hash] = []
        for range in try self.subtreeRanges(oldSize: oldSize, newSize: newSize) {
            hashes.append(try await reader.subtreeHash(range))
        }
        return ConsistencyProof(oldSize: oldSize, newSize: newSize, hashes: hashes)
    }

    /// Number of hashes a valid proof between two different, non-zero sizes has.
    public static func expectedLength(oldSize: UInt64, newSize: UInt64) -> Int {
        let level = UInt64(oldSize.trailingZeroBitCount)
        let index = (oldSize - 1) >> level
        let last = (newSize - 1) >> level
        let inner = 64 - (index ^ last).leadingZeroBitCount
        let border = (index >> UInt64(inner)).nonzeroBitCount
        return inner + border + (Merkle.isPowerOfTwo(oldSize) ? 0 : 1)
    }

    /// Checks that the tree with `newRoot` extends the tree with `oldRoot`, per RFC 9162 §2.1.4.2.
    ///
    /// Equal sizes need an empty proof and equal roots. A proof from size 0 is refused
    /// (`ProofError.emptyOldTree`): it proves nothing, and callers such as a witness
    /// seeing its first checkpoint must handle that case themselves.
    public func verify(oldRoot: Hash, newRoot: Hash) throws(ProofError) {
        try ConsistencyProof.checkSizes(oldSize: self.oldSize, newSize: self.newSize, proofCount: self.hashes.count)
        if self.oldSize == self.newSize {
            guard oldRoot == newRoot else { throw .differentRootsForSameSize(size: self.oldSize) }
            return
        }
        let expected = ConsistencyProof.expectedLength(oldSize: self.oldSize, newSize: self.newSize)
        let wrongLength = ProofError.wrongProofLength(expected: expected, actual: self.hashes.count)
        guard !self.hashes.isEmpty else { throw wrongLength }
        var path = self.hashes
        if Merkle.isPowerOfTwo(self.oldSize) {
            path.insert(oldRoot, at: 0)
        }
        var fn = self.oldSize - 1
        var sn = self.newSize - 1
        while fn & 1 == 1 {
            fn >>= 1
            sn >>= 1
        }
        var fr = path[0]
        var sr = path[0]
        for c in path.dropFirst() {
            guard sn != 0 else { throw wrongLength }
            if fn & 1 == 1 || fn == sn {
                fr = Merkle.nodeHash(c, fr)
                sr = Merkle.nodeHash(c, sr)
                while fn & 1 == 0 && fn != 0 {
                    fn >>= 1
                    sn >>= 1
                }
            } else {
                sr = Merkle.nodeHash(sr, c)
            }
            fn >>= 1
            sn >>= 1
        }
        guard sn == 0 else { throw wrongLength }
        guard fr == oldRoot else { throw .rootMismatch(field: "old root", expected: oldRoot, computed: fr) }
        guard sr == newRoot else { throw .rootMismatch(field: "new root", expected: newRoot, computed: sr) }
    }

    /// Verifies a proof given as untrusted bytes; equal sizes compare the roots byte for byte.
    public static func verify(
        oldSize: UInt64, newSize: UInt64, proof: [[UInt8]], oldRoot: [UInt8], newRoot: [UInt8]
    ) throws(ProofError) {
        try self.checkSizes(oldSize: oldSize, newSize: newSize, proofCount: proof.count)
        if oldSize == newSize {
            guard oldRoot == newRoot else { throw .differentRootsForSameSize(size: oldSize) }
            return
        }
        var hashes: [Hash] = []
        for (i, bytes) in proof.enumerated() {
            hashes.append(try Hash.decode(bytes, field: "proof hash \(i)"))
        }
        try ConsistencyProof(oldSize: oldSize, newSize: newSize, hashes: hashes).verify(
            oldRoot: try Hash.decode(oldRoot, field: "old root"),
            newRoot: try Hash.decode(newRoot, field: "new root"))
    }

    private static func checkSizes(oldSize: UInt64, newSize: UInt64, proofCount: Int) throws(ProofError) {
        guard oldSize <= newSize else { throw .sizesOutOfOrder(oldSize: oldSize, newSize: newSize) }
        guard oldSize > 0 else { throw .emptyOldTree }
        if oldSize == newSize, proofCount != 0 {
            throw .wrongProofLength(expected: 0, actual: proofCount)
        }
    }
}
