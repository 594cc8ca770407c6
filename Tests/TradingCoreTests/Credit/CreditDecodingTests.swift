import Foundation
import Testing
import TradingCore

@Suite("名单解码 — list rows into entries with a per-row report")
struct CreditDecodingTests {
    @Test("CSV with Chinese headers: good rows become entries; each bad row is reported with its line and field")
    func csv() throws {
        let rows: [[String]] = [
            ["统一社会信用代码", "名称", "失信原因", "列入日期", "移出日期", "案号", "备注"],
            ["91110000053621038d", "北京甲建设有限公司", "拒不履行", "2026/01/05", "", "(2025)京01执123号", "x"],
            ["", "乙工程咨询中心", "违反财产报告制度", "2025-03-01", "2026-03-01 00:00:00", "", ""],
            ["", "", "", "", "", "", ""],
            ["", "", "无名条目", "2026-01-01", "", "", ""],
            ["9111000005362103", "丁公司", "原因", "2026-01-01", "", "", ""],
            ["", "戊公司", "原因", "2026-02-30", "", "", ""],
            ["", "己公司", "", "2026-01-01", "", "", ""],
            ["", "庚公司", "原因", "2026-05-01", "2026-04-01", "", ""],
            ["91410100779423456X", "辛公司", "原因", "2026-01-01", "长期", "", ""],
        ]
        let decoded = CreditListDecoder.decode(csvRows: rows)
        #expect(decoded.entries.map(\.name) == ["北京甲建设有限公司", "乙工程咨询中心", "辛公司"])
        #expect(decoded.entries[0].creditCode == "91110000053621038D" && decoded.entries[0].start == LocalDate(year: 2026, month: 1, day: 5))
        #expect(decoded.entries[0].source == "(2025)京01执123号" && decoded.entries[0].end == nil)
        #expect(decoded.entries[1].creditCode == nil && decoded.entries[1].end == LocalDate(year: 2026, month: 3, day: 1))
        #expect(decoded.entries[2].end == nil)
        #expect(decoded.errors.map(\.row) == [5, 6, 7, 8, 9], "the blank line 4 is skipped")
        #expect(decoded.errors.map(\.field) == ["creditCode/name", "creditCode", "start", "reason", "end"])
        #expect(decoded.errors[1].zh.contains("18位") && decoded.errors[2].en.contains("2026-02-30"))
        #expect(decoded.warnings.map(\.row) == [10])
        #expect(decoded.warnings.first?.en.contains("manual review") == true)
    }

    @Test("CSV with English headers in any case; a header lacking the needed columns is one file-level error")
    func csvHeaders() {
        let decoded = CreditListDecoder.decode(csvRows: [["Credit_Code", " Reason ", "StartDate"], ["911101086723891430", "fraud", "2026-06-01"]])
        #expect(decoded.errors.isEmpty && decoded.entries.first?.creditCode == "911101086723891430")
        let missing = CreditListDecoder.decode(csvRows: [["名称", "备注"], ["甲", "x"]])
        #expect(missing.entries.isEmpty && missing.errors.count == 1 && missing.errors[0].row == 1)
        #expect(missing.errors[0].en.contains("reason") && missing.errors[0].en.contains("start"))
        #expect(CreditListDecoder.decode(csvRows: []).errors.count == 1)
    }

    @Test("JSON objects: numbers are read as text; non-objects and nested values are row errors; not an array is a file error")
    func json() throws {
        let text = """
        [
          {"creditCode": "91110000053621038D", "name": "北京甲建设有限公司", "reason": "拒不履行", "start": "2026-01-05", "end": null},
          "not an object",
          {"name": "乙工程咨询中心", "reason": "违反财产报告制度", "start": "2025-03-01", "source": {"nested": true}},
          {"统一社会信用代码": 911101086723891430, "失信原因": "提供虚假材料", "列入日期": "2026-06-01", "移出日期": "2027-05-31"},
          {"name": "丁公司", "reason": "原因"}
        ]
        """
        let decoded = CreditListDecoder.decode(json: Data(text.utf8))
        #expect(decoded.entries.map(\.creditCode) == ["91110000053621038D", "911101086723891430"])
        #expect(decoded.entries[1].end == LocalDate(year: 2027, month: 5, day: 31))
        #expect(decoded.errors.map(\.row) == [2, 3, 5])
        #expect(decoded.errors.map(\.field) == [nil, "source", "start"])
        let notArray = CreditListDecoder.decode(json: Data(#"{"name": "x"}"#.utf8))
        #expect(notArray.errors.map(\.row) == [0] && notArray.entries.isEmpty)
    }

    @Test("decoded entries are checked like any other: a list built from them finds the party")
    func endToEnd() throws {
        let decoded = CreditListDecoder.decode(csvRows: [["name", "reason", "start"], ["乙工程咨询中心", "违反财产报告制度", "2026-01-01"]])
        let list = CreditList(id: "court", kind: .judgmentDefaulters, publisher: "最高人民法院", entries: decoded.entries)
        let findings = CreditCheck.check(
            party: CreditParty(creditCode: nil, name: "乙工程咨询中心"), at: .award, on: LocalDate(year: 2026, month: 11, day: 23), lists: [list], policy: .standard
        )
        #expect(findings.map(\.consequence) == [.refuse] && findings.map(\.matchedBy) == [.name])
    }
}
