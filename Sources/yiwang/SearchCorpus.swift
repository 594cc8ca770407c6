import Foundation
import SQLKit
import Server
import Storage
import TradingCore

/// Generated notices for `bench search`: titles and bodies drawn from words of real notices, so that common words
/// (招标, 工程) match most notices and rare phrases few, across five trading types and a spread of regions.
struct SearchCorpus {
    static let words = [
        "招标", "公告", "工程", "施工", "采购", "项目", "道路", "绿化", "改造", "维修", "监理", "设计", "服务", "设备", "学校",
        "医院", "桥梁", "隧道", "管廊", "照明", "排水", "污水", "供水", "燃气", "电力", "通信", "信息", "系统", "软件", "运维",
        "物业", "保洁", "安保", "食堂", "车辆", "租赁", "家具", "办公", "耗材", "药品", "器械", "检测", "测绘", "勘察", "咨询",
        "造价", "审计", "评估", "培训", "印刷", "广告", "展览", "绿地", "公园", "广场", "河道", "堤防", "水库", "泵站", "码头",
        "港口", "机场", "铁路", "公路", "轨道", "地铁", "停车", "充电", "光伏", "储能", "节能", "环保", "垃圾", "餐厨", "消防",
        "应急", "防汛", "抗旱", "农业", "林业", "渔业", "畜牧", "种子", "化肥", "土地", "整治", "复垦", "出让", "挂牌", "拍卖",
        "产权", "股权", "资产", "房屋", "厂房", "仓库", "商铺", "住宅", "安置", "保障", "棚户", "老旧", "小区", "提升", "新建",
        "扩建", "续建", "装修", "幕墙", "钢结构", "智能化", "弱电", "空调", "电梯", "锅炉", "管网", "路灯", "标志", "标线",
    ]
    static let regions = ["思明区", "湖里区", "集美区", "海沧区", "同安区", "翔安区"]
    static let types = ["engineering", "procurement", "property", "land", "assets"]
    let seed: UInt64

    /// Inserts `count` notices (and their index rows) under one published project, in transactions of 2,000 notices.
    func fill(_ platform: Platform, count: Int) async throws {
        let projectID = try await Self.project(platform)
        var generator = SplitMix64(seed: self.seed)
        let start = Timestamps.millis(Date()) - Int64(count) * 1_000
        let progress = ProgressBar()
        for batch in stride(from: 0, to: count, by: 2_000) {
            var rows: [NoticeRow] = []
            for index in batch..<min(batch + 2_000, count) {
                let pick = { (generator: inout SplitMix64) in Self.words[Int(generator.next() % UInt64(Self.words.count))] }
                let region = Self.regions[Int(generator.next() % UInt64(Self.regions.count))]
                let title = "\(region)\(pick(&generator))\(pick(&generator))\(pick(&generator))项目招标公告"
                let body = (0..<14).map { _ in pick(&generator) }.joined(separator: index % 2 == 0 ? "" : "，")
                rows.append(NoticeRow(
                    id: String(format: "bench-%08d", index), projectId: projectID, lotId: nil, kind: "announcement", title: title,
                    body: "项目名称：\(title)。项目概况：\(body)。", tradingType: Self.types[index % Self.types.count], region: region,
                    publishedAt: start + Int64(index) * 1_000, endsAt: nil
                ))
            }
            let batchRows = rows
            try await platform.engine.transaction { db in
                for chunk in stride(from: 0, to: batchRows.count, by: 500) {
                    var query = SQLQueryString("INSERT INTO notices (id, project_id, lot_id, kind, title, body, trading_type, region, published_at, ends_at) VALUES ")
                    for (position, row) in batchRows[chunk..<min(chunk + 500, batchRows.count)].enumerated() {
                        query = query + (position == 0 ? "" : ", ")
                            + "(\(bind: row.id), \(bind: row.projectId), NULL, \(bind: row.kind), \(bind: row.title), \(bind: row.body), \(bind: row.tradingType), \(bind: row.region), \(bind: row.publishedAt), NULL)"
                    }
                    try await db.raw(query).run()
                }
                try await NoticeSearch.index(batchRows, on: db)
            }
            progress.update(Double(batch + batchRows.count) / Double(count), "\(batch + batchRows.count) notices")
        }
        progress.finish()
        // what autovacuum (PostgreSQL) or `PRAGMA optimize` (SQLite) would do on a live database after a bulk load
        try await platform.engine.transaction { db in try await db.raw("ANALYZE").run() }
    }

    /// How many generated notices the database already holds.
    static func count(_ platform: Platform) async throws -> Int {
        try await platform.engine.read { db in
            try await db.raw("SELECT COUNT(*) AS n FROM notices WHERE id LIKE 'bench-%'").first()?.decode(column: "n", as: Int.self) ?? 0
        }
    }

    /// One published project the notices belong to (notices reference a project).
    static func project(_ platform: Platform) async throws -> String {
        let party = try await platform.accounts.createParty(name: "压测招标人", kind: "enterprise", creditCode: nil, by: .system)
        let account = try await platform.accounts.createAccount(username: "bench-search", password: "bench-password", role: .tenderer, partyID: party.id, displayName: "压测招标人", by: .system)
        let actor = Actor(accountID: account.id, username: account.username, role: .tenderer, partyID: party.id, displayName: "压测招标人")
        let project = try await platform.tenders.create(.init(
            title: "压测：公告检索", catalogCode: "engineering.open-tender", region: "压测", lots: [.init(title: "标段一", estimateFen: 100_000_000, depositFen: 0)]
        ), by: actor)
        return project.id
    }

    /// A query of the mix: common two-character words, phrases, rare pairs, two phrases, a single character, with and
    /// without a trading-type filter.
    static func query(using generator: inout SplitMix64) -> (String, String?) {
        let pick = { (generator: inout SplitMix64) in Self.words[Int(generator.next() % UInt64(Self.words.count))] }
        let filter = generator.next() % 3 == 0 ? Self.types[Int(generator.next() % UInt64(Self.types.count))] : nil
        switch generator.next() % 6 {
        case 0: return (pick(&generator), filter)                                   // 道路
        case 1: return (pick(&generator) + pick(&generator), filter)                // 道路绿化
        case 2: return (pick(&generator) + " " + pick(&generator), filter)          // 道路 绿化
        case 3: return (pick(&generator) + pick(&generator) + pick(&generator), filter)
        case 4: return (Self.regions[Int(generator.next() % UInt64(Self.regions.count))] + pick(&generator), filter)
        default: return (String(pick(&generator).prefix(1)), filter)               // one character: scans newest first
        }
    }
}
