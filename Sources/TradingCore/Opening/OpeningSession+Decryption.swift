extension OpeningSession {
    /// 电子招标投标办法31: records one bid's decryption result; once every bid is decided, reads out the price
    /// sheet, or fails the lot when fewer than the minimum valid bids remain (法28, 条例44).
    mutating func decide(_ bidID: String, outcome: BidOutcome, event: OpeningEvent) throws(TradingError) -> [OpeningEffect] {
        switch self.phase {
        case .awaitingShares, .stalled:
            throw .conflict(
                "not-decryptable-yet", zh: "释放密钥份额的保管人不足\(self.plan.threshold)人，投标文件尚不能解密",
                en: "Fewer than \(self.plan.threshold) custodians have released their shares: no bid can be decrypted yet"
            )
        case .decrypting:
            break
        case .scheduled, .recording, .signed, .published, .failed, .terminated:
            throw self.refusal(event)
        }
        let bids = self.bids ?? []
        guard let position = bids.firstIndex(where: { $0.bidID == bidID }) else {
            throw .notFound("Bid \(bidID) of the frozen set", zh: "封存的投标文件\(bidID)")
        }
        guard self.outcomes[bidID] == nil else {
            throw .conflict("bid-already-decided", zh: "该投标文件的解密结果已登记", en: "This bid's decryption result is already recorded")
        }
        self.outcomes[bidID] = outcome
        var effects: [OpeningEffect]
        switch outcome {
        case .opened:
            effects = [.bidOpened(bidID: bidID)]
        case .setAside(let failure):
            let bid = bids[position]
            effects = [.bidSetAside(SetAsideBid(position: position + 1, bidID: bidID, bidderID: bid.bidderID, failure: failure))]
        }
        if self.outcomes.count == bids.count {
            effects.append(self.readOut())
        }
        return effects
    }

    /// Every bid is decided: the whole price sheet at once, or 流标 when too few valid bids remain.
    private mutating func readOut() -> OpeningEffect {
        self.phase = .recording
        let rows = (self.bids ?? []).enumerated().compactMap { offset, bid -> PriceSheetRow? in
            guard case .opened(let readOut) = self.outcomes[bid.bidID] else { return nil }
            return PriceSheetRow(position: offset + 1, bidID: bid.bidID, bidderID: bid.bidderID, readOut: readOut)
        }
        guard rows.count >= self.plan.minimumBids else {
            let failure = OpeningFailure.tooFewValidBids(valid: rows.count, minimum: self.plan.minimumBids)
            self.failure = failure
            return .lotFailed(failure)
        }
        let sheet = PriceSheet(rows: rows)
        self.priceSheet = sheet
        return .publishPriceSheet(sheet)
    }
}
