import Auctions
import Foundation
import Testing

@Suite("EnglishAuction (产权网络竞价)", .tags(.small))
struct EnglishAuctionTests {
    /// Free bidding 0…3600 s, then a 300 s countdown; start 100 yuan, increment 10 yuan.
    static func rules(reserve: Fen? = nil, cap: Int? = nil) -> EnglishAuctionRules {
        EnglishAuctionRules(
            startPrice: yuan(100),
            increment: yuan(10),
            freeBiddingStart: at(0),
            freeBiddingEnd: at(3600),
            countdown: 300,
            maximumIncrementsPerBid: cap,
            reservePrice: reserve
        )
    }

    @Test("产权 next valid bid = current price + N × increment")
    func incrementLadder() throws {
        // setup
        var auction = try EnglishAuction(rules: Self.rules())
        // exercise & validate
        #expect(auction.handle(.bid(request("a1", "A", yuan(100))), now: at(10)).acknowledgements.count == 1)
        #expect(
            auction.handle(.bid(request("b1", "B", yuan(115))), now: at(11)).rejections
                == [.notOnIncrementLadder(base: yuan(100), increment: yuan(10))]
        )
        #expect(auction.handle(.bid(request("b2", "B", yuan(100))), now: at(12)).rejections == [.belowMinimum(minimum: yuan(110))])
        let ack = try #require(auction.handle(.bid(request("b3", "B", yuan(130))), now: at(13)).acknowledgements.first)
        #expect(ack.sequence == 2)
        #expect(ack.standingPrice == yuan(130))
        #expect(auction.standingPrice == yuan(130))
    }

    @Test("产权 N is capped when the exchange sets a maximum number of increments")
    func incrementCap() throws {
        var auction = try EnglishAuction(rules: Self.rules(cap: 2))
        _ = auction.handle(.bid(request("a1", "A", yuan(100))), now: at(10))
        #expect(auction.handle(.bid(request("b1", "B", yuan(130))), now: at(11)).rejections == [.raiseTooLarge(maximum: yuan(120))])
        #expect(auction.handle(.bid(request("b2", "B", yuan(120))), now: at(12)).acknowledgements.count == 1)
    }

    @Test("产权 bids in 自由报价期 do not move the end; 限时报价期 starts at the end of free bidding")
    func freePeriodThenTimedPeriod() throws {
        var auction = try EnglishAuction(rules: Self.rules())
        let effects = auction.handle(.bid(request("a1", "A", yuan(100))), now: at(3590))
        #expect(effects.extensions.isEmpty)
        #expect(auction.endsAt == at(3600))
        let timed = auction.handle(.tick, now: at(3600))
        #expect(timed.announcements == [.timedPeriodStarted(endsAt: at(3900))])
        #expect(auction.phase == .timedBidding)
    }

    @Test("产权 each valid bid in 限时报价期 restarts the countdown")
    func countdownRestarts() throws {
        var auction = try EnglishAuction(rules: Self.rules())
        _ = auction.handle(.bid(request("a1", "A", yuan(100))), now: at(100))
        let effects = auction.handle(.bid(request("b1", "B", yuan(110))), now: at(3700))
        #expect(effects.extensions == [at(4000)])
        // An invalid bid does not restart it.
        #expect(auction.handle(.bid(request("a2", "A", yuan(111))), now: at(3800)).extensions.isEmpty)
        #expect(auction.handle(.tick, now: at(3999)).closing == nil)
        let closing = try #require(auction.handle(.tick, now: at(4000)).closing)
        #expect(closing.outcome == .sold(AuctionAward(bidder: "B", price: yuan(110), sequence: 2)))
        #expect(closing.at == at(4000))
    }

    @Test("拍卖法§50 highest bid below the hidden reserve → no sale")
    func reserveNotMet() throws {
        var auction = try EnglishAuction(rules: Self.rules(reserve: yuan(200)))
        let effects = auction.handle(.bid(request("a1", "A", yuan(150))), now: at(10))
        #expect(effects.acknowledgements.first?.standingPrice == yuan(150))
        let closing = try #require(auction.handle(.tick, now: at(5000)).closing)
        #expect(closing.outcome == .noSale(.reserveNotMet(bestBid: yuan(150), reserve: yuan(200))))
        #expect(closing.at == at(3900))
    }

    @Test("拍卖法§50 highest bid at the reserve sells")
    func reserveMet() throws {
        var auction = try EnglishAuction(rules: Self.rules(reserve: yuan(200)))
        _ = auction.handle(.bid(request("a1", "A", yuan(200))), now: at(10))
        #expect(auction.handle(.tick, now: at(3900)).closing?.outcome.winner == "A")
    }

    @Test("No bids → 流拍 with no bids, at the end of the first countdown")
    func noBids() throws {
        var auction = try EnglishAuction(rules: Self.rules())
        let effects = auction.handle(.tick, now: at(10_000))
        #expect(effects.closing?.outcome == .noSale(.noBids))
        #expect(effects.closing?.at == at(3900))
        #expect(effects.releasedDeposits == nil)
    }

    @Test("A repeated client bid id returns the same acknowledgement and has no second effect")
    func idempotentBids() throws {
        var auction = try EnglishAuction(rules: Self.rules())
        let first = auction.handle(.bid(request("a1", "A", yuan(100))), now: at(10))
        let again = auction.handle(.bid(request("a1", "A", yuan(100))), now: at(20))
        #expect(again == [.bidReplayed(try #require(first.acknowledgements.first))])
        #expect(auction.acceptedBids.count == 1)
        // The same id for a different amount is refused; another bidder may use the same id.
        #expect(auction.handle(.bid(request("a1", "A", yuan(120))), now: at(30)).rejections == [.clientBidIDReused])
        #expect(auction.handle(.bid(request("a1", "B", yuan(110))), now: at(40)).acknowledgements.count == 1)
    }

    @Test("A bid that arrives after the end is refused, and the same event reports the close")
    func lateBid() throws {
        var auction = try EnglishAuction(rules: Self.rules())
        #expect(auction.handle(.bid(request("a0", "A", yuan(100))), now: at(-1)).rejections == [.notOpenYet(opensAt: at(0))])
        _ = auction.handle(.bid(request("a1", "A", yuan(100))), now: at(10))
        let effects = auction.handle(.bid(request("b1", "B", yuan(110))), now: at(3900))
        #expect(effects.closing?.outcome.winner == "A")
        #expect(effects.rejections == [.closed])
    }

    @Test("Losers' deposits are released at the close; withdrawal releases everyone's")
    func deposits() throws {
        var auction = try EnglishAuction(rules: Self.rules())
        _ = auction.handle(.bid(request("a1", "A", yuan(100))), now: at(10))
        _ = auction.handle(.bid(request("b1", "B", yuan(110))), now: at(20))
        _ = auction.handle(.bid(request("c1", "C", yuan(120))), now: at(30))
        let released = try #require(auction.handle(.tick, now: at(3900)).releasedDeposits)
        #expect(released.bidders == ["A", "B"])
        #expect(released.by == at(3900 + 86_400))

        var withdrawn = try EnglishAuction(rules: Self.rules())
        _ = withdrawn.handle(.bid(request("a1", "A", yuan(100))), now: at(10))
        let effects = withdrawn.handle(.withdraw, now: at(50))
        #expect(effects.closing?.outcome == .noSale(.withdrawn))
        #expect(effects.releasedDeposits?.bidders == ["A"])
    }

    @Test("The clock never runs backwards: an earlier receipt time counts as the last one seen")
    func monotonicClock() throws {
        var auction = try EnglishAuction(rules: Self.rules())
        _ = auction.handle(.tick, now: at(3700))
        let ack = try #require(auction.handle(.bid(request("a1", "A", yuan(100))), now: at(3000)).acknowledgements.first)
        #expect(ack.receivedAt == at(3700))
        #expect(ack.endsAt == at(4000))
    }

    @Test("Invalid rules are refused with every violation listed")
    func invalidRules() {
        var rules = Self.rules()
        rules.increment = 0
        rules.freeBiddingEnd = at(-1)
        #expect(throws: InvalidAuctionRules(violations: [.notPositive(.increment), .endNotAfterStart(.biddingPeriod)])) {
            _ = try EnglishAuction(rules: rules)
        }
    }
}

@Suite("Minimum next bid", .tags(.small))
struct MinimumNextBidTests {
    @Test("产权 the minimum next bid is the start price, then the standing price + one increment")
    func english() throws {
        var auction = try EnglishAuction(rules: EnglishAuctionTests.rules())
        #expect(auction.minimumNextBid == nil)
        _ = auction.handle(.tick, now: at(0))
        #expect(auction.minimumNextBid == yuan(100))
        _ = auction.handle(.bid(request("a1", "A", yuan(120))), now: at(1))
        #expect(auction.minimumNextBid == yuan(130))
        var strict = EnglishAuctionTests.rules()
        strict.firstBidMayEqualStartPrice = false
        var strictAuction = try EnglishAuction(rules: strict)
        _ = strictAuction.handle(.tick, now: at(0))
        #expect(strictAuction.minimumNextBid == yuan(110))
        #expect(strictAuction.handle(.bid(request("a1", "A", yuan(100))), now: at(1)).rejections == [.belowMinimum(minimum: yuan(110))])
    }
}
