import Foundation

extension OpeningSession {
    /// 法34, 法28, 条例44: at the deadline the bid set freezes; too few bids → 流标 with every envelope left sealed.
    mutating func freeze(_ bids: [ReceivedBid], now: Date, event: OpeningEvent) throws(TradingError) -> [OpeningEffect] {
        try self.expect([.scheduled], for: event)
        guard now >= self.plan.bidDeadline else {
            throw .conflict(
                "before-deadline", zh: "投标截止时间未到，不能截止投标或开标", en: "The bid deadline has not passed yet", article: "法34"
            )
        }
        let bidIDs = bids.map(\.bidID)
        let bidderIDs = bids.map(\.bidderID)
        guard !bidIDs.contains(""), !bidderIDs.contains(""), Set(bidIDs).count == bids.count else {
            throw .invalid("frozen-bids", zh: "投标文件标识不能为空或重复", en: "Bid ids must be present and distinct")
        }
        guard Set(bidderIDs).count == bids.count else {
            throw .invalid(
                "one-bid-per-bidder", zh: "同一投标人在同一标段只能有一份投标文件", en: "A bidder has at most one bid per lot"
            )
        }
        self.bids = bids
        var effects: [OpeningEffect] = [.freezeBids(bids)]
        if bids.count < self.plan.minimumBids {
            let failure = OpeningFailure.tooFewBids(received: bids.count, minimum: self.plan.minimumBids)
            self.failure = failure
            self.phase = .failed
            effects.append(.keepSealed(bidIDs: bidIDs))
            effects.append(.lotFailed(failure))
            return effects
        }
        self.phase = .awaitingShares
        return effects
    }

    /// A panel custodian hands over its shares: after the deadline, before the limit, once.
    mutating func release(_ custodianID: String, bidIDs: [String], now: Date, event: OpeningEvent) throws(TradingError) -> [OpeningEffect] {
        switch self.phase {
        case .scheduled:
            throw .conflict(
                "shares-before-deadline", zh: "投标截止前不得释放开标密钥份额", en: "Key shares may not be released before the bid deadline",
                article: "法34"
            )
        case .failed:
            throw .conflict(
                "lot-failed-sealed", zh: "本标段已流标，投标文件不予解密，无需释放密钥份额",
                en: "The lot failed at the deadline: the bids stay sealed and no share is taken", article: "法28"
            )
        case .stalled:
            throw self.limitPassed()
        case .awaitingShares, .decrypting:
            break
        case .recording, .signed, .published, .terminated:
            throw self.refusal(event)
        }
        guard self.plan.custodian(custodianID) != nil else {
            throw .forbidden("不是本标段的开标密钥保管人", en: "Only a custodian on this lot's panel may release a key share")
        }
        guard !self.releasedCustodianIDs.contains(custodianID) else {
            throw .conflict(
                "share-already-released", zh: "该保管人已释放过密钥份额，不能重复释放", en: "This custodian has already released its shares"
            )
        }
        if self.phase == .awaitingShares, now >= self.shareReleaseLimit {
            throw self.limitPassed()
        }
        let frozen = Set((self.bids ?? []).map(\.bidID))
        guard !bidIDs.isEmpty, Set(bidIDs).count == bidIDs.count, bidIDs.allSatisfy(frozen.contains) else {
            throw .invalid(
                "share-bids", zh: "释放的份额须对应本标段已封存的投标文件，且不能重复",
                en: "Released shares must name bids of the frozen set, each once"
            )
        }
        let release = ShareRelease(custodianID: custodianID, bidIDs: bidIDs, releasedAt: now)
        self.releases.append(release)
        var effects: [OpeningEffect] = [.recordShareRelease(release)]
        if self.phase == .awaitingShares, self.releases.count >= self.plan.threshold {
            self.phase = .decrypting
            effects.append(.decryptAll(bidIDs: (self.bids ?? []).map(\.bidID)))
        }
        return effects
    }

    /// The scheduler's tick: the share-release limit passing with fewer than k releases stalls the session.
    mutating func tick(now: Date) -> [OpeningEffect] {
        guard self.phase == .awaitingShares, now >= self.shareReleaseLimit else { return [] }
        self.phase = .stalled
        return [.notifySupervisor(self.stall)]
    }

    /// The tenderer moves the share-release limit later, while waiting for shares or after a stall.
    mutating func postpone(until: Date, now: Date, event: OpeningEvent) throws(TradingError) -> [OpeningEffect] {
        try self.expect([.awaitingShares, .stalled], for: event)
        guard until > now, until > self.shareReleaseLimit else {
            throw .invalid(
                "postpone-limit", zh: "延期后的时限须晚于当前时间和原时限", en: "The new limit must be later than now and than the current limit"
            )
        }
        let from = self.shareReleaseLimit
        self.shareReleaseLimit = until
        self.phase = .awaitingShares
        return [.limitMoved(from: from, to: until)]
    }

    /// The tenderer ends the opening without a record. Before decryption was asked for, every envelope stays sealed;
    /// after it, the server stops decrypting and publishes nothing of what it read.
    mutating func terminate(reasonZh: String, reasonEn: String, event: OpeningEvent) throws(TradingError) -> [OpeningEffect] {
        guard !self.phase.isFinal else { throw self.refusal(event) }
        let zh = reasonZh.trimmingCharacters(in: .whitespacesAndNewlines)
        let en = reasonEn.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !zh.isEmpty || !en.isEmpty else {
            throw .invalid("termination-reason", zh: "终止须说明理由", en: "A termination needs a reason")
        }
        var effects: [OpeningEffect] = []
        if let bids = self.bids, [.awaitingShares, .stalled].contains(self.phase) {
            effects.append(.keepSealed(bidIDs: bids.map(\.bidID)))
        }
        self.phase = .terminated
        self.terminationReasonZh = zh
        self.terminationReasonEn = en
        effects.append(.sessionTerminated(reasonZh: zh, reasonEn: en))
        return effects
    }

    /// Who released and who did not, at the current limit.
    var stall: OpeningStall {
        let released = Set(self.releasedCustodianIDs)
        return OpeningStall(
            limit: self.shareReleaseLimit, threshold: self.plan.threshold,
            released: self.plan.custodians.filter { released.contains($0.id) },
            pending: self.plan.custodians.filter { !released.contains($0.id) }
        )
    }

    private func limitPassed() -> TradingError {
        .conflict(
            "share-limit-passed",
            zh: "密钥份额释放时限（\(StatutoryChecks.localText(self.shareReleaseLimit))）已过，须由招标人延期后方可继续释放",
            en: "The share-release limit (\(StatutoryChecks.localText(self.shareReleaseLimit))) has passed; the tenderer must postpone the opening first"
        )
    }
}
