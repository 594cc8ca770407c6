import Auctions
import Foundation
import Testing

@Suite("Relisting (再次拍卖 / 重新挂牌)", .tags(.small))
struct RelistingTests {
    static let day = JudicialAuctionTests.day

    /// The close of an unsold judicial auction (start 700 000 yuan, nobody bid).
    static func unsoldClose() throws -> AuctionClose {
        var (auction, registry, _) = try AuctionCloseTests.judicial()
        _ = auction.handle(.tick, now: at(Self.day))
        return try AuctionClose(machine: auction, registry: registry, reserve: nil, depositRelease: .judicial)
    }

    @Test("拍§26 a judicial re-auction may cut the start price by at most 20 %")
    func judicialCut() throws {
        // setup
        let relisting = try Relisting(after: Self.unsoldClose(), previousStartPrice: yuan(700_000), policy: .judicial)
        // validate: 700 000 × 80 % = 560 000 yuan
        #expect(relisting.minimumStartPrice == yuan(560_000))
        #expect(relisting.terms == JudicialAuctionTests.rules().relistingTerms)
        #expect(try relisting.checkedStartPrice(yuan(560_000)) == yuan(560_000))
        #expect(throws: RelistingRefusal.cutTooDeep(minimum: yuan(560_000))) {
            try relisting.checkedStartPrice(yuan(560_000) - 1)
        }
        #expect(try relisting.checkedStartPrice(yuan(800_000)) == yuan(800_000))
    }

    @Test("拍§26 the cut limit rounds the minimum up, so a cut never exceeds 20 % by a fraction of a fen")
    func rounding() throws {
        let relisting = try Relisting(after: Self.unsoldClose(), previousStartPrice: 333, policy: .judicial)
        // 333 × 80 % = 266.4 fen → 267 fen; 266 would be a cut of 20.12 %.
        #expect(relisting.minimumStartPrice == 267)
        #expect(throws: RelistingRefusal.cutTooDeep(minimum: 267)) { try relisting.checkedStartPrice(266) }
    }

    @Test("拍§26 the re-auction's rules: cut checked first, then every other statutory check (拍§17 deposit)")
    func judicialRules() throws {
        let relisting = try Relisting(after: Self.unsoldClose(), previousStartPrice: yuan(700_000), policy: .judicial)
        let previous = JudicialAuctionTests.rules()
        let rules = try relisting.judicialRules(
            after: previous, startPrice: yuan(560_000), deposit: yuan(56_000),
            biddingStart: at(2 * Self.day), biddingEnd: at(3 * Self.day))
        #expect(rules.previousStartPrice == yuan(700_000))
        #expect(rules.startPrice == yuan(560_000))
        #expect(throws: RelistingRefusal.cutTooDeep(minimum: yuan(560_000))) {
            try relisting.judicialRules(
                after: previous, startPrice: yuan(500_000), deposit: yuan(50_000),
                biddingStart: at(2 * Self.day), biddingEnd: at(3 * Self.day))
        }
        // 20 % of 560 000 = 112 000; more is refused by 拍§17.
        #expect(throws: RelistingRefusal.invalidRules([.depositOutOfRange(minimum: yuan(28_000), maximum: yuan(112_000))])) {
            try relisting.judicialRules(
                after: previous, startPrice: yuan(560_000), deposit: yuan(112_001),
                biddingStart: at(2 * Self.day), biddingEnd: at(3 * Self.day))
        }
    }

    @Test("Other procedures configure their cut, or have none")
    func configurable() throws {
        let close = try Self.unsoldClose()
        let land = try Relisting(after: close, previousStartPrice: yuan(1_000), policy: RelistingPolicy(maximumCutPercent: 10))
        #expect(land.minimumStartPrice == yuan(900))
        #expect(throws: RelistingRefusal.cutTooDeep(minimum: yuan(900))) { try land.checkedStartPrice(yuan(899)) }
        let free = try Relisting(after: close, previousStartPrice: yuan(1_000), policy: RelistingPolicy(maximumCutPercent: nil))
        #expect(try free.checkedStartPrice(1) == 1)
        #expect(free.terms == nil)
        #expect(throws: RelistingRefusal.startPriceNotPositive) { try free.checkedStartPrice(0) }
        #expect(throws: RelistingRefusal.cutPercentOutOfRange(120)) {
            try Relisting(after: close, previousStartPrice: yuan(1_000), policy: RelistingPolicy(maximumCutPercent: 120))
        }
    }

    @Test("Only an unsold lot is relisted: a sale or a withdrawal is refused")
    func onlyUnsold() throws {
        var (sold, registry, ids) = try AuctionCloseTests.judicial()
        _ = sold.handle(.bid(request("a1", ids["A"]!, yuan(700_000))), now: at(10))
        _ = sold.handle(.tick, now: at(Self.day))
        let soldClose = try AuctionClose(machine: sold, registry: registry, reserve: nil, depositRelease: .judicial)
        #expect(throws: RelistingRefusal.lotWasSold) {
            try Relisting(after: soldClose, previousStartPrice: yuan(700_000), policy: .judicial)
        }
        var (pulled, pulledRegistry, _) = try AuctionCloseTests.judicial()
        _ = pulled.handle(.withdraw, now: at(10))
        let pulledClose = try AuctionClose(machine: pulled, registry: pulledRegistry, reserve: nil, depositRelease: .judicial)
        #expect(throws: RelistingRefusal.auctionWasWithdrawn) {
            try Relisting(after: pulledClose, previousStartPrice: yuan(700_000), policy: .judicial)
        }
        let refusals: [RelistingRefusal] = [
            .lotWasSold, .auctionWasWithdrawn, .cutTooDeep(minimum: 1), .startPriceNotPositive, .cutPercentOutOfRange(101),
            .invalidRules([.floorNotBelowStart]),
        ]
        #expect(Set(refusals.map(\.chineseMessage)).count == refusals.count)
        #expect(Set(refusals.map(\.englishMessage)).count == refusals.count)
    }
}
