/// Why a bid file (CSV or OCDS JSON lines) could not be read, with the line and the column at fault.
///
/// The description is bilingual, English then Chinese, because the person who prepared the file
/// reads it: `line 7, column amount: "12.345" has more than two decimals（金额最多保留两位小数）`.
public struct BidInputError: Error, Sendable, Hashable, CustomStringConvertible {
    /// What is wrong.
    public enum Kind: Sendable, Hashable {
        /// The input has no header line (empty file).
        case noHeader
        /// A required column is absent from the header.
        case missingColumn
        /// A column name appears twice in the header.
        case duplicateColumn
        /// A record has a different number of fields than the header.
        case fieldCount(expected: Int, found: Int)
        /// A quoted field is never closed.
        case unterminatedQuote
        /// Characters follow a closing quote before the next comma or line end.
        case textAfterQuote
        /// The bytes are not valid UTF-8 (for example a GBK export).
        case notUTF8
        /// A required value is empty.
        case emptyValue
        /// The amount is not yuan with at most two decimals, or is out of range.
        case badAmount
        /// The winner column holds something other than yes/no, true/false, 1/0.
        case badWinner
        /// The date is not an ISO 8601 date or date-time.
        case badDate
        /// A JSON line is not a release the reader understands.
        case badJSON(String)
    }

    /// 1-based line of the input where the record starts.
    public var line: Int
    /// The column's header name (CSV) or JSON path (OCDS), when one column is at fault.
    public var column: String?
    /// The offending value, shortened to 40 characters.
    public var value: String?
    /// What is wrong.
    public var kind: Kind

    /// An error at `line`, optionally naming the column and showing the value (shortened to 40 characters).
    public init(line: Int, column: String? = nil, value: String? = nil, kind: Kind) {
        self.line = line
        self.column = column
        self.value = value.map { $0.count > 40 ? String($0.prefix(40)) + "…" : $0 }
        self.kind = kind
    }

    /// `line N[, column C]: <English>（<中文>）`.
    public var description: String {
        var place = "line \(self.line)"
        if let column = self.column { place += ", column \(column)" }
        let shown = self.value.map { "\"\($0)\"" } ?? "the value"
        let text: (en: String, zh: String)
        switch self.kind {
        case .noHeader:
            text = ("the input is empty; a header line is required", "文件为空，需要表头行")
        case .missingColumn:
            text = ("required column is missing from the header", "表头缺少必需的列")
        case .duplicateColumn:
            text = ("column appears twice in the header", "表头中该列重复出现")
        case .fieldCount(let expected, let found):
            text = ("\(found) fields, but the header has \(expected)", "该行有 \(found) 个字段，表头有 \(expected) 个")
        case .unterminatedQuote:
            text = ("quoted field is never closed", "引号字段没有结束引号")
        case .textAfterQuote:
            text = ("text after a closing quote; write \"\" for a quote inside a quoted field", "结束引号后还有字符；字段内的引号应写作 \"\"")
        case .notUTF8:
            text = ("not valid UTF-8; save the file as UTF-8 (GBK is not supported)", "不是有效的 UTF-8 编码，请另存为 UTF-8（不支持 GBK）")
        case .emptyValue:
            text = ("required value is empty", "必填值为空")
        case .badAmount:
            text = ("\(shown) is not an amount in yuan with at most two decimals", "\(shown) 不是以元为单位、最多两位小数的金额")
        case .badWinner:
            text = ("\(shown) is not a winner mark (1/0, true/false, yes/no, 是/否)", "\(shown) 不是中标标记（1/0、true/false、yes/no、是/否）")
        case .badDate:
            text = ("\(shown) is not an ISO 8601 date or date-time", "\(shown) 不是 ISO 8601 日期或时间")
        case .badJSON(let detail):
            text = ("not an OCDS release: \(detail)", "不是 OCDS 发布记录：\(detail)")
        }
        return "\(place): \(text.en)（\(text.zh)）"
    }
}
