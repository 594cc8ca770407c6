import ExpertDraw
import Foundation
import SQLKit
import Storage
import TradingCore

/// 专家抽取 — the verifiable draw of a lot's committee (algorithm v1, DESIGN.md) run by the platform.
///
/// 1. ``request(projectID:lotID:_:by:)`` checks the committee (RULES.md), builds the pool and the exclusions
///    (automatic conflicts of interest and manual ones with a reason), and logs the commitment.
/// 2. Named parties reveal their contributions (``reveal(projectID:lotID:drawID:party:value:by:)``) before the beacon round.
/// 3. ``draw(projectID:lotID:drawID:beacon:by:)`` records the beacon round as given, draws, and logs only the seed and
///    the salted result hash; drawn experts are notified and accept or decline (a decline takes the next reserve).
/// 4. Names and the bundle go to the operator once the lot is opened (evaluation) and to everyone after the award.
public struct ExpertDrawService: Sendable {
    let platform: Platform

    /// One category of a draw request: a specialty code (any code at any level) and how many experts.
    public struct CategoryRequest: Sendable, Codable {
        /// A specialty code.
        public var code: String
        /// Experts to draw for it.
        public var count: Int
    }

    /// A manual exclusion with its reason.
    public struct ManualExclusion: Sendable, Codable {
        /// The expert's registry id (must be in the pool).
        public var expertId: String
        /// Why, in words the public reads after the award.
        public var reason: String
    }

    /// What the tenderer, the agency or the operator asks for: categories and counts, the representatives who
    /// complete the committee, the randomness to come, manual exclusions and the supervising departments.
    public struct DrawRequest: Sendable, Codable {
        /// Categories in draw order, with counts.
        public var categories: [CategoryRequest]
        /// 招标人代表 completing the committee (default 0).
        public var representatives: Int?
        /// Selected experts per organisation at most (default 1).
        public var maxPerOrganisation: Int?
        /// Reserves listed per category (default 3).
        public var reserve: Int?
        /// The future beacon round; omit only when at least two parties contribute.
        public var beacon: BeaconReference?
        /// Named parties' commitments (SHA-256 of the values they will reveal).
        public var contributions: [ContributionCommitment]?
        /// Manual exclusions with reasons.
        public var exclusions: [ManualExclusion]?
        /// The project's supervising departments (their staff stand aside).
        public var supervisors: [Organisation]?
        /// 87§47: technically complex or of wide social impact (seven members).
        public var largeProject: Bool?
    }

    /// The beacon network name used when a draw relies on commit-reveal contributions alone.
    public static let noBeacon = "none"

    /// Phases in which a lot's committee may be drawn.
    static let drawablePhases: Set<TenderPhase> = [.announced, .biddingClosed, .opened]

    /// Checks the request and logs the draw's commitment (pool root, exclusions root, rules, beacon round, parties).
    public func request(projectID: String, lotID: String, _ form: DrawRequest, by actor: Actor) async throws -> DrawView {
        let platform = self.platform
        let now = platform.clock.now()
        let today = LocalDate(now)
        let (project, lot) = try await self.projectAndLot(projectID, lotID, by: actor, runnerOnly: true)
        let rules = try Self.rules(form)
        try await self.checkCommittee(form, project: project, lot: lot)
        let beacon = try Self.beacon(form, now: now)
        guard Self.drawablePhases.contains(TenderPhase(rawValue: lot.phase) ?? .draft) else {
            throw TradingError.conflict("draw-wrong-state", zh: "标段当前状态不能抽取专家", en: "Experts cannot be drawn for this lot in its current state")
        }
        let drawID = "DRAW-\(project.dealCode)-\(lot.number)-\(Identifiers.make().prefix(8))"
        // The pool snapshot is read outside the write transaction (a large registry must not hold the writer).
        let (pool, exclusions) = try await platform.engine.read { db in
            let pool = try await PoolBuilder(categories: form.categories.map(\.code), date: today).pool(on: db)
            return (pool.entries, try await Self.exclusions(form, pool: pool, project: project, lotID: lotID, date: today, on: db))
        }
        try Self.checkSupply(pool: pool, exclusions: exclusions, rules: rules)
        let commitment: DrawCommitment
        do throws(DrawError) {
            commitment = try ExpertDraw.commit(
                drawID: drawID, pool: pool, exclusions: exclusions, rules: rules, beacon: beacon, contributions: form.contributions ?? []
            )
        } catch { throw Self.refusal(error) }
        let row = try await platform.engine.transaction { db in
            let active = try await db.rows("SELECT id FROM expert_draws WHERE lot_id = \(bind: lotID)", as: IDRow.self)
            guard active.isEmpty else {
                throw TradingError.conflict("draw-exists", zh: "该标段已有专家抽取", en: "This lot already has an expert draw")
            }
            let position = try await LogRecords.append(
                LogEvent(type: "expert.draw-committed", project: project.id, lot: lotID, actor: actor.logName, time: now, data: [
                    "draw": drawID, "poolRoot": commitment.poolRoot.hex, "poolSize": String(commitment.poolSize),
                    "exclusionsRoot": commitment.exclusionsRoot.hex, "exclusionCount": String(commitment.exclusionCount),
                    "rules": commitment.rulesCanonical, "beacon": "\(beacon.network) \(beacon.round)",
                    "contributions": commitment.contributions.map { "\($0.party):\($0.commitment.hex)" }.joined(separator: ","),
                ]),
                on: db
            )
            let row = ExpertDrawRow(
                id: drawID, projectId: project.id, lotId: lotID, status: "committed", request: try Self.json(form), pool: try Self.json(pool),
                exclusions: try Self.json(exclusions), commitment: try Self.json(commitment), createdBy: actor.accountID,
                createdAt: platform.nowMillis(), logIndex: position.index
            )
            try await db.insert("expert_draws", row)
            for (index, contribution) in commitment.contributions.enumerated() {
                try await db.insert("draw_contributions", DrawContributionRow(
                    drawId: drawID, party: contribution.party, position: Int64(index), commitment: contribution.commitment.hex
                ))
            }
            return row
        }
        return try await self.view(projectID: projectID, lotID: lotID, drawID: row.id, for: actor)
    }

    // MARK: checks

    static func rules(_ form: DrawRequest) throws -> DrawRules {
        guard !form.categories.isEmpty else {
            throw TradingError.invalid("draw-categories", zh: "请至少指定一个专业类别", en: "Name at least one category")
        }
        for category in form.categories {
            guard ExpertService.specialties.contains(category.code) else {
                throw TradingError.invalid("draw-category", zh: "专业代码\(category.code)不在专业分类目录中", en: "Specialty code \(category.code) is not in the specialty list")
            }
            guard (1...99).contains(category.count) else {
                throw TradingError.invalid("draw-count", zh: "每个类别抽取1至99人", en: "Draw 1–99 experts per category")
            }
        }
        let rules = DrawRules(
            order: form.categories.map(\.code), quota: Dictionary(form.categories.map { ($0.code, $0.count) }, uniquingKeysWith: { $0 + $1 }),
            maxPerOrganisation: form.maxPerOrganisation ?? 1, reserve: form.reserve ?? 3
        )
        do throws(DrawError) { try rules.validate() } catch { throw Self.refusal(error) }
        return rules
    }

    /// 评标委员会 — the committee the request would seat, checked against RULES.md before anything is drawn.
    func checkCommittee(_ form: DrawRequest, project: ProjectRow, lot: LotRow) async throws {
        let entry = try await self.platform.catalog.entry(project.catalogCode)
        let rule = Self.committeeRule(tradingType: entry.tradingType, procedure: entry.procedure)
        let experts = form.categories.reduce(0) { $0 + $1.count }
        let representatives = form.representatives ?? 0
        guard representatives >= 0 else {
            throw TradingError.invalid("draw-representatives", zh: "招标人代表人数不能为负", en: "Representatives cannot be negative")
        }
        let members = (0..<experts).map { CommitteeMember(id: "expert-\($0)", name: "expert \($0 + 1)", role: .expert(.drawn(drawID: "pending"))) }
            + (0..<representatives).map { CommitteeMember(id: "representative-\($0)", name: "representative \($0 + 1)", role: .representative) }
        try EvaluationCommittee(members: members).check(rule, budget: Money(fen: lot.estimateFen), largeProject: form.largeProject ?? false)
    }

    /// The statutory composition rule for a procedure: panels for negotiation, consultation and inquiry, the
    /// procurement committee (≥ 7 from 10 M yuan) for procurement, the tender committee otherwise.
    static func committeeRule(tradingType: String, procedure: String) -> CommitteeRule {
        if ["negotiation", "consultation", "inquiry", "single-source"].contains(procedure) { return .procurementPanel }
        return tradingType == "procurement" ? .procurementTender : .engineeringTender
    }

    static func beacon(_ form: DrawRequest, now: Date) throws -> BeaconReference {
        guard let beacon = form.beacon else {
            guard (form.contributions ?? []).count >= 2 else {
                throw TradingError.invalid("draw-randomness", zh: "须指定信标轮次，或至少两方承诺随机数", en: "Name a beacon round, or at least two contributing parties")
            }
            return BeaconReference(network: Self.noBeacon, round: 0)
        }
        guard !beacon.network.trimmingCharacters(in: .whitespaces).isEmpty, beacon.network != Self.noBeacon, beacon.round > 0 else {
            throw TradingError.invalid("draw-beacon", zh: "信标网络和轮次无效", en: "The beacon network or round is not valid")
        }
        if beacon.network == DrandChain.quicknet.network, DrandChain.quicknet.time(of: beacon.round) <= Int64(now.timeIntervalSince1970) {
            throw TradingError.invalid(
                "draw-beacon-past", zh: "信标轮次\(beacon.round)已经产生，须指定未来的轮次",
                en: "Beacon round \(beacon.round) has already been emitted; name a future round"
            )
        }
        return beacon
    }

    /// Each category must have enough eligible experts after the exclusions.
    static func checkSupply(pool: [PoolEntry], exclusions: [Exclusion], rules: DrawRules) throws {
        let excluded = Set(exclusions.map(\.id))
        for category in rules.order {
            let eligible = pool.filter { $0.category == category && !excluded.contains($0.id) }.count
            let needed = rules.quota[category] ?? 0
            guard eligible >= needed else {
                throw TradingError.conflict(
                    "draw-pool-too-small", zh: "类别\(category)符合条件的专家只有\(eligible)人，需要\(needed)人",
                    en: "Category \(category) has \(eligible) eligible experts, \(needed) are needed"
                )
            }
        }
    }

    /// Automatic exclusions of the pool's experts (``ConflictCheck``) and the manual ones with their reasons.
    static func exclusions(
        _ form: DrawRequest, pool: PoolBuilder.Pool, project: ProjectRow, lotID: String, date: LocalDate, on db: any SQLDatabase
    ) async throws -> [Exclusion] {
        struct PartyRef: Decodable { var name: String; var creditCode: String? }
        let bidders = try await db.rows(
            "SELECT p.name, p.credit_code FROM registrations r JOIN parties p ON p.id = r.party_id WHERE r.lot_id = \(bind: lotID)", as: PartyRef.self
        )
        let tenderer = try await db.row("SELECT name, credit_code FROM parties WHERE id = \(bind: project.tendererPartyId)", as: PartyRef.self)
        let check = ConflictCheck(
            bidders: bidders.map { Organisation(code: $0.creditCode ?? "", name: $0.name) },
            tenderer: Organisation(code: tenderer?.creditCode ?? "", name: tenderer?.name ?? ""), supervisors: form.supervisors ?? [], date: date
        )
        var reasons: [String: [String]] = [:]
        for (id, profile) in pool.profiles {
            let found = check.reasons(for: profile)
            if !found.isEmpty { reasons[id] = found }
        }
        for manual in form.exclusions ?? [] {
            let reason = manual.reason.trimmingCharacters(in: .whitespacesAndNewlines)
            guard !reason.isEmpty, reason.count <= 500 else {
                throw TradingError.invalid("exclusion-reason", zh: "人工回避须说明理由（不超过500字）", en: "A manual exclusion needs a reason (at most 500 characters)")
            }
            guard pool.profiles[manual.expertId] != nil else {
                throw TradingError.invalid("exclusion-expert", zh: "专家\(manual.expertId)不在本次抽取的专家库中", en: "Expert \(manual.expertId) is not in this draw's pool")
            }
            reasons[manual.expertId, default: []].append("manual: \(reason)")
        }
        return reasons.keys.sorted().map { Exclusion(id: $0, reason: reasons[$0]!.joined(separator: "; ")) }
    }

    static func refusal(_ error: DrawError) -> TradingError {
        switch error {
        case .notOnCommittee, .noReplacement: .conflict("draw-refused", zh: error.chinese, en: error.english)
        default: .invalid("draw-refused", zh: error.chinese, en: error.english)
        }
    }

    static func json(_ value: some Encodable) throws -> String {
        String(decoding: try ExpertService.encoder.encode(value), as: UTF8.self)
    }

    static func decode<T: Decodable>(_ type: T.Type, _ text: String) throws -> T {
        try JSONDecoder().decode(T.self, from: Data(text.utf8))
    }
}

/// 专家库快照 — the pool of one draw: active, available experts under 70 whose specialty lies within a
/// requested category (the first such category in request order), with their employer as organisation.
struct PoolBuilder {
    struct Pool {
        var entries: [PoolEntry]
        var profiles: [String: ExpertProfile]
    }

    let categories: [String]
    let date: LocalDate

    func pool(on db: any SQLDatabase) async throws -> Pool {
        struct Candidate: Decodable { var id: String; var profile: String }
        let rows = try await db.rows("SELECT id, profile FROM experts WHERE status = 'active' AND available = 1 ORDER BY id", as: Candidate.self)
        let catalog = ExpertService.specialties
        var pool = Pool(entries: [], profiles: [:])
        let decoder = JSONDecoder()
        for row in rows {
            let profile = try decoder.decode(ExpertProfile.self, from: Data(row.profile.utf8))
            guard profile.isDrawable(on: self.date) else { continue }
            let category = self.categories.first { category in profile.specialties.contains { catalog.code($0, isWithin: category) } }
            guard let category else { continue }
            pool.entries.append(PoolEntry(id: profile.id, category: category, org: profile.employer.key))
            pool.profiles[profile.id] = profile
        }
        return pool
    }
}
