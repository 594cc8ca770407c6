import Foundation

/// Parsers for the values of a bid file, working on UTF-8 bytes without building strings.
enum FieldValues {
    /// Yuan with at most two decimals → fen: `1234`, `1234.5`, `1234.56`, `+1234.56`. No sign
    /// other than `+`, no thousands separators, no exponent. `nil` when malformed or beyond
    /// `Int64.max` fen.
    static func fen(fromYuan bytes: UnsafeBufferPointer<UInt8>) -> Int64? {
        var i = 0
        if i < bytes.count && bytes[i] == UInt8(ascii: "+") { i += 1 }
        var yuan: Int64 = 0
        var digits = 0
        while i < bytes.count, bytes[i] >= 0x30, bytes[i] <= 0x39 {
            let (times, o1) = yuan.multipliedReportingOverflow(by: 10)
            let (plus, o2) = times.addingReportingOverflow(Int64(bytes[i] - 0x30))
            if o1 || o2 { return nil }
            yuan = plus
            digits += 1
            i += 1
        }
        guard digits > 0 else { return nil }
        var cents: Int64 = 0
        if i < bytes.count && bytes[i] == UInt8(ascii: ".") {
            i += 1
            var decimals = 0
            while i < bytes.count, bytes[i] >= 0x30, bytes[i] <= 0x39 {
                decimals += 1
                guard decimals <= 2 else { return nil }
                cents = cents * 10 + Int64(bytes[i] - 0x30)
                i += 1
            }
            guard decimals > 0 else { return nil }
            if decimals == 1 { cents *= 10 }
        }
        guard i == bytes.count else { return nil }
        let (scaled, o1) = yuan.multipliedReportingOverflow(by: 100)
        let (total, o2) = scaled.addingReportingOverflow(cents)
        return o1 || o2 ? nil : total
    }

    /// A winner mark: `1 true t yes y 是 中标` → `true`; `0 false f no n 否 未中标` → `false`
    /// (ASCII case-insensitive); empty → `.some(nil)`; anything else → `nil`.
    static func winner(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool?? {
        if bytes.isEmpty { return .some(nil) }
        if bytes.count == 1 && bytes[0] == UInt8(ascii: "1") { return true } // the common marks, without a string
        if bytes.count == 1 && bytes[0] == UInt8(ascii: "0") { return false }
        guard let text = String(validating: bytes, as: UTF8.self)?.lowercased() else { return nil }
        switch text {
        case "1", "true", "t", "yes", "y", "是", "中标": return true
        case "0", "false", "f", "no", "n", "否", "未中标": return false
        default: return nil
        }
    }

    /// China Standard Time, UTC+8, for times written without a zone.
    static let chinaOffsetSeconds = 8 * 3600

    /// ISO 8601 / RFC 3339: `YYYY-MM-DD`, optionally followed by `T` or a space, `HH:MM[:SS[.fraction]]`
    /// and `Z` or `±HH:MM` / `±HHMM`. Without a zone the time is China Standard Time (UTC+8), the
    /// time the trading centre keeps; a bare date is its midnight there. `nil` when malformed.
    static func date(_ bytes: UnsafeBufferPointer<UInt8>) -> Date? {
        var c = ByteCursor(bytes: bytes)
        guard let year = c.number(4), c.expect(0x2D), let month = c.number(2), c.expect(0x2D), let day = c.number(2),
              (1...12).contains(month), day >= 1, day <= Self.daysIn(month: month, year: year) else { return nil }
        var seconds = Double(Self.daysFromCivil(year: year, month: month, day: day)) * 86_400
        var offset = Self.chinaOffsetSeconds
        if !c.atEnd {
            // "T", "t" or a space; then HH:MM
            guard c.expect(0x54) || c.expect(0x74) || c.expect(0x20), let hour = c.number(2), c.expect(0x3A),
                  let minute = c.number(2), hour < 24, minute < 60 else { return nil }
            var second = 0.0
            if c.expect(0x3A) {
                guard let s = c.number(2), s < 61 else { return nil }
                second = Double(s)
                if c.expect(0x2E) || c.expect(0x2C) {
                    var scale = 0.1
                    var digits = 0
                    while let d = c.digit() {
                        second += Double(d) * scale
                        scale /= 10
                        digits += 1
                    }
                    guard digits > 0 else { return nil }
                }
            }
            seconds += Double(hour * 3600 + minute * 60) + second
            if !c.atEnd {
                if c.expect(0x5A) || c.expect(0x7A) { // Z, z
                    offset = 0
                } else {
                    let sign: Int
                    if c.expect(0x2B) { sign = 1 } else if c.expect(0x2D) { sign = -1 } else { return nil }
                    guard let oh = c.number(2), oh < 24 else { return nil }
                    _ = c.expect(0x3A)
                    guard let om = c.number(2), om < 60 else { return nil }
                    offset = sign * (oh * 3600 + om * 60)
                }
            }
            guard c.atEnd else { return nil }
        }
        return Date(timeIntervalSince1970: seconds - Double(offset))
    }

    static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }

    /// Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant's `days_from_civil`).
    static func daysFromCivil(year: Int, month: Int, day: Int) -> Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let doy = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146_097 + doe - 719_468
    }
}

/// A read position in a byte buffer, for the small hand-written parsers above.
struct ByteCursor {
    let bytes: UnsafeBufferPointer<UInt8>
    var index = 0

    var atEnd: Bool { self.index >= self.bytes.count }

    /// Consumes `byte` if it is next.
    mutating func expect(_ byte: UInt8) -> Bool {
        guard self.index < self.bytes.count, self.bytes[self.index] == byte else { return false }
        self.index += 1
        return true
    }

    /// Consumes one ASCII digit, if next.
    mutating func digit() -> Int? {
        guard self.index < self.bytes.count, self.bytes[self.index] &- 0x30 < 10 else { return nil }
        defer { self.index += 1 }
        return Int(self.bytes[self.index] &- 0x30)
    }

    /// Consumes exactly `width` digits.
    mutating func number(_ width: Int) -> Int? {
        guard self.index + width <= self.bytes.count else { return nil }
        var n = 0
        for k in self.index..<(self.index + width) {
            let d = self.bytes[k] &- 0x30
            guard d < 10 else { return nil }
            n = n * 10 + Int(d)
        }
        self.index += width
        return n
    }
}
