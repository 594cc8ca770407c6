import Foundation
import Hummingbird
import TradingCore

extension PortalController {
    /// `/auctions/{id}`: the live auction room (网络竞价室) — public; a signed-in bidder registers and bids from it.
    @Sendable func auctionRoom(_ request: Request, context: AppRequestContext) async throws -> Response {
        try await self.page(context, back: "/notices") {
            let view = try await self.platform.auctions.view(auctionID: try context.parameters.require("auction"), by: context.actor)
            let title = try await self.platform.auctions.projectTitle(view.projectId)
            let chrome = PageChrome(title: "网络竞价：\(title)", actor: context.actor)
            return try await PortalRenderer.render(AuctionPageModel(view, projectTitle: title, actor: context.actor, chrome: chrome), template: "auction")
        }
    }
}

/// What the auction room page shows before its script takes over the live stream.
struct AuctionPageModel: Sendable {
    var page: PageChrome
    var projectTitle: String
    var projectURL: String
    var apiBase: String
    var kindZh: String
    var kindEn: String
    var startPrice: String
    var increment: String
    var deposit: String
    var reserveZh: String
    /// 降价拍卖: the clock's decrement, step and floor.
    var isDutch: Bool
    var decrement: String
    var stepSeconds: Int
    var floorPrice: String
    /// 挂牌: the live round's countdown; a qualified bidder may declare 继续竞价 during the listing.
    var isListing: Bool
    var liveRoundCountdownSeconds: Int
    var mayContinue: Bool
    var continuing: Bool
    /// 多轮反向竞价: a participant lowers its price or passes in its turn.
    var isReverse: Bool
    var isBidder: Bool
    var registered: Bool
    var qualified: Bool
    var number: String
    /// The view as JSON for the script (the room's first state).
    var viewJSON: String

    init(_ view: AuctionView, projectTitle: String, actor: Actor?, chrome: PageChrome) throws {
        self.page = chrome
        self.projectTitle = projectTitle
        self.projectURL = "/projects/\(view.projectId)"
        self.apiBase = "/api/v1/auctions/\(view.id)"
        (self.kindZh, self.kindEn) = switch view.kind {
        case "judicial": ("网络司法拍卖", "Judicial online auction")
        case "dutch": ("降价拍卖", "Dutch (descending) auction")
        case "listing": ("挂牌出让", "Land listing")
        case "reverse": ("多轮反向竞价", "Reverse auction (procurement)")
        default: ("产权网络竞价", "Online auction (English)")
        }
        self.startPrice = PortalFormats.yuan(view.startPriceFen)
        self.increment = PortalFormats.yuan(view.incrementFen)
        self.deposit = PortalFormats.yuan(view.depositFen)
        self.reserveZh = switch view.reserve {
        case "sealed": "有保留价（竞价结束前保密）"
        case "revealed": "保留价 \(PortalFormats.yuan(view.reserveFen ?? 0)) 元（已公开）"
        default: "无保留价"
        }
        self.isDutch = view.kind == "dutch"
        self.decrement = PortalFormats.yuan(view.decrementFen ?? 0)
        self.stepSeconds = view.stepSeconds ?? 0
        self.floorPrice = PortalFormats.yuan(view.floorPriceFen ?? 0)
        self.isListing = view.kind == "listing"
        self.liveRoundCountdownSeconds = view.liveRoundCountdownSeconds ?? 0
        self.continuing = view.registration?.continuing ?? false
        self.mayContinue = self.isListing && view.phase == "listing" && (view.registration?.qualified ?? false) && !self.continuing
        self.isReverse = view.kind == "reverse"
        self.isBidder = actor?.role == .bidder
        self.registered = view.registration != nil
        self.qualified = view.registration?.qualified ?? false
        self.number = view.registration?.number ?? ""
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        // Inside <script type="application/json">: "<" is escaped so no text can close the element.
        self.viewJSON = String(decoding: try encoder.encode(view), as: UTF8.self).replacingOccurrences(of: "<", with: "\\u003c")
    }
}
