import Auctions
import Foundation
import Testing

@Suite("Common auction types", .tags(.small))
struct CommonTests {
    static let rejections: [AuctionRejection] = [
        .notOpenYet(opensAt: at(0)), .closed, .invalidAmount, .belowMinimum(minimum: 12_345),
        .notOnIncrementLadder(base: 100, increment: 10), .raiseTooLarge(maximum: 5), .cannotOutrankLeader,
        .depositNotPaid, .clientBidIDReused, .belowClockPrice(current: 1), .notYourTurn,
        .reductionTooSmall(maximum: 1), .notAParticipant, .wrongPhase,
    ]

    @Test("Every rejection has its own Chinese and English message")
    func rejectionMessages() {
        let chinese = Set(Self.rejections.map(\.chineseMessage))
        let english = Set(Self.rejections.map(\.englishMessage))
        #expect(chinese.count == Self.rejections.count)
        #expect(english.count == Self.rejections.count)
        #expect(AuctionRejection.belowMinimum(minimum: 12_345).chineseMessage.contains("123.45"))
        #expect(AuctionRejection.notOpenYet(opensAt: at(0)).englishMessage.contains("2026-01-01T08:00:00+08:00"))
    }

    @Test("Every rules violation has its own Chinese and English message")
    func violationMessages() {
        let violations: [AuctionRulesViolation] = [
            .notPositive(.increment), .endNotAfterStart(.biddingPeriod),
            .startPriceBelowAppraisalShare(percent: 70, minimum: 700), .depositOutOfRange(minimum: 5, maximum: 20),
            .biddingPeriodTooShort(minimum: 86_400), .relistingCutTooDeep(minimum: 80), .floorNotBelowStart,
            .percentOutOfRange(.percentage), .duplicateBidder("A"),
        ]
        #expect(Set(violations.map(\.chineseMessage)).count == violations.count)
        #expect(Set(violations.map(\.englishMessage)).count == violations.count)
        #expect(AuctionRulesViolation.biddingPeriodTooShort(minimum: 86_400).chineseMessage.contains("24 小时"))
    }

    @Test("A machine's state survives a JSON round trip and carries on identically")
    func codableRoundTrip() throws {
        // setup
        let rules = JudicialAuctionTests.rules(preemption: [PreemptionRight(bidder: "H")])
        var auction = try JudicialAuctionTests.open(rules, bidders: ["A", "H"])
        _ = auction.handle(.bid(request("a1", "A", yuan(700_000))), now: at(10))
        // exercise
        let data = try JSONEncoder().encode(auction)
        var restored = try JSONDecoder().decode(JudicialAuction.self, from: data)
        // validate
        #expect(restored == auction)
        let event = JudicialAuction.Event.bid(request("h1", "H", yuan(700_000)))
        #expect(restored.handle(event, now: at(20)) == auction.handle(event, now: at(20)))
        #expect(restored.handle(.bid(request("a1", "A", yuan(700_000))), now: at(30)).replays.count == 1)
    }

    @Test("Effects encode to JSON, so they can be written to the witness log")
    func effectsEncode() throws {
        let effects: [AuctionEffect] = [
            .closed(.sold(AuctionAward(bidder: "A", price: 100, sequence: 1)), at: at(0)),
            .releaseDeposits(["B"], by: at(86_400)),
            .announce(.identitiesRevealed([ParticipantIdentity(participant: 1, bidder: "A")])),
        ]
        let decoded = try JSONDecoder().decode([AuctionEffect].self, from: JSONEncoder().encode(effects))
        #expect(decoded == effects)
    }

    @Test("A client bid id is scoped to its bidder in every auction")
    func idScopedToBidder() throws {
        var dutch = try DutchAuction(rules: DutchAuctionTests.rules())
        let first = dutch.handle(.accept(request("x", "A", yuan(1_000))), now: at(10))
        #expect(first.acknowledgements.count == 1)
        #expect(dutch.handle(.accept(request("x", "A", yuan(1_000))), now: at(20)) == [.bidReplayed(first.acknowledgements[0])])
        #expect(dutch.handle(.accept(request("x", "B", yuan(1_000))), now: at(20)).rejections == [.closed])
    }
}
