/// 专家拒绝参加 — an expert who declined the seat after the draw, and the reserve who took it.
///
/// Coded as `{"id": ..., "replacement": ...}`.
public struct Decline: Sendable, Hashable, Codable {
    /// The expert who declined.
    public var id: String
    /// Who took the seat.
    public var replacement: String

    /// Creates a ``Decline`` from its fields.
    public init(id: String, replacement: String) {
        self.id = id
        self.replacement = replacement
    }
}

/// One seat of the committee: its category and the expert holding it.
public struct CommitteeSeat: Sendable, Hashable {
    /// The category the seat belongs to.
    public var category: String
    /// The expert holding it.
    public var id: String

    /// Creates a ``CommitteeSeat`` from its fields.
    public init(category: String, id: String) {
        self.category = category
        self.id = id
    }
}

extension DrawBundle {
    /// Records that `expertID` declined and returns the reserve who takes the seat.
    ///
    /// The replacement is the first expert of the same category, in ranking order, who is not on the
    /// committee, has not declined, and whose organisation is under the cap once the decliner leaves.
    /// That is the next reserve in ``CategoryDraw/reserveInOrder`` unless the cap blocks it; past the
    /// listed reserves the ranking continues, so a replacement never needs new randomness.
    @discardableResult
    public mutating func decline(_ expertID: String) throws(DrawError) -> String {
        var replay = try SeatReplay(bundle: self)
        let replacement = try replay.replace(expertID)
        self.declines.append(Decline(id: expertID, replacement: replacement))
        return replacement
    }

    /// The committee after every recorded decline (replacements recomputed by the rule of ``decline(_:)``).
    public func committee() throws(DrawError) -> [CommitteeSeat] {
        try SeatReplay(bundle: self).seats
    }
}

/// Replays the declines of a bundle over its selected experts.
struct SeatReplay {
    private(set) var seats: [CommitteeSeat]
    private var declined: Set<String>
    private let pool: [PoolEntry]
    private lazy var organisation: [String: String] = Dictionary(self.pool.map { ($0.id, $0.org) }, uniquingKeysWith: { first, _ in first })
    private let rankings: [String: [RankedExpert]]
    private let maxPerOrganisation: Int

    /// The committee as drawn, then each recorded decline replayed; throws on the first that cannot be.
    init(bundle: DrawBundle) throws(DrawError) {
        self.init(drawnFrom: bundle)
        for decline in bundle.declines {
            _ = try self.replace(decline.id)
        }
    }

    /// The committee as drawn, before any decline.
    init(drawnFrom bundle: DrawBundle) {
        self.seats = bundle.result.categories.flatMap { draw in draw.selected.map { CommitteeSeat(category: draw.category, id: $0) } }
        self.declined = []
        self.pool = bundle.pool
        self.rankings = Dictionary(bundle.result.categories.map { ($0.category, $0.ranking) }, uniquingKeysWith: { first, _ in first })
        self.maxPerOrganisation = bundle.rules.maxPerOrganisation
    }

    /// Removes `expertID` from the committee and seats the next eligible expert of that category.
    mutating func replace(_ expertID: String) throws(DrawError) -> String {
        guard let index = self.seats.firstIndex(where: { $0.id == expertID }) else { throw .notOnCommittee(expertID) }
        self.declined.insert(expertID)
        let category = self.seats[index].category
        var perOrganisation: [String: Int] = [:]
        for (position, seat) in self.seats.enumerated() where position != index {
            perOrganisation[self.organisation[seat.id] ?? "", default: 0] += 1
        }
        let members = Set(self.seats.map(\.id))
        for ranked in self.rankings[category] ?? [] where !members.contains(ranked.id) && !self.declined.contains(ranked.id) {
            guard let org = self.organisation[ranked.id], perOrganisation[org, default: 0] < self.maxPerOrganisation else { continue }
            self.seats[index].id = ranked.id
            return ranked.id
        }
        throw .noReplacement(category: category, declined: expertID)
    }
}
