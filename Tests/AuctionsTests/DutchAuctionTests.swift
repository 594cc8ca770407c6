import Auctions
import Foundation
import Testing

@Suite("DutchAuction (荷兰式拍卖)", .tags(.small))
struct DutchAuctionTests {
    /// Start 1 000 yuan, down 50 yuan a minute, floor 800 yuan.
    static func rules(reserve: Fen? = nil) -> DutchAuctionRules {
        DutchAuctionRules(
            startPrice: yuan(1_000),
            decrement: yuan(50),
            stepInterval: 60,
            floorPrice: yuan(800),
            start: at(0),
            reservePrice: reserve
        )
    }

    @Test("Dutch: the price steps down by the decrement each interval")
    func stepsDown() throws {
        var auction = try DutchAuction(rules: Self.rules())
        #expect(
            auction.handle(.tick, now: at(0)).announcements
                == [.opened(endsAt: at(300)), .clockPrice(yuan(1_000), nextStepAt: at(60))]
        )
        #expect(auction.handle(.tick, now: at(59)).announcements.isEmpty)
        #expect(auction.handle(.tick, now: at(60)).announcements == [.clockPrice(yuan(950), nextStepAt: at(120))])
        // A late tick jumps straight to the current price.
        #expect(auction.handle(.tick, now: at(185)).announcements == [.clockPrice(yuan(850), nextStepAt: at(240))])
        #expect(auction.nextDeadline == at(240))
    }

    @Test("Dutch: the first acceptance wins at the clock price")
    func firstAcceptanceWins() throws {
        var auction = try DutchAuction(rules: Self.rules())
        // A bidder who still sees 950 yuan buys at the clock's 900 yuan.
        let effects = auction.handle(.accept(request("a1", "A", yuan(950))), now: at(130))
        #expect(effects.acknowledgements.first?.amount == yuan(900))
        #expect(effects.closing?.outcome == .sold(AuctionAward(bidder: "A", price: yuan(900), sequence: 1)))
        #expect(auction.handle(.accept(request("b1", "B", yuan(900))), now: at(131)).rejections == [.closed])
    }

    @Test("Dutch: an acceptance below the clock price is refused")
    func belowClock() throws {
        var auction = try DutchAuction(rules: Self.rules())
        #expect(auction.handle(.accept(request("a1", "A", yuan(850))), now: at(70)).rejections == [.belowClockPrice(current: yuan(950))])
        #expect(auction.outcome == nil)
    }

    @Test("Dutch: the clock stops at the floor and closes unsold one interval later")
    func floorReached() throws {
        var rules = Self.rules()
        rules.decrement = yuan(150)  // 1000 → 850 → 800 (clamped)
        var auction = try DutchAuction(rules: rules)
        _ = auction.handle(.tick, now: at(0))
        #expect(auction.handle(.tick, now: at(120)).announcements == [.clockPrice(yuan(800), nextStepAt: nil)])
        #expect(auction.nextDeadline == at(180))
        let effects = auction.handle(.tick, now: at(500))
        #expect(effects.closing?.outcome == .noSale(.floorReached(floor: yuan(800))))
        #expect(effects.closing?.at == at(180))
    }

    @Test("拍卖法§50 Dutch: an acceptance below the hidden reserve is no sale")
    func reserve() throws {
        var auction = try DutchAuction(rules: Self.rules(reserve: yuan(900)))
        let effects = auction.handle(.accept(request("a1", "A", yuan(850))), now: at(180))
        #expect(effects.closing?.outcome == .noSale(.reserveNotMet(bestBid: yuan(850), reserve: yuan(900))))
        #expect(effects.releasedDeposits?.bidders == ["A"])
    }

    @Test("Dutch: a floor at or above the start price is refused")
    func invalidFloor() {
        var rules = Self.rules()
        rules.floorPrice = rules.startPrice
        #expect(rules.violations == [.floorNotBelowStart])
    }
}
