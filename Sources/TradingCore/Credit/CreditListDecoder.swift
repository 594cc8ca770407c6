import Foundation

/// Turns rows of a list file into ``CreditListEntry`` values with a report per row. Pure: the CLI or server reads
/// the file and splits CSV lines into fields; this decodes what it read.
///
/// Columns are found by header (case and surrounding spaces ignored), in English or Chinese:
/// credit code (`creditCode`, `credit_code`, `统一社会信用代码`, `信用代码`), name (`name`, `名称`, `单位名称`,
/// `企业名称`, `被执行人名称`, `供应商名称`), reason (`reason`, `原因`, `失信原因`, `列入原因`, `失信行为`),
/// start (`start`, `startDate`, `start_date`, `列入日期`, `开始日期`, `起始日期`), end (`end`, `endDate`, `end_date`,
/// `移出日期`, `结束日期`, `截止日期`), source (`source`, `来源`, `文号`, `案号`). Dates are `YYYY-MM-DD` (also with
/// `/` or `.`; a time after a space or `T` is ignored); an empty end, `-` or `长期` means no end.
public enum CreditListDecoder {
    static let aliases: [String: [String]] = [
        "creditCode": ["creditcode", "credit_code", "credit code", "统一社会信用代码", "信用代码"],
        "name": ["name", "名称", "单位名称", "企业名称", "被执行人名称", "供应商名称"],
        "reason": ["reason", "原因", "失信原因", "列入原因", "失信行为"],
        "start": ["start", "startdate", "start_date", "列入日期", "开始日期", "起始日期"],
        "end": ["end", "enddate", "end_date", "移出日期", "结束日期", "截止日期"],
        "source": ["source", "来源", "文号", "案号"],
    ]

    /// Decodes CSV rows already split into fields; the first row is the header. Row numbers in the report are
    /// line numbers of the file (the header is row 1). Blank rows are skipped.
    public static func decode(csvRows rows: [[String]]) -> CreditListDecoding {
        guard let header = rows.first else {
            return CreditListDecoding(errors: [CreditRowIssue(row: 1, field: nil, zh: "文件为空", en: "The file is empty")])
        }
        var columns: [String: Int] = [:]
        for (index, title) in header.enumerated() {
            let key = title.trimmingCharacters(in: .whitespacesAndNewlines).lowercased()
            if let field = Self.aliases.first(where: { $0.value.contains(key) })?.key, columns[field] == nil {
                columns[field] = index
            }
        }
        var missing: [String] = []
        if columns["creditCode"] == nil && columns["name"] == nil { missing.append("creditCode/name") }
        if columns["reason"] == nil { missing.append("reason") }
        if columns["start"] == nil { missing.append("start") }
        guard missing.isEmpty else {
            let list = missing.joined(separator: ", ")
            return CreditListDecoding(errors: [CreditRowIssue(row: 1, field: nil, zh: "表头缺少列：\(list)", en: "The header lacks the columns: \(list)")])
        }
        var records: [(row: Int, fields: [String: String])] = []
        for (offset, row) in rows.dropFirst().enumerated() where row.contains(where: { !$0.trimmingCharacters(in: .whitespaces).isEmpty }) {
            var fields: [String: String] = [:]
            for (field, index) in columns where index < row.count { fields[field] = row[index] }
            records.append((offset + 2, fields))
        }
        return Self.decode(records)
    }

    /// Decodes a JSON array of objects whose keys are the column names above. Values may be strings, numbers or
    /// null; an element that is not an object, or a value that is an object or array, is a row error. Row numbers
    /// count the array's elements from 1.
    public static func decode(json: Data) -> CreditListDecoding {
        guard let rows = try? JSONDecoder().decode([JSONRow].self, from: json) else {
            return CreditListDecoding(errors: [CreditRowIssue(row: 0, field: nil, zh: "不是由对象组成的JSON数组", en: "Not a JSON array of objects")])
        }
        var records: [(row: Int, fields: [String: String])] = []
        var errors: [CreditRowIssue] = []
        for (offset, row) in rows.enumerated() {
            guard let object = row.fields else {
                errors.append(CreditRowIssue(row: offset + 1, field: nil, zh: "该行不是JSON对象", en: "The element is not a JSON object"))
                continue
            }
            var fields: [String: String] = [:]
            for (key, value) in object {
                let lowered = key.trimmingCharacters(in: .whitespacesAndNewlines).lowercased()
                guard let field = Self.aliases.first(where: { $0.value.contains(lowered) })?.key else { continue }
                switch value {
                case .text(let text): fields[field] = text
                case .null: break
                case .unsupported:
                    errors.append(CreditRowIssue(row: offset + 1, field: field, zh: "字段\(key)应为字符串或数字", en: "Field \(key) must be a string or a number"))
                }
            }
            records.append((offset + 1, fields))
        }
        var decoding = Self.decode(records.filter { record in !errors.contains { $0.row == record.row } })
        decoding.errors = (errors + decoding.errors).sorted { $0.row < $1.row }
        return decoding
    }

    static func decode(_ records: [(row: Int, fields: [String: String])]) -> CreditListDecoding {
        var decoding = CreditListDecoding()
        for (row, fields) in records {
            do throws(CreditRowIssue) {
                let start = try Self.date(fields["start"], row: row, field: "start")
                let end = try Self.endDate(fields["end"], row: row)
                let entry: CreditListEntry
                do {
                    entry = try CreditListEntry(
                        creditCode: fields["creditCode"], name: fields["name"], reason: fields["reason"] ?? "",
                        start: start, end: end, source: fields["source"]
                    )
                } catch {
                    throw CreditRowIssue(row: row, field: Self.field(of: error), zh: error.zh, en: error.en)
                }
                if case .flagged(let zh, let en) = entry.creditCodeChecked {
                    decoding.warnings.append(CreditRowIssue(row: row, field: "creditCode", zh: "统一社会信用代码\(zh)", en: "credit code: \(en)"))
                }
                decoding.entries.append(entry)
            } catch {
                decoding.errors.append(error)
            }
        }
        return decoding
    }

    /// An end date; empty, `-` or `长期` (long-term) mean the entry stands until removed.
    static func endDate(_ raw: String?, row: Int) throws(CreditRowIssue) -> LocalDate? {
        let text = raw?.trimmingCharacters(in: .whitespacesAndNewlines) ?? ""
        return ["", "-", "长期"].contains(text) ? nil : try Self.date(text, row: row, field: "end")
    }

    /// A `YYYY-MM-DD` date (or with `/` or `.`), ignoring a time after a space or `T`; it must exist in the calendar.
    static func date(_ raw: String?, row: Int, field: String) throws(CreditRowIssue) -> LocalDate {
        var text = raw?.trimmingCharacters(in: .whitespacesAndNewlines) ?? ""
        if let cut = text.firstIndex(where: { $0 == " " || $0 == "T" }) { text = String(text[..<cut]) }
        let normalised = text.replacingOccurrences(of: "/", with: "-").replacingOccurrences(of: ".", with: "-")
        guard let date = LocalDate(iso: normalised), LocalDate(date.startInstant.addingTimeInterval(12 * 3600)) == date else {
            throw CreditRowIssue(
                row: row, field: field, zh: "日期“\(text)”无效，应为YYYY-MM-DD", en: "The date '\(text)' is not a valid YYYY-MM-DD date"
            )
        }
        return date
    }

    static func field(of error: TradingError) -> String? {
        switch error.code {
        case "credit-entry-party": "creditCode/name"
        case "credit-entry-reason": "reason"
        case "credit-entry-dates": "end"
        case let code where code.hasPrefix("credit-code"): "creditCode"
        default: nil
        }
    }
}

/// The entries a list file yielded and what was wrong with the rest.
public struct CreditListDecoding: Sendable, Equatable {
    /// The entries of the rows that decoded.
    public var entries: [CreditListEntry] = []
    /// One issue per row that did not decode (or one for the whole file).
    public var errors: [CreditRowIssue] = []
    /// Rows that decoded but need a look, e.g. a credit code whose check character fails.
    public var warnings: [CreditRowIssue] = []
}

/// A problem with one row of a list file.
public struct CreditRowIssue: Error, Sendable, Equatable {
    /// The row: a CSV line number (header = 1), a JSON element number (from 1), or 0 for the whole file.
    public var row: Int
    /// The field at fault, when one is.
    public var field: String?
    /// The message in Chinese.
    public var zh: String
    /// The message in English.
    public var en: String
}

/// One element of a JSON list: an object of scalar values, or nil when the element is not an object.
struct JSONRow: Decodable {
    var fields: [String: JSONScalar]?

    init(from decoder: any Decoder) throws {
        self.fields = try? decoder.singleValueContainer().decode([String: JSONScalar].self)
    }
}

/// A JSON value reduced to text: strings and numbers as text, null, or anything else.
enum JSONScalar: Decodable {
    case text(String)
    case null
    case unsupported

    init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if container.decodeNil() {
            self = .null
        } else if let text = try? container.decode(String.self) {
            self = .text(text)
        } else if let integer = try? container.decode(Int64.self) {
            self = .text(String(integer))
        } else if let number = try? container.decode(Double.self) {
            self = .text(String(number))
        } else {
            self = .unsupported
        }
    }
}
