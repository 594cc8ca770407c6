import Foundation
import Testing
@testable import Screening

/// The synthetic market: deterministic for a seed, and its labels mean what they say.
@Suite struct SyntheticMarketTests {
    static let small = SyntheticMarketParameters(
        seed: 42, tenders: 400, bidders: 120, bidsPerTender: 3...8, collusiveShare: 0.25, rings: 4, ringSize: 3...5,
        ringOutsideActivity: 0.5, outsiderShare: 0.4, coverMarkup: 0.01...0.06, traceLeak: 0.2...0.6, identicalCoverRate: 0.1, patternedCoverRate: 0.1,
        bunchedHonestShare: 0.1, honestSharedAddressRate: 0.05, disqualificationRate: 0.05)

    @Test func sameSeedSameMarketOtherSeedOtherMarket() {
        let a = SyntheticMarket.generate(Self.small)
        let again = SyntheticMarket.generate(Self.small)
        var other = Self.small
        other.seed = 43
        let b = SyntheticMarket.generate(other)
        #expect(a.tenders == again.tenders && a.collusive == again.collusive && a.rings == again.rings)
        #expect(a.tenders != b.tenders)
        #expect(a.tenders.count == 400 && a.collusive.count == 400)
    }

    @Test func collusiveShareIsAboutAsAsked() {
        let market = SyntheticMarket.generate(Self.small)
        let share = Double(market.collusive.filter { $0 }.count) / 400
        // binomial(400, 0.25): σ ≈ 0.0217; allow 4σ
        #expect(abs(share - 0.25) < 0.087)
        #expect(market.rings.count == 4 && market.rings.allSatisfy { (3...5).contains($0.count) })
    }

    @Test func everyTenderHasDistinctBiddersAndTheLowestValidBidWins() {
        let market = SyntheticMarket.generate(Self.small)
        for tender in market.tenders {
            #expect(Set(tender.bids.map(\.bidderID)).count == tender.bids.count, "\(tender.id)")
            let valid = tender.bids.filter { $0.disqualified != true }
            let winners = tender.bids.filter { $0.isWinner == true }
            if let lowest = valid.map(\.amountFen).min() {
                #expect(winners.count == 1 && winners[0].amountFen == lowest && winners[0].disqualified == false, "\(tender.id)")
            } else {
                #expect(winners.isEmpty)
            }
        }
    }

    @Test func riggedTendersHoldARingWithOneDesignatedWinnerThatRotates() throws {
        // setup
        let market = SyntheticMarket.generate(Self.small)
        var designatedByRing: [Int: Set<String>] = [:]
        var rigged = 0
        for (tender, collusive) in zip(market.tenders, market.collusive) where collusive {
            rigged += 1
            // exercise: the ring with at least two members bidding here
            let bidders = Set(tender.bids.map(\.bidderID))
            let r = try #require(market.rings.firstIndex { Set($0).intersection(bidders).count >= 2 }, "\(tender.id)")
            let ringBids = tender.bids.filter { market.rings[r].contains($0.bidderID) }.sorted { $0.amountFen < $1.amountFen }
            // validate: one designated winner strictly below every cover, covers within 20 % above it
            #expect(ringBids[0].amountFen < ringBids[1].amountFen, "\(tender.id)")
            #expect(ringBids.allSatisfy { Double($0.amountFen) <= Double(ringBids[0].amountFen) * 1.2 }, "\(tender.id)")
            designatedByRing[r, default: []].insert(ringBids[0].bidderID)
        }
        #expect(rigged > 50)
        // wins rotate: each ring used more than one designated winner
        #expect(designatedByRing.values.allSatisfy { $0.count >= 2 })
    }

    @Test func leakedTracesAppearOnlyAsPlanted() {
        // honest tenders may share an address (the planted noise) but never an account, machine or creator
        let market = SyntheticMarket.generate(Self.small)
        var leaks = 0
        for (tender, collusive) in zip(market.tenders, market.collusive) {
            let codes = Set(CollusionIndicators.evaluate(tender).map(\.code)).subtracting([.sameIP])
            if collusive { leaks += codes.isEmpty ? 0 : 1 } else { #expect(codes.isEmpty, "\(tender.id)") }
        }
        #expect(leaks > 0)
    }
}
