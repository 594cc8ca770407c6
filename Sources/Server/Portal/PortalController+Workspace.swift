import Foundation
import Hummingbird
import SQLKit
import Storage
import TradingCore

/// 工作台 — `/workspace` routes by role; `/workspace/projects/{id}` is the project's page for that role.
extension PortalController {
    @Sendable func workspace(_ request: Request, context: AppRequestContext) async throws -> Response {
        guard let actor = context.actor else { return PortalRenderer.redirect("/login") }
        return try await self.page(context) {
            let chrome = PageChrome(title: "我的工作台", actor: actor, done: self.done(request))
            let catalog = try await self.catalogByCode()
            switch actor.role {
            case .tenderer, .agency:
                let projects = try await self.platform.tenders.projects(runBy: actor).map { ProjectSummaryModel($0, catalog: catalog) }
                let tenderers = actor.role == .agency ? try await self.platform.accounts.parties(kind: "enterprise") : []
                let model = RunnerWorkspaceModel(
                    page: chrome, projects: projects, hasProjects: !projects.isEmpty,
                    catalog: catalog.values.filter(\.active).sorted { $0.code < $1.code }.map {
                        OptionModel(value: $0.code, label: "\($0.tradingTypeZh) · \($0.procedureZh)", selected: false)
                    },
                    isAgency: actor.role == .agency,
                    tenderers: tenderers.filter { $0.id != actor.partyID }.map { OptionModel(value: $0.id, label: $0.name, selected: false) }
                )
                return try await PortalRenderer.render(model, template: "workspace-runner")
            case .bidder:
                let open = try await self.platform.tenders.publicProjects(tradingType: nil, phase: TenderPhase.announced.rawValue, limit: 50)
                let bids = try await self.platform.bidding.myBids(by: actor).map { BidReceiptModel($0) }
                let model = BidderWorkspaceModel(
                    page: chrome, openProjects: open.map { ProjectSummaryModel($0, catalog: catalog) }, hasOpenProjects: !open.isEmpty,
                    bids: bids, hasBids: !bids.isEmpty
                )
                return try await PortalRenderer.render(model, template: "workspace-bidder")
            case .operator:
                let entries = catalog.values.sorted { $0.code < $1.code }.map {
                    OperatorWorkspaceModel.Entry(
                        code: $0.code, tradingTypeZh: $0.tradingTypeZh, procedureZh: $0.procedureZh, active: $0.active,
                        summary: CatalogEntryPageModel.summary($0.rules), editURL: "/workspace/catalog/\($0.code)"
                    )
                }
                let projects = try await self.platform.tenders.projects(runBy: actor).map { ProjectSummaryModel($0, catalog: catalog) }
                let model = OperatorWorkspaceModel(page: chrome, entries: entries, projects: projects, hasProjects: !projects.isEmpty)
                return try await PortalRenderer.render(model, template: "workspace-operator")
            case .regulator, .expert, .custodian:
                let sees = actor.role == .regulator
                let projects = sees ? try await self.platform.tenders.projects(runBy: actor).map { ProjectSummaryModel($0, catalog: catalog) } : []
                let model = OverseerWorkspaceModel(page: chrome, projects: projects, hasProjects: !projects.isEmpty, canSeeProjects: sees)
                return try await PortalRenderer.render(model, template: "workspace-overseer")
            }
        }
    }

    @Sendable func projectWorkspace(_ request: Request, context: AppRequestContext) async throws -> Response {
        guard let actor = context.actor else { return PortalRenderer.redirect("/login") }
        return try await self.page(context, back: "/workspace") {
            let view = try await self.platform.tenders.project(try context.parameters.require("project"), for: actor)
            let chrome = PageChrome(title: view.title, actor: actor, done: self.done(request))
            let receipt = request.uri.queryParameters["receipt"].map(String.init)
            if actor.role == .bidder {
                return try await PortalRenderer.render(try await self.bidPage(view, actor: actor, chrome: chrome, receipt: receipt), template: "project-bid")
            }
            let runs = actor.role.runsProcedures && actor.partyID != nil && (actor.partyID == view.tendererPartyId || actor.partyID == view.agencyPartyId)
            guard runs || actor.role == .operator || actor.role == .regulator else { throw TradingError.forbidden() }
            return try await PortalRenderer.render(try await self.managePage(view, actor: actor, chrome: chrome, canManage: runs), template: "project-manage")
        }
    }

    func managePage(_ view: ProjectView, actor: Actor, chrome: PageChrome, canManage: Bool) async throws -> ManageProjectPageModel {
        let catalog = try await self.catalogByCode()
        let base = "/workspace/projects/\(view.id)"
        let suggestions = ManageProjectPageModel.suggestions(rules: view.rules, calendar: self.platform.calendar, now: self.platform.clock.now())
        var parties = try await self.partyNames(LotModel.partyIDs(view.lots))
        var lots: [ManageProjectPageModel.Lot] = []
        for lot in view.lots {
            var bids: [BidReceipt] = []
            if BiddingService.isOpened(lot.phase) {
                bids = try await self.platform.bidding.bids(projectID: view.id, lotID: lot.id, for: actor)
                for (id, name) in try await self.partyNames(Set(bids.map(\.partyId))) { parties[id] = name }
            }
            let candidateRanks = (lot.candidates ?? []).map { OptionModel(value: String($0.rank), label: "第\($0.rank)名 \(parties[$0.partyID] ?? "")", selected: $0.rank == 1) }
            lots.append(.init(
                lot: LotModel(lot, partyNames: parties), actionBase: "\(base)/lots/\(lot.id)",
                bids: bids.map { BidReceiptModel($0, bidderName: parties[$0.partyId] ?? $0.partyId) }, hasBids: !bids.isEmpty,
                ranks: [OptionModel(value: "", label: "不入围", selected: true)]
                    + (1...max(view.rules.maxCandidates, 1)).map { OptionModel(value: String($0), label: "第\($0)名", selected: false) },
                candidateRanks: candidateRanks, suggestedPublicityUntil: suggestions.publicity
            ))
        }
        let phases = view.lots.compactMap { TenderPhase(rawValue: $0.phase) }
        return ManageProjectPageModel(
            page: chrome, project: ProjectSummaryModel(view, catalog: catalog), lots: lots,
            documents: view.documents.map(DocumentModel.init), hasDocuments: !view.documents.isEmpty, canManage: canManage,
            canAnnounce: canManage && phases.contains(.draft), canClarify: canManage && phases.contains(.announced),
            canTerminate: canManage && phases.contains { $0.isTerminable }, actionBase: base,
            suggestedBidDeadline: suggestions.bidDeadline, suggestedDocumentsUntil: suggestions.documentsUntil,
            rulesSummary: CatalogEntryPageModel.summary(view.rules)
        )
    }

    func bidPage(_ view: ProjectView, actor: Actor, chrome: PageChrome, receipt: String?) async throws -> BidProjectPageModel {
        let catalog = try await self.catalogByCode()
        let parties = try await self.partyNames(LotModel.partyIDs(view.lots))
        let registrations = try await self.platform.bidding.registrations(of: actor, lotIDs: view.lots.map(\.id))
        var lots: [BidProjectPageModel.Lot] = []
        for lot in view.lots {
            let receipts = try await self.platform.bidding.bids(projectID: view.id, lotID: lot.id, for: actor).map { BidReceiptModel($0, highlighted: receipt) }
            let registration = registrations[lot.id]
            lots.append(.init(
                lot: LotModel(lot, partyNames: parties), actionBase: "/workspace/projects/\(view.id)/lots/\(lot.id)",
                acceptsBids: lot.phase == TenderPhase.announced.rawValue, registered: registration != nil,
                registeredDeposit: registration.map { ["paid": "已缴纳保证金", "guarantee": "以保函提交保证金", "none": "无需保证金"][$0.deposit] ?? $0.deposit },
                depositOptions: BidProjectPageModel.depositOptions(required: lot.depositFen > 0),
                receipts: receipts, hasReceipts: !receipts.isEmpty, hasActiveBid: receipts.contains { $0.active }
            ))
        }
        return BidProjectPageModel(
            page: chrome, project: ProjectSummaryModel(view, catalog: catalog), lots: lots,
            documents: view.documents.map(DocumentModel.init), hasDocuments: !view.documents.isEmpty,
            serverTime: StatutoryChecks.localText(self.platform.clock.now())
        )
    }
}
