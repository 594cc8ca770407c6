import Auctions
import Foundation
import Testing

@Suite("SealedReserve (保留价)", .tags(.small))
struct SealedReserveTests {
    @Test("拍卖法§50 the reserve prints as sealed and is revealed only by a closed auction")
    func revealOnlyAtClose() throws {
        // setup: a reserve of 123 456.78 yuan
        let reserve = try SealedReserve(12_345_678)
        var dumped = ""
        dump(reserve, to: &dumped)
        for text in [String(describing: reserve), String(reflecting: reserve), "\(reserve)", dumped] {
            #expect(!text.contains("12345678") && !text.contains("123456.78"), "\(text)")
        }
        var auction = try EnglishAuction(rules: EnglishAuctionTests.rules().withReserve(reserve))
        // exercise & validate: open → sealed
        _ = auction.handle(.bid(request("a1", "A", yuan(100))), now: at(10))
        #expect(reserve.revealed(after: auction) == nil)
        #expect(reserve.disclosure(for: auction) == .sealed)
        // closed → revealed, and the engine compared bids with the same amount
        let closing = try #require(auction.handle(.tick, now: at(4000)).closing)
        #expect(closing.outcome == .noSale(.reserveNotMet(bestBid: yuan(100), reserve: 12_345_678)))
        #expect(reserve.revealed(after: auction) == 12_345_678)
        #expect(reserve.disclosure(for: auction) == .revealed(12_345_678))
    }

    @Test("A reserve must be positive; no reserve discloses as none")
    func noneAndInvalid() throws {
        #expect(throws: InvalidAuctionRules(violations: [.notPositive(.reservePrice)])) { try SealedReserve(0) }
        let auction = try EnglishAuction(rules: EnglishAuctionTests.rules())
        #expect(ReserveDisclosure.of(nil, for: auction) == .none)
        #expect(EnglishAuctionTests.rules().withReserve(nil).reservePrice == nil)
    }

    @Test("withReserve hands the sealed amount to every engine's rules")
    func everyEngine() throws {
        let reserve = try SealedReserve(777)
        #expect(JudicialAuctionTests.rules().withReserve(reserve).reservePrice == 777)
        #expect(DutchAuctionTests.rules().withReserve(reserve).reservePrice == 777)
        #expect(ReverseAuctionRules(start: at(0), minimumDecrement: 1).withReserve(reserve).reservePrice == 777)
        #expect(
            ListingAuctionRules(startPrice: 1, increment: 1, listingStart: at(0), listingEnd: at(1)).withReserve(reserve)
                .reservePrice == 777
        )
    }

    @Test("A sealed reserve survives storage as its amount")
    func storage() throws {
        let reserve = try SealedReserve(4_200)
        let decoded = try JSONDecoder().decode(SealedReserve.self, from: JSONEncoder().encode(reserve))
        #expect(decoded == reserve)
        #expect(throws: DecodingError.self) { try JSONDecoder().decode(SealedReserve.self, from: Data("-5".utf8)) }
    }
}

/// Property: whatever happens in the room, no pre-close view carries the reserve or a party's name.
@Suite("Pre-close views", .tags(.property))
struct PreCloseViewPropertyTests {
    /// Every number and string in a JSON value, flattened.
    static func leaves(_ value: Any) -> [Any] {
        switch value {
        case let dictionary as [String: Any]: dictionary.flatMap { [$0.key as Any] + Self.leaves($0.value) }
        case let array as [Any]: array.flatMap(Self.leaves)
        default: [value]
        }
    }

    @Test("拍卖法§50 the reserve never appears in any pre-close view, and no party is named")
    func reserveNeverBeforeClose() throws {
        var revealedAtClose = 0
        checkProperty("pre-close views", runs: 40, baseSeed: 0x5EA1_0000) { generator in
            // setup: a judicial lot with a reserve off the increment ladder, so no bid can equal it
            let reserveAmount = yuan(700_000) + yuan(1_000) * Int64.random(in: 0...40, using: &generator) + 777
            guard let reserve = try? SealedReserve(reserveAmount),
                var registry = try? judicialRegistry(secret: randomSecret(using: &generator)),
                let bidders = try? registry.qualify((0..<Int.random(in: 1...6, using: &generator)).map { "P\($0)" }),
                var auction = try? JudicialAuction(rules: JudicialAuctionTests.rules().withReserve(reserve))
            else { return "setup failed" }
            auction.admit(registry)
            let names = registry.registrations.map(\.party.name) + registry.registrations.map(\.party.id)
            let encoder = JSONEncoder()
            var time = TimeInterval(-60)
            for step in 0..<Int.random(in: 5...50, using: &generator) {
                time += TimeInterval(Int.random(in: 0...3_600, using: &generator))
                let bidder = bidders.randomElement(using: &generator)!
                let amount = (auction.standingPrice.map { $0 + yuan(1_000) } ?? yuan(700_000))
                    + yuan(1_000) * Int64.random(in: 0...3, using: &generator)
                _ = auction.handle(.bid(request("b\(step)", bidder, amount)), now: at(time))
                guard let view = try? AuctionRoomView(machine: auction, registry: registry, reserve: reserve),
                    let data = try? encoder.encode(view),
                    let json = try? JSONSerialization.jsonObject(with: data)
                else { return "view failed" }
                let text = String(decoding: data, as: UTF8.self) + String(describing: view)
                if auction.outcome == nil {
                    guard view.reserve == .sealed else { return "reserve disclosed as \(view.reserve) before the close" }
                    for leaf in Self.leaves(json) {
                        if let number = leaf as? NSNumber, number.int64Value == reserveAmount { return "reserve in view JSON" }
                        if let string = leaf as? String, string.contains(reserveAmount.description) { return "reserve in \(string)" }
                    }
                    guard !text.contains(String(reserveAmount)) else { return "reserve in the view's text" }
                } else {
                    guard view.reserve == .revealed(reserveAmount) else { return "reserve not revealed after the close" }
                    revealedAtClose += 1
                }
                if let name = names.first(where: { text.contains($0) }) { return "party \(name) named in the room" }
                if auction.outcome != nil { break }
            }
            return nil
        }
        #expect(revealedAtClose > 0, "some runs must reach the close")
    }
}
