import Foundation

/// Per-tender red flags: the statistical screens turned into flags, and the procedural red flags of
/// the Open Contracting Partnership's Cardinal library (https://cardinal.readthedocs.io), whose
/// indicator numbers (R003 …) each explanation cites.
///
/// Cardinal sets most thresholds from the data (Tukey fences over all tenders); here they are fixed
/// numbers in ``ScreeningThresholds``, and ``TukeyFences`` computes data-driven ones for calibration.
public enum RedFlags {
    /// All per-tender flags except those of 条例40 (see ``CollusionIndicators``).
    public static func evaluate(_ tender: ScreenedTender, screens: BidScreens?, thresholds: ScreeningThresholds = .default) -> [ScreeningFlag] {
        var flags: [ScreeningFlag] = []
        if let screens {
            flags += Self.statisticalFlags(tender, screens: screens, thresholds: thresholds)
        }
        flags += Self.procedureFlags(tender, thresholds: thresholds)
        return flags
    }

    /// 0.5 at the threshold, rising linearly to 1 when the value is past it by `scale`.
    static func graded(excess: Double, scale: Double) -> Double {
        let s = scale == 0 ? 1 : abs(scale)
        return 0.5 + 0.5 * min(1, max(0, excess / s))
    }

    // MARK: Statistical screens

    static func statisticalFlags(_ tender: ScreenedTender, screens: BidScreens, thresholds t: ScreeningThresholds) -> [ScreeningFlag] {
        guard screens.count >= t.screensMinimumBids else { return [] }
        var everyone: [String] { tender.bids.map(\.bidderID) }
        var flags: [ScreeningFlag] = []
        if let limit = t.coefficientOfVariationLow, let cv = screens.coefficientOfVariation, cv <= limit {
            flags.append(ScreeningFlag(
                code: .cvLow, severity: .medium,
                explanation: BilingualText(
                    en: "Variance screen (Imhof): coefficient of variation of the bids \(Self.format(cv)) ≤ \(Self.format(limit)); bids unusually close together",
                    zh: "方差筛查（Imhof）：报价变异系数 \(Self.format(cv)) ≤ \(Self.format(limit))，报价异常接近"),
                bidders: everyone, value: cv, strength: Self.graded(excess: limit - cv, scale: limit)))
        }
        if let limit = t.spreadLow, let spread = screens.spread, spread <= limit {
            flags.append(ScreeningFlag(
                code: .spreadLow, severity: .low,
                explanation: BilingualText(
                    en: "Spread screen (Huber & Imhof): (highest − lowest)/lowest = \(Self.format(spread)) ≤ \(Self.format(limit))",
                    zh: "极差筛查（Huber & Imhof）：（最高价 − 最低价）/ 最低价 = \(Self.format(spread)) ≤ \(Self.format(limit))"),
                bidders: everyone, value: spread, strength: Self.graded(excess: limit - spread, scale: limit)))
        }
        if let limit = t.relativeDistanceHigh, let rd = screens.relativeDistance, rd > limit {
            flags.append(ScreeningFlag(
                code: .relativeDistanceHigh, severity: .medium,
                explanation: BilingualText(
                    en: "Cover-bidding screen (Imhof): relative distance RD = \(Self.format(rd)) > \(Self.format(limit)); the lowest bid stands apart from a tight cluster of losing bids",
                    zh: "陪标筛查（Imhof）：相对距离 RD = \(Self.format(rd)) > \(Self.format(limit))，最低价远离其余紧密聚集的落标报价"),
                bidders: everyone, value: rd, strength: Self.graded(excess: rd - limit, scale: limit)))
        }
        if let limit = t.kurtosisHigh, let k = screens.kurtosis, k >= limit {
            flags.append(ScreeningFlag(
                code: .kurtosisHigh, severity: .low,
                explanation: BilingualText(
                    en: "Kurtosis screen (Huber & Imhof): excess kurtosis \(Self.format(k)) ≥ \(Self.format(limit)); bids peaked around one value",
                    zh: "峰度筛查（Huber & Imhof）：超额峰度 \(Self.format(k)) ≥ \(Self.format(limit))，报价集中于某一数值附近"),
                bidders: everyone, value: k, strength: Self.graded(excess: k - limit, scale: limit)))
        }
        if let limit = t.skewnessLow, let g = screens.skewness, g <= limit {
            flags.append(ScreeningFlag(
                code: .skewnessNegative, severity: .low,
                explanation: BilingualText(
                    en: "Skewness screen (Huber & Imhof): skewness \(Self.format(g)) ≤ \(Self.format(limit)); one low bid below a bunched group",
                    zh: "偏度筛查（Huber & Imhof）：偏度 \(Self.format(g)) ≤ \(Self.format(limit))，单一低价低于一组聚集报价"),
                bidders: everyone, value: g, strength: Self.graded(excess: limit - g, scale: limit)))
        }
        if let limit = t.kolmogorovSmirnovHigh, let d = screens.kolmogorovSmirnov, d >= limit {
            flags.append(ScreeningFlag(
                code: .ksHigh, severity: .low,
                explanation: BilingualText(
                    en: "Uniformity screen (Huber & Imhof): Kolmogorov–Smirnov distance to the uniform \(Self.format(d)) ≥ \(Self.format(limit))",
                    zh: "均匀性筛查（Huber & Imhof）：与均匀分布的 K-S 距离 \(Self.format(d)) ≥ \(Self.format(limit))"),
                bidders: everyone, value: d, strength: Self.graded(excess: d - limit, scale: limit)))
        }
        return flags
    }

    // MARK: Cardinal-style red flags

    /// The bid taken as the winner: the single bid marked `isWinner`, or — when no result is known
    /// for any bid — the lowest valid bid (the presumptive winner at the opening). `nil` otherwise.
    static func presumptiveWinner(_ tender: ScreenedTender) -> ScreenedBid? {
        Self.presumptiveWinnerIndex(tender.bids).map { tender.bids[$0] }
    }

    /// Index of the single bid marked as winner, if exactly one is.
    static func decidedWinnerIndex(_ bids: [ScreenedBid]) -> Int? {
        var found: Int?
        for i in bids.indices where bids[i].isWinner == true {
            if found != nil { return nil }
            found = i
        }
        return found
    }

    static func presumptiveWinnerIndex(_ bids: [ScreenedBid]) -> Int? {
        var anyResult = false
        var winner: Int?
        var winners = 0
        var lowest: Int?
        for i in bids.indices {
            let b = bids[i]
            if let w = b.isWinner {
                anyResult = true
                if w {
                    winners += 1
                    winner = i
                }
            }
            if b.isValid && b.amountFen > 0 && (lowest == nil || b.amountFen < bids[lowest!].amountFen) { lowest = i }
        }
        if winners == 1 { return winner }
        return anyResult ? nil : lowest
    }

    /// The distinct bidders in order of appearance, collecting no more than `limit + 1` of them.
    static func distinctBidders(_ bids: [ScreenedBid], upTo limit: Int) -> [String] {
        var seen: [String] = []
        for b in bids where !seen.contains(b.bidderID) {
            seen.append(b.bidderID)
            if seen.count > limit { break }
        }
        return seen
    }

    static func procedureFlags(_ tender: ScreenedTender, thresholds t: ScreeningThresholds) -> [ScreeningFlag] {
        var flags: [ScreeningFlag] = []
        let bids = tender.bids
        let winnerIndex = Self.presumptiveWinnerIndex(bids)
        let winner = winnerIndex.map { bids[$0] }
        let decidedIndex = Self.decidedWinnerIndex(bids)
        let decided = decidedIndex.map { bids[$0] }

        // R003 short submission period.
        if let limit = t.shortSubmissionDays, let published = tender.publishedAt, let deadline = tender.deadline {
            let days = deadline.timeIntervalSince(published) / 86_400
            if days < limit {
                flags.append(ScreeningFlag(
                    code: .shortSubmissionPeriod, severity: .medium,
                    explanation: BilingualText(
                        en: "Cardinal R003: submission period \(Self.format(days)) days < \(Self.format(limit)) days (法24 / 采法35 require at least 20 days)",
                        zh: "Cardinal R003：提交投标文件期限 \(Self.format(days)) 日 < \(Self.format(limit)) 日（招标投标法第24条、政府采购法第35条要求不少于20日）"),
                    bidders: [], value: days))
            }
        }

        // R018 single bid.
        if let maximum = t.singleBidMaximum, !bids.isEmpty, case let bidders = Self.distinctBidders(bids, upTo: maximum), bidders.count <= maximum {
            flags.append(ScreeningFlag(
                code: .singleBid, severity: .medium,
                explanation: BilingualText(
                    en: "Cardinal R018: only \(bidders.count) bidder(s); no competition (法28 requires at least 3 bids to open)",
                    zh: "Cardinal R018：仅 \(bidders.count) 家投标，缺乏竞争（招标投标法第28条：少于3个投标人应重新招标）"),
                bidders: bidders, value: Double(bidders.count)))
        }

        // R024 price close to winner.
        if let limit = t.priceCloseToWinner, let w = winner, w.amountFen > 0 {
            var secondIndex: Int?
            for i in bids.indices {
                let b = bids[i]
                if b.isValid && b.amountFen > 0 && b.bidderID != w.bidderID
                    && (secondIndex == nil || b.amountFen < bids[secondIndex!].amountFen) { secondIndex = i }
            }
            if let second = secondIndex.map({ bids[$0] }), second.amountFen >= w.amountFen {
                let difference = Double(second.amountFen - w.amountFen) / Double(w.amountFen)
                if difference <= limit {
                    flags.append(ScreeningFlag(
                        code: .priceCloseToWinner, severity: .medium,
                        explanation: BilingualText(
                            en: "Cardinal R024: second-lowest valid bid is only \(Self.percent(difference)) above the winning bid (≤ \(Self.percent(limit)))",
                            zh: "Cardinal R024：次低有效报价仅比中标价高 \(Self.percent(difference))（≤ \(Self.percent(limit))）"),
                        bidders: [w.bidderID, second.bidderID], value: difference,
                        strength: Self.graded(excess: limit - difference, scale: limit)))
                }
            }
        }

        // R028 identical prices among different bidders.
        if t.identicalPricesEnabled {
            // Sort (amount, index) pairs, not whole bids, and look at bidders only where prices tie.
            var priced: [(amount: Int64, index: Int)] = []
            priced.reserveCapacity(bids.count)
            for i in bids.indices where bids[i].amountFen > 0 { priced.append((bids[i].amountFen, i)) }
            priced.sort { $0.amount < $1.amount }
            var involved: Set<String> = []
            var start = 0
            while start < priced.count {
                var end = start
                while end + 1 < priced.count && priced[end + 1].amount == priced[start].amount { end += 1 }
                if end > start {
                    let group = Set(priced[start...end].map { bids[$0.index].bidderID })
                    if group.count >= 2 { involved.formUnion(group) }
                }
                start = end + 1
            }
            if !involved.isEmpty {
                flags.append(ScreeningFlag(
                    code: .identicalPrices, severity: .high,
                    explanation: BilingualText(
                        en: "Cardinal R028; 条例40(四) prices in a regular pattern: different bidders offered exactly the same price",
                        zh: "Cardinal R028；条例40（四）投标报价呈规律性差异：不同投标人报价完全相同"),
                    bidders: Array(involved), value: Double(involved.count)))
            }
        }

        // R030 late winning bid.
        if let w = decided, let deadline = tender.deadline, let at = w.submittedAt, at > deadline {
            flags.append(ScreeningFlag(
                code: .lateWinningBid, severity: .high,
                explanation: BilingualText(
                    en: "Cardinal R030: the winning bid was received \(Self.format(at.timeIntervalSince(deadline) / 60)) minutes after the deadline (法28: late bids must be refused)",
                    zh: "Cardinal R030：中标投标文件在截止时间后 \(Self.format(at.timeIntervalSince(deadline) / 60)) 分钟送达（招标投标法第28条：逾期送达应当拒收）"),
                bidders: [w.bidderID], value: at.timeIntervalSince(deadline)))
        }

        // R035 all bids except the winner's disqualified.
        if let w = decided {
            var others = 0
            var allRejected = true
            for b in bids where b.bidderID != w.bidderID {
                others += 1
                if b.disqualified != true {
                    allRejected = false
                    break
                }
            }
            if others > 0 && allRejected {
                flags.append(ScreeningFlag(
                    code: .allExceptWinnerDisqualified, severity: .high,
                    explanation: BilingualText(
                        en: "Cardinal R035: every bid except the winner's (\(others)) was disqualified",
                        zh: "Cardinal R035：除中标人外其余 \(others) 份投标均被否决"),
                    bidders: [w.bidderID], value: Double(others)))
            }
        }

        // R036 lowest bid disqualified while another bid won.
        var lowestIndex: Int?
        for i in bids.indices where bids[i].amountFen > 0 && (lowestIndex == nil || bids[i].amountFen < bids[lowestIndex!].amountFen) {
            lowestIndex = i
        }
        if let w = decided, let lowest = lowestIndex.map({ bids[$0] }),
           lowest.disqualified == true, lowest.amountFen < w.amountFen, lowest.bidderID != w.bidderID {
            flags.append(ScreeningFlag(
                code: .lowestBidDisqualified, severity: .medium,
                explanation: BilingualText(
                    en: "Cardinal R036: the lowest bid was disqualified and a higher bid won",
                    zh: "Cardinal R036：最低报价被否决，由较高报价中标"),
                bidders: [lowest.bidderID, w.bidderID]))
        }

        // R038 excessive disqualifications (tender level).
        if let ratioLimit = t.excessiveDisqualificationRatio, tender.bids.count >= t.excessiveDisqualificationMinimumBids {
            let rejectedCount = bids.reduce(0) { $0 + ($1.disqualified == true ? 1 : 0) }
            let ratio = Double(rejectedCount) / Double(bids.count)
            if rejectedCount > 0 && ratio >= ratioLimit {
                let rejected = bids.filter { $0.disqualified == true }
                flags.append(ScreeningFlag(
                    code: .excessiveDisqualifications, severity: .low,
                    explanation: BilingualText(
                        en: "Cardinal R038: \(rejected.count) of \(tender.bids.count) bids disqualified (\(Self.percent(ratio)) ≥ \(Self.percent(ratioLimit)))",
                        zh: "Cardinal R038：\(tender.bids.count) 份投标中 \(rejected.count) 份被否决（\(Self.percent(ratio)) ≥ \(Self.percent(ratioLimit))）"),
                    bidders: rejected.map(\.bidderID), value: ratio))
            }
        }

        // R058-style heavily discounted bid, measured against the estimate.
        if let fraction = t.heavilyDiscountedFraction, let estimate = tender.estimateFen, estimate > 0, let w = winner, w.amountFen > 0 {
            let discount = Double(estimate - w.amountFen) / Double(estimate)
            if discount >= fraction {
                flags.append(ScreeningFlag(
                    code: .heavilyDiscountedBid, severity: .low,
                    explanation: BilingualText(
                        en: "Cardinal R058 (against the estimate): the winning bid is \(Self.percent(discount)) below the estimate (≥ \(Self.percent(fraction))); possibly below cost (法33)",
                        zh: "Cardinal R058（对照控制价）：中标报价低于控制价 \(Self.percent(discount))（≥ \(Self.percent(fraction))），可能低于成本（招标投标法第33条）"),
                    bidders: [w.bidderID], value: discount))
            }
        }
        return flags
    }

    /// Three significant digits, without Foundation's slow `String(format:)`.
    static func format(_ x: Double) -> String {
        guard x.isFinite else { return "\(x)" }
        if x == 0 { return "0" }
        let magnitude = (abs(x)).log10Floor
        let rounded: Double
        if magnitude >= 2 {
            let factor = Self.power10(magnitude - 2)
            rounded = (x / factor).rounded() * factor
        } else {
            let scale = Self.power10(2 - magnitude)
            rounded = (x * scale).rounded() / scale
        }
        if rounded == rounded.rounded(), abs(rounded) < 1e15 { return String(Int64(rounded)) }
        return "\(rounded)"
    }

    /// A fraction as a percentage with one decimal: 0.0123 → "1.2%".
    static func percent(_ x: Double) -> String {
        guard x.isFinite else { return "\(x)" }
        let tenths = (x * 1000).rounded()
        if tenths == (tenths / 10).rounded() * 10 { return String(Int64(tenths / 10)) + "%" }
        return "\(tenths / 10)%"
    }

    private static func power10(_ e: Int) -> Double {
        var result = 1.0
        for _ in 0..<abs(e) { result *= 10 }
        return e >= 0 ? result : 1 / result
    }
}

extension Double {
    /// ⌊log₁₀ x⌋ for x > 0.
    fileprivate var log10Floor: Int {
        Int(Foundation.log10(self).rounded(.down))
    }
}
