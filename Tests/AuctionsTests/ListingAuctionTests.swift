import Auctions
import Foundation
import Testing

@Suite("ListingAuction (挂牌出让)", .tags(.small))
struct ListingAuctionTests {
    /// Listing 0…end, start 1 000 000 yuan, increment 10 000 yuan, live round 300 s.
    static let end: TimeInterval = 14 * 24 * 3600

    static func rules(reserve: Fen? = nil, delay: TimeInterval = 0) -> ListingAuctionRules {
        ListingAuctionRules(
            startPrice: yuan(1_000_000),
            increment: yuan(10_000),
            listingStart: at(0),
            listingEnd: at(end),
            reservePrice: reserve,
            liveRoundDelay: delay,
            liveRoundCountdown: 300
        )
    }

    @Test("挂牌 one bidder at or above the reserve wins at the end of the listing")
    func singleBidder() throws {
        var auction = try ListingAuction(rules: Self.rules(reserve: yuan(1_000_000)))
        _ = auction.handle(.bid(request("a1", "A", yuan(1_000_000))), now: at(100))
        let closing = try #require(auction.handle(.tick, now: at(Self.end)).closing)
        #expect(closing.outcome == .sold(AuctionAward(bidder: "A", price: yuan(1_000_000), sequence: 1)))
        #expect(closing.at == at(Self.end))
    }

    @Test("挂牌 below the reserve → no sale")
    func belowReserve() throws {
        var auction = try ListingAuction(rules: Self.rules(reserve: yuan(1_200_000)))
        _ = auction.handle(.bid(request("a1", "A", yuan(1_100_000))), now: at(100))
        #expect(
            auction.handle(.tick, now: at(Self.end)).closing?.outcome
                == .noSale(.reserveNotMet(bestBid: yuan(1_100_000), reserve: yuan(1_200_000)))
        )
    }

    @Test("挂牌 several bidders → the highest quote wins")
    func highestWins() throws {
        var auction = try ListingAuction(rules: Self.rules())
        _ = auction.handle(.bid(request("a1", "A", yuan(1_000_000))), now: at(100))
        _ = auction.handle(.bid(request("b1", "B", yuan(1_050_000))), now: at(200))
        #expect(auction.handle(.bid(request("c1", "C", yuan(1_040_000))), now: at(300)).rejections == [.belowMinimum(minimum: yuan(1_050_000))])
        #expect(auction.handle(.tick, now: at(Self.end)).closing?.outcome.winner == "B")
    }

    @Test("挂牌 equal quotes → the earliest wins")
    func equalEarliest() throws {
        var auction = try ListingAuction(rules: Self.rules())
        _ = auction.handle(.bid(request("a1", "A", yuan(1_050_000))), now: at(100))
        let ack = try #require(auction.handle(.bid(request("b1", "B", yuan(1_050_000))), now: at(200)).acknowledgements.first)
        #expect(!ack.isLeading)
        #expect(auction.handle(.tick, now: at(Self.end)).closing?.outcome.winner == "A")
    }

    @Test("挂牌 bidders still competing at the end → a timed live round (现场竞价) with its own countdown")
    func liveRound() throws {
        var auction = try ListingAuction(rules: Self.rules())
        _ = auction.handle(.bid(request("a1", "A", yuan(1_000_000))), now: at(100))
        _ = auction.handle(.bid(request("b1", "B", yuan(1_010_000))), now: at(200))
        _ = auction.handle(.bid(request("c1", "C", yuan(1_020_000))), now: at(250))
        #expect(auction.handle(.declareIntentToContinue("A"), now: at(300)) == [.actionAccepted("A", .intentToContinue)])
        #expect(auction.handle(.declareIntentToContinue("A"), now: at(301)).isEmpty)
        _ = auction.handle(.declareIntentToContinue("B"), now: at(400))
        let started = auction.handle(.tick, now: at(Self.end))
        #expect(started.announcements == [.liveRoundStarted(startsAt: at(Self.end), endsAt: at(Self.end + 300), participants: 2)])
        #expect(started.closing == nil)
        // Only those who declared take part; equal bids are not allowed in the live round.
        #expect(auction.handle(.bid(request("c2", "C", yuan(1_030_000))), now: at(Self.end + 10)).rejections == [.notAParticipant])
        #expect(auction.handle(.bid(request("a2", "A", yuan(1_020_000))), now: at(Self.end + 20)).rejections == [.belowMinimum(minimum: yuan(1_030_000))])
        #expect(auction.handle(.bid(request("a3", "A", yuan(1_030_000))), now: at(Self.end + 100)).extensions == [at(Self.end + 400)])
        #expect(auction.handle(.tick, now: at(Self.end + 399)).closing == nil)
        let closing = try #require(auction.handle(.tick, now: at(Self.end + 400)).closing)
        #expect(closing.outcome.winner == "A")
        #expect(closing.at == at(Self.end + 400))
    }

    @Test("挂牌 a live round with no bids is won by the listing's highest quote")
    func liveRoundWithoutBids() throws {
        var auction = try ListingAuction(rules: Self.rules())
        _ = auction.handle(.bid(request("a1", "A", yuan(1_000_000))), now: at(100))
        _ = auction.handle(.bid(request("b1", "B", yuan(1_010_000))), now: at(200))
        _ = auction.handle(.declareIntentToContinue("A"), now: at(300))
        _ = auction.handle(.declareIntentToContinue("B"), now: at(300))
        let closing = try #require(auction.handle(.tick, now: at(Self.end + 1_000)).closing)
        #expect(closing.outcome == .sold(AuctionAward(bidder: "B", price: yuan(1_010_000), sequence: 2)))
        #expect(closing.at == at(Self.end + 300))
    }

    @Test("挂牌 a single bidder wanting to continue does not start a live round")
    func oneIntentNoLiveRound() throws {
        var auction = try ListingAuction(rules: Self.rules())
        _ = auction.handle(.bid(request("a1", "A", yuan(1_000_000))), now: at(100))
        _ = auction.handle(.declareIntentToContinue("A"), now: at(300))
        #expect(auction.handle(.tick, now: at(Self.end)).closing?.outcome.winner == "A")
    }

    @Test("挂牌 intent to continue needs a quote and is only possible during the listing")
    func intentRules() throws {
        var auction = try ListingAuction(rules: Self.rules())
        #expect(auction.handle(.declareIntentToContinue("X"), now: at(10)).actionRejections == [.notAParticipant])
        _ = auction.handle(.tick, now: at(Self.end))
        #expect(auction.handle(.declareIntentToContinue("X"), now: at(Self.end + 1)).actionRejections == [.closed])
    }

    @Test("挂牌 a delayed live round refuses bids before it starts")
    func delayedLiveRound() throws {
        var auction = try ListingAuction(rules: Self.rules(delay: 3600))
        _ = auction.handle(.bid(request("a1", "A", yuan(1_000_000))), now: at(100))
        _ = auction.handle(.bid(request("b1", "B", yuan(1_010_000))), now: at(200))
        _ = auction.handle(.declareIntentToContinue("A"), now: at(300))
        _ = auction.handle(.declareIntentToContinue("B"), now: at(300))
        _ = auction.handle(.tick, now: at(Self.end))
        #expect(auction.phase == .awaitingLiveRound)
        #expect(
            auction.handle(.bid(request("a2", "A", yuan(1_020_000))), now: at(Self.end + 10)).rejections
                == [.notOpenYet(opensAt: at(Self.end + 3600))]
        )
        #expect(auction.handle(.bid(request("a3", "A", yuan(1_020_000))), now: at(Self.end + 3600)).acknowledgements.count == 1)
    }
}
