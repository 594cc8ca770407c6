import Foundation
import Hummingbird
import TradingCore

/// The regulator's credit-list and complaint pages (监管): imports and findings; every case with its actions.
extension PortalController {
    func addOversightRoutes(to router: Router<AppRequestContext>) {
        router.get("/regulator/credit", use: self.creditPage)
        router.post("/regulator/credit", use: self.importCreditList)
        router.get("/regulator/complaints", use: self.complaintsPage)
        router.post("/regulator/complaints/:case", use: self.complaintAction)
        router.post("/projects/:project/complaints", use: self.fileComplaint)
    }

    @Sendable func creditPage(_ request: Request, context: AppRequestContext) async throws -> Response {
        guard let actor = context.actor else { return PortalRenderer.redirect("/login") }
        return try await self.page(context, back: "/workspace") {
            let model = CreditPageModel(
                page: PageChrome(title: "信用名单", actor: actor, done: self.done(request)),
                lists: try await self.platform.credit.lists(by: actor), findings: try await self.platform.credit.findings(by: actor),
                kinds: CreditListKind.allCases.map { OptionModel(value: $0.rawValue, label: $0.nameZh, selected: false) }
            )
            return try await PortalRenderer.render(model, template: "regulator-credit")
        }
    }

    @Sendable func importCreditList(_ request: Request, context: AppRequestContext) async throws -> Response {
        try await self.action(request, context, back: "/regulator/credit", limit: self.platform.settings.maxUploadBytes) { actor, form in
            let file = try form.file("file", label: "名单文件")
            _ = try await self.platform.credit.importList(
                listID: try form.required("id", label: "名单标识"), kind: try form.required("kind", label: "名单类型"),
                publisher: try form.required("publisher", label: "发布机关"), format: file.filename.lowercased().hasSuffix(".json") ? "json" : "csv",
                bytes: file.bytes, by: actor
            )
            return "/regulator/credit?done=credit"
        }
    }

    @Sendable func complaintsPage(_ request: Request, context: AppRequestContext) async throws -> Response {
        guard let actor = context.actor else { return PortalRenderer.redirect("/login") }
        return try await self.page(context, back: "/workspace") {
            let model = ComplaintsPageModel(page: PageChrome(title: "异议投诉", actor: actor, done: self.done(request)), cases: try await self.platform.complaints.all(by: actor))
            return try await PortalRenderer.render(model, template: "regulator-complaints")
        }
    }

    @Sendable func complaintAction(_ request: Request, context: AppRequestContext) async throws -> Response {
        try await self.action(request, context, back: "/regulator/complaints") { actor, form in
            let optional = { (name: String) -> String? in form[name].flatMap { $0.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty ? nil : $0 } }
            _ = try await self.platform.complaints.act(
                caseID: try context.parameters.require("case"), action: try form.required("action", label: "操作"),
                outcome: optional("outcome"), reasoning: optional("reasoning"), from: optional("from"), by: actor
            )
            return "/regulator/complaints?done=complaint"
        }
    }
}

/// The credit page (flags stored: the template engine reads stored properties only).
struct CreditPageModel: Sendable {
    var page: PageChrome
    var lists: [CreditListView]
    var findings: [CreditFindingView]
    var kinds: [OptionModel]
    var hasLists: Bool
    var hasFindings: Bool

    init(page: PageChrome, lists: [CreditListView], findings: [CreditFindingView], kinds: [OptionModel]) {
        self.page = page
        self.lists = lists
        self.findings = findings
        self.kinds = kinds
        self.hasLists = !lists.isEmpty
        self.hasFindings = !findings.isEmpty
    }
}

/// The regulator's complaints page.
struct ComplaintsPageModel: Sendable {
    var page: PageChrome
    var cases: [ComplaintView]
    var hasCases: Bool

    init(page: PageChrome, cases: [ComplaintView]) {
        self.page = page
        self.cases = cases
        self.hasCases = !cases.isEmpty
    }
}

extension PortalController {
    /// A bidder files an objection, challenge or complaint from the project page.
    @Sendable func fileComplaint(_ request: Request, context: AppRequestContext) async throws -> Response {
        let projectID = try context.parameters.require("project")
        return try await self.action(request, context, back: "/projects/\(projectID)") { actor, form in
            _ = try await self.platform.complaints.file(
                projectID: projectID, lotID: try form.required("lot", label: "标段"), kind: try form.required("kind", label: "类型"),
                matter: try form.required("matter", label: "事项"), request: try form.required("request", label: "请求"),
                knownAt: nil, priorCaseID: nil, by: actor
            )
            return "/projects/\(projectID)?done=complaint"
        }
    }

    func complaintsOnProject(_ view: ProjectView, actor: Actor?) async throws -> ComplaintsOnProject {
        guard let actor else { return .init() }
        let cases = try await self.platform.complaints.cases(projectID: view.id, by: actor)
        return ComplaintsOnProject(
            cases: cases, canFile: actor.role == .bidder && view.published,
            lots: view.lots.map { OptionModel(value: $0.id, label: "\($0.number) \($0.title)", selected: false) }
        )
    }
}

/// The complaints section of the project page.
struct ComplaintsOnProject: Sendable {
    var cases: [ComplaintView] = []
    var canFile = false
    var lots: [OptionModel] = []
    var hasCases = false
    /// Whether the section shows at all.
    var visible = false

    init() {}

    init(cases: [ComplaintView], canFile: Bool, lots: [OptionModel]) {
        self.cases = cases
        self.canFile = canFile
        self.lots = lots
        self.hasCases = !cases.isEmpty
        self.visible = canFile || !cases.isEmpty
    }
}
