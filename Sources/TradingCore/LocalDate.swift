import Foundation

/// A calendar date in Asia/Shanghai, used for counting statutory periods.
public struct LocalDate: Sendable, Hashable, Codable, Comparable, CustomStringConvertible {
    public var year: Int
    public var month: Int
    public var day: Int

    public init(year: Int, month: Int, day: Int) {
        self.year = year
        self.month = month
        self.day = day
    }

    /// The local date of an instant.
    public init(_ instant: Date) {
        let parts = TradingCalendar.gregorian.dateComponents([.year, .month, .day], from: instant)
        self.init(year: parts.year!, month: parts.month!, day: parts.day!)
    }

    /// Parses `YYYY-MM-DD`.
    public init?(iso text: String) {
        let parts = text.split(separator: "-").compactMap { Int($0) }
        guard parts.count == 3, (1...12).contains(parts[1]), (1...31).contains(parts[2]) else { return nil }
        self.init(year: parts[0], month: parts[1], day: parts[2])
    }

    /// 00:00 local time of this date.
    public var startInstant: Date {
        TradingCalendar.gregorian.date(from: DateComponents(year: self.year, month: self.month, day: self.day))!
    }

    /// 24:00 local time of this date, i.e. the start of the next day.
    public var endInstant: Date {
        self.adding(days: 1).startInstant
    }

    public func adding(days: Int) -> LocalDate {
        LocalDate(TradingCalendar.gregorian.date(byAdding: .day, value: days, to: self.startInstant.addingTimeInterval(12 * 3600))!)
    }

    public var isWeekend: Bool {
        let weekday = TradingCalendar.gregorian.component(.weekday, from: self.startInstant.addingTimeInterval(12 * 3600))
        return weekday == 1 || weekday == 7
    }

    public static func < (lhs: LocalDate, rhs: LocalDate) -> Bool {
        (lhs.year, lhs.month, lhs.day) < (rhs.year, rhs.month, rhs.day)
    }

    public var description: String {
        String(format: "%04d-%02d-%02d", self.year, self.month, self.day)
    }

    public init(from decoder: any Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        guard let date = LocalDate(iso: text) else {
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: "expected YYYY-MM-DD"))
        }
        self = date
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(self.description)
    }
}
