import Foundation
import Testing
import WitnessLog
import YiwangTestSupport

@Suite struct MerkleVectorTests {
    struct Classic: Decodable {
        var leaf_inputs_hex: [String]
        var node_hashes_by_level_hex: [[String]]
        var root_for_size_hex: [String]
    }

    struct InclusionProbe: Decodable {
        var leafIdx: UInt64
        var treeSize: UInt64
        var root: String
        var leafHash: String
        var proof: [String]?
        var desc: String
        var wantErr: Bool
    }

    struct ConsistencyProbe: Decodable {
        var size1: UInt64
        var size2: UInt64
        var root1: String
        var root2: String
        var proof: [String]?
        var desc: String
        var wantErr: Bool
    }

    static func classicTree() throws -> (Classic, MerkleTree) {
        let classic = try SharedVectors.decode(Classic.self, from: "merkle/rfc6962_classic.json")
        var tree = MerkleTree()
        for input in classic.leaf_inputs_hex {
            tree.append(entry: [UInt8](hex: input))
        }
        return (classic, tree)
    }

    @Test func classicRootsAndNodes() throws {
        // setup
        let (classic, tree) = try Self.classicTree()
        // validate
        #expect(classic.root_for_size_hex.count == 9)
        for (size, hex) in classic.root_for_size_hex.enumerated() {
            let leaves = try tree.leafHashes(in: 0..<UInt64(size))
            #expect(Merkle.rootHash(leafHashes: leaves).hex == hex, "root of size \(size)")
            #expect(try tree.rootHash(size: UInt64(size)).hex == hex, "tree root of size \(size)")
            var range = CompactRange()
            leaves.forEach { range.append($0) }
            #expect(range.rootHash.hex == hex, "compact range root of size \(size)")
        }
        for (level, hashes) in classic.node_hashes_by_level_hex.enumerated() {
            for (index, hex) in hashes.enumerated() {
                #expect(try tree.perfectSubtreeHash(level: level, index: UInt64(index)).hex == hex)
            }
        }
        #expect(Merkle.emptyRoot.hex == classic.root_for_size_hex[0])
    }

    @Test func inclusionProbes() throws {
        // setup
        let (_, tree) = try Self.classicTree()
        let files = try SharedVectors.jsonFiles(in: "merkle/inclusion")
        var passed = 0
        var crossChecked = 0
        // exercise
        for file in files {
            let probe = try JSONDecoder().decode(InclusionProbe.self, from: Data(contentsOf: file))
            let proof = (probe.proof ?? []).map { [UInt8](base64: $0) }
            let outcome = Result { () throws(ProofError) in
                try InclusionProof.verify(
                    leafIndex: probe.leafIdx, treeSize: probe.treeSize, leafHash: [UInt8](base64: probe.leafHash),
                    proof: proof, rootHash: [UInt8](base64: probe.root))
            }
            // validate
            let failed = (try? outcome.get()) == nil
            #expect(failed == probe.wantErr, "\(file.lastPathComponent): \(probe.desc) → \(outcome)")
            if failed == probe.wantErr { passed += 1 }
            // A happy path over the classic tree must also be what we generate.
            if !probe.wantErr, probe.treeSize <= tree.size,
                try tree.rootHash(size: probe.treeSize).base64 == probe.root
            {
                let generated = try tree.inclusionProof(leafIndex: probe.leafIdx, treeSize: probe.treeSize)
                #expect(generated.hashes.map(\.base64) == probe.proof ?? [], "\(file.lastPathComponent)")
                crossChecked += 1
            }
        }
        #expect(files.count == 98)
        #expect(passed == files.count)
        #expect(crossChecked >= 4)
    }

    @Test func consistencyProbes() throws {
        // setup
        let (_, tree) = try Self.classicTree()
        let files = try SharedVectors.jsonFiles(in: "merkle/consistency")
        var passed = 0
        var crossChecked = 0
        // exercise
        for file in files {
            let probe = try JSONDecoder().decode(ConsistencyProbe.self, from: Data(contentsOf: file))
            let proof = (probe.proof ?? []).map { [UInt8](base64: $0) }
            let outcome = Result { () throws(ProofError) in
                try ConsistencyProof.verify(
                    oldSize: probe.size1, newSize: probe.size2, proof: proof,
                    oldRoot: [UInt8](base64: probe.root1), newRoot: [UInt8](base64: probe.root2))
            }
            // validate
            let failed = (try? outcome.get()) == nil
            #expect(failed == probe.wantErr, "\(file.lastPathComponent): \(probe.desc) → \(outcome)")
            if failed == probe.wantErr { passed += 1 }
            if !probe.wantErr, probe.size2 <= tree.size,
                try tree.rootHash(size: probe.size2).base64 == probe.root2
            {
                let generated = try tree.consistencyProof(oldSize: probe.size1, newSize: probe.size2)
                #expect(generated.hashes.map(\.base64) == probe.proof ?? [], "\(file.lastPathComponent)")
                crossChecked += 1
            }
        }
        #expect(files.count == 98)
        #expect(passed == files.count)
        #expect(crossChecked >= 4)
    }
}
