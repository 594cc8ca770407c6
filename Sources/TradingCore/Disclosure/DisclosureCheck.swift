import Foundation

/// 公开情况 — how one duty of one lot stands: published on time, late, not published after its due time, or not yet due.
public enum DisclosureOutcome: String, Sendable, Codable, CaseIterable {
    case onTime = "on-time"
    case late
    case missing
    case pending

    public var nameZh: String {
        switch self {
        case .onTime: "按时公开"
        case .late: "逾期公开"
        case .missing: "未公开"
        case .pending: "未到期"
        }
    }
}

extension DisclosureDuty {
    /// The instant this duty falls due after its trigger: 24:00 Beijing time of the period's last day (民法典201, 203).
    public func due(after trigger: Date, calendar: TradingCalendar) -> Date {
        calendar.endOfPeriod(self.within, self.unit, from: trigger)
    }

    /// The duty's outcome for a trigger at `trigger`, the item published at `published` (nil: not yet), seen at `now`.
    public func outcome(trigger: Date, published: Date?, now: Date, calendar: TradingCalendar) -> DisclosureOutcome {
        let due = self.due(after: trigger, calendar: calendar)
        if let published { return published <= due ? .onTime : .late }
        return now > due ? .missing : .pending
    }
}

/// 公开率 — counts of outcomes; the rate is published (on time or late) over everything due, the on-time rate is on time
/// over everything due. Pending duties count in neither.
public struct DisclosureTally: Sendable, Codable, Equatable {
    public var onTime = 0
    public var late = 0
    public var missing = 0
    public var pending = 0

    public init() {}

    public mutating func add(_ outcome: DisclosureOutcome) {
        switch outcome {
        case .onTime: self.onTime += 1
        case .late: self.late += 1
        case .missing: self.missing += 1
        case .pending: self.pending += 1
        }
    }

    public var due: Int { self.onTime + self.late + self.missing }
    public var rate: Double? { self.due == 0 ? nil : Double(self.onTime + self.late) / Double(self.due) }
    public var onTimeRate: Double? { self.due == 0 ? nil : Double(self.onTime) / Double(self.due) }
}
