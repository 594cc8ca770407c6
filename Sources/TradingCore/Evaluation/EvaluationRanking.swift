/// 评审排序 — the valid bids in ranked order, with ties that only a random draw can settle (87§68).
public struct EvaluationRanking: Sendable, Equatable {
    /// The bids, best first.
    public var entries: [RankedBid]
    /// Groups of bids equal on every criterion and not yet ordered by a draw, in rank order.
    public var unresolvedTies: [[String]]

    /// Creates an ``EvaluationRanking`` from its fields.
    public init(entries: [RankedBid], unresolvedTies: [[String]]) {
        self.entries = entries
        self.unresolvedTies = unresolvedTies
    }

    /// Ranks `bids` by `key` (ascending, compared element by element). Bids with equal keys are ordered by
    /// their place in `tieBreak` (the result of a random draw) when given — it must name all of them — and
    /// otherwise share a rank and are listed in ``unresolvedTies``.
    static func rank(
        _ bids: [PricedBid], key: (PricedBid) -> [Int128], score: (PricedBid) -> Score? = { _ in nil },
        evaluatedPrice: (PricedBid) -> EvaluatedPrice? = { _ in nil }, tieBreak: [String]?
    ) throws(TradingError) -> EvaluationRanking {
        let keyed = bids.map { (bid: $0, key: key($0)) }.sorted { lhs, rhs in
            lhs.key != rhs.key ? lhs.key.lexicographicallyPrecedes(rhs.key) : lhs.bid.bidID < rhs.bid.bidID
        }
        var entries: [RankedBid] = []
        var unresolved: [[String]] = []
        var start = 0
        while start < keyed.count {
            var end = start + 1
            while end < keyed.count, keyed[end].key == keyed[start].key { end += 1 }
            var group = keyed[start..<end].map(\.bid)
            let tied = group.count > 1
            if tied, let tieBreak {
                let position = Dictionary(tieBreak.enumerated().map { ($1, $0) }, uniquingKeysWith: { first, _ in first })
                guard let missing = group.first(where: { position[$0.bidID] == nil }).map(\.bidID) else {
                    group.sort { position[$0.bidID]! < position[$1.bidID]! }
                    entries += group.enumerated().map { Self.entry($1, rank: start + $0 + 1, score: score, evaluatedPrice: evaluatedPrice) }
                    start = end
                    continue
                }
                throw .invalid("tie-break-incomplete", zh: "随机抽取结果未包含并列的投标\(missing)", en: "The tie-break draw does not order the tied bid \(missing)", article: "87§68")
            }
            if tied { unresolved.append(group.map(\.bidID)) }
            entries += group.enumerated().map { Self.entry($1, rank: tied ? start + 1 : start + $0 + 1, score: score, evaluatedPrice: evaluatedPrice) }
            start = end
        }
        return EvaluationRanking(entries: entries, unresolvedTies: unresolved)
    }

    private static func entry(
        _ bid: PricedBid, rank: Int, score: (PricedBid) -> Score?, evaluatedPrice: (PricedBid) -> EvaluatedPrice?
    ) -> RankedBid {
        RankedBid(rank: rank, bidID: bid.bidID, partyID: bid.partyID, price: bid.price, score: score(bid), evaluatedPrice: evaluatedPrice(bid))
    }

    /// The ranked candidates (条例53: at most `maximum`, 3 by default), ready for `StatutoryChecks.ranking`.
    /// Refuses while a tie that decides who is a candidate, or in which order, awaits its draw (87§68).
    public func candidates(maximum: Int = 3) throws(TradingError) -> [TenderCandidate] {
        let chosen = Array(self.entries.prefix(maximum))
        let chosenIDs = Set(chosen.map(\.bidID))
        if let tie = self.unresolvedTies.first(where: { !chosenIDs.isDisjoint(with: $0) }) {
            throw .conflict(
                "tie-needs-draw", zh: "投标\(tie.joined(separator: "、"))得分且报价相同，须随机抽取确定排序",
                en: "Bids \(tie.joined(separator: ", ")) are tied on score and price; a random draw must order them", article: "87§68"
            )
        }
        return chosen.enumerated().map { index, entry in
            TenderCandidate(rank: index + 1, bidID: entry.bidID, partyID: entry.partyID, price: entry.price, scoreCentiPoints: entry.score?.hundredths)
        }
    }
}

/// One bid in a ranking.
public struct RankedBid: Sendable, Equatable {
    /// 1-based rank; tied bids awaiting a draw share the rank of the first of them.
    public var rank: Int
    /// The bid.
    public var bidID: String
    /// The bidder.
    public var partyID: String
    /// The bid price.
    public var price: Money
    /// Total score, under the comprehensive method.
    public var score: Score?
    /// Evaluated price, under the lowest-evaluated-price method.
    public var evaluatedPrice: EvaluatedPrice?
}
