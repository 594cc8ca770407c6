import Foundation
import SQLKit
import Storage
import TradingCore

/// 一屏管交易 — the regulator's screen: the measures the README defines, for the lots announced in a period, overall,
/// by trading type and by month, with the alerts raised in the period by type.
public struct SupervisionScreen: Sendable, Codable, Equatable {
    /// The measures of one group of lots (see the README for each definition).
    public struct Measures: Sendable, Codable, Equatable {
        /// Lots whose tender notice was published in the period.
        public var lots = 0
        /// Of them, lots opened (not failed or terminated).
        public var opened = 0
        /// Of them, lots awarded.
        public var awarded = 0
        /// Opened lots whose bids were all received and opened on the platform / opened lots.
        public var electronicRate: Double?
        /// Opened lots with sealed envelopes and remote opening (不见面开标) / opened lots.
        public var remoteOpeningRate: Double?
        /// Notices published / notices the lots' phases require.
        public var disclosureRate: Double?
        /// Mean active bids per opened lot.
        public var biddersPerTender: Double?
        /// (Σ estimate − Σ awarded price) / Σ estimate over awarded lots.
        public var savingsRate: Double?
        /// Days from the tender notice to the award: mean and median over awarded lots.
        public var cycleDaysMean: Double?
        public var cycleDaysMedian: Double?
    }

    /// One row of a breakdown.
    public struct Group: Sendable, Codable, Equatable {
        /// The trading type code or the month (`YYYY-MM`).
        public var key: String
        /// The label shown.
        public var labelZh: String
        /// The group's measures.
        public var measures: Measures
    }

    /// A count of alerts with one flag code.
    public struct AlertCount: Sendable, Codable, Equatable {
        /// The flag code.
        public var code: String
        /// How many alerts.
        public var count: Int
    }

    /// First local day of the period.
    public var from: String
    /// Last local day of the period.
    public var to: String
    /// The trading type filtered on, if any.
    public var tradingType: String?
    /// Every lot of the period.
    public var overall: Measures
    /// By trading type.
    public var byTradingType: [Group]
    /// By month of the tender notice.
    public var byMonth: [Group]
    /// Alerts raised in the period, by code.
    public var alertsByType: [AlertCount]
}

extension SupervisionService {
    /// The screen for lots announced from `from` through `to` (local days, inclusive), optionally of one trading type.
    public func screen(from: LocalDate, to: LocalDate, tradingType: String?, by actor: Actor) async throws -> SupervisionScreen {
        try Self.checkRegulator(actor)
        guard from <= to else { throw TradingError.invalid("screen-period", zh: "起始日期不能晚于结束日期", en: "from must not be after to") }
        let start = Timestamps.millis(from.startInstant)
        let end = Timestamps.millis(to.adding(days: 1).startInstant)
        struct LotFact: Decodable { var id: String; var projectId: String; var tradingType: String; var tradingTypeZh: String?; var estimateFen: Int64; var phase: String; var lifecycle: String; var sealingThreshold: Int64? }
        struct NoticeFact: Decodable { var projectId: String; var lotId: String?; var kind: String; var publishedAt: Int64 }
        struct Count: Decodable { var lotId: String; var n: Int64 }
        struct AlertFact: Decodable { var code: String; var n: Int64 }
        return try await self.platform.engine.read { db in
            let notices = try await db.rows("SELECT project_id, lot_id, kind, published_at FROM notices", as: NoticeFact.self)
            var announced: [String: Int64] = [:]
            for notice in notices where notice.kind == "announcement" {
                announced[notice.projectId] = min(announced[notice.projectId] ?? .max, notice.publishedAt)
            }
            let projects = announced.filter { (start..<end).contains($0.value) }.map(\.key)
            var lots: [LotFact] = []
            if !projects.isEmpty {
                var query = SQLQueryString("""
                    SELECT l.id, l.project_id, p.trading_type, c.trading_type_zh, l.estimate_fen, l.phase, l.lifecycle, p.sealing_threshold
                    FROM lots l JOIN projects p ON p.id = l.project_id LEFT JOIN catalog_entries c ON c.code = p.catalog_code
                    WHERE l.project_id IN (\(binds: projects))
                    """)
                if let tradingType { query = query + " AND p.trading_type = \(bind: tradingType)" }
                lots = try await db.rows(query, as: LotFact.self)
            }
            let bidCounts = Dictionary(
                try await db.rows("SELECT lot_id, COUNT(*) AS n FROM bids WHERE status = 'active' GROUP BY lot_id", as: Count.self).map { ($0.lotId, Int($0.n)) }
            ) { a, _ in a }
            let alerts = try await db.rows(
                "SELECT code, COUNT(*) AS n FROM supervision_alerts WHERE created_at >= \(bind: start) AND created_at < \(bind: end) GROUP BY code ORDER BY code", as: AlertFact.self
            )
            let noticesByLot = Dictionary(grouping: notices, by: { $0.lotId ?? "project:\($0.projectId)" })
            let facts = try lots.map { lot in
                ScreenLot(
                    tradingType: lot.tradingType, tradingTypeZh: lot.tradingTypeZh ?? lot.tradingType, estimateFen: lot.estimateFen,
                    phase: TenderPhase(rawValue: lot.phase) ?? .draft, lifecycle: try TenderService.decode(lot.lifecycle), sealed: lot.sealingThreshold != nil,
                    announcedAt: announced[lot.projectId] ?? 0, bids: bidCounts[lot.id] ?? 0,
                    noticeKinds: Set((noticesByLot[lot.id] ?? []).map(\.kind) + (noticesByLot["project:\(lot.projectId)"] ?? []).map(\.kind))
                )
            }
            let types = Dictionary(grouping: facts, by: \.tradingType).map { key, group in
                SupervisionScreen.Group(key: key, labelZh: group[0].tradingTypeZh, measures: ScreenLot.measures(group))
            }.sorted { $0.key < $1.key }
            let months = Dictionary(grouping: facts, by: { ScreenLot.month($0.announcedAt) }).map { key, group in
                SupervisionScreen.Group(key: key, labelZh: key, measures: ScreenLot.measures(group))
            }.sorted { $0.key < $1.key }
            return SupervisionScreen(
                from: from.description, to: to.description, tradingType: tradingType, overall: ScreenLot.measures(facts),
                byTradingType: types, byMonth: months, alertsByType: alerts.map { .init(code: $0.code, count: Int($0.n)) }
            )
        }
    }
}

/// One lot's facts for the screen's measures.
struct ScreenLot: Sendable {
    var tradingType: String
    var tradingTypeZh: String
    var estimateFen: Int64
    var phase: TenderPhase
    var lifecycle: TenderLifecycle
    var sealed: Bool
    var announcedAt: Int64
    var bids: Int
    var noticeKinds: Set<String>

    /// The notices the lot's phase requires: the tender notice always, then the opening record, the candidates'
    /// publicity and the result notice as the lot passes each step, or the failure notice for a failed lot.
    var requiredNotices: [String] {
        var kinds = ["announcement"]
        let order: [TenderPhase] = [.opened, .evaluation, .candidatesPublished, .awarded, .contracted, .archived]
        guard let index = order.firstIndex(of: self.phase) else { return self.phase == .failed ? kinds + ["failure"] : kinds }
        kinds.append("opening-record")
        if index >= 2 { kinds.append("candidates") }
        if index >= 3 { kinds.append("result") }
        return kinds
    }

    var isOpened: Bool { BiddingService.isOpened(self.phase.rawValue) && self.phase != .failed }

    static func measures(_ lots: [ScreenLot]) -> SupervisionScreen.Measures {
        var measures = SupervisionScreen.Measures()
        measures.lots = lots.count
        let opened = lots.filter(\.isOpened)
        measures.opened = opened.count
        if !opened.isEmpty {
            measures.electronicRate = Double(opened.filter { $0.bids > 0 }.count) / Double(opened.count)
            measures.remoteOpeningRate = Double(opened.filter(\.sealed).count) / Double(opened.count)
            measures.biddersPerTender = Double(opened.reduce(0) { $0 + $1.bids }) / Double(opened.count)
        }
        let required = lots.reduce(0) { $0 + $1.requiredNotices.count }
        let published = lots.reduce(0) { total, lot in total + lot.requiredNotices.filter { lot.noticeKinds.contains($0) }.count }
        if required > 0 { measures.disclosureRate = Double(published) / Double(required) }
        let awarded = lots.compactMap { lot in lot.lifecycle.award.map { (lot, $0) } }
        measures.awarded = awarded.count
        let estimate = awarded.reduce(Int64(0)) { $0 + $1.0.estimateFen }
        let price = awarded.reduce(Int64(0)) { $0 + $1.1.candidate.price.fen }
        if estimate > 0 { measures.savingsRate = Double(estimate - price) / Double(estimate) }
        let days = awarded.map { ($0.1.decidedAt.timeIntervalSince1970 * 1000 - Double($0.0.announcedAt)) / 86_400_000 }.sorted()
        if !days.isEmpty {
            measures.cycleDaysMean = days.reduce(0, +) / Double(days.count)
            measures.cycleDaysMedian = days.count % 2 == 1 ? days[days.count / 2] : (days[days.count / 2 - 1] + days[days.count / 2]) / 2
        }
        return measures
    }

    /// `YYYY-MM` of an instant in China Standard Time.
    static func month(_ millis: Int64) -> String {
        let date = LocalDate(Timestamps.date(millis))
        return String(format: "%04d-%02d", date.year, date.month)
    }
}
