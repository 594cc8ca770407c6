import Crypto
public import Foundation

/// 默克尔树 — RFC 6962 Merkle tree hashing (RFC 9162 §2.1.1).
///
/// leaf = SHA-256(0x00 ‖ entry), node = SHA-256(0x01 ‖ left ‖ right), empty tree = SHA-256("").
public enum Merkle {
    /// Root of the empty tree: SHA-256 of the empty string.
    public static let emptyRoot = Hash(SHA256.hash(data: [UInt8]()))

    /// Hash of a log entry as a leaf: SHA-256(0x00 ‖ entry).
    public static func leafHash(_ entry: some DataProtocol) -> Hash {
        var hasher = SHA256()
        withUnsafeBytes(of: UInt8(0x00)) { hasher.update(bufferPointer: $0) }
        hasher.update(data: entry)
        return Hash(hasher.finalize())
    }

    /// Hash of an interior node: SHA-256(0x01 ‖ left ‖ right).
    public static func nodeHash(_ left: Hash, _ right: Hash) -> Hash {
        withUnsafeTemporaryAllocation(byteCount: 1 + 2 * Hash.byteCount, alignment: 8) { buffer in
            buffer[0] = 0x01
            left.withUnsafeBytes { UnsafeMutableRawBufferPointer(rebasing: buffer[1..<33]).copyMemory(from: $0) }
            right.withUnsafeBytes { UnsafeMutableRawBufferPointer(rebasing: buffer[33..<65]).copyMemory(from: $0) }
            var hasher = SHA256()
            hasher.update(bufferPointer: UnsafeRawBufferPointer(buffer))
            return Hash(hasher.finalize())
        }
    }

    /// Merkle tree hash (MTH) over the given leaf hashes, in O(n) time and O(log n) space.
    public static func rootHash(leafHashes: some Sequence<Hash>) -> Hash {
        var range = CompactRange()
        for leaf in leafHashes {
            range.append(leaf)
        }
        return range.rootHash
    }

    /// Merkle tree hash over raw entries (each hashed as a leaf first).
    public static func rootHash(entries: some Sequence<some DataProtocol>) -> Hash {
        self.rootHash(leafHashes: entries.lazy.map { Merkle.leafHash($0) })
    }

    /// The largest power of two strictly less than `n` (`n` ≥ 2): RFC 6962's split point k.
    static func splitPoint(_ n: UInt64) -> UInt64 {
        precondition(n >= 2, "split point needs at least two leaves")
        return UInt64(1) << (63 - (n - 1).leadingZeroBitCount)
    }

    /// Whether `n` is a power of two (1, 2, 4, …).
    static func isPowerOfTwo(_ n: UInt64) -> Bool {
        n != 0 && n & (n - 1) == 0
    }
}
