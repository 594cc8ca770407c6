import Foundation
import SQLKit
import Storage
import TradingCore

/// 招标项目 — creating projects and driving each lot through its ``TenderLifecycle``.
///
/// Every change runs in one transaction that locks the lot, applies the pure state machine, writes the
/// new state and its notices, and appends the event to the witness log.
public struct TenderService: Sendable {
    let platform: Platform

    public struct NewLot: Sendable, Codable {
        public var title: String
        public var estimateFen: Int64
        public var depositFen: Int64
        public init(title: String, estimateFen: Int64, depositFen: Int64) {
            self.title = title
            self.estimateFen = estimateFen
            self.depositFen = depositFen
        }
    }

    public struct NewProject: Sendable, Codable {
        public var title: String
        public var description: String?
        public var catalogCode: String
        public var region: String
        public var funding: String?
        /// For an agency: the tenderer it acts for.
        public var tendererPartyId: String?
        public var lots: [NewLot]
        public init(title: String, description: String? = nil, catalogCode: String, region: String, funding: String? = nil, tendererPartyId: String? = nil, lots: [NewLot]) {
            self.title = title
            self.description = description
            self.catalogCode = catalogCode
            self.region = region
            self.funding = funding
            self.tendererPartyId = tendererPartyId
            self.lots = lots
        }
    }

    /// Creates a draft project with its lots (tenderer, or agency on a tenderer's behalf).
    public func create(_ form: NewProject, by actor: Actor) async throws -> ProjectView {
        guard actor.role.runsProcedures, let partyID = actor.partyID else { throw TradingError.forbidden("只有招标人或代理机构可以创建项目", en: "Only tenderers and agencies create projects") }
        let title = form.title.trimmingCharacters(in: .whitespacesAndNewlines)
        guard (4...200).contains(title.count) else {
            throw TradingError.invalid("project-title", zh: "项目名称应为4至200个字", en: "A project title is 4–200 characters")
        }
        let region = form.region.trimmingCharacters(in: .whitespaces)
        guard (1...64).contains(region.count) else { throw TradingError.invalid("region", zh: "请填写项目所在地区", en: "A region is required") }
        guard (1...50).contains(form.lots.count) else {
            throw TradingError.invalid("lots", zh: "项目应包含1至50个标段", en: "A project has 1–50 lots")
        }
        let entry = try await self.platform.catalog.entry(form.catalogCode)
        guard entry.active else { throw TradingError.invalid("catalog-inactive", zh: "该交易目录条目已停用", en: "This catalog entry is inactive") }
        for lot in form.lots {
            guard (1...200).contains(lot.title.trimmingCharacters(in: .whitespaces).count) else {
                throw TradingError.invalid("lot-title", zh: "标段名称不能为空", en: "A lot needs a title")
            }
            try StatutoryChecks.deposit(Money(fen: lot.depositFen), estimate: Money(fen: lot.estimateFen), rules: entry.rules)
        }
        let tendererID: String
        var agencyID: String?
        if actor.role == .agency {
            guard let tenderer = form.tendererPartyId else {
                throw TradingError.invalid("tenderer", zh: "代理机构须指定委托的招标人", en: "An agency must name the tenderer it acts for")
            }
            tendererID = tenderer
            agencyID = partyID
        } else {
            tendererID = partyID
        }
        let now = self.platform.nowMillis()
        let rules = String(decoding: try JSONEncoder().encode(entry.rules), as: UTF8.self)
        let lifecycle = try Self.encode(TenderLifecycle(rules: entry.rules))
        let project = ProjectRow(
            id: Identifiers.make(), dealCode: Self.dealCode(now: self.platform.clock.now()), title: title,
            description: form.description ?? "", catalogCode: entry.code, tradingType: entry.tradingType, region: region,
            funding: form.funding ?? "", tendererPartyId: tendererID, agencyPartyId: agencyID, createdBy: actor.accountID,
            createdAt: now, rules: rules, published: 0
        )
        let lots = form.lots.enumerated().map { index, lot in
            LotRow(
                id: Identifiers.make(), projectId: project.id, number: Int64(index + 1), title: lot.title.trimmingCharacters(in: .whitespaces),
                estimateFen: lot.estimateFen, depositFen: lot.depositFen, currency: "CNY", phase: TenderPhase.draft.rawValue,
                lifecycle: lifecycle, bidDeadline: nil, updatedAt: now
            )
        }
        let position = try await self.platform.engine.transaction { db in
            guard try await db.row("SELECT id FROM parties WHERE id = \(bind: tendererID)", as: IDRow.self) != nil else {
                throw TradingError.invalid("tenderer", zh: "招标人不存在", en: "The tenderer does not exist")
            }
            try await db.insert("projects", project)
            for lot in lots { try await db.insert("lots", lot) }
            return try await LogRecords.append(
                LogEvent(type: "project.created", project: project.id, actor: actor.logName, time: self.platform.clock.now(),
                         data: ["dealCode": project.dealCode, "catalog": entry.code, "lots": String(lots.count)]),
                on: db
            )
        }
        var view = try await self.project(project.id, for: actor)
        view.logIndex = position.index
        return view
    }

    /// Publishes the tender notice: checks the periods of RULES.md and each lot's deposit, then opens bidding.
    public func announce(projectID: String, bidDeadline: Date, documentsUntil: Date, by actor: Actor) async throws -> ProjectView {
        try await self.changeProject(projectID, by: actor, logType: "project.announced") { db, project, lots in
            let amounts = lots.map { LotAmounts(estimate: Money(fen: $0.row.estimateFen), deposit: Money(fen: $0.row.depositFen)) }
            var effects: [TenderEffect] = []
            for index in lots.indices {
                effects = try lots[index].lifecycle.handle(
                    .announce(bidDeadline: bidDeadline, documentsUntil: documentsUntil, lots: [amounts[index]]),
                    now: self.platform.clock.now(), calendar: self.platform.calendar
                )
            }
            try await db.raw("UPDATE projects SET published = 1 WHERE id = \(bind: project.id)").run()
            var data = ["bidDeadline": Timestamps.rfc3339(bidDeadline), "documentsUntil": Timestamps.rfc3339(documentsUntil)]
            if let threshold = project.sealingThreshold {
                // The custodians' public keys and k are logged with the notice (DESIGN.md, sealed bids step 1).
                data["threshold"] = String(threshold)
                data["custodians"] = SealedBiddingService.panelText(try await SealedBiddingService.panel(projectID: project.id, on: db))
            }
            return (effects, data, nil)
        }
    }

    /// Publishes a clarification or amendment (澄清/修改); one that affects bids close to the deadline moves it (条例21).
    public func clarify(projectID: String, title: String, body: String, affectsBids: Bool, by actor: Actor) async throws -> ProjectView {
        let text = body.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !text.isEmpty, text.count <= 20_000 else {
            throw TradingError.invalid("clarification-body", zh: "澄清内容不能为空且不超过20000字", en: "A clarification needs 1–20,000 characters of text")
        }
        return try await self.changeProject(projectID, by: actor, logType: "project.clarified") { _, _, lots in
            var effects: [TenderEffect] = []
            for index in lots.indices {
                effects = try lots[index].lifecycle.handle(.clarify(affectsBids: affectsBids), now: self.platform.clock.now(), calendar: self.platform.calendar)
            }
            let cleanTitle = title.trimmingCharacters(in: .whitespaces)
            return (effects, ["affectsBids": affectsBids ? "true" : "false"], NoticeText(title: cleanTitle.isEmpty ? nil : cleanTitle, body: text))
        }
    }

    /// Terminates every lot that can still be terminated (终止), publishing a termination notice.
    public func terminate(projectID: String, reason: String, by actor: Actor) async throws -> ProjectView {
        let reason = reason.trimmingCharacters(in: .whitespacesAndNewlines)
        return try await self.changeProject(projectID, by: actor, logType: "project.terminated") { _, _, lots in
            var effects: [TenderEffect] = []
            var terminated = 0
            for index in lots.indices where lots[index].lifecycle.phase.isTerminable {
                effects = try lots[index].lifecycle.handle(.terminate(reasonZh: reason, reasonEn: reason), now: self.platform.clock.now(), calendar: self.platform.calendar)
                terminated += 1
            }
            guard terminated > 0 else {
                throw TradingError.conflict("not-terminable", zh: "项目各标段均已定标或结束，不能终止", en: "Every lot is already awarded or closed")
            }
            return (effects, ["reason": reason], NoticeText(title: nil, body: reason))
        }
    }

    /// Applies one lot event that the tenderer or agency drives (result, publicity, award, contract, archive, re-tender).
    public func lotEvent(projectID: String, lotID: String, _ event: TenderEvent, logType: String, data: [String: String] = [:], by actor: Actor) async throws -> ProjectView {
        let position = try await self.changeLot(projectID: projectID, lotID: lotID, by: actor, logType: logType) { db, _, lot in
            if case .award(let rank, _) = event, let candidate = lot.lifecycle.candidates.first(where: { $0.rank == rank }) {
                try await CreditService.check(partyID: candidate.partyID, at: .award, projectID: projectID, lotID: lotID, platform: self.platform, on: db)
            }
            let effects = try lot.lifecycle.handle(event, now: self.platform.clock.now(), calendar: self.platform.calendar)
            return (effects, data)
        }
        var view = try await self.project(projectID, for: actor)
        view.logIndex = position.index
        return view
    }

    /// Records the evaluation result entered by hand: ranked bids of this lot. Only for lots without a drawn
    /// committee; a lot with one is ranked by its signed evaluation report (``EvaluationService``).
    public func recordResult(projectID: String, lotID: String, ranking: [(bidID: String, rank: Int, scoreCentiPoints: Int64?)], by actor: Actor) async throws -> ProjectView {
        let position = try await self.changeLot(projectID: projectID, lotID: lotID, by: actor, logType: "lot.result-recorded") { db, project, lot in
            guard try await EvaluationService.drawnDraw(lotID: lot.row.id, on: db) == nil else {
                throw TradingError.conflict(
                    "evaluation-required", zh: "本标段已抽取评标委员会，排序由评标委员会签署的评标报告确定，不能手工录入",
                    en: "This lot has a drawn committee: its ranking comes from the signed evaluation report, not from manual entry", article: "条例53"
                )
            }
            var candidates: [TenderCandidate] = []
            for entry in ranking {
                guard let bid = try await db.row(
                    "SELECT * FROM bids WHERE id = \(bind: entry.bidID) AND lot_id = \(bind: lot.row.id) AND status = 'active'", as: BidRow.self
                ) else {
                    throw TradingError.invalid("candidate-bid", zh: "候选人对应的投标不存在或已撤回", en: "A candidate's bid does not exist in this lot or was withdrawn")
                }
                candidates.append(TenderCandidate(rank: entry.rank, bidID: bid.id, partyID: bid.partyId, price: Money(fen: bid.priceFen, currency: bid.currency), scoreCentiPoints: entry.scoreCentiPoints))
            }
            let effects = try lot.lifecycle.handle(.recordResult(candidates), now: self.platform.clock.now(), calendar: self.platform.calendar)
            try await SupervisionService.screen(project: project, lotID: lot.row.id, stage: "result", winnerBidID: candidates.min { $0.rank < $1.rank }?.bidID, platform: self.platform, on: db)
            let summary = candidates.sorted { $0.rank < $1.rank }.map { "\($0.rank):\($0.bidID)" }.joined(separator: ",")
            return (effects, ["ranking": summary])
        }
        var view = try await self.project(projectID, for: actor)
        view.logIndex = position.index
        return view
    }

    static func dealCode(now: Date) -> String {
        let date = LocalDate(now)
        let suffix = UUID().uuidString.replacingOccurrences(of: "-", with: "").prefix(10).uppercased()
        return String(format: "YW%04d%02d%02d", date.year, date.month, date.day) + suffix
    }

    static func encode(_ lifecycle: TenderLifecycle) throws -> String {
        String(decoding: try JSONEncoder().encode(lifecycle), as: UTF8.self)
    }

    static func decode(_ text: String) throws -> TenderLifecycle {
        try JSONDecoder().decode(TenderLifecycle.self, from: Data(text.utf8))
    }
}
