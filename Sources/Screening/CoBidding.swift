import Foundation

/// One bidder's record across all screened tenders.
public struct BidderRecord: Sendable, Hashable, Codable {
    public var bidderID: String
    /// Tenders the bidder bid in (a bidder counts once per tender).
    public var tenders: Int
    /// Tenders with a known result (exactly one winner) in which the bidder had a valid bid.
    public var decidedValidBids: Int
    /// Tenders with a known result the bidder bid in, valid or not.
    public var decidedBids: Int
    /// Tenders won.
    public var wins: Int
    /// Tenders in which the bidder's bid was disqualified.
    public var disqualified: Int
}

/// Two bidders who keep meeting in the same tenders.
public struct CoBiddingPair: Sendable, Hashable, Codable {
    /// The two bidders, `first < second`.
    public var first: String
    public var second: String
    /// Tenders both bid in (tenders above ``ScreeningThresholds/pairMaximumBiddersPerTender`` are not counted).
    public var sharedTenders: Int
    /// Jaccard index of their tender sets: shared / (tenders of first + tenders of second − shared).
    public var jaccard: Double
    /// Shared tenders won by `first`, and by `second`.
    public var firstWinsTogether: Int
    public var secondWinsTogether: Int
}

/// A stable group: bidders linked by stable pairs (connected components), a candidate ring.
public struct BidderGroup: Sendable, Hashable, Codable {
    public var members: [String]
    /// Decided tenders in which at least two members bid.
    public var meetings: Int
    /// Of those, the tenders a member won.
    public var groupWins: Int
    /// Wins per member in those tenders (members without a win are absent).
    public var winsByMember: [String: Int]
    /// `true` when the wins rotate among members (see ``ScreeningThresholds/rotationMinimumTenders`` and after).
    public var rotates: Bool
}

/// What the cross-tender analysis found. Use ``flags(for:)`` to attach its findings to one tender.
public struct CoBiddingReport: Sendable, Hashable, Codable {
    /// Every bidder, sorted by id.
    public var bidders: [BidderRecord]
    /// Pairs that met at least ``ScreeningThresholds/pairMinimumSharedTenders`` times, most frequent first.
    public var pairs: [CoBiddingPair]
    /// Groups of bidders joined by stable pairs, largest first.
    public var groups: [BidderGroup]
    /// Bidder-level flags: excessive unsuccessful bids, excessive disqualifications, perennial losers, winner rotation.
    public var flags: [ScreeningFlag]
    /// Bidder → index in `groups` of its rotating group.
    public var rotatingGroupOf: [String: Int]
    /// Perennial loser → its stable partners that won while they bid together.
    public var perennialLoserPartners: [String: [String]]

    public init(bidders: [BidderRecord] = [], pairs: [CoBiddingPair] = [], groups: [BidderGroup] = [], flags: [ScreeningFlag] = [],
                rotatingGroupOf: [String: Int] = [:], perennialLoserPartners: [String: [String]] = [:]) {
        self.bidders = bidders
        self.pairs = pairs
        self.groups = groups
        self.flags = flags
        self.rotatingGroupOf = rotatingGroupOf
        self.perennialLoserPartners = perennialLoserPartners
    }

    /// Cross-tender findings touching one tender: `rotation_group_present` when two or more members
    /// of a rotating group bid in it, `perennial_loser_present` when a perennial loser bid alongside
    /// one of the partners it keeps losing to. O(k) for k bids.
    public func flags(for tender: ScreenedTender) -> [ScreeningFlag] {
        var flags: [ScreeningFlag] = []
        if !self.rotatingGroupOf.isEmpty {
            var present: [Int: Set<String>] = [:]
            for bid in tender.bids {
                if let g = self.rotatingGroupOf[bid.bidderID] { present[g, default: []].insert(bid.bidderID) }
            }
            for (g, members) in present.sorted(by: { $0.key < $1.key }) where members.count >= 2 {
                let group = self.groups[g]
                flags.append(ScreeningFlag(
                    code: .rotationGroupPresent, severity: .medium,
                    explanation: BilingualText(
                        en: "\(members.count) members of a group that takes turns winning (\(group.groupWins) of \(group.meetings) shared tenders won by the group) bid here; 条例39 agreements between bidders",
                        zh: "轮流中标团体的 \(members.count) 名成员参与本项目投标（共同参与的 \(group.meetings) 个项目中团体中标 \(group.groupWins) 个）；条例39 投标人相互串通"),
                    bidders: Array(members), value: Double(members.count)))
            }
        }
        // (a look-up per bid first: most tenders have no perennial loser, and need no set of bidders)
        if !self.perennialLoserPartners.isEmpty, tender.bids.contains(where: { self.perennialLoserPartners[$0.bidderID] != nil }) {
            let here = Set(tender.bids.map(\.bidderID))
            var involved: Set<String> = []
            for bidder in here {
                guard let partners = self.perennialLoserPartners[bidder] else { continue }
                let met = partners.filter(here.contains)
                if !met.isEmpty {
                    involved.insert(bidder)
                    involved.formUnion(met)
                }
            }
            if !involved.isEmpty {
                flags.append(ScreeningFlag(
                    code: .perennialLoserPresent, severity: .medium,
                    explanation: BilingualText(
                        en: "A bidder that has never won bids here beside a partner it keeps losing to (possible cover bidding, 陪标)",
                        zh: "从未中标的投标人与其屡次陪同中标的伙伴共同投标（疑似陪标）"),
                    bidders: Array(involved)))
            }
        }
        return flags
    }
}

/// Co-bidding patterns across tenders: pairs that keep meeting, groups whose wins rotate, and
/// losers who never win. Roughly linear: one pass over the bids, plus a sort of the pair keys —
/// Σ k(k − 1)/2 over tenders of k ≤ ``ScreeningThresholds/pairMaximumBiddersPerTender`` bidders —
/// instead of comparing every bidder's tender set with every other's.
public enum CoBidding {
    public static func analyze(_ tenders: [ScreenedTender], thresholds t: ScreeningThresholds = .default) -> CoBiddingReport {
        // Intern bidder ids; per tender, its distinct bidders and its winner (or −1).
        var index: [String: Int32] = [:]
        var names: [String] = []
        var tenderMembers: [[Int32]] = []
        var tenderWinner: [Int32] = []
        tenderMembers.reserveCapacity(tenders.count)
        tenderWinner.reserveCapacity(tenders.count)
        var tendersOf: [Int] = []
        var decidedValid: [Int] = []
        var decided: [Int] = []
        var wins: [Int] = []
        var disqualified: [Int] = []

        var entries: [(id: Int32, valid: Bool, disqualified: Bool)] = []
        for tender in tenders {
            entries.removeAll(keepingCapacity: true)
            var winner: Int32 = -1
            var severalWinners = false
            for i in tender.bids.indices {
                let bidderID = tender.bids[i].bidderID
                let id: Int32
                if let known = index[bidderID] {
                    id = known
                } else {
                    id = Int32(names.count)
                    index[bidderID] = id
                    names.append(bidderID)
                    tendersOf.append(0); decidedValid.append(0); decided.append(0); wins.append(0); disqualified.append(0)
                }
                entries.append((id, tender.bids[i].isValid, tender.bids[i].disqualified == true))
                if tender.bids[i].isWinner == true {
                    if winner < 0 { winner = id } else if winner != id { severalWinners = true }
                }
            }
            if severalWinners { winner = -1 }
            entries.sort { $0.id < $1.id }
            // One entry per distinct bidder: valid if any of its bids is, disqualified if any was.
            var members: [Int32] = []
            members.reserveCapacity(entries.count)
            var j = 0
            while j < entries.count {
                let m = entries[j].id
                var valid = false
                var rejected = false
                while j < entries.count && entries[j].id == m {
                    valid = valid || entries[j].valid
                    rejected = rejected || entries[j].disqualified
                    j += 1
                }
                members.append(m)
                tendersOf[Int(m)] += 1
                if rejected { disqualified[Int(m)] += 1 }
                if winner >= 0 {
                    decided[Int(m)] += 1
                    if valid { decidedValid[Int(m)] += 1 }
                }
            }
            if winner >= 0 { wins[Int(winner)] += 1 }
            tenderMembers.append(members)
            tenderWinner.append(winner)
        }

        // Pair keys: a | b | who won (2 bits: 1 = a, 2 = b, 0 = neither), each id in `idBits` bits.
        let idBits = max(1, Int.bitWidth - max(1, names.count).leadingZeroBitCount)
        precondition(2 * idBits + 2 <= 64, "too many bidders for pair keys")
        var keys: [UInt64] = []
        for (members, winner) in zip(tenderMembers, tenderWinner) where members.count >= 2 && members.count <= t.pairMaximumBiddersPerTender {
            for i in 0..<(members.count - 1) {
                let a = members[i]
                for j in (i + 1)..<members.count {
                    let b = members[j]
                    let code: UInt64 = winner == a ? 1 : (winner == b ? 2 : 0)
                    keys.append(UInt64(a) << (idBits + 2) | UInt64(b) << 2 | code)
                }
            }
        }
        Self.radixSort(&keys, bits: 2 * idBits + 2)
        let idMask: UInt64 = (1 << UInt64(idBits)) - 1

        var pairs: [CoBiddingPair] = []
        var stable: [(a: Int, b: Int, aWins: Int, bWins: Int)] = []
        var start = 0
        while start < keys.count {
            let pair = keys[start] >> 2
            var end = start
            var aWins = 0, bWins = 0
            while end < keys.count && keys[end] >> 2 == pair {
                switch keys[end] & 3 {
                case 1: aWins += 1
                case 2: bWins += 1
                default: break
                }
                end += 1
            }
            let shared = end - start
            start = end
            guard shared >= min(t.pairMinimumSharedTenders, t.stablePairMinimumSharedTenders) else { continue }
            let a = Int(pair >> UInt64(idBits)), b = Int(pair & idMask)
            let jaccard = Double(shared) / Double(tendersOf[a] + tendersOf[b] - shared)
            if shared >= t.pairMinimumSharedTenders {
                let (first, second) = names[a] < names[b] ? (a, b) : (b, a)
                pairs.append(CoBiddingPair(
                    first: names[first], second: names[second], sharedTenders: shared, jaccard: jaccard,
                    firstWinsTogether: first == a ? aWins : bWins, secondWinsTogether: first == a ? bWins : aWins))
            }
            if shared >= t.stablePairMinimumSharedTenders && jaccard >= t.stablePairMinimumJaccard {
                stable.append((a, b, aWins, bWins))
            }
        }
        keys = []
        pairs.sort { ($0.sharedTenders, $1.first, $1.second) > ($1.sharedTenders, $0.first, $0.second) }

        // Groups: connected components of the stable-pair graph.
        var sets = DisjointSets(count: names.count)
        for s in stable { sets.union(s.a, s.b) }
        var componentOf = [Int32](repeating: -1, count: names.count)
        var componentMembers: [[Int]] = []
        var rootToComponent: [Int: Int32] = [:]
        for s in stable {
            for m in [s.a, s.b] where componentOf[m] < 0 {
                let root = sets.find(m)
                let c: Int32
                if let known = rootToComponent[root] {
                    c = known
                } else {
                    c = Int32(componentMembers.count)
                    rootToComponent[root] = c
                    componentMembers.append([])
                }
                componentOf[m] = c
                componentMembers[Int(c)].append(m)
            }
        }
        var meetings = [Int](repeating: 0, count: componentMembers.count)
        var groupWins = [Int](repeating: 0, count: componentMembers.count)
        var memberWins = [[Int: Int]](repeating: [:], count: componentMembers.count)
        if !componentMembers.isEmpty {
            for (members, winner) in zip(tenderMembers, tenderWinner) where winner >= 0 {
                var present = members.compactMap { componentOf[Int($0)] >= 0 ? componentOf[Int($0)] : nil }
                guard present.count >= 2 else { continue }
                present.sort()
                var i = 0
                while i < present.count {
                    var j = i
                    while j + 1 < present.count && present[j + 1] == present[i] { j += 1 }
                    if j > i {
                        let c = Int(present[i])
                        meetings[c] += 1
                        if componentOf[Int(winner)] == present[i] {
                            groupWins[c] += 1
                            memberWins[c][Int(winner), default: 0] += 1
                        }
                    }
                    i = j + 1
                }
            }
        }

        var flags: [ScreeningFlag] = []
        var groups: [BidderGroup] = []
        var order = Array(componentMembers.indices)
        order.sort { (componentMembers[$0].count, meetings[$0]) > (componentMembers[$1].count, meetings[$1]) }
        var rotatingGroupOf: [String: Int] = [:]
        for c in order {
            let top = memberWins[c].values.max() ?? 0
            let rotates = meetings[c] >= t.rotationMinimumTenders
                && Double(groupWins[c]) >= t.rotationMinimumGroupWinShare * Double(meetings[c])
                && memberWins[c].count >= t.rotationMinimumDistinctWinners
                && Double(top) <= t.rotationMaximumTopWinnerShare * Double(groupWins[c])
            let members = componentMembers[c].map { names[$0] }.sorted()
            var byMember: [String: Int] = [:]
            for (m, w) in memberWins[c] { byMember[names[m]] = w }
            let group = BidderGroup(members: members, meetings: meetings[c], groupWins: groupWins[c], winsByMember: byMember, rotates: rotates)
            if rotates {
                for m in members { rotatingGroupOf[m] = groups.count }
                flags.append(ScreeningFlag(
                    code: .winnerRotation, severity: .high,
                    explanation: BilingualText(
                        en: "\(members.count) bidders who keep bidding together won \(group.groupWins) of the \(group.meetings) tenders they met in, taking turns (\(byMember.count) different winners); 条例39 agreements between bidders",
                        zh: "\(members.count) 家经常共同投标的投标人在共同参与的 \(group.meetings) 个项目中中标 \(group.groupWins) 个，轮流中标（\(byMember.count) 家不同中标人）；条例39 投标人相互串通"),
                    bidders: members, value: Double(group.groupWins) / Double(max(1, group.meetings))))
            }
            groups.append(group)
        }

        // Perennial losers: enough decided bids, no win, and a stable partner that won beside them.
        var partners: [Int: Set<Int>] = [:]
        for s in stable {
            if wins[s.a] == 0 && s.bWins > 0 { partners[s.a, default: []].insert(s.b) }
            if wins[s.b] == 0 && s.aWins > 0 { partners[s.b, default: []].insert(s.a) }
        }
        var perennialLoserPartners: [String: [String]] = [:]
        for (loser, winners) in partners.sorted(by: { names[$0.key] < names[$1.key] }) where decided[loser] >= t.neverWinMinimumBids {
            let winnerNames = winners.map { names[$0] }.sorted()
            perennialLoserPartners[names[loser]] = winnerNames
            flags.append(ScreeningFlag(
                code: .loserNeverWins, severity: .medium,
                explanation: BilingualText(
                    en: "Bid in \(decided[loser]) decided tenders and never won, while its regular partners (\(winnerNames.joined(separator: ", "))) won beside it; possible cover bidding (陪标)",
                    zh: "参与 \(decided[loser]) 个已定标项目从未中标，而经常共同投标的伙伴（\(winnerNames.joined(separator: "、"))）屡次中标；疑似陪标"),
                bidders: [names[loser]] + winnerNames, value: Double(decided[loser])))
        }

        var records: [BidderRecord] = []
        records.reserveCapacity(names.count)
        for i in names.indices {
            records.append(BidderRecord(bidderID: names[i], tenders: tendersOf[i], decidedValidBids: decidedValid[i],
                                        decidedBids: decided[i], wins: wins[i], disqualified: disqualified[i]))
        }
        records.sort { $0.bidderID < $1.bidderID }
        for r in records {
            if let limit = t.unsuccessfulMaximumWinRatio, r.decidedValidBids >= t.unsuccessfulMinimumBids {
                let ratio = Double(r.wins) / Double(r.decidedValidBids)
                if ratio <= limit {
                    flags.append(ScreeningFlag(
                        code: .excessiveUnsuccessfulBids, severity: .low,
                        explanation: BilingualText(
                            en: "Cardinal R025: won \(r.wins) of \(r.decidedValidBids) valid bids (\(RedFlags.percent(ratio)) ≤ \(RedFlags.percent(limit)))",
                            zh: "Cardinal R025：\(r.decidedValidBids) 次有效投标仅中标 \(r.wins) 次（\(RedFlags.percent(ratio)) ≤ \(RedFlags.percent(limit))）"),
                        bidders: [r.bidderID], value: ratio))
                }
            }
            if let limit = t.bidderDisqualificationRatio, r.tenders >= t.bidderDisqualificationMinimumBids {
                let ratio = Double(r.disqualified) / Double(r.tenders)
                if r.disqualified > 0 && ratio >= limit {
                    flags.append(ScreeningFlag(
                        code: .bidderExcessiveDisqualifications, severity: .low,
                        explanation: BilingualText(
                            en: "Cardinal R038 (tenderer): \(r.disqualified) of \(r.tenders) bids disqualified (\(RedFlags.percent(ratio)) ≥ \(RedFlags.percent(limit))); deliberately invalid bids mimic competition",
                            zh: "Cardinal R038（投标人）：\(r.tenders) 次投标中 \(r.disqualified) 次被否决（\(RedFlags.percent(ratio)) ≥ \(RedFlags.percent(limit))），故意无效投标以制造竞争假象"),
                        bidders: [r.bidderID], value: ratio))
                }
            }
        }
        return CoBiddingReport(bidders: records, pairs: pairs, groups: groups, flags: flags,
                               rotatingGroupOf: rotatingGroupOf, perennialLoserPartners: perennialLoserPartners)
    }

    /// LSD radix sort on the low `bits` bits, 11 bits a pass: linear in the number of pair keys.
    static func radixSort(_ keys: inout [UInt64], bits: Int) {
        guard keys.count > 1 else { return }
        let digit = 11
        let buckets = 1 << digit
        var buffer = [UInt64](repeating: 0, count: keys.count)
        var shift = 0
        while shift < bits {
            var counts = [Int](repeating: 0, count: buckets + 1)
            let mask = UInt64(buckets - 1)
            for k in keys { counts[Int((k >> UInt64(shift)) & mask) + 1] += 1 }
            for i in 1...buckets { counts[i] += counts[i - 1] }
            for k in keys {
                let d = Int((k >> UInt64(shift)) & mask)
                buffer[counts[d]] = k
                counts[d] += 1
            }
            swap(&keys, &buffer)
            shift += digit
        }
    }
}
