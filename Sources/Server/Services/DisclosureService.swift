import Foundation
import SQLKit
import Storage
import TradingCore

/// 信息公开率 — checks every public project against the disclosure catalog (Resources/disclosure-catalog.json): the
/// trigger of each duty is the step's witness-log entry, the publication is the notice or document's time; the report
/// counts on-time, late, missing and pending duties by trading type, month and responsible party, and lists what is
/// outstanding.
public struct DisclosureService: Sendable {
    let platform: Platform

    /// The catalog shipped with the platform (data, not code).
    public static let catalog: DisclosureCatalog = {
        guard let data = try? Data(contentsOf: Resources.root.appendingPathComponent("disclosure-catalog.json")),
              let catalog = try? DisclosureCatalog(json: data)
        else { fatalError("Resources/disclosure-catalog.json is missing or invalid") }
        return catalog
    }()

    /// One duty of one project (or lot) and how it stands.
    public struct Item: Sendable, Codable, Equatable {
        public var projectId: String
        public var projectTitle: String
        public var lotId: String?
        public var tradingType: String
        public var duty: String
        public var dutyZh: String
        public var responsible: String
        public var triggeredAt: String
        public var dueAt: String
        public var publishedAt: String?
        public var outcome: DisclosureOutcome
        /// Beijing month of the trigger, `YYYY-MM`.
        var month: String
    }

    public struct Group: Sendable, Codable, Equatable {
        public var key: String
        public var tally: DisclosureTally
        public var rate: Double?
        public var onTimeRate: Double?
    }

    public struct Report: Sendable, Codable, Equatable {
        public var from: String
        public var to: String
        public var total: DisclosureTally
        public var rate: Double?
        public var onTimeRate: Double?
        public var byTradingType: [Group]
        public var byMonth: [Group]
        public var byResponsible: [Group]
        /// Missing and late duties, newest trigger first (at most 200).
        public var outstanding: [Item]
    }

    /// The report over duties triggered from `from` to `to` (Beijing days, inclusive).
    public func report(from: LocalDate, to: LocalDate) async throws -> Report {
        let items = try await self.items(from: from, to: to)
        var total = DisclosureTally()
        var byType: [String: DisclosureTally] = [:], byMonth: [String: DisclosureTally] = [:], byResponsible: [String: DisclosureTally] = [:]
        for item in items {
            total.add(item.outcome)
            byType[item.tradingType, default: .init()].add(item.outcome)
            byMonth[item.month, default: .init()].add(item.outcome)
            byResponsible[item.responsible, default: .init()].add(item.outcome)
        }
        let groups = { (tallies: [String: DisclosureTally]) in
            tallies.sorted { $0.key < $1.key }.map { Group(key: $0.key, tally: $0.value, rate: $0.value.rate, onTimeRate: $0.value.onTimeRate) }
        }
        let outstanding = items.filter { $0.outcome == .missing || $0.outcome == .late }.sorted { $0.triggeredAt > $1.triggeredAt }
        return Report(
            from: from.description, to: to.description, total: total, rate: total.rate, onTimeRate: total.onTimeRate,
            byTradingType: groups(byType), byMonth: groups(byMonth), byResponsible: groups(byResponsible), outstanding: Array(outstanding.prefix(200))
        )
    }
}
