import Foundation

/// A seeded synthetic procurement market whose tenders carry known labels: competitive ones and
/// ones rigged by a ring (围标 — bid rigging by a group of bidders), for measuring how well the
/// screens separate them. Pure and deterministic: the same parameters give the same market.
///
/// Competitive tender: k bidders drawn from the whole population bid the estimate times a
/// tender-level level in [0.85, 0.97] plus independent normal noise of 3–8 % (0.4–1.5 % in a
/// "bunched" tender), rounded as people round (to the yuan, to 100 yuan, or not at all). Each
/// bidder uploads from its own address and machine, with its own document creator, deposit
/// account, project managers and agent; sometimes two honest bidders share an address.
///
/// Rigged tender: 2 or more members of one ring bid; the designated winner takes its turn (wins
/// rotate through the ring) and bids high, at a ring-specific level of the estimate; the covers
/// (陪标) bid above it — after a ring-specific gap of 0–3 %, spread over a ring-specific width of
/// 1–10 % that varies tender by tender — sometimes two at the same price, sometimes in equal
/// steps; each cover leaks one of the winner's platform traces with a ring-specific probability.
/// Outsiders also bid in some rigged tenders and may win. Ring members also bid honestly elsewhere,
/// less often than other bidders (``SyntheticMarketParameters/ringOutsideActivity``).
/// In every tender the lowest valid bid wins; bids are disqualified at random.
public struct SyntheticMarket: Sendable {
    /// The parameters the market was generated from.
    public var parameters: SyntheticMarketParameters
    /// Every tender with its bids, in generation order (ids `T0000000`, `T0000001`, …).
    public var tenders: [ScreenedTender]
    /// `collusive[i]` is the label of `tenders[i]`: `true` when a ring rigged it.
    public var collusive: [Bool]
    /// The rings' member ids.
    public var rings: [[String]]

    /// How one ring behaves, drawn once per ring.
    struct RingStyle {
        var members: [Int]
        var winnerLevel: Double
        var gap: Double
        var width: Double
        var leak: Double
        var turn = 0
    }

    /// Generates the market of `p`; the same parameters always give the same market. O(tenders × bids).
    public static func generate(_ p: SyntheticMarketParameters) -> SyntheticMarket {
        var rng = SeededGenerator(seed: p.seed)
        let ids = (0..<p.bidders).map { Self.code("B", $0, width: 6) }
        var rings: [RingStyle] = []
        let sizes = (0..<max(0, p.rings)).map { _ in rng.integer(p.ringSize) }
        let drawn = rng.sample(min(p.bidders, sizes.reduce(0, +)), from: p.bidders)
        var next = 0
        for size in sizes where next + size <= drawn.count {
            rings.append(RingStyle(members: Array(drawn[next..<(next + size)]), winnerLevel: rng.uniform(0.92...0.99),
                                   gap: rng.uniform(0...0.03), width: rng.uniform(p.coverMarkup), leak: rng.uniform(p.traceLeak)))
            next += size
        }
        let ringMembers = Set(rings.flatMap(\.members))
        var market = SyntheticMarket(parameters: p, tenders: [], collusive: [], rings: rings.map { $0.members.map { ids[$0] } })
        market.tenders.reserveCapacity(p.tenders)
        market.collusive.reserveCapacity(p.tenders)
        for t in 0..<p.tenders {
            let id = Self.code("T", t, width: 7)
            let estimate = exp(rng.uniform(log(1e7)...log(5e9))) // 100 thousand to 50 million yuan, in fen
            var bids: [ScreenedBid] = []
            let rigged = !rings.isEmpty && rng.chance(p.collusiveShare)
            if rigged {
                let r = rng.integer(0...(rings.count - 1))
                bids = Self.riggedBids(&rings[r], tender: id, estimate: estimate, ids: ids, p: p, rng: &rng)
            } else {
                let bidders = Self.competitors(rng.integer(p.bidsPerTender), ringMembers: ringMembers, p: p, rng: &rng)
                bids = Self.competitiveBids(bidders, tender: id, estimate: estimate, ids: ids, bunched: rng.chance(p.bunchedHonestShare), rng: &rng)
                if bids.count >= 2 && rng.chance(p.honestSharedAddressRate) { bids[1].ip = bids[0].ip }
            }
            Self.settle(&bids, disqualificationRate: p.disqualificationRate, rng: &rng)
            market.tenders.append(ScreenedTender(id: id, bids: bids, estimateFen: Int64(estimate.rounded())))
            market.collusive.append(rigged)
        }
        return market
    }

    /// `k` distinct bidders for a competitive tender; a ring member drawn stays with probability
    /// `ringOutsideActivity`, else another bidder is drawn.
    static func competitors(_ k: Int, ringMembers: Set<Int>, p: SyntheticMarketParameters, rng: inout SeededGenerator) -> [Int] {
        guard p.bidders > 0 else { return [] }
        var chosen: [Int] = []
        var seen: Set<Int> = []
        var attempts = 0
        while chosen.count < min(k, p.bidders) && attempts < 20 * k {
            attempts += 1
            let b = rng.integer(0...(p.bidders - 1))
            guard !seen.contains(b) else { continue }
            if ringMembers.contains(b) && !rng.chance(p.ringOutsideActivity) { continue }
            seen.insert(b)
            chosen.append(b)
        }
        return chosen
    }

    /// Independent bids of the given bidders.
    static func competitiveBids(_ bidders: [Int], tender: String, estimate: Double, ids: [String], bunched: Bool,
                                rng: inout SeededGenerator) -> [ScreenedBid] {
        let level = rng.uniform(0.85...0.97)
        let sigma = bunched ? rng.uniform(0.004...0.02) : rng.uniform(0.04...0.10)
        return bidders.map { b in
            let price = estimate * max(0.5, level + sigma * rng.normal())
            return Self.bid(b, tender: tender, fen: Self.rounded(price, rng: &rng), ids: ids, rng: &rng)
        }
    }

    /// A ring's designated winner, its covers and perhaps outsiders.
    static func riggedBids(_ ring: inout RingStyle, tender: String, estimate: Double, ids: [String], p: SyntheticMarketParameters,
                           rng: inout SeededGenerator) -> [ScreenedBid] {
        let size = ring.members.count
        let winner = ring.members[ring.turn % size]
        ring.turn += 1
        let others = ring.members.filter { $0 != winner }
        let covers = rng.sample(rng.integer(1...max(1, others.count)), from: others.count).map { others[$0] }
        let winning = estimate * (ring.winnerLevel + rng.uniform(-0.02...0.01))
        let width = ring.width * rng.uniform(0.5...1.5)
        // Cover prices in fen, rounded to the yuan, so that identical covers stay identical.
        var coverFen: [Int64]
        let winningFen: Int64
        if covers.count >= 2 && rng.chance(p.patternedCoverRate) {
            // equal steps from the winner up: 规律性差异 (条例40(四))
            winningFen = Int64((winning / 100).rounded()) * 100
            let step = max(100, Int64((winning * max(0.002, width / Double(covers.count)) / 100).rounded()) * 100)
            coverFen = covers.indices.map { winningFen + step * Int64($0 + 1) }
        } else {
            winningFen = Self.rounded(winning, rng: &rng)
            coverFen = covers.map { _ in Int64((winning * (1 + ring.gap + rng.uniform(0.002...max(0.002, width))) / 100).rounded()) * 100 }
            if coverFen.count >= 2 && rng.chance(p.identicalCoverRate) { coverFen[1] = coverFen[0] }
        }
        var bids = [Self.bid(winner, tender: tender, fen: winningFen, ids: ids, rng: &rng)]
        for (cover, fen) in zip(covers, coverFen) {
            var bid = Self.bid(cover, tender: tender, fen: fen, ids: ids, rng: &rng)
            if rng.chance(ring.leak) { Self.leak(from: bids[0], to: &bid, field: rng.integer(0...5)) }
            bids.append(bid)
        }
        if rng.chance(p.outsiderShare) {
            let present = Set(ring.members)
            let outsiders = rng.sample(rng.integer(1...3) + present.count, from: ids.count).filter { !present.contains($0) }.prefix(3)
            bids += Self.competitiveBids(Array(outsiders), tender: tender, estimate: estimate, ids: ids, bunched: false, rng: &rng)
        }
        return bids
    }

    /// Copies one platform trace of the designated winner onto a cover bid (条例40 items).
    static func leak(from winner: ScreenedBid, to cover: inout ScreenedBid, field: Int) {
        switch field {
        case 0: cover.ip = winner.ip
        case 1: cover.machineID = winner.machineID
        case 2: cover.docCreator = winner.docCreator
        case 3: cover.depositAccount = winner.depositAccount
        case 4: cover.projectManager = winner.projectManager
        default: cover.agent = winner.agent ?? ("AG-" + winner.bidderID)
        }
    }

    /// A bid with the bidder's own traces; half the bidders name an agent, project managers rotate among five.
    static func bid(_ b: Int, tender: String, fen: Int64, ids: [String], rng: inout SeededGenerator) -> ScreenedBid {
        let ip = "10.\(b >> 16 & 255).\(b >> 8 & 255).\(b & 255)"
        return ScreenedBid(tenderID: tender, bidderID: ids[b], amountFen: max(1, fen), ip: ip, machineID: "M-\(ids[b])",
                           docCreator: "DOC-\(ids[b])", depositAccount: "6222\(1_000_000 + b)",
                           projectManager: "PM-\(ids[b])-\(rng.integer(0...4))", agent: b % 2 == 0 ? "AG-\(ids[b])" : nil)
    }

    /// Rounds a price in fen as bidders do: half to the yuan, 30 % to 100 yuan, 20 % not at all.
    static func rounded(_ fen: Double, rng: inout SeededGenerator) -> Int64 {
        let r = rng.unit()
        let unit: Double = r < 0.5 ? 100 : (r < 0.8 ? 10_000 : 1)
        return Int64((fen / unit).rounded() * unit)
    }

    /// Random disqualifications, then the lowest valid bid wins; bid order is shuffled.
    static func settle(_ bids: inout [ScreenedBid], disqualificationRate: Double, rng: inout SeededGenerator) {
        for i in bids.indices { bids[i].disqualified = rng.chance(disqualificationRate) }
        var best: Int?
        for i in bids.indices where !(bids[i].disqualified ?? false) {
            if best == nil || bids[i].amountFen < bids[best!].amountFen { best = i }
        }
        for i in bids.indices { bids[i].isWinner = i == best }
        for i in stride(from: bids.count - 1, to: 0, by: -1) { bids.swapAt(i, rng.integer(0...i)) }
    }

    /// `prefix` and `n` zero-padded to `width` digits.
    static func code(_ prefix: String, _ n: Int, width: Int) -> String {
        let digits = String(n)
        return prefix + String(repeating: "0", count: max(0, width - digits.count)) + digits
    }
}
