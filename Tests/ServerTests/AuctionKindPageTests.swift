import Foundation
import Hummingbird
import HummingbirdTesting
import Server
import Storage
import Testing

@Suite("The auction room page names the kind and its phase: Dutch clock, listing with 表示继续竞价, withdrawn")
struct AuctionKindPageTests {
    @Test("Dutch room: decrement, floor and 应价; listing room: a qualified bidder who quoted is offered 表示继续竞价; a withdrawn room says so", arguments: TestEngine.available)
    func rooms(engine: TestEngine) async throws {
        let test = try await TestPlatform.make(engine)
        defer { Task { await test.shutdown() } }
        try await test.test { client in
            let property = try await AuctionFixture.make(client)
            let opens = test.clock.now().addingTimeInterval(3600)
            let dutch = try await property.create(client, AuctionDutchTests.body(opens: opens))
            let dutchBidder = try await property.register(client, dutch, 0)
            try await property.confirm(client, dutch, dutchBidder.id, amountFen: 100_000)
            let (dutchStatus, dutchPage) = try await OpeningPageTests.page(client, "/auctions/\(dutch)", token: property.base.bidders[0])
            #expect(dutchStatus == .ok)
            #expect(dutchPage.contains("降价拍卖"))
            #expect(dutchPage.contains("最低价") && dutchPage.contains("8,000.00"))
            #expect(dutchPage.contains("应价 Accept"))
            #expect(!dutchPage.contains("auction-continue"))
            let land = try await AuctionListingTests.land(client, property)
            let listing = try await land.create(client, AuctionListingTests.body(opens: opens))
            let quoter = try await land.register(client, listing, 0)
            try await land.confirm(client, listing, quoter.id, amountFen: 100_000)
            test.clock.set(opens.addingTimeInterval(60))
            #expect(try await land.bid(client, listing, 0, 1_000_000, id: "q").status == .created)
            let (_, listingPage) = try await OpeningPageTests.page(client, "/auctions/\(listing)", token: land.base.bidders[0])
            #expect(listingPage.contains("挂牌出让"))
            #expect(listingPage.contains("id=\"auction-continue\""))
            _ = try await client.json(.post, "/api/v1/auctions/\(listing)/continue", token: land.base.bidders[0], body: [:])
            let (_, declaredPage) = try await OpeningPageTests.page(client, "/auctions/\(listing)", token: land.base.bidders[0])
            #expect(!declaredPage.contains("id=\"auction-continue\""))
            #expect(declaredPage.contains("您已表示继续竞价"))
            let (withdrawn, _) = try await client.json(.post, "/api/v1/auctions/\(dutch)/withdraw", token: property.base.tenderer, body: [:])
            #expect(withdrawn == .ok)
            let (_, withdrawnPage) = try await OpeningPageTests.page(client, "/auctions/\(dutch)")
            #expect(withdrawnPage.contains("\"phase\":\"withdrawn\""))
        }
    }
}
