import Foundation

/// 工作日历 — the calendar that counts statutory periods: calendar days (日) and working days (工作日).
///
/// Holidays and make-up working days (调休) are data, configured per year. Dates are local to
/// Asia/Shanghai (UTC+8, no daylight saving since 1991); instants are stored in UTC.
public struct TradingCalendar: Sendable, Codable, Equatable {
    /// Days that are not working days although they fall on Monday–Friday.
    public var holidays: Set<LocalDate>
    /// Saturdays or Sundays that are working days (调休上班).
    public var makeUpWorkdays: Set<LocalDate>

    public init(holidays: Set<LocalDate> = [], makeUpWorkdays: Set<LocalDate> = []) {
        self.holidays = holidays
        self.makeUpWorkdays = makeUpWorkdays
    }

    /// UTC+8, the legal time of the platform.
    public static let timeZone = TimeZone(secondsFromGMT: 8 * 3600)!

    static let gregorian: Calendar = {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TradingCalendar.timeZone
        return calendar
    }()

    public func isWorkingDay(_ date: LocalDate) -> Bool {
        if self.makeUpWorkdays.contains(date) { return true }
        if self.holidays.contains(date) { return false }
        return !date.isWeekend
    }

    /// The next working day on or after `date`.
    public func workingDay(onOrAfter date: LocalDate) -> LocalDate {
        var day = date
        while !self.isWorkingDay(day) { day = day.adding(days: 1) }
        return day
    }

    /// The last day of a period of `count` units that starts on `start` (the start day is not counted,
    /// 民法典201); a last day that is not a working day moves to the next working day (民法典203).
    public func lastDay(of count: Int, _ unit: PeriodUnit, from start: LocalDate) -> LocalDate {
        switch unit {
        case .days:
            return self.workingDay(onOrAfter: start.adding(days: count))
        case .workingDays:
            var day = start
            var counted = 0
            while counted < count {
                day = day.adding(days: 1)
                if self.isWorkingDay(day) { counted += 1 }
            }
            return day
        }
    }

    /// The instant a period ends: 24:00 (local) of its last day (民法典203).
    public func endOfPeriod(_ count: Int, _ unit: PeriodUnit, from instant: Date) -> Date {
        self.lastDay(of: count, unit, from: LocalDate(instant)).endInstant
    }

    /// Whether `end` leaves at least `count` units after `start` (the last day of the period is reached).
    public func periodHolds(from start: Date, to end: Date, atLeast count: Int, _ unit: PeriodUnit) -> Bool {
        LocalDate(end) >= self.lastDay(of: count, unit, from: LocalDate(start))
    }
}

/// The unit a statutory period is counted in.
public enum PeriodUnit: String, Sendable, Codable {
    /// 日 — calendar days
    case days
    /// 工作日 — working days
    case workingDays

    public var nameZh: String { self == .days ? "日" : "个工作日" }
    public var nameEn: String { self == .days ? "days" : "working days" }
}
