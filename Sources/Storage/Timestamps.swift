import Foundation

/// Instants are stored as milliseconds since 1970 UTC and shown in RFC 3339.
public enum Timestamps {
    public static func millis(_ date: Date) -> Int64 {
        Int64((date.timeIntervalSince1970 * 1000).rounded(.down))
    }

    public static func date(_ millis: Int64) -> Date {
        Date(timeIntervalSince1970: Double(millis) / 1000)
    }

    /// `2026-11-23T06:05:00.000Z`: UTC, milliseconds rounded to the nearest.
    ///
    /// Foundation's `ISO8601FormatStyle` (Swift, no ICU) writes the whole seconds; the milliseconds are written here
    /// from the integer, because the style truncates the binary fraction (…00.123 would print as .122).
    public static func rfc3339(_ date: Date) -> String {
        let millis = Int64((date.timeIntervalSince1970 * 1000).rounded())
        let (seconds, fraction) = millis.quotientAndRemainder(dividingBy: 1000)
        let whole = fraction < 0 ? seconds - 1 : seconds
        let text = Date(timeIntervalSince1970: Double(whole)).formatted(Self.wholeSeconds)
        let digits = String(fraction < 0 ? fraction + 1000 : fraction)
        return text.dropLast() + "." + String(repeating: "0", count: 3 - digits.count) + digits + "Z"
    }

    /// Accepts RFC 3339 with or without fractional seconds, with `Z` or an offset such as `+08:00`.
    public static func parse(_ text: String) -> Date? {
        try? Self.wholeSeconds.parse(text)
    }

    /// `2026-11-23T06:05:00Z`; parsing also takes a fraction and an offset.
    static let wholeSeconds = Date.ISO8601FormatStyle()
}
