import Foundation
import Testing
import TradingCore

@Suite("失信联合惩戒 — matching parties against credit lists")
struct CreditCheckTests {
    typealias F = CreditFixture
    let today = CreditFixture.day(11, 23)

    func check(_ party: CreditParty, at checkpoint: CreditCheckpoint = .award, on date: LocalDate? = nil) throws -> [CreditFinding] {
        CreditCheck.check(party: party, at: checkpoint, on: date ?? self.today, lists: [try F.defaulters(), try F.procurement()], policy: .standard)
    }

    @Test("a credit code matches after normalisation (spaces, lower case), whatever the name given")
    func byCode() throws {
        let findings = try self.check(CreditParty(creditCode: "  91110000053621038d ", name: "别的名字"))
        #expect(findings.count == 1)
        let finding = try #require(findings.first)
        #expect(finding.matchedBy == .creditCode && finding.listID == "court-2026-11" && finding.listKind == .judgmentDefaulters)
        #expect(finding.consequence == .refuse && finding.entry.reason.contains("拒不履行"))
    }

    @Test("an entry with a credit code is never matched by name: same name, other or no code → no finding")
    func codeEntryIgnoresName() throws {
        #expect(try self.check(CreditParty(creditCode: F.supplierCode, name: "北京甲建设有限公司")).filter { $0.listKind == .judgmentDefaulters }.isEmpty)
        #expect(try self.check(CreditParty(creditCode: nil, name: "北京甲建设有限公司")).isEmpty)
    }

    @Test("an entry without a code matches the exact name only, and the finding says it matched by name")
    func byName() throws {
        let on = F.day(2, 1)
        let findings = try self.check(CreditParty(creditCode: F.supplierCode, name: " 乙工程咨询中心 "), on: on)
        #expect(findings.map(\.matchedBy) == [.name])
        let finding = try #require(findings.first)
        #expect(finding.zh.contains("按名称完全一致匹配") && finding.zh.contains("违反财产报告制度"))
        #expect(finding.en.contains("matched by exact name"))
        #expect(try self.check(CreditParty(creditCode: nil, name: "乙工程咨询中心（北京）"), on: on).isEmpty)
        #expect(try self.check(CreditParty(creditCode: nil, name: "乙工程咨询"), on: on).isEmpty)
    }

    @Test("expired and not-yet-started entries do not match; the end day itself still does")
    func dates() throws {
        let nameOnly = CreditParty(creditCode: nil, name: "乙工程咨询中心")
        #expect(try self.check(nameOnly, on: F.day(3, 1)).count == 1, "the end day is inclusive")
        #expect(try self.check(nameOnly, on: F.day(3, 2)).isEmpty, "expired the day after")
        #expect(try self.check(nameOnly, on: F.day(2, 28, year: 2025)).isEmpty, "not started yet")
        let barred = CreditParty(creditCode: F.supplierCode, name: nil)
        #expect(try self.check(barred, on: F.day(5, 31)).isEmpty)
        #expect(try self.check(barred, on: F.day(5, 31, year: 2027)).count == 1)
        #expect(try self.check(barred, on: F.day(6, 1, year: 2027)).isEmpty)
    }

    @Test("a malformed party code matches nothing")
    func malformedParty() throws {
        #expect(try self.check(CreditParty(creditCode: "91110000053621038", name: nil)).isEmpty)
        #expect(try self.check(CreditParty(creditCode: nil, name: nil)).isEmpty)
    }

    @Test("findings are strongest first and name the list, publisher, period, reason and source in Chinese and English")
    func messages() throws {
        let lists = [try F.platform(), try F.procurement()]
        let findings = CreditCheck.check(party: (creditCode: F.supplierCode, name: nil), at: .bidding, on: self.today, lists: lists, policy: .standard)
        #expect(findings.map(\.listKind) == [.procurementSeriousViolations, .platform])
        #expect(findings.map(\.consequence) == [.refuse, .flagForReview])
        #expect(CreditCheck.verdict(findings) == .refuse)
        let zh = findings[0].zh
        for part in ["政府采购严重违法失信名单", "中国政府采购网", "2026-06-01至2027-05-31", "提供虚假材料谋取中标", "京财采处〔2026〕8号", "投标环节予以拒绝"] {
            #expect(zh.contains(part), "\(part) missing from \(zh)")
        }
        let en = findings[0].en
        for part in ["government procurement list", "2026-06-01 to 2027-05-31", "refused at bidding"] {
            #expect(en.contains(part), "\(part) missing from \(en)")
        }
        #expect(findings[1].zh.contains("2026-10-01起"))
        #expect(CreditCheck.verdict([]) == .ignore)
    }
}
