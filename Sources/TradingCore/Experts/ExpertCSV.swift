import Foundation

/// 专家导入表 — the CSV an operator imports experts from (RFC 4180, UTF-8, a header row).
///
/// Columns (any order, unknown ones refused): `id`, `name`, `specialties` (codes separated by `;`), `title`,
/// `practice_years`, `birth_date` (YYYY-MM-DD), `employer_code`, `employer_name`, `region`, `available`
/// (yes/no, default yes), `status` (active/suspended/retired, default active), `affiliations`
/// (`code|name|from|until;…`, `until` empty while it lasts), `relatives` (`code|name;…`), `punishment`,
/// `account` (username of the expert's platform account). Valid rows are returned with their row numbers;
/// each invalid row yields an error with its number (the header is row 1) and a Chinese and English reason.
public struct ExpertCSV: Sendable {
    /// One valid row.
    public struct Row: Sendable, Equatable {
        /// Row number in the file (the header is row 1).
        public var number: Int
        /// The expert.
        public var profile: ExpertProfile
        /// The username of the platform account to link, if given.
        public var account: String?
    }

    /// One refused row.
    public struct RowError: Sendable, Equatable, Codable {
        /// Row number in the file (the header is row 1).
        public var row: Int
        /// Reason in Chinese.
        public var zh: String
        /// Reason in English.
        public var en: String

        /// Creates a ``RowError`` from its fields.
        public init(row: Int, zh: String, en: String) {
            self.row = row
            self.zh = zh
            self.en = en
        }
    }

    /// Valid rows, in file order.
    public var rows: [Row]
    /// Refused rows, in file order.
    public var errors: [RowError]

    static let required = ["id", "name", "specialties", "title", "practice_years", "birth_date", "employer_name", "region"]
    static let optional = ["employer_code", "available", "status", "affiliations", "relatives", "punishment", "account"]

    /// Parses and checks `text`; a missing or unknown header column refuses the whole file.
    public init(text: String, specialties: SpecialtyCatalog, today: LocalDate) throws(TradingError) {
        var records = CSVRecords.parse(text)
        guard !records.isEmpty else { throw .invalid("csv-empty", zh: "CSV文件为空", en: "The CSV file is empty") }
        let header = records.removeFirst().map { $0.trimmingCharacters(in: .whitespaces).lowercased() }
        for name in Self.required where !header.contains(name) {
            throw .invalid("csv-header", zh: "CSV缺少列\(name)", en: "The CSV misses the column \(name)")
        }
        for name in header where !Self.required.contains(name) && !Self.optional.contains(name) {
            throw .invalid("csv-header", zh: "CSV含有未知列\(name)", en: "The CSV has an unknown column \(name)")
        }
        self.rows = []
        self.errors = []
        var seen = Set<String>()
        for (offset, record) in records.enumerated() where !(record.count == 1 && record[0].isEmpty) {
            let number = offset + 2
            var fields: [String: String] = [:]
            for (index, name) in header.enumerated() where index < record.count {
                fields[name] = record[index].trimmingCharacters(in: .whitespaces)
            }
            do throws(TradingError) {
                guard record.count == header.count else {
                    throw .invalid("csv-columns", zh: "该行有\(record.count)列，表头有\(header.count)列", en: "The row has \(record.count) fields, the header \(header.count)")
                }
                let profile = try Self.profile(fields)
                try profile.validate(specialties: specialties, today: today)
                guard seen.insert(profile.id).inserted else {
                    throw .invalid("expert-duplicate", zh: "专家编号\(profile.id)在文件中重复", en: "Expert id \(profile.id) appears twice in the file")
                }
                let account = fields["account"].flatMap { $0.isEmpty ? nil : $0 }
                self.rows.append(Row(number: number, profile: profile, account: account))
            } catch {
                self.errors.append(RowError(row: number, zh: error.zh, en: error.en))
            }
        }
    }

    static func profile(_ fields: [String: String]) throws(TradingError) -> ExpertProfile {
        let value = { (name: String) in fields[name] ?? "" }
        guard let years = Int(value("practice_years")) else {
            throw .invalid("expert-practice", zh: "从业年限应为整数", en: "practice_years must be a whole number")
        }
        guard let birth = LocalDate(iso: value("birth_date")) else {
            throw .invalid("expert-birth-date", zh: "出生日期应为YYYY-MM-DD", en: "birth_date must be YYYY-MM-DD")
        }
        let available: Bool
        switch value("available").lowercased() {
        case "", "yes", "y", "true", "1", "是": available = true
        case "no", "n", "false", "0", "否": available = false
        default: throw .invalid("expert-available", zh: "available应为yes或no", en: "available must be yes or no")
        }
        let statusText = value("status").lowercased()
        guard let status = statusText.isEmpty ? ExpertStatus.active : ExpertStatus(rawValue: statusText) else {
            throw .invalid("expert-status", zh: "状态应为active、suspended或retired", en: "status must be active, suspended or retired")
        }
        let punishment = value("punishment")
        return ExpertProfile(
            id: value("id"), name: value("name"),
            specialties: value("specialties").split(separator: ";").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty },
            title: value("title"), practiceYears: years, birthDate: birth,
            employer: Organisation(code: value("employer_code"), name: value("employer_name")),
            affiliations: try Self.affiliations(value("affiliations")), relatives: try Self.relatives(value("relatives")),
            region: value("region"), available: available, status: status, punishment: punishment.isEmpty ? nil : punishment
        )
    }

    static func affiliations(_ text: String) throws(TradingError) -> [Affiliation] {
        try Self.items(text).map { (parts: [String]) throws(TradingError) -> Affiliation in
            guard parts.count == 4, let from = LocalDate(iso: parts[2]), parts[3].isEmpty || LocalDate(iso: parts[3]) != nil else {
                throw .invalid("expert-affiliation", zh: "任职经历应为“代码|名称|起始日期|结束日期”", en: "An affiliation is code|name|from|until")
            }
            return Affiliation(organisation: Organisation(code: parts[0], name: parts[1]), from: from, until: LocalDate(iso: parts[3]))
        }
    }

    static func relatives(_ text: String) throws(TradingError) -> [Organisation] {
        try Self.items(text).map { (parts: [String]) throws(TradingError) -> Organisation in
            guard parts.count == 2, !(parts[0].isEmpty && parts[1].isEmpty) else {
                throw .invalid("expert-relative", zh: "亲属申报应为“单位代码|单位名称”", en: "A declared relative is code|name of the organisation")
            }
            return Organisation(code: parts[0], name: parts[1])
        }
    }

    private static func items(_ text: String) throws(TradingError) -> [[String]] {
        text.split(separator: ";").map { $0.split(separator: "|", omittingEmptySubsequences: false).map { $0.trimmingCharacters(in: .whitespaces) } }
    }
}
