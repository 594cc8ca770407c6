/// 金额 — an amount of money in integer fen (分), never floating point.
public struct Money: Sendable, Hashable, Codable, Comparable, CustomStringConvertible {
    /// The amount in fen (1 yuan = 100 fen).
    public var fen: Int64
    /// ISO 4217 currency code.
    public var currency: String

    public init(fen: Int64, currency: String = "CNY") {
        self.fen = fen
        self.currency = currency
    }

    /// An amount given in whole yuan.
    public static func yuan(_ yuan: Int64) -> Money {
        Money(fen: yuan * 100)
    }

    public static func < (lhs: Money, rhs: Money) -> Bool {
        lhs.fen < rhs.fen
    }

    /// "1,234,567.89" style text in yuan, for pages and notices.
    public var yuanText: String {
        let sign = self.fen < 0 ? "-" : ""
        let absolute = self.fen.magnitude
        let yuan = absolute / 100
        let cents = absolute % 100
        var digits = String(yuan)
        var grouped = ""
        while digits.count > 3 {
            grouped = "," + digits.suffix(3) + grouped
            digits.removeLast(3)
        }
        let centsText = cents < 10 ? "0\(cents)" : "\(cents)"
        return "\(sign)\(digits)\(grouped).\(centsText)"
    }

    public var description: String {
        "\(self.yuanText) \(self.currency)"
    }

    /// `amount × basisPoints / 10_000`, rounded down, without overflow for any amount a tender can carry.
    public func share(basisPoints: Int64) -> Money {
        let product = self.fen.multipliedFullWidth(by: basisPoints)
        let (quotient, _) = Int64(10_000).dividingFullWidth(product)
        return Money(fen: quotient, currency: self.currency)
    }
}
