import Foundation
import SQLKit
import Storage
import TradingCore

/// 数据质量 — a connected platform's data quality: the completeness, validity and timeliness rates of its pushed items
/// per month, its recent pushes, and the items refused lately with their reasons. Public, like the data itself.
public struct PlatformQualityService: Sendable {
    let platform: Platform

    /// Counts and rates over a set of pushed items. Timeliness is judged only where the catalog sets a time limit.
    public struct Rates: Sendable, Codable, Equatable {
        /// Items counted.
        public var items = 0
        /// Items with every required field.
        public var complete = 0
        /// Items without a refusing validity finding.
        public var valid = 0
        /// Items not refused.
        public var accepted = 0
        /// Items whose timeliness could be judged, and those on time among them.
        public var judged = 0
        /// Judged items published in time.
        public var timely = 0
        /// complete ÷ items.
        public var completenessRate: Double?
        /// valid ÷ items.
        public var validityRate: Double?
        /// timely ÷ judged.
        public var timelinessRate: Double?

        mutating func add(_ row: PlatformPushItemRow) {
            self.items += 1
            if row.complete == 1 { self.complete += 1 }
            if row.valid == 1 { self.valid += 1 }
            if row.status != "refused" { self.accepted += 1 }
            if let timely = row.timely {
                self.judged += 1
                if timely == 1 { self.timely += 1 }
            }
        }

        mutating func finish() {
            self.completenessRate = self.items == 0 ? nil : Double(self.complete) / Double(self.items)
            self.validityRate = self.items == 0 ? nil : Double(self.valid) / Double(self.items)
            self.timelinessRate = self.judged == 0 ? nil : Double(self.timely) / Double(self.judged)
        }
    }

    /// One month (Beijing time) of rates.
    public struct Period: Sendable, Codable, Equatable {
        /// The month, YYYY-MM (Beijing time).
        public var period: String
        /// Its rates.
        public var rates: Rates
    }

    /// A push in the recent list.
    public struct PushSummary: Sendable, Codable, Equatable {
        /// The push id.
        public var id: String
        /// notices, results or deals.
        public var kind: String
        /// When it was received (RFC 3339).
        public var receivedAt: String
        /// Items in the push.
        public var items: Int
        /// Items accepted (new, updated or duplicate).
        public var accepted: Int
        /// Items refused.
        public var refused: Int
    }

    /// An item refused lately, with its findings.
    public struct RefusedItem: Sendable, Codable, Equatable {
        /// The push it came in.
        public var pushId: String
        /// notices, results or deals.
        public var kind: String
        /// When it was received (RFC 3339).
        public var receivedAt: String
        /// Its position in that push.
        public var position: Int
        /// The platform's own id of the item, when it could be read.
        public var id: String?
        /// Why it was refused (and any other findings).
        public var findings: [PushCheck.Finding]
    }

    /// The platform's data-quality report.
    public struct Report: Sendable, Codable, Equatable {
        /// The platform.
        public var platform: ConnectedPlatformView
        /// First day counted (YYYY-MM-DD).
        public var from: String
        /// Last day counted.
        public var to: String
        /// Rates over the whole period.
        public var totals: Rates
        /// Rates per month.
        public var periods: [Period]
        /// The latest 20 pushes.
        public var recentPushes: [PushSummary]
        /// Items refused in those pushes (at most 50).
        public var refusedItems: [RefusedItem]
    }

    /// The report for items received from `from` to `to` (days, Beijing time; default: the last 12 months to today).
    public func report(code: String, from: LocalDate?, to: LocalDate?) async throws -> Report {
        let view = try await self.platform.connectedPlatforms.view(code: code)
        let today = LocalDate(self.platform.clock.now())
        let to = to ?? today, from = from ?? to.adding(days: -365)
        guard from <= to else { throw TradingError.invalid("period", zh: "起始日期晚于结束日期", en: "from lies after to") }
        let start = Timestamps.millis(from.startInstant), end = Timestamps.millis(to.adding(days: 1).startInstant)
        let (items, pushes) = try await self.platform.engine.read { db in
            let items = try await db.rows("""
                SELECT * FROM platform_push_items WHERE platform_code = \(bind: code) AND received_at >= \(bind: start) AND received_at < \(bind: end)
                ORDER BY received_at
                """, as: PlatformPushItemRow.self)
            let pushes = try await db.rows(
                "SELECT * FROM platform_pushes WHERE platform_code = \(bind: code) ORDER BY received_at DESC, id DESC LIMIT 20", as: PlatformPushRow.self
            )
            return (items, pushes)
        }
        var totals = Rates()
        var byMonth: [String: Rates] = [:]
        for item in items {
            totals.add(item)
            byMonth[String(LocalDate(Timestamps.date(item.receivedAt)).description.prefix(7)), default: Rates()].add(item)
        }
        totals.finish()
        let periods = byMonth.keys.sorted().map { month in
            var rates = byMonth[month]!
            rates.finish()
            return Period(period: month, rates: rates)
        }
        var refused: [RefusedItem] = []
        for push in pushes where push.refused > 0 {
            let report = try push.decoded()
            for item in report.items where item.status == "refused" && refused.count < 50 {
                refused.append(RefusedItem(pushId: push.id, kind: push.kind, receivedAt: report.receivedAt, position: item.position, id: item.id, findings: item.findings))
            }
        }
        return Report(
            platform: view, from: from.description, to: to.description, totals: totals, periods: periods,
            recentPushes: pushes.map {
                PushSummary(id: $0.id, kind: $0.kind, receivedAt: Timestamps.rfc3339(Timestamps.date($0.receivedAt)), items: Int($0.itemCount), accepted: Int($0.accepted), refused: Int($0.refused))
            },
            refusedItems: refused
        )
    }
}
