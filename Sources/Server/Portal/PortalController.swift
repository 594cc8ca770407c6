import Foundation
import Hummingbird
import TradingCore

/// The server-rendered portal (门户): public notices and projects, sign-in and registration, and each role's workspace.
///
/// Handlers call the same services as the JSON API. Refusals (``TradingError``) become an HTML page with the Chinese
/// message and the right 4xx status; every action is a small POST form answered with 303 (POST-redirect-GET).
struct PortalController {
    let platform: Platform
    let homeCache = HomePageCache()

    init(platform: Platform) {
        self.platform = platform
    }

    func addRoutes(to router: Router<AppRequestContext>) {
        // Public pages
        router.get("/", use: self.home)
        router.get("/notices", use: self.notices)
        router.get("/notices/:notice", use: self.notice)
        self.addFeedRoutes(to: router)
        self.addDisclosureRoutes(to: router)
        self.addPlatformRoutes(to: router)
        router.get("/projects/:project", use: self.project)
        router.get("/projects/:project/certificate", use: self.certificate)
        router.get("/projects/:project/lots/:lot/opening", use: self.openingRoom)
        router.get("/auctions/:auction", use: self.auctionRoom)
        router.get("/projects/:project/certificate.json", use: self.certificateDownload)
        // Accounts
        router.get("/login", use: self.loginForm)
        router.post("/login", use: self.login)
        router.post("/logout", use: self.logout)
        router.get("/register", use: self.registerForm)
        router.post("/register", use: self.register)
        // Workspaces
        router.get("/workspace", use: self.workspace)
        router.get("/workspace/projects/:project", use: self.projectWorkspace)
        // Tenderer and agency actions
        router.post("/workspace/projects", use: self.createProject)
        router.post("/workspace/projects/:project/documents", use: self.uploadDocument)
        router.post("/workspace/projects/:project/announce", use: self.announce)
        router.post("/workspace/projects/:project/clarify", use: self.clarify)
        router.post("/workspace/projects/:project/terminate", use: self.terminate)
        router.post("/workspace/projects/:project/lots/:lot/open", use: self.openLot)
        router.post("/workspace/projects/:project/lots/:lot/result", use: self.recordResult)
        router.post("/workspace/projects/:project/lots/:lot/publicity", use: self.publishCandidates)
        router.post("/workspace/projects/:project/lots/:lot/award", use: self.award)
        router.post("/workspace/projects/:project/lots/:lot/contract", use: self.signContract)
        router.post("/workspace/projects/:project/lots/:lot/archive", use: self.archive)
        router.post("/workspace/projects/:project/lots/:lot/retender", use: self.retender)
        // Bidder actions
        router.post("/workspace/projects/:project/lots/:lot/register", use: self.registerForLot)
        router.post("/workspace/projects/:project/lots/:lot/bid", use: self.submitBid)
        router.post("/workspace/projects/:project/lots/:lot/withdraw", use: self.withdrawBid)
        // Operator
        router.get("/workspace/catalog/:code", use: self.catalogEntryForm)
        router.post("/workspace/catalog/:code", use: self.saveCatalogEntry)
        self.addExpertRoutes(to: router)
        self.addRegulatorRoutes(to: router)
        self.addEvaluationRoutes(to: router)
    }
}

extension PortalController {
    /// Runs a page handler; a refusal renders the error page instead of a stack or JSON.
    func page(_ context: AppRequestContext, back: String? = nil, _ body: () async throws -> Response) async throws -> Response {
        do {
            return try await body()
        } catch let error as TradingError {
            return try await PortalRenderer.error(error, chrome: PageChrome(title: "出错了", actor: context.actor), back: back)
        }
    }

    /// Runs a signed-in action: anonymous visitors go to /login; success answers 303 to the returned location;
    /// a refusal renders the error page with a link back to `back`.
    func action(
        _ request: Request, _ context: AppRequestContext, back: String, limit: Int = 1024 * 1024,
        _ body: (Actor, PortalForm) async throws -> String
    ) async throws -> Response {
        guard let actor = context.actor else { return PortalRenderer.redirect("/login") }
        return try await self.page(context, back: back) {
            let form = try await PortalForm.read(request, limit: limit)
            return PortalRenderer.redirect(try await body(actor, form))
        }
    }

    func done(_ request: Request) -> String? {
        request.uri.queryParameters["done"].map(String.init)
    }

    /// Trading type code → Chinese name, from the catalog, in the portal's display order.
    func tradingTypes() async throws -> [(code: String, nameZh: String)] {
        let order = ["engineering", "procurement", "property", "land", "assets"]
        var seen: [String: String] = [:]
        for (code, nameZh) in try await self.platform.catalog.tradingTypeNames() where seen[code] == nil {
            seen[code] = nameZh
        }
        let known = order.compactMap { code in seen[code].map { (code, $0) } }
        let others = seen.keys.filter { !order.contains($0) }.sorted().map { ($0, seen[$0]!) }
        return known + others
    }
}
