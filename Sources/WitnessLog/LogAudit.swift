/// 日志审计 — replays a stored log against the checkpoints the log signed, to find the first entry that was changed,
/// deleted or moved since.
///
/// Rows are fed in storage order; each must carry the next index, and its entry must hash to the leaf hash stored
/// beside it. Then every trusted checkpoint (signature already verified by the caller) must match the root of the
/// replayed tree at its size. A change that rewrote both an entry and its stored leaf hash is located between the
/// last checkpoint that still matches and the first that does not.
public struct LogAudit: Sendable {
    /// The tree replayed so far.
    public private(set) var tree = MerkleTree()
    /// The first problem found while feeding rows; later rows are ignored.
    public private(set) var finding: Finding?

    public init() {}

    /// What the audit found wrong.
    public enum Finding: Sendable, Hashable, CustomStringConvertible {
        /// The row for `index` is missing (the next stored row has index `found`, or none).
        case missing(index: UInt64, found: UInt64?)
        /// The entry at `index` does not hash to its stored leaf hash.
        case leafMismatch(index: UInt64)
        /// The entries no longer hash to the signed checkpoint of `size`; the first bad entry is in `range`.
        case rootMismatch(size: UInt64, range: Range<UInt64>)
        /// A signed checkpoint covers `size` entries, but only `stored` remain.
        case truncated(size: UInt64, stored: UInt64)

        /// The index of the first bad entry (the start of the range when only a range is known).
        public var firstBadIndex: UInt64 {
            switch self {
            case .missing(let index, _), .leafMismatch(let index): index
            case .rootMismatch(_, let range): range.lowerBound
            case .truncated(_, let stored): stored
            }
        }

        public var description: String {
            switch self {
            case .missing(let index, let found):
                "first bad entry: \(index) — missing" + (found.map { " (the next stored entry is \($0))" } ?? " (the log ends there)")
            case .leafMismatch(let index):
                "first bad entry: \(index) — its content does not hash to its leaf hash"
            case .rootMismatch(let size, let range) where range.count == 1:
                "first bad entry: \(range.lowerBound) — the log no longer hashes to the signed checkpoint of size \(size)"
            case .rootMismatch(let size, let range):
                "first bad entry: between \(range.lowerBound) and \(range.upperBound - 1) — the log no longer hashes to the signed checkpoint of size \(size)"
            case .truncated(let size, let stored):
                "first bad entry: \(stored) — a signed checkpoint covers \(size) entries but only \(stored) are stored"
            }
        }
    }

    /// Feeds the next stored row: its index, its entry bytes and the leaf hash stored beside it (if any).
    public mutating func add(index: UInt64, entry: some Collection<UInt8>, storedLeafHash: Hash?) {
        guard self.finding == nil else { return }
        guard index == self.tree.size else {
            self.finding = .missing(index: self.tree.size, found: index)
            return
        }
        let leaf = Merkle.leafHash(Array(entry))
        if let storedLeafHash, storedLeafHash != leaf {
            self.finding = .leafMismatch(index: index)
            return
        }
        self.tree.append(leaf)
    }

    /// Checks the replayed tree against signed checkpoints; returns the first finding, if any.
    public func check(against checkpoints: [Checkpoint]) -> Finding? {
        if let finding = self.finding { return finding }
        var lastGood: UInt64 = 0
        for checkpoint in checkpoints.sorted(by: { $0.size < $1.size }) {
            guard checkpoint.size <= self.tree.size else {
                return .truncated(size: checkpoint.size, stored: self.tree.size)
            }
            guard let root = try? self.tree.rootHash(size: checkpoint.size), root == checkpoint.rootHash else {
                return .rootMismatch(size: checkpoint.size, range: lastGood..<max(checkpoint.size, lastGood + 1))
            }
            lastGood = checkpoint.size
        }
        return nil
    }
}
