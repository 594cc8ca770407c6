import Foundation
import Hummingbird
import Storage
import TradingCore

/// 网络竞价 over the API: set up, register, confirm deposits, bid (idempotent by client bid id), the stream after a
/// sequence number, the result and bidding record after the close, and relisting after 流拍.
extension APIController {
    func addAuctionRoutes(to group: RouterGroup<AppRequestContext>) {
        group.post("projects/:project/lots/:lot/auctions", use: self.createAuction)
        group.get("auctions/:auction", use: self.auction)
        group.post("auctions/:auction/registrations", use: self.registerForAuction)
        group.get("auctions/:auction/registrations", use: self.auctionRegistrations)
        group.post("auctions/:auction/registrations/:registration/deposit", use: self.confirmAuctionDeposit)
        group.post("auctions/:auction/bids", use: self.placeAuctionBid)
        group.get("auctions/:auction/events", use: self.auctionEvents)
        group.get("auctions/:auction/record", use: self.auctionRecord)
        group.post("auctions/:auction/relist", use: self.relistAuction)
        group.post("auctions/:auction/withdraw", use: self.withdrawAuction)
        group.post("auctions/:auction/continue", use: self.continueAuctionBidding)
        group.post("auctions/:auction/lower", use: self.placeAuctionBid)
        group.post("auctions/:auction/pass", use: self.passAuctionTurn)
    }

    struct AuctionBidForm: Decodable {
        var clientBidId: String
        var amountFen: Int64
    }

    struct DepositForm: Decodable { var amountFen: Int64 }

    /// The messages after a sequence number, with the last one stored and the server time.
    struct AuctionMessages: ResponseEncodable, Sendable {
        var items: [AuctionMessage]
        var serverTime: String
    }

    @Sendable func createAuction(_ request: Request, context: AppRequestContext) async throws -> EditedResponse<AuctionView> {
        let actor = try context.requireActor()
        let form = try await request.decode(as: AuctionService.Form.self, context: context)
        let view = try await self.platform.auctions.create(
            projectID: try context.parameters.require("project"), lotID: try context.parameters.require("lot"), form: form, by: actor
        )
        return .init(status: .created, response: view)
    }

    @Sendable func auction(_ request: Request, context: AppRequestContext) async throws -> AuctionView {
        try await self.platform.auctions.view(auctionID: try context.parameters.require("auction"), by: context.actor)
    }

    @Sendable func registerForAuction(_ request: Request, context: AppRequestContext) async throws -> EditedResponse<AuctionRegistrationView> {
        let actor = try context.requireActor()
        let view = try await self.platform.auctions.register(auctionID: try context.parameters.require("auction"), by: actor)
        return .init(status: .created, response: view)
    }

    @Sendable func auctionRegistrations(_ request: Request, context: AppRequestContext) async throws -> Items<AuctionRegistrationView> {
        Items(items: try await self.platform.auctions.registrations(auctionID: try context.parameters.require("auction"), by: try context.requireActor()))
    }

    @Sendable func confirmAuctionDeposit(_ request: Request, context: AppRequestContext) async throws -> AuctionRegistrationView {
        let actor = try context.requireActor()
        let form = try await request.decode(as: DepositForm.self, context: context)
        return try await self.platform.auctions.confirmDeposit(
            auctionID: try context.parameters.require("auction"), registrationID: try context.parameters.require("registration"),
            amountFen: form.amountFen, by: actor
        )
    }

    @Sendable func placeAuctionBid(_ request: Request, context: AppRequestContext) async throws -> EditedResponse<BidAnswer> {
        let actor = try context.requireActor()
        let form = try await request.decode(as: AuctionBidForm.self, context: context)
        let answer = try await self.platform.auctions.bid(
            auctionID: try context.parameters.require("auction"), clientBidID: form.clientBidId, amountFen: form.amountFen, by: actor
        )
        return .init(status: .created, response: answer)
    }

    @Sendable func auctionEvents(_ request: Request, context: AppRequestContext) async throws -> AuctionMessages {
        let query = request.uri.queryParameters
        let after = query["after"].flatMap { Int64(String($0)) } ?? 0
        let limit = min(max(query["limit"].flatMap { Int(String($0)) } ?? 500, 1), 1000)
        let items = try await self.platform.auctions.messages(auctionID: try context.parameters.require("auction"), after: max(after, 0), limit: limit)
        return AuctionMessages(items: items, serverTime: Timestamps.rfc3339(self.platform.clock.now()))
    }

    @Sendable func auctionRecord(_ request: Request, context: AppRequestContext) async throws -> AuctionRecordView {
        try await self.platform.auctions.record(auctionID: try context.parameters.require("auction"))
    }

    @Sendable func relistAuction(_ request: Request, context: AppRequestContext) async throws -> EditedResponse<AuctionView> {
        let actor = try context.requireActor()
        let form = try await request.decode(as: AuctionService.RelistForm.self, context: context)
        let view = try await self.platform.auctions.relist(auctionID: try context.parameters.require("auction"), form: form, by: actor)
        return .init(status: .created, response: view)
    }

    @Sendable func withdrawAuction(_ request: Request, context: AppRequestContext) async throws -> AuctionRecordView {
        let actor = try context.requireActor()
        let form = try await request.decode(as: AuctionService.WithdrawForm.self, context: context)
        return try await self.platform.auctions.withdraw(auctionID: try context.parameters.require("auction"), form: form, by: actor)
    }

    @Sendable func continueAuctionBidding(_ request: Request, context: AppRequestContext) async throws -> AuctionRegistrationView {
        try await self.platform.auctions.continueBidding(auctionID: try context.parameters.require("auction"), by: try context.requireActor())
    }

    @Sendable func passAuctionTurn(_ request: Request, context: AppRequestContext) async throws -> AuctionRegistrationView {
        try await self.platform.auctions.pass(auctionID: try context.parameters.require("auction"), by: try context.requireActor())
    }
}

extension AuctionView: ResponseEncodable {}
extension AuctionRegistrationView: ResponseEncodable {}
extension BidAnswer: ResponseEncodable {}
extension AuctionRecordView: ResponseEncodable {}
