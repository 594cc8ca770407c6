import Auctions
import Foundation
import Testing

@Suite("ReverseAuction (多轮反向竞价)", .tags(.small))
struct ReverseAuctionTests {
    static let initial = [
        SealedInitialPrice(bidder: "A", amount: yuan(100), submittedAt: at(-300)),
        SealedInitialPrice(bidder: "B", amount: yuan(120), submittedAt: at(-200)),
        SealedInitialPrice(bidder: "C", amount: yuan(110), submittedAt: at(-100)),
    ]

    static func rules(reserve: Fen? = nil) -> ReverseAuctionRules {
        ReverseAuctionRules(start: at(0), minimumDecrement: yuan(2), turnDuration: 120, reservePrice: reserve)
    }

    static func turns(_ effects: [AuctionEffect]) -> [Int] {
        effects.announcements.compactMap { if case .turnStarted(_, let number, _) = $0 { number } else { nil } }
    }

    @Test("ProZorro each round's turns go highest price first")
    func turnOrder() throws {
        var auction = try ReverseAuction(rules: Self.rules(), initialPrices: Self.initial)
        let effects = auction.handle(.tick, now: at(0))
        // Participant numbers follow submission order: A = 1, B = 2, C = 3. B (120) goes first, then C, then A.
        #expect(effects.announcements == [.opened(endsAt: nil), .roundStarted(1), .turnStarted(round: 1, participant: 2, endsAt: at(120))])
        #expect(auction.bidderInTurn == "B")
        #expect(Self.turns(auction.handle(.pass("B"), now: at(10))) == [3])
        #expect(Self.turns(auction.handle(.tick, now: at(130))) == [1])
    }

    @Test("ProZorro a new price must be lower by at least the minimum decrement, and only in one's turn")
    func reductionRules() throws {
        var auction = try ReverseAuction(rules: Self.rules(), initialPrices: Self.initial)
        _ = auction.handle(.tick, now: at(0))
        #expect(auction.handle(.lower(request("a1", "A", yuan(90))), now: at(5)).rejections == [.notYourTurn])
        #expect(auction.handle(.lower(request("b1", "B", yuan(119))), now: at(6)).rejections == [.reductionTooSmall(maximum: yuan(118))])
        #expect(auction.handle(.lower(request("x1", "X", yuan(50))), now: at(7)).rejections == [.notAParticipant])
        let effects = auction.handle(.lower(request("b2", "B", yuan(95))), now: at(8))
        let ack = try #require(effects.acknowledgements.first)
        #expect(ack.isLeading)
        #expect(ack.standingPrice == yuan(95))
        #expect(effects.announcements.first == .priceLowered(participant: 2, amount: yuan(95)))
        #expect(auction.standingPrice == yuan(95))
    }

    @Test("ProZorro three rounds, then the lowest final price wins and identities are revealed")
    func threeRounds() throws {
        var auction = try ReverseAuction(rules: Self.rules(), initialPrices: Self.initial)
        var effects = auction.handle(.tick, now: at(0))
        effects += auction.handle(.lower(request("b1", "B", yuan(98))), now: at(10))  // order B, C, A
        effects += auction.handle(.pass("C"), now: at(20))
        effects += auction.handle(.lower(request("a1", "A", yuan(97))), now: at(30))
        #expect(auction.round == 2)
        // Round 2 order: C (110), B (98), A (97).
        #expect(auction.bidderInTurn == "C")
        effects += auction.handle(.lower(request("c1", "C", yuan(96))), now: at(40))
        effects += auction.handle(.pass("B"), now: at(50))
        effects += auction.handle(.pass("A"), now: at(60))
        #expect(auction.round == 3)
        #expect(effects.announcements.contains { if case .identitiesRevealed = $0 { true } else { false } } == false)
        // Round 3 order: B (98), A (97), C (96). Nobody acts; three turns time out.
        let final = auction.handle(.tick, now: at(60 + 3 * 120))
        let closing = try #require(final.closing)
        #expect(closing.outcome == .sold(AuctionAward(bidder: "C", price: yuan(96), sequence: 6)))
        #expect(closing.at == at(60 + 3 * 120))
        #expect(final.releasedDeposits?.bidders == ["A", "B"])
        #expect(final.announcements.last == .identitiesRevealed([
            ParticipantIdentity(participant: 1, bidder: "A"),
            ParticipantIdentity(participant: 2, bidder: "B"),
            ParticipantIdentity(participant: 3, bidder: "C"),
        ]))
    }

    @Test("ProZorro equal lowest prices → the one reached earlier wins")
    func tieEarlier() throws {
        var rules = Self.rules()
        rules.rounds = 1
        var auction = try ReverseAuction(rules: rules, initialPrices: Self.initial)
        _ = auction.handle(.tick, now: at(0))
        _ = auction.handle(.lower(request("b1", "B", yuan(90))), now: at(10))
        _ = auction.handle(.lower(request("c1", "C", yuan(90))), now: at(20))
        let closing = try #require(auction.handle(.lower(request("a1", "A", yuan(90))), now: at(30)).closing)
        #expect(closing.outcome.winner == "B")
    }

    @Test("ProZorro the sealed initial prices also tie-break by submission time")
    func initialTie() throws {
        var rules = Self.rules()
        rules.rounds = 1
        let initial = [
            SealedInitialPrice(bidder: "L", amount: yuan(100), submittedAt: at(-10)),
            SealedInitialPrice(bidder: "E", amount: yuan(100), submittedAt: at(-20)),
        ]
        var auction = try ReverseAuction(rules: rules, initialPrices: initial)
        _ = auction.handle(.tick, now: at(0))
        // The later submitter goes first.
        #expect(auction.bidderInTurn == "L")
        #expect(auction.handle(.tick, now: at(240)).closing?.outcome.winner == "E")
    }

    @Test("拍卖法§50 (reverse) lowest price above the purchaser's hidden reserve → no award")
    func reserve() throws {
        var rules = Self.rules(reserve: yuan(90))
        rules.rounds = 1
        var auction = try ReverseAuction(rules: rules, initialPrices: Self.initial)
        let effects = auction.handle(.tick, now: at(1_000))
        #expect(effects.closing?.outcome == .noSale(.reserveNotMet(bestBid: yuan(100), reserve: yuan(90))))
    }

    @Test("ProZorro fewer bidders than the minimum → no auction")
    func tooFew() throws {
        var auction = try ReverseAuction(rules: Self.rules(), initialPrices: [Self.initial[0]])
        let effects = auction.handle(.tick, now: at(0))
        #expect(effects.closing?.outcome == .noSale(.tooFewBidders(count: 1, minimum: 2)))
    }

    @Test("ProZorro a pass outside one's turn is refused")
    func passOutOfTurn() throws {
        var auction = try ReverseAuction(rules: Self.rules(), initialPrices: Self.initial)
        #expect(auction.handle(.pass("A"), now: at(-5)).actionRejections == [.notOpenYet(opensAt: at(0))])
        #expect(auction.handle(.pass("A"), now: at(5)).actionRejections == [.notYourTurn])
    }
}
