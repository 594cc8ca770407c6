import Foundation
import Testing
import WitnessLog
import YiwangTestSupport

/// Checks generated proofs against a direct transcription of RFC 6962 §2.1 recursion.
@Suite struct MerkleTreeTests {
    /// MTH(D[n]) by the RFC's recursion.
    static func referenceRoot(_ leaves: ArraySlice<Hash>) -> Hash {
        if leaves.isEmpty { return Merkle.emptyRoot }
        if leaves.count == 1 { return leaves[leaves.startIndex] }
        let k = Self.split(leaves.count)
        return Merkle.nodeHash(
            referenceRoot(leaves.prefix(k)), referenceRoot(leaves.dropFirst(k)))
    }

    /// PATH(m, D[n]) by the RFC's recursion.
    static func referencePath(_ m: Int, _ leaves: ArraySlice<Hash>) -> [Hash] {
        if leaves.count <= 1 { return [] }
        let k = Self.split(leaves.count)
        if m < k {
            return referencePath(m, leaves.prefix(k)) + [referenceRoot(leaves.dropFirst(k))]
        }
        return referencePath(m - k, leaves.dropFirst(k)) + [referenceRoot(leaves.prefix(k))]
    }

    /// SUBPROOF(m, D[n], b) by the RFC's recursion.
    static func referenceSubproof(_ m: Int, _ leaves: ArraySlice<Hash>, _ whole: Bool) -> [Hash] {
        if m == leaves.count { return whole ? [] : [referenceRoot(leaves)] }
        let k = Self.split(leaves.count)
        if m <= k {
            return referenceSubproof(m, leaves.prefix(k), whole) + [referenceRoot(leaves.dropFirst(k))]
        }
        return referenceSubproof(m - k, leaves.dropFirst(k), false) + [referenceRoot(leaves.prefix(k))]
    }

    static func split(_ n: Int) -> Int {
        var k = 1
        while k << 1 < n { k <<= 1 }
        return k
    }

    static func leaves(_ count: Int) -> [Hash] {
        (0..<count).map { Merkle.leafHash(Array("entry \($0)".utf8)) }
    }

    @Test func rootsMatchReferenceForEverySize() throws {
        // setup
        let leaves = Self.leaves(130)
        var tree = MerkleTree()
        var range = CompactRange()
        // exercise + validate
        for size in 0...leaves.count {
            let expected = Self.referenceRoot(leaves[..<size])
            #expect(tree.rootHash == expected)
            #expect(range.rootHash == expected)
            #expect(try CompactRange(size: range.size, hashes: range.hashes) == range)
            #expect(try tree.compactRange(size: UInt64(size)) == range)
            if size < leaves.count {
                tree.append(leaves[size])
                range.append(leaves[size])
            }
        }
        #expect(throws: ProofError.self) { try CompactRange(size: 3, hashes: [Merkle.emptyRoot]) }
    }

    @Test func proofsMatchReferenceAndVerify() throws {
        // setup
        let leaves = Self.leaves(40)
        let tree = MerkleTree(leafHashes: leaves)
        let slow = LeafOnlyReader(leaves: leaves)
        // exercise + validate
        for size in 1...leaves.count {
            let root = try tree.rootHash(size: UInt64(size))
            for index in 0..<size {
                let proof = try tree.inclusionProof(leafIndex: UInt64(index), treeSize: UInt64(size))
                #expect(proof.hashes == Self.referencePath(index, leaves[..<size]))
                #expect(try InclusionProof.generate(leafIndex: UInt64(index), treeSize: UInt64(size), reader: slow) == proof)
                try proof.verify(leafHash: leaves[index], rootHash: root)
                if size > 1 {
                    let other = leaves[(index + 1) % size]
                    #expect(throws: ProofError.self) { try proof.verify(leafHash: other, rootHash: root) }
                }
            }
            for old in 1...size {
                let proof = try tree.consistencyProof(oldSize: UInt64(old), newSize: UInt64(size))
                #expect(proof.hashes == (old == size ? [] : Self.referenceSubproof(old, leaves[..<size], true)))
                #expect(try ConsistencyProof.generate(oldSize: UInt64(old), newSize: UInt64(size), reader: slow) == proof)
                let oldRoot = try tree.rootHash(size: UInt64(old))
                try proof.verify(oldRoot: oldRoot, newRoot: root)
                if old < size {
                    #expect(proof.hashes.count == ConsistencyProof.expectedLength(oldSize: UInt64(old), newSize: UInt64(size)))
                    #expect(throws: ProofError.self) { try proof.verify(oldRoot: root, newRoot: oldRoot) }
                }
            }
        }
    }

    @Test func asyncReaderGivesTheSameProofs() async throws {
        // setup
        let leaves = Self.leaves(21)
        let tree = MerkleTree(leafHashes: leaves)
        let store = AsyncLeafStore(leaves: leaves)
        // exercise + validate
        for size in UInt64(1)...21 {
            for index in 0..<size {
                let proof = try await InclusionProof.generate(leafIndex: index, treeSize: size, reader: store)
                #expect(try proof == tree.inclusionProof(leafIndex: index, treeSize: size))
            }
            for old in 0...size {
                let proof = try await ConsistencyProof.generate(oldSize: old, newSize: size, reader: store)
                #expect(try proof == tree.consistencyProof(oldSize: old, newSize: size))
            }
        }
        #expect(try InclusionProof.subtreeRanges(leafIndex: 2, treeSize: 7) == [3..<4, 0..<2, 4..<7])
        #expect(try ConsistencyProof.subtreeRanges(oldSize: 3, newSize: 7) == [2..<3, 3..<4, 0..<2, 4..<7])
    }

    @Test func proofErrorsAreSpecific() throws {
        // setup
        let tree = MerkleTree(leafHashes: Self.leaves(8))
        let root = tree.rootHash
        var proof = try tree.inclusionProof(leafIndex: 2)
        // exercise + validate
        #expect(throws: ProofError.indexOutOfRange(index: 8, treeSize: 8)) { try tree.inclusionProof(leafIndex: 8) }
        proof.hashes.removeLast()
        #expect(throws: ProofError.wrongProofLength(expected: 3, actual: 2)) {
            try proof.verify(leafHash: Self.leaves(3)[2], rootHash: root)
        }
        #expect(throws: ProofError.emptyOldTree) {
            try ConsistencyProof(oldSize: 0, newSize: 8, hashes: []).verify(oldRoot: Merkle.emptyRoot, newRoot: root)
        }
        #expect(try tree.consistencyProof(oldSize: 0).hashes.isEmpty)
        #expect(throws: ProofError.sizesOutOfOrder(oldSize: 9, newSize: 8)) { try tree.consistencyProof(oldSize: 9) }
        #expect(throws: ProofError.beyondTreeSize(requested: 9, treeSize: 8)) { try tree.rootHash(size: 9) }
        #expect(ProofError.emptyOldTree.description.contains("empty tree"))
    }

    @Test func hashEncodings() throws {
        // setup
        let hash = Merkle.leafHash([UInt8]())
        // validate
        #expect(hash.hex == "6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d")
        #expect(Hash(hex: hash.hex) == hash)
        #expect(Hash(hex: hash.hex.uppercased()) == hash)
        #expect(Hash(base64: hash.base64) == hash)
        #expect(Hash(bytes: hash.bytes) == hash)
        #expect(Hash(bytes: hash.data) == hash)
        #expect(Hash(hex: "00") == nil)
        #expect(Hash(base64: "ZG9uJ3QgY2FyZSAy") == nil)
        #expect(Hash(hex: String(repeating: "g", count: 64)) == nil)
        let encoded = try JSONEncoder().encode([hash])
        #expect(String(decoding: encoded, as: UTF8.self) == "[\"\(hash.base64.replacingOccurrences(of: "/", with: "\\/"))\"]")
        #expect(try JSONDecoder().decode([Hash].self, from: encoded) == [hash])
    }
}

/// A reader that only knows leaf hashes, as a minimal database would.
struct LeafOnlyReader: MerkleHashReader {
    var leaves: [Hash]

    func leafHashes(in range: Range<UInt64>) throws -> [Hash] {
        Array(self.leaves[Int(range.lowerBound)..<Int(range.upperBound)])
    }
}

/// A store with asynchronous reads, as a SQL-backed log would be.
actor AsyncLeafStore: AsyncMerkleHashReader {
    let leaves: [Hash]

    init(leaves: [Hash]) {
        self.leaves = leaves
    }

    func leafHashes(in range: Range<UInt64>) async throws -> [Hash] {
        Array(self.leaves[Int(range.lowerBound)..<Int(range.upperBound)])
    }
}
