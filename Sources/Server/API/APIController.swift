import Foundation
import Hummingbird
import Storage
import TradingCore
import WitnessLog

/// The JSON API under /api/v1 (described by /openapi.json). Errors are RFC 9457 problem details.
struct APIController {
    let platform: Platform

    func addRoutes(to group: RouterGroup<AppRequestContext>) {
        // Accounts
        group.post("auth/login", use: self.login)
        group.post("auth/logout", use: self.logout)
        group.get("me", use: self.me)
        group.post("enterprises", use: self.registerEnterprise)
        group.post("accounts", use: self.createAccount)
        // Catalog
        group.get("catalog", use: self.catalog)
        group.put("catalog/:code", use: self.putCatalogEntry)
        // Projects and lots
        group.get("projects", use: self.projects)
        group.post("projects", use: self.createProject)
        group.get("projects/:project", use: self.project)
        group.post("projects/:project/announce", use: self.announce)
        group.post("projects/:project/clarifications", use: self.clarify)
        group.post("projects/:project/terminate", use: self.terminate)
        group.post("projects/:project/documents", use: self.uploadDocument)
        group.post("projects/:project/lots/:lot/registrations", use: self.registerForLot)
        group.get("projects/:project/lots/:lot/bids", use: self.bids)
        group.post("projects/:project/lots/:lot/bids", use: self.submitBid)
        group.post("projects/:project/lots/:lot/bids/withdraw", use: self.withdrawBid)
        group.post("projects/:project/lots/:lot/open", use: self.open)
        group.post("projects/:project/lots/:lot/result", use: self.recordResult)
        group.post("projects/:project/lots/:lot/publicity", use: self.publishCandidates)
        group.post("projects/:project/lots/:lot/award", use: self.award)
        group.post("projects/:project/lots/:lot/contract", use: self.signContract)
        group.post("projects/:project/lots/:lot/archive", use: self.archive)
        group.post("projects/:project/lots/:lot/retender", use: self.retender)
        group.get("my/bids", use: self.myBids)
        // Public data
        group.get("notices", use: self.notices)
        group.get("notices/:notice", use: self.notice)
        group.get("documents/:sha256", use: self.document)
        group.get("log/entries", use: self.logEntries)
        self.addSealedRoutes(to: group)
        self.addOpeningRoutes(to: group)
        self.addOpenDataRoutes(to: group)
        self.addDisclosureRoutes(to: group)
        self.addExpertRoutes(to: group)
        self.addSupervisionRoutes(to: group)
        self.addEvaluationRoutes(to: group)
        self.addPlatformRoutes(to: group)
        self.addAuctionRoutes(to: group)
    }

    // MARK: accounts

    struct LoginForm: Decodable { var username: String; var password: String }
    struct LoginResult: ResponseEncodable { var token: String; var account: AccountView }

    @Sendable func login(_ request: Request, context: AppRequestContext) async throws -> LoginResult {
        let form = try await request.decode(as: LoginForm.self, context: context)
        let (token, actor) = try await self.platform.accounts.login(username: form.username, password: form.password)
        return LoginResult(token: token, account: AccountView(actor))
    }

    @Sendable func logout(_ request: Request, context: AppRequestContext) async throws -> HTTPResponse.Status {
        if let token = context.token { try await self.platform.accounts.logout(token: token) }
        return .noContent
    }

    @Sendable func me(_ request: Request, context: AppRequestContext) async throws -> AccountView {
        AccountView(try context.requireActor())
    }

    @Sendable func registerEnterprise(_ request: Request, context: AppRequestContext) async throws -> EditedResponse<AccountService.Registered> {
        let form = try await request.decode(as: AccountService.EnterpriseRegistration.self, context: context)
        return .init(status: .created, response: try await self.platform.accounts.registerEnterprise(form))
    }

    struct AccountForm: Decodable { var username: String; var password: String; var role: Role; var partyId: String?; var displayName: String }

    @Sendable func createAccount(_ request: Request, context: AppRequestContext) async throws -> EditedResponse<AccountView> {
        let actor = try context.requireActor()
        let form = try await request.decode(as: AccountForm.self, context: context)
        let account = try await self.platform.accounts.createAccount(
            username: form.username, password: form.password, role: form.role, partyID: form.partyId, displayName: form.displayName, by: actor
        )
        return .init(status: .created, response: account)
    }

    // MARK: catalog

    @Sendable func catalog(_ request: Request, context: AppRequestContext) async throws -> Items<CatalogEntry> {
        Items(items: try await self.platform.catalog.entries())
    }

    @Sendable func putCatalogEntry(_ request: Request, context: AppRequestContext) async throws -> CatalogEntry {
        let actor = try context.requireActor()
        var entry = try await request.decode(as: CatalogEntry.self, context: context)
        entry.code = try context.parameters.require("code")
        return try await self.platform.catalog.put(entry, by: actor)
    }

    // MARK: projects

    @Sendable func projects(_ request: Request, context: AppRequestContext) async throws -> Items<ProjectView> {
        let query = request.uri.queryParameters
        if query["scope"] == "mine" {
            return Items(items: try await self.platform.tenders.projects(runBy: try context.requireActor()))
        }
        let limit = query["limit"].flatMap { Int(String($0)) } ?? 50
        return Items(items: try await self.platform.tenders.publicProjects(
            tradingType: query["tradingType"].map(String.init), phase: query["phase"].map(String.init), limit: limit
        ))
    }

    @Sendable func createProject(_ request: Request, context: AppRequestContext) async throws -> EditedResponse<ProjectView> {
        let actor = try context.requireActor()
        let form = try await request.decode(as: TenderService.NewProject.self, context: context)
        return .init(status: .created, response: try await self.receipted(try await self.platform.tenders.create(form, by: actor)))
    }

    @Sendable func project(_ request: Request, context: AppRequestContext) async throws -> ProjectView {
        try await self.platform.tenders.project(try context.parameters.require("project"), for: context.actor)
    }

    struct AnnounceForm: Decodable { var bidDeadline: String; var documentsUntil: String }

    @Sendable func announce(_ request: Request, context: AppRequestContext) async throws -> ProjectView {
        let actor = try context.requireActor()
        let form = try await request.decode(as: AnnounceForm.self, context: context)
        return try await self.receipted(try await self.platform.tenders.announce(
            projectID: try context.parameters.require("project"),
            bidDeadline: try Self.instant(form.bidDeadline, field: "bidDeadline"),
            documentsUntil: try Self.instant(form.documentsUntil, field: "documentsUntil"), by: actor
        ))
    }

    struct ClarificationForm: Decodable { var title: String?; var body: String; var affectsBids: Bool }

    @Sendable func clarify(_ request: Request, context: AppRequestContext) async throws -> ProjectView {
        let actor = try context.requireActor()
        let form = try await request.decode(as: ClarificationForm.self, context: context)
        return try await self.receipted(try await self.platform.tenders.clarify(
            projectID: try context.parameters.require("project"), title: form.title ?? "", body: form.body, affectsBids: form.affectsBids, by: actor
        ))
    }

    struct ReasonForm: Decodable { var reason: String }

    @Sendable func terminate(_ request: Request, context: AppRequestContext) async throws -> ProjectView {
        let actor = try context.requireActor()
        let form = try await request.decode(as: ReasonForm.self, context: context)
        return try await self.receipted(try await self.platform.tenders.terminate(projectID: try context.parameters.require("project"), reason: form.reason, by: actor))
    }

    /// Raw upload: the body is the file; `?filename=` names it and `?kind=tender|clarification` classifies it.
    @Sendable func uploadDocument(_ request: Request, context: AppRequestContext) async throws -> EditedResponse<AttachmentView> {
        let actor = try context.requireActor()
        let query = request.uri.queryParameters
        let bytes = try await self.collect(request)
        var attachment = try await self.platform.documents.attachToProject(
            projectID: try context.parameters.require("project"), kind: query["kind"].map(String.init) ?? "tender",
            filename: query["filename"].map(String.init) ?? "", bytes: bytes, by: actor
        )
        if let index = attachment.logIndex { attachment.receipt = try await self.receiptText(index) }
        return .init(status: .created, response: attachment)
    }

    // MARK: bidding

    struct RegistrationForm: Decodable { var deposit: String }

    @Sendable func registerForLot(_ request: Request, context: AppRequestContext) async throws -> EditedResponse<RegistrationView> {
        let actor = try context.requireActor()
        let form = try await request.decode(as: RegistrationForm.self, context: context)
        let row = try await self.platform.bidding.register(
            projectID: try context.parameters.require("project"), lotID: try context.parameters.require("lot"), deposit: form.deposit, by: actor
        )
        return .init(status: .created, response: RegistrationView(id: row.id, lotId: row.lotId, partyId: row.partyId, deposit: row.deposit, registeredAt: Timestamps.rfc3339(Timestamps.date(row.registeredAt))))
    }

    @Sendable func bids(_ request: Request, context: AppRequestContext) async throws -> Items<BidReceipt> {
        Items(items: try await self.platform.bidding.bids(
            projectID: try context.parameters.require("project"), lotID: try context.parameters.require("lot"), for: try context.requireActor()
        ))
    }

    /// Raw upload: the body is the bid file; `?priceFen=` (integer fen) and `?filename=` go in the query.
    @Sendable func submitBid(_ request: Request, context: AppRequestContext) async throws -> EditedResponse<BidReceipt> {
        let actor = try context.requireActor()
        let query = request.uri.queryParameters
        guard let priceText = query["priceFen"], let price = Int64(String(priceText)) else {
            throw TradingError.invalid("price", zh: "投标报价 priceFen 必须是整数（单位：分）", en: "priceFen must be a whole number of fen")
        }
        let bytes = try await self.collect(request)
        var receipt = try await self.platform.bidding.submit(
            projectID: try context.parameters.require("project"), lotID: try context.parameters.require("lot"), priceFen: price,
            filename: query["filename"].map(String.init) ?? "", bytes: bytes, by: actor
        )
        receipt.receipt = try await self.receiptText(receipt.logIndex)
        return .init(status: .created, response: receipt)
    }

    @Sendable func withdrawBid(_ request: Request, context: AppRequestContext) async throws -> BidReceipt {
        var receipt = try await self.platform.bidding.withdraw(
            projectID: try context.parameters.require("project"), lotID: try context.parameters.require("lot"), by: try context.requireActor()
        )
        receipt.receipt = try await self.receiptText(receipt.logIndex)
        return receipt
    }

    @Sendable func myBids(_ request: Request, context: AppRequestContext) async throws -> Items<BidReceipt> {
        Items(items: try await self.platform.bidding.myBids(by: try context.requireActor()))
    }

    @Sendable func open(_ request: Request, context: AppRequestContext) async throws -> ProjectView {
        try await self.receipted(try await self.platform.bidding.open(
            projectID: try context.parameters.require("project"), lotID: try context.parameters.require("lot"), by: try context.requireActor()
        ))
    }
}

/// A list response: `{"items": [...]}`.
struct Items<Item: Encodable & Sendable>: ResponseEncodable, Sendable {
    var items: [Item]
}

struct RegistrationView: ResponseEncodable, Sendable {
    var id: String
    var lotId: String
    var partyId: String
    var deposit: String
    var registeredAt: String
}

extension APIController {
    /// The request body as bytes, refused with 413 above `uploads.maxBytes`.
    func collect(_ request: Request) async throws -> [UInt8] {
        let limit = self.platform.settings.maxUploadBytes
        do {
            let buffer = try await request.body.collect(upTo: limit)
            return Array(buffer.readableBytesView)
        } catch let error as any HTTPResponseError where error.status == .contentTooLarge {
            throw TradingError(.tooLarge, code: "file-too-large", zh: "文件超过大小上限（\(limit)字节）", en: "The file exceeds the size limit of \(limit) bytes")
        }
    }

    /// 存证回执: the tlog-proof text of the entry at `index`, under a checkpoint signed just now if needed.
    func receiptText(_ index: Int64) async throws -> String {
        String(decoding: try await self.platform.log.receipt(index: UInt64(index)).bytes, as: UTF8.self)
    }

    /// The view with the receipt of the change that produced it.
    func receipted(_ view: ProjectView) async throws -> ProjectView {
        var view = view
        if let index = view.logIndex { view.receipt = try await self.receiptText(index) }
        return view
    }

    static func instant(_ text: String, field: String) throws -> Date {
        guard let date = Timestamps.parse(text) else {
            throw TradingError.invalid("date-format", zh: "\(field) 应为 RFC 3339 时间，如 2026-12-20T09:30:00+08:00", en: "\(field) must be an RFC 3339 time such as 2026-12-20T09:30:00+08:00")
        }
        return date
    }
}

extension ProjectView: ResponseEncodable {}
extension AccountView: ResponseEncodable {}
extension BidReceipt: ResponseEncodable {}
extension NoticeView: ResponseEncodable {}
extension AttachmentView: ResponseEncodable {}
extension CatalogEntry: ResponseEncodable {}
extension AccountService.Registered: ResponseEncodable {}
extension Page: ResponseEncodable {}
