/// 抽取规则 — the rules of one expert draw: category order, quotas, the per-organisation cap, the reserve count.
///
/// Committed before the draw as RFC 8785 canonical JSON (``canonicalJSON``); coded in the bundle as
/// `{"order": [...], "quota": {...}, "max_per_org": n, "reserve": n}`.
public struct DrawRules: Sendable, Hashable, Codable {
    /// Categories in the order they are drawn; an expert's organisation cap counts across all of them.
    public var order: [String]
    /// Experts to select per category.
    public var quota: [String: Int]
    /// At most this many selected experts from one organisation, over all categories.
    public var maxPerOrganisation: Int
    /// Reserves to list per category, in order.
    public var reserve: Int

    enum CodingKeys: String, CodingKey {
        case order, quota, reserve
        case maxPerOrganisation = "max_per_org"
    }

    /// Rules with a quota for each category in `order`.
    public init(order: [String], quota: [String: Int], maxPerOrganisation: Int, reserve: Int) {
        self.order = order
        self.quota = quota
        self.maxPerOrganisation = maxPerOrganisation
        self.reserve = reserve
    }

    /// Checks that the rules can be run: distinct categories, one non-negative quota each and no other,
    /// a cap of at least 1, a non-negative reserve count.
    public func validate() throws(DrawError) {
        guard !self.order.isEmpty else { throw .invalidRules("order names no category") }
        guard Set(self.order).count == self.order.count else { throw .invalidRules("order names a category twice") }
        guard Set(self.quota.keys) == Set(self.order) else {
            throw .invalidRules("quota must name exactly the categories in order")
        }
        if let negative = self.quota.first(where: { $0.value < 0 }) {
            throw .invalidRules("quota of \(negative.key) is negative")
        }
        guard self.maxPerOrganisation >= 1 else { throw .invalidRules("max_per_org must be at least 1") }
        guard self.reserve >= 0 else { throw .invalidRules("reserve must not be negative") }
    }

    /// Total experts to select over all categories.
    public var committeeSize: Int {
        self.order.reduce(0) { $0 + (self.quota[$1] ?? 0) }
    }

    /// The RFC 8785 (JCS) canonical JSON text of the rules, the exact bytes hashed into the seed:
    /// keys sorted by UTF-16 code units, no whitespace, integers as plain decimals, minimal string escaping.
    public var canonicalJSON: String {
        var out = "{\"max_per_org\":\(self.maxPerOrganisation),\"order\":["
        out += self.order.map(Self.canonicalString).joined(separator: ",")
        out += "],\"quota\":{"
        let categories = self.quota.keys.sorted { $0.utf16.lexicographicallyPrecedes($1.utf16) }
        out += categories.map { "\(Self.canonicalString($0)):\(self.quota[$0]!)" }.joined(separator: ",")
        out += "},\"reserve\":\(self.reserve)}"
        return out
    }

    /// A JSON string with RFC 8785 escaping: only `"`, `\` and control characters are escaped.
    static func canonicalString(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\u{08}": out += "\\b"
            case "\u{09}": out += "\\t"
            case "\u{0A}": out += "\\n"
            case "\u{0C}": out += "\\f"
            case "\u{0D}": out += "\\r"
            case "\u{00}"..."\u{1F}":
                let hex = Hex.encode([UInt8(scalar.value)])
                out += "\\u00\(hex)"
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out + "\""
    }
}
