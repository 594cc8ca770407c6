import Foundation

/// 法定期限 — a period the law sets: a count of calendar days (日) or working days (工作日) and the article
/// that sets it. Counting follows ``TradingCalendar``: the start day is not counted and a period ends at 24:00
/// of its last day, moved to the next working day when that day is not one (民法典201–203).
public struct StatutoryPeriod: Sendable, Codable, Equatable {
    /// How many units the period lasts.
    public var count: Int
    /// Calendar days or working days.
    public var unit: PeriodUnit
    /// The article that sets the number, e.g. `条例61`.
    public var article: String

    /// A period of `count` units set by `article`.
    public init(_ count: Int, _ unit: PeriodUnit, article: String) {
        self.count = count
        self.unit = unit
        self.article = article
    }

    /// The last day of the period that starts at `start`, lengthened by `extra` units the law does not count.
    public func lastDay(from start: Date, extra: Int = 0, calendar: TradingCalendar) -> LocalDate {
        calendar.lastDay(of: self.count + extra, self.unit, from: LocalDate(start))
    }

    /// "3日" / "30个工作日".
    public var textZh: String { "\(self.count)\(self.unit.nameZh)" }

    /// "3 days" / "30 working days".
    public var textEn: String { "\(self.count) \(self.unit.nameEn)" }
}

extension TradingCalendar {
    /// How many units of `unit` lie after `start` up to and including `end` (0 when `end` is not after `start`).
    func count(_ unit: PeriodUnit, after start: LocalDate, through end: LocalDate) -> Int {
        var day = start
        var counted = 0
        while day < end {
            day = day.adding(days: 1)
            if unit == .days || self.isWorkingDay(day) { counted += 1 }
        }
        return counted
    }
}

extension LocalDate {
    /// The local day in which a period ending at `end` (exclusive) ends: 24:00 of a day belongs to that day.
    static func lastDay(endingAt end: Date) -> LocalDate {
        LocalDate(end.addingTimeInterval(-1))
    }
}
