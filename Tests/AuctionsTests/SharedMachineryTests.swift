import Auctions
import Foundation
import Testing

/// The code shared by every engine since the refactor: bidding windows, the clock's stored form, deposit bounds and
/// relisting terms.
@Suite("Shared auction machinery", .tags(.small))
struct SharedMachineryTests {
    @Test("Every engine reports its bidding window: not open yet, open, closed")
    func windows() throws {
        var english = try EnglishAuction(rules: EnglishAuctionTests.rules())
        #expect(english.biddingWindow == .notOpenYet(opensAt: at(0)))
        _ = english.handle(.tick, now: at(1))
        #expect(english.biddingWindow == .open)
        _ = english.handle(.withdraw, now: at(2))
        #expect(english.biddingWindow == .closed)
        #expect(english.closedAt == at(2))

        var dutch = try DutchAuction(rules: DutchAuctionTests.rules())
        _ = dutch.handle(.tick, now: at(-1))
        #expect(dutch.biddingWindow == .notOpenYet(opensAt: at(0)))

        let judicial = try JudicialAuction(rules: JudicialAuctionTests.rules())
        #expect(judicial.biddingWindow == .notOpenYet(opensAt: at(0)))
        let reverse = try ReverseAuction(rules: ReverseAuctionRules(start: at(5), minimumDecrement: 1), initialPrices: [])
        #expect(reverse.biddingWindow == .notOpenYet(opensAt: at(5)))
    }

    @Test("挂牌 while waiting for a delayed live round, the window reopens at the round's start")
    func listingWindow() throws {
        var listing = try ListingAuction(
            rules: ListingAuctionRules(
                startPrice: yuan(100), increment: yuan(10), listingStart: at(0), listingEnd: at(100), liveRoundDelay: 50)
        )
        _ = listing.handle(.bid(request("a", "A", yuan(100))), now: at(1))
        _ = listing.handle(.bid(request("b", "B", yuan(110))), now: at(2))
        _ = listing.handle(.declareIntentToContinue("A"), now: at(3))
        _ = listing.handle(.declareIntentToContinue("B"), now: at(4))
        _ = listing.handle(.tick, now: at(100))
        #expect(listing.biddingWindow == .notOpenYet(opensAt: at(150)))
        #expect(listing.handle(.bid(request("c", "A", yuan(120))), now: at(120)).rejections == [.notOpenYet(opensAt: at(150))])
    }

    @Test("A machine's clock is stored as a bare date, as before the refactor")
    func clockStoredAsDate() throws {
        var auction = try EnglishAuction(rules: EnglishAuctionTests.rules())
        _ = auction.handle(.tick, now: at(42))
        let object = try JSONSerialization.jsonObject(with: JSONEncoder().encode(auction)) as? [String: Any]
        let clock = try #require(object?["clock"] as? Double)
        #expect(clock == at(42).timeIntervalSinceReferenceDate)
        // An earlier receipt time still counts as the last one seen after a round trip.
        var restored = try JSONDecoder().decode(EnglishAuction.self, from: JSONEncoder().encode(auction))
        let effects = restored.handle(.bid(request("a", "A", yuan(100))), now: at(1))
        #expect(effects.acknowledgements.first?.receivedAt == at(42))
    }

    @Test("拍§17 deposit bounds are exact at the edges and reject malformed ranges")
    func depositBounds() {
        let bounds = DepositBounds.judicial
        #expect(bounds.violation(deposit: 5, startPrice: 100) == nil)
        #expect(bounds.violation(deposit: 20, startPrice: 100) == nil)
        #expect(bounds.violation(deposit: 4, startPrice: 100) == .depositOutOfRange(minimum: 5, maximum: 20))
        #expect(bounds.violation(deposit: 21, startPrice: 100) == .depositOutOfRange(minimum: 5, maximum: 20))
        // 5 % of 101 fen is 5.05 fen: 5 fen is too little, the message rounds the minimum up to 6.
        #expect(bounds.violation(deposit: 5, startPrice: 101) == .depositOutOfRange(minimum: 6, maximum: 20))
        #expect(bounds.isWellFormed)
        #expect(!DepositBounds(minimumPercent: 21, maximumPercent: 20).isWellFormed)
        #expect(!DepositBounds(minimumPercent: 5, maximumPercent: 101).isWellFormed)
    }

    @Test("拍§26 relisting terms from a cut percentage")
    func relistingTerms() {
        #expect(RelistingTerms(previousStartPrice: 1_000, maximumCutPercent: 20).minimumStartPrice == 800)
        #expect(RelistingTerms(previousStartPrice: 1_001, maximumCutPercent: 20).minimumStartPrice == 801)
        #expect(RelistingTerms(previousStartPrice: 1_000, maximumCutPercent: 0).minimumStartPrice == 1_000)
    }

    @Test("The new rules violation has its own messages")
    func releaseViolationMessage() {
        let violation = AuctionRulesViolation.depositReleaseTooLate(maximum: 86_400)
        #expect(violation.chineseMessage.contains("24 小时"))
        #expect(violation.englishMessage.contains("24 hours"))
    }
}
