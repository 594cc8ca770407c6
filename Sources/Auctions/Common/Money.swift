import Foundation

/// An amount of money in fen (分, 1/100 yuan). Auctions never use floating point for money.
public typealias Fen = Int64

extension Fen {
    /// `self × numerator ≥ other × denominator`, computed in 128 bits so it cannot overflow.
    func timesIsAtLeast(_ numerator: Int64, _ other: Int64, times denominator: Int64) -> Bool {
        let lhs = self.multipliedFullWidth(by: numerator)
        let rhs = other.multipliedFullWidth(by: denominator)
        return (lhs.high, lhs.low) >= (rhs.high, rhs.low)
    }

    /// `⌈self × percent / 100⌉` for a non-negative amount, without overflow for any `percent` in 0...100.
    func percentRoundedUp(_ percent: Int64) -> Fen {
        let whole = self / 100
        let rest = self % 100
        return whole * percent + (rest * percent + 99) / 100
    }

    /// `⌊self × percent / 100⌋` for a non-negative amount, without overflow for any `percent` in 0...100.
    func percentRoundedDown(_ percent: Int64) -> Fen {
        let whole = self / 100
        let rest = self % 100
        return whole * percent + (rest * percent) / 100
    }

    /// The amount in yuan with two decimals, e.g. `12345` → `"123.45"`.
    var yuanText: String {
        let sign = self < 0 ? "-" : ""
        let magnitude = self.magnitude
        let cents = magnitude % 100
        return "\(sign)\(magnitude / 100).\(cents < 10 ? "0" : "")\(cents)"
    }
}

extension Date {
    /// The instant as shown to people: ISO 8601 in Asia/Shanghai.
    var shanghaiText: String {
        let zone = TimeZone(identifier: "Asia/Shanghai") ?? TimeZone(secondsFromGMT: 8 * 3600) ?? .gmt
        return self.formatted(Date.ISO8601FormatStyle(timeZoneSeparator: .colon, timeZone: zone))
    }
}
