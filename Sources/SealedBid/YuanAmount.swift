/// Amounts in yuan (元) as people type and read them, converted exactly to and from integer fen (分).
///
/// No floating point anywhere: `1234.56` is read digit by digit into 123456 fen.
public enum YuanAmount {
    /// The fen in `text`, a non-negative yuan amount with at most two decimals: `1234`, `1234.5`, `0.01`.
    ///
    /// Refused: signs other than none, a leading or trailing dot, separators, exponents, spaces,
    /// more than two decimals, and amounts whose fen do not fit an `Int64`.
    public static func fen(parsing text: String) throws(BidInputError) -> Int64 {
        let bytes = Array(text.utf8)
        if bytes.first == UInt8(ascii: "-") { throw .negativePrice(text) }
        let parts = bytes.split(separator: UInt8(ascii: "."), omittingEmptySubsequences: false)
        guard parts.count == 1 || parts.count == 2,
            let whole = parts.first, !whole.isEmpty, whole.allSatisfy(Self.isDigit)
        else {
            throw .priceNotANumber(text)
        }
        let fraction = parts.count == 2 ? parts[1] : []
        if parts.count == 2 {
            guard !fraction.isEmpty, fraction.allSatisfy(Self.isDigit) else { throw .priceNotANumber(text) }
            guard fraction.count <= 2 else { throw .priceTooPrecise(text) }
        }
        var fen: Int64 = 0
        for digit in whole + fraction + [UInt8](repeating: UInt8(ascii: "0"), count: 2 - fraction.count) {
            let (shifted, overflowA) = fen.multipliedReportingOverflow(by: 10)
            let (sum, overflowB) = shifted.addingReportingOverflow(Int64(digit - UInt8(ascii: "0")))
            guard !overflowA, !overflowB else { throw .priceTooLarge(text) }
            fen = sum
        }
        return fen
    }

    /// `fen` as yuan with exactly two decimals, e.g. 123456 → `1234.56`, 5 → `0.05`, −150 → `-1.50`.
    public static func text(fen: Int64) -> String {
        let magnitude = fen.magnitude
        let cents = magnitude % 100
        let sign = fen < 0 ? "-" : ""
        return "\(sign)\(magnitude / 100).\(cents < 10 ? "0" : "")\(cents)"
    }

    private static func isDigit(_ byte: UInt8) -> Bool {
        byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9")
    }
}
