import Foundation

/// 条例40 视为投标人相互串通 — the items of presumed collusion (招标投标法实施条例 第四十条; 87号令
/// 第37条 repeats them for procurement) that the platform can see in its own records:
///
/// - (一) documents of different bidders made by the same unit or person → same document creator;
/// - (二) different bidders entrust the same unit or person → same agent, same submitting machine or address;
/// - (三) the same project-management member in different bids → same project manager;
/// - (四) documents abnormally alike, or prices in a regular pattern → text similarity, price progression;
/// - (六) deposits of different bidders paid from the same account → same deposit account.
///
/// Each item needs at least two *different* bidders; a bidder sharing something with itself
/// (two versions of its own bid) is never flagged. Values are compared after trimming white space
/// and lower-casing ASCII letters; empty values never match.
public enum CollusionIndicators {
    /// All 条例40 flags of one tender. Cost: O(k log k) per identity field for k bids, plus
    /// O(k²) set comparisons among the bids that carry document text.
    public static func evaluate(_ tender: ScreenedTender, thresholds: ScreeningThresholds = .default) -> [ScreeningFlag] {
        var flags: [ScreeningFlag] = []
        let bids = tender.bids
        let ignoredIPs = Set(thresholds.ignoredIPs.map(Self.normalize))
        let ignoredMachines = Set(thresholds.ignoredMachineIDs.map(Self.normalize))

        for group in Self.sharedValues(bids, .depositAccount) {
            flags.append(ScreeningFlag(
                code: .sameDepositAccount, severity: .high,
                explanation: BilingualText(
                    en: "条例40(六) deposits of different bidders paid from the same account (\(Self.masked(group.value)))",
                    zh: "条例40（六）不同投标人的投标保证金从同一单位或者个人的账户转出（账户 \(Self.masked(group.value))）"),
                bidders: group.bidders, value: Double(group.bidders.count)))
        }
        for group in Self.sharedValues(bids, .docCreator) {
            flags.append(ScreeningFlag(
                code: .sameDocumentCreator, severity: .high,
                explanation: BilingualText(
                    en: "条例40(一) bid documents of different bidders made by the same unit or person (creator \(group.value))",
                    zh: "条例40（一）不同投标人的投标文件由同一单位或者个人编制（制作标识 \(group.value)）"),
                bidders: group.bidders, value: Double(group.bidders.count)))
        }
        for group in Self.sharedValues(bids, .machineID) where !ignoredMachines.contains(group.value) {
            flags.append(ScreeningFlag(
                code: .sameMachine, severity: .high,
                explanation: BilingualText(
                    en: "条例40(二) bids of different bidders submitted from the same machine (\(group.value)), i.e. entrusted to the same unit or person",
                    zh: "条例40（二）不同投标人的投标文件由同一台机器上传（机器码 \(group.value)），视为委托同一单位或者个人办理投标事宜"),
                bidders: group.bidders, value: Double(group.bidders.count)))
        }
        for group in Self.sharedValues(bids, .ip) where !ignoredIPs.contains(group.value) {
            flags.append(ScreeningFlag(
                code: .sameIP, severity: .medium,
                explanation: BilingualText(
                    en: "条例40(二) bids of different bidders submitted from the same network address (\(group.value))",
                    zh: "条例40（二）不同投标人的投标文件从同一网络地址上传（IP \(group.value)）"),
                bidders: group.bidders, value: Double(group.bidders.count)))
        }
        for group in Self.sharedValues(bids, .agent) {
            flags.append(ScreeningFlag(
                code: .sameAgent, severity: .high,
                explanation: BilingualText(
                    en: "条例40(二) different bidders entrusted the same unit or person (\(group.value)) with their bids",
                    zh: "条例40（二）不同投标人委托同一单位或者个人（\(group.value)）办理投标事宜"),
                bidders: group.bidders, value: Double(group.bidders.count)))
        }
        for group in Self.sharedValues(bids, .projectManager) {
            flags.append(ScreeningFlag(
                code: .sameProjectManager, severity: .high,
                explanation: BilingualText(
                    en: "条例40(三) the same project manager (\(group.value)) is named in the bids of different bidders",
                    zh: "条例40（三）不同投标人的投标文件载明的项目管理成员为同一人（\(group.value)）"),
                bidders: group.bidders, value: Double(group.bidders.count)))
        }
        if let limit = thresholds.documentSimilarityHigh {
            flags += Self.similarDocumentFlags(bids, limit: limit, shingleLength: thresholds.shingleLength)
        }
        if let tolerance = thresholds.pricePatternTolerance, let flag = Self.pricePatternFlag(bids, tolerance: tolerance, minimumBids: thresholds.pricePatternMinimumBids) {
            flags.append(flag)
        }
        return flags
    }

    /// A value shared by two or more different bidders.
    struct SharedValue {
        var value: String
        var bidders: [String]
    }

    /// The identity fields compared across bidders.
    enum IdentityField {
        case ip, machineID, docCreator, depositAccount, projectManager, agent

        func value(_ bids: [ScreenedBid], _ i: Int) -> String? {
            switch self {
            case .ip: bids[i].ip
            case .machineID: bids[i].machineID
            case .docCreator: bids[i].docCreator
            case .depositAccount: bids[i].depositAccount
            case .projectManager: bids[i].projectManager
            case .agent: bids[i].agent
            }
        }
    }

    /// Trimmed of white space (ASCII and Unicode, e.g. the ideographic space) with ASCII letters
    /// lower-cased. Identifiers are ASCII and Chinese has no case, so full Unicode case folding is
    /// not needed. Returns the string itself when nothing changes.
    static func normalize(_ s: String) -> String {
        var scalars = s.unicodeScalars[...]
        while let first = scalars.first, Self.isWhitespace(first) { scalars = scalars.dropFirst() }
        while let last = scalars.last, Self.isWhitespace(last) { scalars = scalars.dropLast() }
        var changed = scalars.count != s.unicodeScalars.count
        if !changed {
            for byte in s.utf8 where byte >= 0x41 && byte <= 0x5A {
                changed = true
                break
            }
        }
        guard changed else { return s }
        var out = String.UnicodeScalarView()
        for scalar in scalars {
            out.append(scalar.value >= 0x41 && scalar.value <= 0x5A ? Unicode.Scalar(scalar.value + 0x20)! : scalar)
        }
        return String(out)
    }

    /// ASCII space and controls up to U+0020 by a comparison; Unicode's White_Space property
    /// (the slow table look-up) only beyond ASCII.
    @inline(__always)
    static func isWhitespace(_ scalar: Unicode.Scalar) -> Bool {
        scalar.value < 0x80 ? scalar.value <= 0x20 : scalar.properties.isWhitespace
    }

    /// A 64-bit FNV-1a hash of `normalize(s)`, computed without building the normalised string;
    /// `nil` when nothing but white space is left. Equal normalised strings have equal keys.
    static func normalizedKey(_ s: String) -> UInt64? {
        // Native strings (small ones included) expose their UTF-8 as one buffer, read several times
        // faster than iterating the view; the loop below stays for bridged strings.
        if let key = s.utf8.withContiguousStorageIfAvailable(Self.asciiKey) {
            switch key {
            case .key(let h): return h
            case .blank: return nil
            case .needsScalars: return Self.normalizedScalarKey(s)
            }
        }
        // ASCII fast path over bytes; any non-ASCII byte falls back to decoding scalars.
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        var started = false
        var pendingSpaces = 0
        var ascii = true
        for byte in s.utf8 {
            if byte >= 0x80 {
                ascii = false
                break
            }
            if byte <= 0x20 {
                if started { pendingSpaces += 1 }
                continue
            }
            started = true
            if pendingSpaces > 0 { return Self.normalizedScalarKey(s) } // interior white space: rare
            let v = byte >= 0x41 && byte <= 0x5A ? byte + 0x20 : byte
            h = (h ^ UInt64(v)) &* 0x0000_0100_0000_01B3
        }
        if ascii { return started ? h : nil }
        return Self.normalizedScalarKey(s)
    }

    /// What ``asciiKey(_:)`` found.
    enum ASCIIKey {
        case key(UInt64)
        case blank
        case needsScalars
    }

    /// ``normalizedKey(_:)`` over UTF-8 bytes when they are ASCII without interior white space.
    static func asciiKey(_ bytes: UnsafeBufferPointer<UInt8>) -> ASCIIKey {
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        var started = false
        var pendingSpaces = false
        for byte in bytes {
            if byte >= 0x80 { return .needsScalars }
            if byte <= 0x20 {
                if started { pendingSpaces = true }
                continue
            }
            if pendingSpaces { return .needsScalars } // interior white space: rare
            started = true
            let v = byte >= 0x41 && byte <= 0x5A ? byte + 0x20 : byte
            h = (h ^ UInt64(v)) &* 0x0000_0100_0000_01B3
        }
        return started ? .key(h) : .blank
    }

    static func normalizedScalarKey(_ s: String) -> UInt64? {
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        var started = false
        var pendingSpace: [UInt32] = [] // interior white space, hashed only if more text follows
        for scalar in s.unicodeScalars {
            if Self.isWhitespace(scalar) {
                if started { pendingSpace.append(scalar.value) }
                continue
            }
            started = true
            for v in pendingSpace { h = (h ^ UInt64(v)) &* 0x0000_0100_0000_01B3 }
            pendingSpace.removeAll(keepingCapacity: true)
            var v = scalar.value
            if v >= 0x41 && v <= 0x5A { v += 0x20 }
            h = (h ^ UInt64(v)) &* 0x0000_0100_0000_01B3
        }
        return started ? h : nil
    }

    /// Groups of ≥ 2 distinct bidders sharing a non-empty normalised value. Sorts (hash, index)
    /// pairs — O(k log k), no string allocation — and builds strings only for tied hashes.
    static func sharedValues(_ bids: [ScreenedBid], _ field: IdentityField) -> [SharedValue] {
        var keys: [(key: UInt64, index: Int)] = []
        for i in bids.indices {
            if let raw = field.value(bids, i), let key = Self.normalizedKey(raw) { keys.append((key, i)) }
        }
        guard keys.count >= 2 else { return [] }
        keys.sort { $0.key < $1.key }
        var groups: [SharedValue] = []
        var start = 0
        while start < keys.count {
            var end = start
            while end + 1 < keys.count && keys[end + 1].key == keys[start].key { end += 1 }
            if end > start {
                // Confirm on the strings themselves (a hash collision must not accuse anyone).
                var byValue: [String: Set<String>] = [:]
                for entry in keys[start...end] {
                    byValue[Self.normalize(field.value(bids, entry.index)!), default: []].insert(bids[entry.index].bidderID)
                }
                for (value, bidders) in byValue.sorted(by: { $0.key < $1.key }) where bidders.count >= 2 {
                    groups.append(SharedValue(value: value, bidders: bidders.sorted()))
                }
            }
            start = end + 1
        }
        return groups.sorted { $0.value < $1.value }
    }

    /// Shows only the last four characters of an account number.
    static func masked(_ account: String) -> String {
        account.count <= 4 ? account : "…" + account.suffix(4)
    }

    /// 条例40(四) abnormally alike documents: bidders whose document texts have Jaccard similarity
    /// ≥ `limit`, merged into connected groups (one flag per group, value = the highest similarity).
    static func similarDocumentFlags(_ bids: [ScreenedBid], limit: Double, shingleLength: Int) -> [ScreeningFlag] {
        let documents = bids.compactMap { bid in bid.documentText.map { (bidder: bid.bidderID, shingles: ShingleSet(text: $0, shingleLength: shingleLength)) } }
        guard documents.count >= 2 else { return [] }
        var groups = DisjointSets(count: documents.count)
        var best = [Double](repeating: 0, count: documents.count)
        var linked = false
        for i in 0..<documents.count {
            for j in (i + 1)..<documents.count where documents[i].bidder != documents[j].bidder {
                let similarity = documents[i].shingles.jaccard(documents[j].shingles)
                if similarity >= limit {
                    groups.union(i, j)
                    best[i] = max(best[i], similarity)
                    best[j] = max(best[j], similarity)
                    linked = true
                }
            }
        }
        guard linked else { return [] }
        var members: [Int: [Int]] = [:]
        for i in 0..<documents.count where best[i] > 0 { members[groups.find(i), default: []].append(i) }
        return members.values.sorted { $0[0] < $1[0] }.map { group in
            let highest = group.map { best[$0] }.max() ?? limit
            return ScreeningFlag(
                code: .similarDocuments, severity: .high,
                explanation: BilingualText(
                    en: "条例40(四) bid documents of different bidders are abnormally alike (text similarity up to \(RedFlags.percent(highest)) ≥ \(RedFlags.percent(limit)))",
                    zh: "条例40（四）不同投标人的投标文件异常一致（文本相似度最高 \(RedFlags.percent(highest)) ≥ \(RedFlags.percent(limit))）"),
                bidders: group.map { documents[$0].bidder }, value: highest)
        }
    }

    /// 条例40(四) prices in a regular pattern: the distinct bidders' prices, sorted, form an
    /// arithmetic progression (equal steps) or a geometric one (equal ratios), within `tolerance`
    /// of the mean step. Equal prices are left to `identical_prices`.
    static func pricePatternFlag(_ bids: [ScreenedBid], tolerance: Double, minimumBids: Int) -> ScreeningFlag? {
        var lowestByBidder: [String: Int64] = [:]
        for bid in bids where bid.amountFen > 0 {
            lowestByBidder[bid.bidderID] = min(lowestByBidder[bid.bidderID] ?? .max, bid.amountFen)
        }
        guard lowestByBidder.count >= max(3, minimumBids) else { return nil }
        let prices = lowestByBidder.values.sorted().map(Double.init)
        var steps: [Double] = []
        var ratios: [Double] = []
        for i in 1..<prices.count {
            steps.append(prices[i] - prices[i - 1])
            ratios.append(prices[i] / prices[i - 1] - 1)
        }
        guard steps.allSatisfy({ $0 > 0 }) else { return nil }
        func regular(_ xs: [Double]) -> Bool {
            let mean = xs.reduce(0, +) / Double(xs.count)
            return (xs.max()! - xs.min()!) <= tolerance * mean
        }
        let arithmetic = regular(steps)
        guard arithmetic || regular(ratios) else { return nil }
        let kind = arithmetic ? ("equal steps", "等差") : ("equal ratios", "等比")
        return ScreeningFlag(
            code: .regularPricePattern, severity: .medium,
            explanation: BilingualText(
                en: "条例40(四) prices of \(prices.count) bidders differ in a regular pattern (\(kind.0))",
                zh: "条例40（四）\(prices.count) 家投标人的报价呈规律性差异（\(kind.1)）"),
            bidders: Array(lowestByBidder.keys), value: Double(prices.count))
    }
}

/// Union–find with path halving and union by size.
struct DisjointSets {
    private var parent: [Int]
    private var size: [Int]

    init(count: Int) {
        self.parent = Array(0..<count)
        self.size = [Int](repeating: 1, count: count)
    }

    mutating func find(_ x: Int) -> Int {
        var x = x
        while self.parent[x] != x {
            self.parent[x] = self.parent[self.parent[x]]
            x = self.parent[x]
        }
        return x
    }

    mutating func union(_ a: Int, _ b: Int) {
        var ra = self.find(a)
        var rb = self.find(b)
        if ra == rb { return }
        if self.size[ra] < self.size[rb] { swap(&ra, &rb) }
        self.parent[rb] = ra
        self.size[ra] += self.size[rb]
    }
}
