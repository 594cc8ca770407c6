import Foundation
import TradingCore

/// Lists and parties shared by the credit tests. Codes are the valid examples of RULES.md.
enum CreditFixture {
    static let defaulterCode = "91110000053621038D"
    static let supplierCode = "911101086723891430"

    static func day(_ month: Int, _ day: Int, year: Int = 2026) -> LocalDate {
        LocalDate(year: year, month: month, day: day)
    }

    /// 失信被执行人: one entry by code (2026-01-05, no end), one by name only (2025-03-01 to 2026-03-01).
    static func defaulters() throws -> CreditList {
        CreditList(id: "court-2026-11", kind: .judgmentDefaulters, publisher: "最高人民法院", entries: [
            try CreditListEntry(creditCode: Self.defaulterCode, name: "北京甲建设有限公司", reason: "有履行能力而拒不履行生效法律文书确定义务",
                                start: Self.day(1, 5), source: "(2025)京01执123号"),
            try CreditListEntry(creditCode: nil, name: "乙工程咨询中心", reason: "违反财产报告制度", start: Self.day(3, 1, year: 2025), end: Self.day(3, 1)),
        ])
    }

    /// 政府采购严重违法失信名单: a supplier barred from 2026-06-01 to 2027-05-31.
    static func procurement() throws -> CreditList {
        CreditList(id: "ccgp-2026", kind: .procurementSeriousViolations, publisher: "中国政府采购网", entries: [
            try CreditListEntry(creditCode: Self.supplierCode, name: "丙科技股份有限公司", reason: "提供虚假材料谋取中标",
                                start: Self.day(6, 1), end: Self.day(5, 31, year: 2027), source: "京财采处〔2026〕8号"),
        ])
    }

    /// The platform's own list, naming the same supplier by code.
    static func platform() throws -> CreditList {
        CreditList(id: "platform", kind: .platform, publisher: "一网交易平台", entries: [
            try CreditListEntry(creditCode: Self.supplierCode, name: nil, reason: "涉嫌围标串标正在调查", start: Self.day(10, 1)),
        ])
    }
}
