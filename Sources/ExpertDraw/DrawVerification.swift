/// 验证结果 — what `DrawBundle.verify` found: the draw reproduced, or the first field that does not.
public enum DrawVerification: Sendable, Hashable {
    /// Every recomputed value equals the bundle's; carries the seed and the committee after declines.
    case verified(seed: DrawDigest, committee: [CommitteeSeat])
    /// The first field whose recomputed value differs from the bundle's.
    case mismatch(DrawMismatch)

    /// Whether the bundle reproduced.
    public var isVerified: Bool {
        if case .verified = self { return true }
        return false
    }

    /// The mismatch, if any.
    public var mismatch: DrawMismatch? {
        if case .mismatch(let mismatch) = self { return mismatch }
        return nil
    }
}

/// A field of a bundle that does not reproduce: its JSON path, the value recomputed from the inputs
/// (or required by the rules) and the value the bundle holds.
public struct DrawMismatch: Sendable, Hashable, CustomStringConvertible {
    /// JSON path of the field, e.g. `pool_root`, `result.tech.ranking[3].ticket`, `declines[0].replacement`.
    public var field: String
    /// The value recomputed from the inputs.
    public var expected: String
    /// The value in the bundle.
    public var found: String

    /// Creates a ``DrawMismatch`` from its fields.
    public init(field: String, expected: String, found: String) {
        self.field = field
        self.expected = expected
        self.found = found
    }

    public var description: String {
        "\(self.field): expected \(self.expected), found \(self.found)"
    }
}
