import Foundation
import Storage
import TradingCore

/// How the portal reads and writes amounts and times: yuan with two decimals ↔ integer fen,
/// and Beijing wall-clock time (`datetime-local`, UTC+8) ↔ UTC instants.
enum PortalFormats {
    /// Parses "1234", "1234.5" or "1,234.56" yuan into fen exactly (no floating point); a leading "-" is kept
    /// so the domain's own rule (e.g. 投标保证金不能为负数) speaks about negative amounts.
    static func fen(fromYuan raw: String, field: String) throws -> Int64 {
        var text = Substring(raw.trimmingCharacters(in: .whitespaces)).filter { $0 != "," && $0 != "，" }[...]
        let negative = text.first == "-"
        if negative { text = text.dropFirst() }
        let parts = text.split(separator: ".", omittingEmptySubsequences: false)
        let whole = parts.first ?? ""
        let fraction = parts.count == 2 ? parts[1] : ""
        let digitsOnly = { (part: Substring) in part.allSatisfy { $0.isASCII && $0.isNumber } }
        guard parts.count <= 2, !whole.isEmpty, whole.count <= 13, digitsOnly(whole), fraction.count <= 2, digitsOnly(fraction),
              parts.count == 1 || !fraction.isEmpty,
              let yuan = Int64(whole)
        else {
            throw TradingError.invalid(
                "money-format", zh: "\(field)格式不正确：应为以元为单位、最多两位小数的金额，如 1234.50",
                en: "\(field): expected an amount in yuan with at most two decimals, e.g. 1234.50"
            )
        }
        let cents = Int64(fraction.padding(toLength: 2, withPad: "0", startingAt: 0)) ?? 0
        let fen = yuan * 100 + cents
        return negative ? -fen : fen
    }

    /// Parses a `datetime-local` value (`2026-07-01T09:30` or with seconds) as Beijing time (UTC+8).
    static func instant(fromLocal raw: String, field: String) throws -> Date {
        let text = raw.trimmingCharacters(in: .whitespaces).replacingOccurrences(of: " ", with: "T")
        let pattern = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2})?$/
        guard text.wholeMatch(of: pattern) != nil,
              let date = Timestamps.parse(text + (text.count == 16 ? ":00" : "") + "+08:00")
        else {
            throw TradingError.invalid(
                "date-format", zh: "\(field)格式不正确，应为北京时间“年-月-日 时:分”", en: "\(field): expected a Beijing date and time (YYYY-MM-DD HH:MM)"
            )
        }
        return date
    }

    /// `2026-07-01T09:30` in Beijing time, for the `value` of a `datetime-local` input.
    static func localInputValue(_ date: Date) -> String {
        String(StatutoryChecks.localText(date).prefix(16)).replacingOccurrences(of: " ", with: "T")
    }

    /// An RFC 3339 instant from a view, shown as `2026-07-01 09:30:00` Beijing time.
    static func localText(_ rfc3339: String?) -> String? {
        guard let rfc3339, let date = Timestamps.parse(rfc3339) else { return nil }
        return StatutoryChecks.localText(date)
    }

    static func yuan(_ fen: Int64) -> String {
        Money(fen: fen).yuanText
    }

    /// Yuan text for a form field's value (no grouping): 1234.50.
    static func yuanInput(_ fen: Int64) -> String {
        Money(fen: fen).yuanText.replacingOccurrences(of: ",", with: "")
    }

    static func size(_ bytes: Int64) -> String {
        if bytes < 1024 { return "\(bytes) B" }
        if bytes < 1024 * 1024 { return "\((bytes * 10 / 1024).formatted10) KB" }
        return "\((bytes * 10 / (1024 * 1024)).formatted10) MB"
    }

    /// Splits notice or description text into paragraphs (blank lines dropped).
    static func paragraphs(_ text: String) -> [String] {
        text.split(whereSeparator: \.isNewline).map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
    }
}

extension Int64 {
    /// Tenths as "12.3".
    fileprivate var formatted10: String { "\(self / 10).\(self % 10)" }
}
