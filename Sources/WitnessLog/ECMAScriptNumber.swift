/// Formats doubles as ECMAScript `Number.prototype.toString` does (ECMA-262 Number::toString),
/// the number form RFC 8785 requires.
enum ECMAScriptNumber {
    static func format(_ value: Double) throws(CanonicalJSONError) -> String {
        guard value.isFinite else { throw .nonFiniteNumber(value) }
        if value == 0 { return "0" }  // also -0
        let (digits, n) = self.shortestDigits(value.magnitude)
        let sign = value < 0 ? "-" : ""
        let k = digits.count
        let body: String
        if k <= n && n <= 21 {
            body = String(decoding: digits, as: UTF8.self) + String(repeating: "0", count: n - k)
        } else if 0 < n && n <= 21 {
            body = String(decoding: digits[..<n], as: UTF8.self) + "." + String(decoding: digits[n...], as: UTF8.self)
        } else if -6 < n && n <= 0 {
            body = "0." + String(repeating: "0", count: -n) + String(decoding: digits, as: UTF8.self)
        } else {
            let exponent = n - 1
            let mantissa = k == 1
                ? String(decoding: digits, as: UTF8.self)
                : String(decoding: digits[..<1], as: UTF8.self) + "." + String(decoding: digits[1...], as: UTF8.self)
            body = mantissa + "e" + (exponent < 0 ? "-" : "+") + String(exponent.magnitude)
        }
        return sign + body
    }

    /// Shortest round-trip decimal digits (no leading or trailing zeros) and the exponent n
    /// such that value = 0.d₁d₂…dₖ × 10ⁿ. Swift's `description` already yields the
    /// shortest, closest digits; this only normalizes its layout.
    private static func shortestDigits(_ value: Double) -> (digits: [UInt8], n: Int) {
        let text = Array(value.description.utf8)  // e.g. "0.002", "4.5", "1e+30", "5e-324"
        let exponentMark = text.firstIndex { $0 == UInt8(ascii: "e") || $0 == UInt8(ascii: "E") }
        var exponent = 0
        if let exponentMark {
            exponent = Int(String(decoding: text[(exponentMark + 1)...], as: UTF8.self)) ?? 0
        }
        var digits: [UInt8] = []
        var integerDigits = 0
        var seenPoint = false
        for byte in text[..<(exponentMark ?? text.count)] {
            if byte == UInt8(ascii: ".") {
                seenPoint = true
            } else {
                digits.append(byte)
                if !seenPoint { integerDigits += 1 }
            }
        }
        var n = integerDigits + exponent
        while digits.first == UInt8(ascii: "0") {
            digits.removeFirst()
            n -= 1
        }
        while digits.last == UInt8(ascii: "0") {
            digits.removeLast()
        }
        return (digits, n)
    }
}
