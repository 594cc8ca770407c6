import Crypto

/// RFC 6962 Merkle tree hash, the few lines the pool and exclusions roots need.
///
/// leaf = SHA-256(0x00 ‖ data), node = SHA-256(0x01 ‖ left ‖ right), empty = SHA-256("").
/// Kept local so ExpertDraw depends on swift-crypto only; WitnessLog's `Merkle.rootHash` computes the same value.
enum MerkleRoot {
    /// The Merkle tree hash over `count` leaves whose data `writeLeaf(i, &buffer)` appends, in order;
    /// O(n) time, O(log n) space, one reused buffer.
    static func of(count: Int, writeLeaf: (Int, inout [UInt8]) -> Void) -> DrawDigest {
        var stack: [(hash: DrawDigest, size: Int)] = []
        var leaf: [UInt8] = []
        var node = [UInt8](repeating: 0x01, count: 1 + 2 * DrawDigest.byteCount)
        for index in 0..<count {
            leaf.removeAll(keepingCapacity: true)
            leaf.append(0x00)
            writeLeaf(index, &leaf)
            var current = (hash: Self.sha256(leaf), size: 1)
            while let last = stack.last, last.size == current.size {
                stack.removeLast()
                current = (Self.nodeHash(last.hash, current.hash, buffer: &node), current.size * 2)
            }
            stack.append(current)
        }
        guard var root = stack.popLast()?.hash else { return DrawDigest.sha256([]) }
        while let left = stack.popLast() {
            root = Self.nodeHash(left.hash, root, buffer: &node)
        }
        return root
    }

    /// The Merkle tree hash over the given leaf data, in order.
    static func of(_ leaves: [[UInt8]]) -> DrawDigest {
        Self.of(count: leaves.count) { index, buffer in buffer.append(contentsOf: leaves[index]) }
    }

    private static func nodeHash(_ left: DrawDigest, _ right: DrawDigest, buffer: inout [UInt8]) -> DrawDigest {
        buffer.withUnsafeMutableBytes { raw in
            left.store(into: UnsafeMutableRawBufferPointer(rebasing: raw[1..<33]))
            right.store(into: UnsafeMutableRawBufferPointer(rebasing: raw[33..<65]))
        }
        return Self.sha256(buffer)
    }

    private static func sha256(_ bytes: [UInt8]) -> DrawDigest {
        var hasher = SHA256()
        bytes.withUnsafeBytes { hasher.update(bufferPointer: $0) }
        return DrawDigest(hasher.finalize())
    }
}
