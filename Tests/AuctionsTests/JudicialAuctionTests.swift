import Auctions
import Foundation
import Testing

@Suite("JudicialAuction (网络司法拍卖)", .tags(.small))
struct JudicialAuctionTests {
    static let day: TimeInterval = 24 * 3600

    /// Appraisal 1 000 000 yuan, start 700 000, deposit 70 000, increment 1 000; bidding 0…24 h.
    static func rules(
        preemption: [PreemptionRight] = [],
        reserve: Fen? = nil
    ) -> JudicialAuctionRules {
        JudicialAuctionRules(
            appraisedValue: yuan(1_000_000),
            startPrice: yuan(700_000),
            deposit: yuan(70_000),
            increment: yuan(1_000),
            biddingStart: at(0),
            biddingEnd: at(day),
            preemptionRights: preemption,
            reservePrice: reserve
        )
    }

    /// An open auction in which `bidders` have paid their deposits.
    static func open(_ rules: JudicialAuctionRules, bidders: [BidderID]) throws -> JudicialAuction {
        var auction = try JudicialAuction(rules: rules)
        for bidder in bidders { _ = auction.handle(.depositPaid(bidder), now: at(0)) }
        return auction
    }

    @Test("拍§10 start price ≥ 70 % of the appraisal")
    func startPriceShare() {
        var rules = Self.rules()
        rules.startPrice = yuan(700_000) - 1
        rules.deposit = yuan(50_000)
        #expect(rules.violations == [.startPriceBelowAppraisalShare(percent: 70, minimum: yuan(700_000))])
        rules.startPrice = yuan(700_000)
        #expect(rules.violations.isEmpty)
    }

    @Test("拍§17 deposit between 5 % and 20 % of the start price")
    func depositRange() {
        var rules = Self.rules()
        let range = AuctionRulesViolation.depositOutOfRange(minimum: yuan(35_000), maximum: yuan(140_000))
        for (deposit, ok) in [(yuan(35_000) - 1, false), (yuan(35_000), true), (yuan(140_000), true), (yuan(140_000) + 1, false)] {
            rules.deposit = deposit
            #expect(rules.violations == (ok ? [] : [range]), "deposit \(deposit)")
        }
    }

    @Test("拍§20 bidding period of at least 24 hours")
    func biddingPeriod() {
        var rules = Self.rules()
        rules.biddingEnd = at(Self.day - 1)
        #expect(rules.violations == [.biddingPeriodTooShort(minimum: Self.day)])
        rules.biddingEnd = at(Self.day)
        #expect(rules.violations.isEmpty)
    }

    @Test("拍§20 a bid in the last 5 minutes moves the end to that bid's time + 5 minutes")
    func lastMinuteExtension() throws {
        var auction = try Self.open(Self.rules(), bidders: ["A", "B"])
        let end = at(Self.day)
        // Exactly 5 minutes before the end is not inside the last 5 minutes.
        #expect(auction.handle(.bid(request("a1", "A", yuan(700_000))), now: end.addingTimeInterval(-300)).extensions.isEmpty)
        let effects = auction.handle(.bid(request("b1", "B", yuan(701_000))), now: end.addingTimeInterval(-120))
        #expect(effects.extensions == [end.addingTimeInterval(180)])
        #expect(auction.endsAt == end.addingTimeInterval(180))
    }

    @Test("拍§20 no bid in the last 5 minutes → the last (highest) bid wins")
    func closesAfterQuietFiveMinutes() throws {
        var auction = try Self.open(Self.rules(), bidders: ["A", "B"])
        let end = at(Self.day)
        _ = auction.handle(.bid(request("a1", "A", yuan(700_000))), now: end.addingTimeInterval(-60))
        _ = auction.handle(.bid(request("b1", "B", yuan(705_000))), now: end.addingTimeInterval(200))
        #expect(auction.handle(.tick, now: end.addingTimeInterval(499)).closing == nil)
        let closing = try #require(auction.handle(.tick, now: end.addingTimeInterval(500)).closing)
        #expect(closing.outcome == .sold(AuctionAward(bidder: "B", price: yuan(705_000), sequence: 2)))
        #expect(closing.at == end.addingTimeInterval(500))
    }

    @Test("拍 one bidder at the start price wins")
    func singleBidderAtStart() throws {
        var auction = try Self.open(Self.rules(), bidders: ["A"])
        #expect(auction.handle(.bid(request("a1", "A", yuan(700_000) - 1)), now: at(10)).rejections == [.belowMinimum(minimum: yuan(700_000))])
        _ = auction.handle(.bid(request("a2", "A", yuan(700_000))), now: at(10))
        #expect(auction.handle(.tick, now: at(Self.day)).closing?.outcome.winner == "A")
    }

    @Test("拍 a bidder without a paid deposit cannot bid; losers' deposits are released within 24 h")
    func depositsRequiredAndReleased() throws {
        var auction = try Self.open(Self.rules(), bidders: ["A", "B", "C"])
        #expect(auction.handle(.bid(request("x1", "X", yuan(700_000))), now: at(10)).rejections == [.depositNotPaid])
        _ = auction.handle(.bid(request("a1", "A", yuan(700_000))), now: at(10))
        let released = try #require(auction.handle(.tick, now: at(Self.day)).releasedDeposits)
        #expect(released.bidders == ["B", "C"])
        #expect(released.by == at(2 * Self.day))
    }

    @Test("拍 a pre-emption holder may match the highest price and wins the tie")
    func preemptionMatchWins() throws {
        var auction = try Self.open(Self.rules(preemption: [PreemptionRight(bidder: "H")]), bidders: ["A", "B", "H"])
        _ = auction.handle(.bid(request("a1", "A", yuan(710_000))), now: at(10))
        // An ordinary bidder cannot bid the same price.
        #expect(auction.handle(.bid(request("b1", "B", yuan(710_000))), now: at(11)).rejections == [.belowMinimum(minimum: yuan(711_000))])
        let ack = try #require(auction.handle(.bid(request("h1", "H", yuan(710_000))), now: at(12)).acknowledgements.first)
        #expect(ack.isLeading)
        #expect(auction.leader?.kind == .preemptionMatch)
        #expect(auction.standingPrice == yuan(710_000))
        let closing = try #require(auction.handle(.tick, now: at(Self.day)).closing)
        #expect(closing.outcome == .sold(AuctionAward(bidder: "H", price: yuan(710_000), sequence: 2, byPreemption: true)))
    }

    @Test("拍 after a holder matches, an ordinary bidder must outbid it")
    func outbidAfterMatch() throws {
        var auction = try Self.open(Self.rules(preemption: [PreemptionRight(bidder: "H")]), bidders: ["A", "H"])
        _ = auction.handle(.bid(request("a1", "A", yuan(710_000))), now: at(10))
        _ = auction.handle(.bid(request("h1", "H", yuan(710_000))), now: at(11))
        _ = auction.handle(.bid(request("a2", "A", yuan(712_000))), now: at(12))
        #expect(auction.handle(.tick, now: at(Self.day)).closing?.outcome.winner == "A")
    }

    @Test("拍 pre-emption ties: the higher-ranked holder wins")
    func higherRankWins() throws {
        let rights = [PreemptionRight(bidder: "H1", order: 1), PreemptionRight(bidder: "H2", order: 2)]
        var auction = try Self.open(Self.rules(preemption: rights), bidders: ["A", "H1", "H2"])
        _ = auction.handle(.bid(request("a1", "A", yuan(700_000))), now: at(10))
        _ = auction.handle(.bid(request("h1", "H1", yuan(700_000))), now: at(11))
        // The second-ranked holder cannot take the lead from the first-ranked one by matching.
        #expect(auction.handle(.bid(request("h2", "H2", yuan(700_000))), now: at(12)).rejections == [.cannotOutrankLeader])
        #expect(auction.handle(.tick, now: at(Self.day)).closing?.outcome.winner == "H1")

        // The other way round: the first-ranked holder matches the second-ranked one and wins.
        var reversed = try Self.open(Self.rules(preemption: rights), bidders: ["A", "H1", "H2"])
        _ = reversed.handle(.bid(request("a1", "A", yuan(700_000))), now: at(10))
        _ = reversed.handle(.bid(request("h2", "H2", yuan(700_000))), now: at(11))
        _ = reversed.handle(.bid(request("h1", "H1", yuan(700_000))), now: at(12))
        #expect(reversed.handle(.tick, now: at(Self.day)).closing?.outcome.winner == "H1")
    }

    @Test("拍 pre-emption ties: same rank → the earlier bid wins")
    func sameRankEarlierWins() throws {
        let rights = [PreemptionRight(bidder: "H", order: 1), PreemptionRight(bidder: "K", order: 1)]
        var auction = try Self.open(Self.rules(preemption: rights), bidders: ["A", "H", "K"])
        _ = auction.handle(.bid(request("a1", "A", yuan(700_000))), now: at(10))
        _ = auction.handle(.bid(request("k1", "K", yuan(700_000))), now: at(11))
        #expect(auction.handle(.bid(request("h1", "H", yuan(700_000))), now: at(12)).rejections == [.cannotOutrankLeader])
        #expect(auction.handle(.tick, now: at(Self.day)).closing?.outcome.winner == "K")
    }

    @Test("拍卖法§50 a judicial auction with a reserve does not sell below it")
    func judicialReserve() throws {
        var auction = try Self.open(Self.rules(reserve: yuan(800_000)), bidders: ["A"])
        _ = auction.handle(.bid(request("a1", "A", yuan(750_000))), now: at(10))
        let effects = auction.handle(.tick, now: at(Self.day))
        #expect(effects.closing?.outcome == .noSale(.reserveNotMet(bestBid: yuan(750_000), reserve: yuan(800_000))))
        #expect(effects.releasedDeposits?.bidders == ["A"])
    }

    @Test("拍§26 unsold → re-auction with the start price cut at most 20 %")
    func relisting() throws {
        var auction = try Self.open(Self.rules(), bidders: ["A"])
        let effects = auction.handle(.tick, now: at(Self.day))
        #expect(effects.closing?.outcome == .noSale(.noBids))
        #expect(effects.contains(.relist(RelistingTerms(previousStartPrice: yuan(700_000), minimumStartPrice: yuan(560_000)))))

        let tooDeep = Self.rules().relisting(startPrice: yuan(560_000) - 1, deposit: yuan(50_000), biddingStart: at(2 * Self.day), biddingEnd: at(3 * Self.day))
        #expect(tooDeep.violations == [.relistingCutTooDeep(minimum: yuan(560_000))])
        // A 20 % cut is allowed even though it is below 70 % of the appraisal.
        let allowed = Self.rules().relisting(startPrice: yuan(560_000), deposit: yuan(50_000), biddingStart: at(2 * Self.day), biddingEnd: at(3 * Self.day))
        #expect(allowed.violations.isEmpty)
        #expect(throws: Never.self) { _ = try JudicialAuction(rules: allowed) }
    }

    @Test("A withdrawn auction releases every deposit and is not offered for relisting")
    func withdrawal() throws {
        var auction = try Self.open(Self.rules(), bidders: ["A", "B"])
        let effects = auction.handle(.withdraw, now: at(100))
        #expect(effects.closing?.outcome == .noSale(.withdrawn))
        #expect(effects.releasedDeposits?.bidders == ["A", "B"])
        #expect(!effects.contains { if case .relist = $0 { true } else { false } })
    }

    @Test("Duplicate pre-emption holders are refused")
    func duplicateHolders() {
        let rules = Self.rules(preemption: [PreemptionRight(bidder: "H"), PreemptionRight(bidder: "H", order: 2)])
        #expect(rules.violations == [.duplicateBidder("H")])
    }
}
