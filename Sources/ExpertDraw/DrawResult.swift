/// 抽取结果 — the outcome of a draw per category: selected experts, ordered reserves, and the full ranking.
///
/// Coded as a JSON object keyed by category, in draw order:
/// `{"tech": {"selected": [...], "reserve_in_order": [...], "ranking": [{"id": ..., "ticket": hex}, ...]}, ...}`.
public struct DrawResult: Sendable, Hashable, Codable {
    /// One entry per category, in the rules' order.
    public var categories: [CategoryDraw]

    /// Creates a ``DrawResult`` from its fields.
    public init(categories: [CategoryDraw]) {
        self.categories = categories
    }

    /// The outcome for `category`, if it was drawn.
    public subscript(category: String) -> CategoryDraw? {
        self.categories.first { $0.category == category }
    }

    /// Every selected expert id, category by category.
    public var selected: [String] {
        self.categories.flatMap(\.selected)
    }

    /// Categories whose quota could not be filled from the eligible experts, with how many are missing.
    public func shortfall(rules: DrawRules) -> [String: Int] {
        var missing: [String: Int] = [:]
        for draw in self.categories {
            let gap = (rules.quota[draw.category] ?? 0) - draw.selected.count
            if gap > 0 { missing[draw.category] = gap }
        }
        return missing
    }

    private struct CategoryKey: CodingKey {
        var stringValue: String
        var intValue: Int? { nil }
        init(stringValue: String) { self.stringValue = stringValue }
        init?(intValue: Int) { nil }
    }

    /// Decodes the categories in document-independent order (sorted by name); ``DrawBundle`` puts them
    /// back in the rules' order.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CategoryKey.self)
        let keys = container.allKeys.sorted { $0.stringValue.precedesByCodePoint($1.stringValue) }
        self.categories = try keys.map { key in
            let body = try container.decode(CategoryDraw.Body.self, forKey: key)
            return CategoryDraw(category: key.stringValue, selected: body.selected, reserveInOrder: body.reserveInOrder, ranking: body.ranking)
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CategoryKey.self)
        for draw in self.categories {
            let body = CategoryDraw.Body(selected: draw.selected, reserveInOrder: draw.reserveInOrder, ranking: draw.ranking)
            try container.encode(body, forKey: CategoryKey(stringValue: draw.category))
        }
    }

    /// The same result with its categories in `order` (categories not named there keep their place after them).
    func ordered(by order: [String]) -> DrawResult {
        let rank = Dictionary(order.enumerated().map { ($1, $0) }, uniquingKeysWith: { first, _ in first })
        let sorted = self.categories.enumerated().sorted { lhs, rhs in
            (rank[lhs.element.category] ?? Int.max, lhs.offset) < (rank[rhs.element.category] ?? Int.max, rhs.offset)
        }
        return DrawResult(categories: sorted.map(\.element))
    }
}

/// The draw of one category: who was selected, the reserves in order, and every eligible expert ranked by ticket.
public struct CategoryDraw: Sendable, Hashable {
    /// The category.
    public var category: String
    /// Selected experts, in ranking order.
    public var selected: [String]
    /// Reserves, in the order a decline calls them.
    public var reserveInOrder: [String]
    /// Every eligible expert of the category, sorted by (ticket, id).
    public var ranking: [RankedExpert]

    /// Creates a ``CategoryDraw`` from its fields.
    public init(category: String, selected: [String], reserveInOrder: [String], ranking: [RankedExpert]) {
        self.category = category
        self.selected = selected
        self.reserveInOrder = reserveInOrder
        self.ranking = ranking
    }

    struct Body: Codable {
        var selected: [String]
        var reserveInOrder: [String]
        var ranking: [RankedExpert]

        enum CodingKeys: String, CodingKey {
            case selected, ranking
            case reserveInOrder = "reserve_in_order"
        }
    }
}

/// An eligible expert and the ticket that ranks them: HMAC-SHA256(seed, lp(category) ‖ lp(id)).
public struct RankedExpert: Sendable, Hashable, Codable {
    /// The expert's id.
    public var id: String
    /// The expert's ticket; lower tickets are drawn first.
    public var ticket: DrawDigest

    /// Creates a ``RankedExpert`` from its fields.
    public init(id: String, ticket: DrawDigest) {
        self.id = id
        self.ticket = ticket
    }
}
