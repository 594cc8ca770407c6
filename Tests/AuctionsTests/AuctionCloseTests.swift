import Auctions
import Foundation
import Testing

@Suite("AuctionClose (成交确认书, 流拍, 保证金, 竞价记录)", .tags(.small))
struct AuctionCloseTests {
    static let day = JudicialAuctionTests.day

    /// A judicial auction with bidders A, B, C qualified (and H holding pre-emption order 1 when asked).
    static func judicial(
        preemption: Bool = false,
        reserve: SealedReserve? = nil
    ) throws -> (auction: JudicialAuction, registry: AuctionRegistry, ids: [String: BidderID]) {
        var registry = try judicialRegistry()
        let names = preemption ? ["A", "B", "C", "H"] : ["A", "B", "C"]
        let ids = try registry.qualify(names, preemption: ["H": 1])
        let rules = JudicialAuctionTests.rules(preemption: registry.preemptionRights).withReserve(reserve)
        var auction = try JudicialAuction(rules: rules)
        auction.admit(registry)
        return (auction, registry, Dictionary(uniqueKeysWithValues: zip(names, ids)))
    }

    @Test("拍 成交确认书: winner's number and party, price, close time, history summary, deposit towards the price")
    func confirmation() throws {
        // setup
        var (auction, registry, ids) = try Self.judicial()
        _ = auction.handle(.bid(request("a1", ids["A"]!, yuan(700_000))), now: at(100))
        _ = auction.handle(.bid(request("b1", ids["B"]!, yuan(703_000))), now: at(200))
        _ = auction.handle(.bid(request("a2", ids["A"]!, yuan(705_000))), now: at(Self.day - 60))
        _ = auction.handle(.tick, now: at(Self.day + 240))
        // exercise
        let close = try AuctionClose(machine: auction, registry: registry, reserve: nil, depositRelease: .judicial)
        // validate
        let confirmation = try #require(close.confirmation)
        let winner = try #require(registry.registration(bidder: ids["A"]!))
        #expect(confirmation.winnerNumber == winner.number)
        #expect(confirmation.winner == party("A"))
        #expect(confirmation.price == yuan(705_000))
        #expect(confirmation.closedAt == at(Self.day + 240))  // the extension moved the end (拍§20)
        #expect(confirmation.winningBidAt == at(Self.day - 60))
        #expect(confirmation.winningSequence == 3)
        #expect(!confirmation.byPreemption)
        #expect(confirmation.history.bidCount == 3)
        #expect(confirmation.history.bidderCount == 2)
        #expect(confirmation.history.firstBid == yuan(700_000))
        #expect(confirmation.history.priceMovement == yuan(5_000))
        // 拍§24 🟡: the winner's deposit counts towards the price.
        #expect(confirmation.depositApplied == yuan(70_000))
        #expect(confirmation.balanceDue == yuan(635_000))
        #expect(close.deposits.conversion?.registration == winner.id)
        #expect(close.unsoldReason == nil)
        #expect(!close.mayBeRelisted)
    }

    @Test("拍§24 every non-winner's deposit is released within 24 h of the close, bidders or not")
    func releases() throws {
        var (auction, registry, ids) = try Self.judicial()
        _ = auction.handle(.bid(request("a1", ids["A"]!, yuan(700_000))), now: at(100))
        _ = auction.handle(.bid(request("b1", ids["B"]!, yuan(701_000))), now: at(200))
        _ = auction.handle(.tick, now: at(Self.day))
        let close = try AuctionClose(machine: auction, registry: registry, reserve: nil, depositRelease: .judicial)
        let released = close.deposits.releases
        #expect(Set(released.map(\.number)) == Set(["A", "C"].map { registry.registration(bidder: ids[$0]!)!.number }))
        #expect(released.allSatisfy { $0.amount == yuan(70_000) && $0.releaseBy == at(2 * Self.day) })
        #expect(released.allSatisfy { $0.releaseBy.timeIntervalSince(close.closedAt) <= 24 * 3600 })
        #expect(close.deposits.conversion?.number == registry.registration(bidder: ids["B"]!)?.number)
    }

    @Test("拍§24 a release period beyond 24 h is refused for judicial auctions; other procedures configure theirs")
    func releaseRule() throws {
        #expect(DepositReleaseRule.judicial.within == 24 * 3600)
        #expect(throws: InvalidAuctionRules(violations: [.depositReleaseTooLate(maximum: 24 * 3600)])) {
            try DepositReleaseRule(within: 24 * 3600 + 1, statutoryMaximum: 24 * 3600)
        }
        #expect(try DepositReleaseRule(within: 12 * 3600, statutoryMaximum: 24 * 3600).within == 12 * 3600)
        #expect(try DepositReleaseRule(within: 5 * 24 * 3600).within == 5 * 24 * 3600)
        #expect(throws: InvalidAuctionRules.self) { try DepositReleaseRule(within: -1) }
    }

    @Test("拍 a pre-emption holder's win is marked on the confirmation and in the record")
    func preemptionWin() throws {
        var (auction, registry, ids) = try Self.judicial(preemption: true)
        _ = auction.handle(.bid(request("a1", ids["A"]!, yuan(710_000))), now: at(10))
        _ = auction.handle(.bid(request("h1", ids["H"]!, yuan(710_000))), now: at(20))
        _ = auction.handle(.tick, now: at(Self.day))
        let close = try AuctionClose(machine: auction, registry: registry, reserve: nil, depositRelease: .judicial)
        #expect(close.confirmation?.winner == party("H"))
        #expect(close.confirmation?.byPreemption == true)
        #expect(close.confirmation?.history.preemptionMatches == 1)
        #expect(close.record.entries.map(\.kind) == [.raise, .preemptionMatch])
    }

    @Test("拍§14 竞价记录: numbers, prices and times for every bid; the winner's name only")
    func biddingRecord() throws {
        var (auction, registry, ids) = try Self.judicial()
        _ = auction.handle(.bid(request("a1", ids["A"]!, yuan(700_000))), now: at(100))
        _ = auction.handle(.bid(request("b1", ids["B"]!, yuan(701_000))), now: at(200))
        _ = auction.handle(.bid(request("a2", ids["A"]!, yuan(702_000))), now: at(300))
        _ = auction.handle(.tick, now: at(Self.day))
        let record = try AuctionClose(machine: auction, registry: registry, reserve: nil, depositRelease: .judicial).record
        let number = { (name: String) in registry.registration(bidder: ids[name]!)!.number }
        #expect(record.entries.map(\.number) == [number("A"), number("B"), number("A")])
        #expect(record.entries.map(\.amount) == [yuan(700_000), yuan(701_000), yuan(702_000)])
        #expect(record.entries.map(\.time) == [at(100), at(200), at(300)])
        #expect(record.entries.map(\.party) == [party("A"), nil, party("A")])
        #expect(record.winner == number("A"))
        let text = String(decoding: try JSONEncoder().encode(record), as: UTF8.self)
        #expect(!text.contains("B 有限公司") && !text.contains("C 有限公司"))
    }

    @Test("流拍 reasons: nobody qualified, nobody bid, reserve missed (revealed), withdrawn")
    func unsoldReasons() throws {
        // Nobody qualified.
        var empty = try judicialRegistry()
        _ = try empty.register("R-X", party: party("X"), at: at(-10))
        var quiet = try JudicialAuction(rules: JudicialAuctionTests.rules())
        _ = quiet.handle(.tick, now: at(Self.day))
        let none = try AuctionClose(machine: quiet, registry: empty, reserve: nil, depositRelease: .judicial)
        #expect(none.unsoldReason == .noQualifiedBidders)
        #expect(none.deposits.releases.isEmpty)
        #expect(none.confirmation == nil)
        #expect(none.mayBeRelisted)

        // Qualified but silent: every deposit is released.
        var (silent, registry, _) = try Self.judicial()
        _ = silent.handle(.tick, now: at(Self.day))
        let noBids = try AuctionClose(machine: silent, registry: registry, reserve: nil, depositRelease: .judicial)
        #expect(noBids.unsoldReason == .noBids(qualifiedBidders: 3))
        #expect(noBids.deposits.releases.count == 3)
        #expect(noBids.deposits.conversion == nil)

        // 拍卖法§50 reserve missed: revealed now.
        let reserve = try SealedReserve(yuan(800_000))
        var (low, lowRegistry, ids) = try Self.judicial(reserve: reserve)
        _ = low.handle(.bid(request("a1", ids["A"]!, yuan(750_000))), now: at(10))
        _ = low.handle(.tick, now: at(Self.day))
        let missed = try AuctionClose(machine: low, registry: lowRegistry, reserve: reserve, depositRelease: .judicial)
        #expect(missed.unsoldReason == .reserveNotMet(bestBid: yuan(750_000), reserve: yuan(800_000)))
        #expect(missed.revealedReserve == yuan(800_000))
        #expect(missed.deposits.releases.count == 3)

        // Withdrawn: not relistable.
        var (withdrawn, withdrawnRegistry, _) = try Self.judicial()
        _ = withdrawn.handle(.withdraw, now: at(50))
        let pulled = try AuctionClose(machine: withdrawn, registry: withdrawnRegistry, reserve: nil, depositRelease: .judicial)
        #expect(pulled.unsoldReason == .withdrawn)
        #expect(!pulled.mayBeRelisted)

        let reasons: [UnsoldReason] = [
            .noQualifiedBidders, .noBids(qualifiedBidders: 2), .reserveNotMet(bestBid: 1, reserve: 2),
            .floorReached(floor: 1), .tooFewBidders(count: 1, minimum: 2), .withdrawn,
        ]
        #expect(Set(reasons.map(\.chineseMessage)).count == reasons.count)
        #expect(Set(reasons.map(\.englishMessage)).count == reasons.count)
    }

    @Test("The close refuses an open auction, an unregistered bidder and a reserve that differs from the engine's")
    func refusals() throws {
        var (auction, registry, ids) = try Self.judicial()
        _ = auction.handle(.bid(request("a1", ids["A"]!, yuan(750_000))), now: at(10))
        #expect(throws: AuctionRecordError.notClosed) {
            try AuctionClose(machine: auction, registry: registry, reserve: nil, depositRelease: .judicial)
        }
        // A bidder id that is not a bidder number of the registry (the runner fed a party id).
        var stray = try JudicialAuction(rules: JudicialAuctionTests.rules(reserve: yuan(800_000)))
        _ = stray.handle(.depositPaid("party-42"), now: at(0))
        _ = stray.handle(.bid(request("x", "party-42", yuan(700_000))), now: at(10))
        #expect(throws: AuctionRecordError.unknownBidder("party-42")) {
            try AuctionRoomView(machine: stray, registry: registry, reserve: nil)
        }
        _ = stray.handle(.tick, now: at(Self.day))
        #expect(throws: AuctionRecordError.reserveMismatch) {
            try AuctionClose(machine: stray, registry: registry, reserve: SealedReserve(yuan(900_000)), depositRelease: .judicial)
        }
        let errors: [AuctionRecordError] = [.notClosed, .unknownBidder("x"), .reserveMismatch]
        #expect(Set(errors.map(\.chineseMessage)).count == 3 && Set(errors.map(\.englishMessage)).count == 3)
    }

    @Test("A Dutch sale and a reverse award close the same way")
    func otherEngines() throws {
        var registry = AuctionRegistry(
            auctionID: "D-1",
            deposit: try DepositRequirement(amount: yuan(50), startPrice: yuan(1_000), bounds: nil),
            numbering: try BidderNumberScheme(secret: fixedSecret)
        )
        let ids = try registry.qualify(["A", "B"])
        var dutch = try DutchAuction(rules: DutchAuctionTests.rules())
        _ = dutch.handle(.accept(request("b", ids[1], yuan(900))), now: at(150))
        let close = try AuctionClose(
            machine: dutch, registry: registry, reserve: nil, depositRelease: try DepositReleaseRule(within: 3_600))
        #expect(close.confirmation?.winner == party("B"))
        #expect(close.confirmation?.price == yuan(900))
        #expect(close.deposits.releases.map(\.releaseBy) == [at(150 + 3_600)])

        let initial = ids.enumerated().map { SealedInitialPrice(bidder: $1, amount: yuan(1_000 + 100 * Int64($0)), submittedAt: at(-10)) }
        var reverse = try ReverseAuction(rules: ReverseAuctionRules(start: at(0), minimumDecrement: yuan(10), rounds: 1), initialPrices: initial)
        // Before the start the sealed initial prices stay out of the room.
        #expect(try AuctionRoomView(machine: reverse, registry: registry, reserve: nil).bids.isEmpty)
        _ = reverse.handle(.tick, now: at(10_000))
        let award = try AuctionClose(machine: reverse, registry: registry, reserve: nil, depositRelease: .judicial)
        #expect(award.confirmation?.winner == party("A"))
        #expect(award.record.entries.count == 2)
    }
}
