/// 证明错误 — why a Merkle proof could not be made or did not verify.
public enum ProofError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The leaf index is not below the tree size.
    case indexOutOfRange(index: UInt64, treeSize: UInt64)
    /// The old size is larger than the new size.
    case sizesOutOfOrder(oldSize: UInt64, newSize: UInt64)
    /// A consistency proof from the empty tree proves nothing and is refused.
    case emptyOldTree
    /// The proof has the wrong number of hashes for the sizes given.
    case wrongProofLength(expected: Int, actual: Int)
    /// A value that should be a 32-byte hash has another length.
    case malformedHash(field: String, byteCount: Int)
    /// The proof leads to a different root than the one claimed.
    case rootMismatch(field: String, expected: Hash, computed: Hash)
    /// Two tree heads of equal size carry different roots.
    case differentRootsForSameSize(size: UInt64)
    /// Saved compact range state whose hash count does not match its size.
    case malformedCompactRange(size: UInt64, hashCount: Int)
    /// A hash reader returned a different number of hashes than asked for.
    case readerReturnedWrongCount(range: Range<UInt64>, count: Int)
    /// The tree does not (yet) hold the leaves asked for.
    case beyondTreeSize(requested: UInt64, treeSize: UInt64)

    public var description: String {
        switch self {
        case .indexOutOfRange(let index, let treeSize):
            "leaf index \(index) is not below tree size \(treeSize)"
        case .sizesOutOfOrder(let oldSize, let newSize):
            "old tree size \(oldSize) is larger than new tree size \(newSize)"
        case .emptyOldTree:
            "a consistency proof from the empty tree proves nothing"
        case .wrongProofLength(let expected, let actual):
            "proof has \(actual) hashes, expected \(expected)"
        case .malformedHash(let field, let byteCount):
            "\(field) is \(byteCount) bytes, expected a 32-byte hash"
        case .rootMismatch(let field, let expected, let computed):
            "proof computes \(field) \(computed.hex), expected \(expected.hex)"
        case .differentRootsForSameSize(let size):
            "two different roots for the same tree size \(size)"
        case .malformedCompactRange(let size, let hashCount):
            "compact range of size \(size) needs \(size.nonzeroBitCount) hashes, got \(hashCount)"
        case .readerReturnedWrongCount(let range, let count):
            "hash reader returned \(count) hashes for leaves \(range.lowerBound)..<\(range.upperBound)"
        case .beyondTreeSize(let requested, let treeSize):
            "tree size \(requested) requested, but the tree holds \(treeSize) leaves"
        }
    }
}
