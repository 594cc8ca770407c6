import Foundation
import SQLKit
import Storage
import TradingCore

extension DemoData {
    /// 网络竞价 in the demo, through the same services as real use: a running English auction on the property
    /// project (registered bidders, confirmed deposits, a few bids), a judicial sale on the assets project that closed
    /// sold (成交确认书 published), and a land listing (挂牌) under way with one quote. Times are set from `realNow`
    /// so that every deadline that has passed is behind the real clock.
    static func auctions(_ platform: Platform, _ clock: ManualClock, _ people: People, realNow: Date) async throws {
        let operatorRow = try await platform.engine.read { db in
            try await db.row("SELECT * FROM accounts WHERE role = 'operator' ORDER BY created_at LIMIT 1", as: AccountRow.self)
        }
        let operatorActor = operatorRow.map(AccountService.actor) ?? Actor.system
        let auctions = platform.auctions
        let time = { (hours: Double) in Timestamps.rfc3339(realNow.addingTimeInterval(hours * 3600)) }

        // 产权网络竞价, running: free bidding until two days from now, then a 5-minute countdown.
        if let (projectID, lotID) = try await Self.firstLot(platform, tradingType: "property") {
            clock.set(realNow.addingTimeInterval(-3 * 3600))
            var form = AuctionService.Form(kind: "english", startPriceFen: 2_200_000_000, incrementFen: 1_000_000, depositFen: 200_000_000,
                                           opensAt: time(-2), closesAt: time(48), countdownSeconds: 300)
            form.reserveFen = 2_250_000_000
            let auction = try await auctions.create(projectID: projectID, lotID: lotID, form: form, by: people.tenderer)
            try await Self.qualify(auctions, auction.id, people.bidders.prefix(3), depositFen: 200_000_000, by: operatorActor)
            clock.set(realNow.addingTimeInterval(-90 * 60))
            for (index, (bidder, amount)) in [(0, 2_200_000_000), (1, 2_201_000_000), (0, 2_203_000_000), (2, 2_204_000_000)].enumerated() {
                clock.advance(by: 600)
                _ = try await auctions.bid(auctionID: auction.id, clientBidID: "demo-\(index)", amountFen: Int64(amount), by: people.bidders[bidder])
            }
        }

        // 网络司法拍卖, closed two days ago: 24 h of bidding, sold to the highest bid.
        if let (projectID, lotID) = try await Self.firstLot(platform, tradingType: "assets") {
            clock.set(realNow.addingTimeInterval(-4 * 86_400))
            var form = AuctionService.Form(kind: "judicial", startPriceFen: 84_000_000, incrementFen: 500_000, depositFen: 8_400_000,
                                           opensAt: time(-72), closesAt: time(-48))
            form.appraisedValueFen = 120_000_000
            let auction = try await auctions.create(projectID: projectID, lotID: lotID, form: form, by: people.tenderer)
            try await Self.qualify(auctions, auction.id, people.bidders.prefix(2), depositFen: 8_400_000, by: operatorActor)
            clock.set(realNow.addingTimeInterval(-60 * 3600))
            for (index, (bidder, amount)) in [(0, 84_000_000), (1, 85_000_000), (0, 86_500_000)].enumerated() {
                clock.advance(by: 1800)
                _ = try await auctions.bid(auctionID: auction.id, clientBidID: "demo-\(index)", amountFen: Int64(amount), by: people.bidders[bidder])
            }
            clock.set(realNow.addingTimeInterval(-48 * 3600 + 60))
            try await auctions.advance(auctionID: auction.id)
        }

        // 挂牌出让, listing under way for 10 working days, one quote so far.
        if let (projectID, lotID) = try await Self.firstLot(platform, tradingType: "land") {
            clock.set(realNow.addingTimeInterval(-2 * 86_400))
            let opens = realNow.addingTimeInterval(-86_400)
            let closes = platform.calendar.lastDay(of: 10, .workingDays, from: LocalDate(opens)).startInstant.addingTimeInterval(17 * 3600)
            var form = AuctionService.Form(kind: "listing", startPriceFen: 16_000_000_000, incrementFen: 50_000_000, depositFen: 3_200_000_000,
                                           opensAt: Timestamps.rfc3339(opens), closesAt: Timestamps.rfc3339(closes))
            form.liveRoundCountdownSeconds = 300
            let auction = try await auctions.create(projectID: projectID, lotID: lotID, form: form, by: people.tenderer)
            try await Self.qualify(auctions, auction.id, people.bidders.prefix(2), depositFen: 3_200_000_000, by: operatorActor)
            clock.set(realNow.addingTimeInterval(-3600))
            _ = try await auctions.bid(auctionID: auction.id, clientBidID: "demo-0", amountFen: 16_000_000_000, by: people.bidders[0])
        }
    }

    /// Registers `bidders` and confirms their deposits.
    static func qualify(_ auctions: AuctionService, _ auctionID: String, _ bidders: ArraySlice<Actor>, depositFen: Int64, by operatorActor: Actor) async throws {
        for bidder in bidders {
            let registration = try await auctions.register(auctionID: auctionID, by: bidder)
            _ = try await auctions.confirmDeposit(auctionID: auctionID, registrationID: registration.id, amountFen: depositFen, by: operatorActor)
        }
    }

    /// The first lot of the first demo project of `tradingType`.
    static func firstLot(_ platform: Platform, tradingType: String) async throws -> (String, String)? {
        struct Found: Decodable { var projectId: String; var lotId: String }
        let found = try await platform.engine.read { db in
            try await db.row("""
                SELECT p.id AS project_id, l.id AS lot_id FROM projects p JOIN lots l ON l.project_id = p.id
                WHERE p.trading_type = \(bind: tradingType) ORDER BY p.created_at, l.number LIMIT 1
                """, as: Found.self)
        }
        return found.map { ($0.projectId, $0.lotId) }
    }
}
