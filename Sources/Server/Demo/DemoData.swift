import Foundation
import SQLKit
import Storage
import TradingCore

/// 演示数据 — a trading centre, enterprises with valid credit codes, an account per role, and projects in
/// several states, all made through the same services (so every step is in the witness log), with the clock
/// turned back so that the earlier tenders have run their statutory periods.
public enum DemoData {
    public static let password = "yiwang-demo"

    public static let accountsHelp = [
        "demo accounts (password \(password)): admin (交易中心), tenderer (招标人), agency (代理机构), bidder1…bidder4 (投标人), expert (评标专家), custodian (开标密钥保管人), regulator (监管部门)",
    ]

    /// Seeds the demo when no project exists yet; returns whether it did.
    @discardableResult
    public static func seedIfEmpty(_ live: Platform) async throws -> Bool {
        let projects = try await live.engine.read { db in
            try await db.raw("SELECT COUNT(*) AS n FROM projects").first()?.decode(column: "n", as: Int64.self) ?? 0
        }
        guard projects == 0 else { return false }
        let realNow = live.clock.now()
        let clock = ManualClock(realNow.addingTimeInterval(-45 * 86_400))
        let platform = Platform(engine: live.engine, files: live.files, clock: clock, calendar: live.calendar, settings: live.settings, logger: live.logger, log: live.log)
        let people = try await Self.people(platform)
        // A: engineering tender, awarded and under contract.
        try await Self.tender(platform, clock, people, title: "城东片区道路绿化提升改造工程施工", catalog: "engineering.open-tender", region: "厦门市思明区",
                              estimate: 1_280_000_000, bids: [1_210_000_000, 1_188_000_000, 1_236_500_000], through: .contracted)
        // B: procurement, candidates under publicity.
        clock.set(realNow.addingTimeInterval(-23 * 86_400))
        try await Self.tender(platform, clock, people, title: "市公共资源交易中心信息化运维服务采购", catalog: "procurement.open-tender", region: "厦门市",
                              estimate: 3_600_000_00, bids: [3_380_000_00, 3_450_000_00, 3_299_000_00], through: .candidatesPublished)
        // C: inquiry that failed with too few bids (流标).
        clock.set(realNow.addingTimeInterval(-12 * 86_400))
        try await Self.tender(platform, clock, people, title: "办公家具询价采购", catalog: "procurement.inquiry", region: "厦门市湖里区",
                              estimate: 45_000_000, bids: [43_000_000, 44_500_000], through: .failed)
        // D: engineering tender open for bids.
        clock.set(realNow.addingTimeInterval(-3 * 86_400))
        try await Self.tender(platform, clock, people, title: "第二中学体育馆新建工程施工总承包", catalog: "engineering.open-tender", region: "厦门市集美区",
                              estimate: 5_600_000_000, bids: [5_480_000_000], through: .announced)
        // E, F: property transfer and land listing announced; G: an asset auction still in draft.
        clock.set(realNow.addingTimeInterval(-1 * 86_400))
        try await Self.tender(platform, clock, people, title: "市属国有企业闲置办公楼产权转让", catalog: "property.online-auction", region: "厦门市",
                              estimate: 2_350_000_000, bids: [], through: .announced)
        try await Self.tender(platform, clock, people, title: "同安区工业用地使用权挂牌出让", catalog: "land.listing", region: "厦门市同安区",
                              estimate: 18_000_000_000, bids: [], through: .announced)
        try await Self.tender(platform, clock, people, title: "公交场站广告位经营权网络竞价", catalog: "assets.online-auction", region: "厦门市",
                              estimate: 120_000_000, bids: [], through: .draft)
        try await Self.sealedTenders(platform, clock, people, realNow: realNow)
        try await Self.auctions(platform, clock, people, realNow: realNow)
        try await Self.connectedPlatform(live, realNow: realNow)
        return true
    }

    struct People {
        var tenderer: Actor
        var bidders: [Actor]
    }

    static func people(_ platform: Platform) async throws -> People {
        let accounts = platform.accounts
        let tenderer = try await accounts.registerEnterprise(.init(name: "厦门市市政建设开发中心", creditCode: CreditCode.completing("9135020015500001")!, username: "tenderer", password: password, role: "tenderer"))
        _ = try await accounts.registerEnterprise(.init(name: "鹭岛招标代理有限公司", creditCode: CreditCode.completing("9135020015500002")!, username: "agency", password: password, role: "agency"))
        let names = ["厦门鹭江建设集团有限公司", "福建闽南路桥工程有限公司", "厦门海湾园林绿化有限公司", "泉州东方建工集团有限公司"]
        var bidders: [Actor] = []
        for (index, name) in names.enumerated() {
            let registered = try await accounts.registerEnterprise(.init(name: name, creditCode: CreditCode.completing("91350200155001\(10 + index)")!, username: "bidder\(index + 1)", password: password, role: "bidder"))
            bidders.append(Self.actor(registered.account))
        }
        for (username, role, name) in [("expert", Role.expert, "评标专家（演示）"), ("custodian", .custodian, "开标密钥保管人（演示）"), ("regulator", .regulator, "市公共资源交易监督管理局")] {
            _ = try await accounts.createAccount(username: username, password: password, role: role, partyID: nil, displayName: name, by: .system)
        }
        return People(tenderer: Self.actor(tenderer.account), bidders: bidders)
    }

    static func actor(_ view: AccountView) -> Actor {
        Actor(accountID: view.id, username: view.username, role: Role(rawValue: view.role) ?? .bidder, partyID: view.partyId, displayName: view.displayName)
    }

    /// Runs one project from creation to `through`, advancing the demo clock as the statutory periods require.
    static func tender(_ platform: Platform, _ clock: ManualClock, _ people: People, title: String, catalog: String, region: String,
                       estimate: Int64, bids: [Int64], through: TenderPhase) async throws {
        let entry = try await platform.catalog.entry(catalog)
        let deposit = min(entry.rules.depositCap(estimate: Money(fen: estimate)).fen, estimate / 100)
        var project = try await platform.tenders.create(.init(
            title: title, description: "\(title)。本项目为演示数据。", catalogCode: catalog, region: region, funding: "财政资金",
            lots: [.init(title: "标段一", estimateFen: estimate, depositFen: deposit)]
        ), by: people.tenderer)
        _ = try await platform.documents.attachToProject(projectID: project.id, kind: "tender", filename: "招标文件.pdf", bytes: Array("演示招标文件：\(title)".utf8), by: people.tenderer)
        guard through != .draft else { return }
        let rules = entry.rules
        let deadlineDay = platform.calendar.lastDay(of: rules.minBidPeriod, rules.minBidPeriodUnit, from: LocalDate(clock.now())).adding(days: 1)
        let documentsDay = platform.calendar.lastDay(of: rules.minDocumentPeriod, rules.minDocumentPeriodUnit, from: LocalDate(clock.now()))
        let deadline = platform.calendar.workingDay(onOrAfter: deadlineDay).startInstant.addingTimeInterval(9.5 * 3600)
        let documentsUntil = min(documentsDay.endInstant.addingTimeInterval(-1), deadline)
        project = try await platform.tenders.announce(projectID: project.id, bidDeadline: deadline, documentsUntil: documentsUntil, by: people.tenderer)
        let lotID = project.lots[0].id
        clock.advance(by: 2 * 86_400)
        for (index, price) in bids.enumerated() {
            _ = try await platform.bidding.register(projectID: project.id, lotID: lotID, deposit: "guarantee", by: people.bidders[index])
            _ = try await platform.bidding.submit(projectID: project.id, lotID: lotID, priceFen: price, filename: "投标文件.pdf",
                                                  bytes: Array("演示投标文件 \(index + 1)：报价\(price)分".utf8), by: people.bidders[index])
        }
        guard through != .announced else { return }
        clock.set(deadline.addingTimeInterval(60))
        project = try await platform.bidding.open(projectID: project.id, lotID: lotID, by: people.tenderer)
        guard through != .failed, through != .opened else { return }
        let active = try await platform.bidding.bids(projectID: project.id, lotID: lotID, for: people.tenderer).sorted { $0.priceFen < $1.priceFen }
        clock.advance(by: 86_400)
        _ = try await platform.tenders.recordResult(projectID: project.id, lotID: lotID, ranking: active.enumerated().map { ($1.bidId, $0 + 1, nil) }, by: people.tenderer)
        let until = platform.calendar.endOfPeriod(3, .days, from: clock.now())
        _ = try await platform.tenders.lotEvent(projectID: project.id, lotID: lotID, .publishCandidates(until: until), logType: "lot.candidates-published", by: people.tenderer)
        guard through != .candidatesPublished else { return }
        clock.set(until.addingTimeInterval(3600))
        _ = try await platform.tenders.lotEvent(projectID: project.id, lotID: lotID, .award(rank: 1, passedOverReason: nil), logType: "lot.awarded", by: people.tenderer)
        guard through != .awarded else { return }
        clock.advance(by: 5 * 86_400)
        _ = try await platform.tenders.lotEvent(projectID: project.id, lotID: lotID, .signContract, logType: "lot.contract-signed", by: people.tenderer)
    }
}
