import Foundation
import Testing
@testable import Screening

/// The identity fields of 条例40 and the flag each raises.
enum SharedField: String, CaseIterable, Sendable {
    case ip, machineID, docCreator, depositAccount, projectManager, agent

    var code: FlagCode {
        switch self {
        case .ip: .sameIP
        case .machineID: .sameMachine
        case .docCreator: .sameDocumentCreator
        case .depositAccount: .sameDepositAccount
        case .projectManager: .sameProjectManager
        case .agent: .sameAgent
        }
    }

    /// The item of 条例40 the explanation must cite.
    var item: String {
        switch self {
        case .ip, .machineID, .agent: "条例40（二）"
        case .docCreator: "条例40（一）"
        case .depositAccount: "条例40（六）"
        case .projectManager: "条例40（三）"
        }
    }

    func set(_ value: String, on bid: inout ScreenedBid) {
        switch self {
        case .ip: bid.ip = value
        case .machineID: bid.machineID = value
        case .docCreator: bid.docCreator = value
        case .depositAccount: bid.depositAccount = value
        case .projectManager: bid.projectManager = value
        case .agent: bid.agent = value
        }
    }
}

@Suite struct CollusionIndicatorsTests {
    func bids(_ values: [(String, String?)], field: SharedField) -> ScreenedTender {
        tender(values.enumerated().map { i, pair in
            var b = bid(pair.0, 100_000 + Int64(i) * 7_919)
            if let v = pair.1 { field.set(v, on: &b) }
            return b
        })
    }

    @Test(arguments: SharedField.allCases)
    func sharedValueAcrossDifferentBidders(field: SharedField) throws {
        // setup: A and C share a value (with different spacing and case), B differs
        let t = self.bids([("A", "Value-6222 0001"), ("B", "other-1"), ("C", "  value-6222 0001 ")], field: field)
        // exercise
        let flags = CollusionIndicators.evaluate(t).filter { $0.code == field.code }
        // validate
        let flag = try #require(flags.first)
        #expect(flags.count == 1)
        #expect(flag.bidders == ["A", "C"])
        #expect(flag.explanation.zh.contains(field.item))
        #expect(flag.explanation.en.contains("条例40"))
    }

    @Test(arguments: SharedField.allCases)
    func noFlagWithoutTwoDifferentBidders(field: SharedField) {
        // the same bidder twice (two versions) with the same value, and a bidder with no value
        let sameBidder = self.bids([("A", "x-1"), ("A", "x-1"), ("B", "y-2"), ("C", nil)], field: field)
        #expect(CollusionIndicators.evaluate(sameBidder).allSatisfy { $0.code != field.code })
        // empty values never match
        let empty = self.bids([("A", ""), ("B", "  ")], field: field)
        #expect(CollusionIndicators.evaluate(empty).allSatisfy { $0.code != field.code })
    }

    @Test func depositAccountIsMasked() throws {
        let t = self.bids([("A", "6222020200112233445"), ("B", "6222020200112233445")], field: .depositAccount)
        let flag = try #require(CollusionIndicators.evaluate(t).first { $0.code == .sameDepositAccount })
        #expect(flag.explanation.zh.contains("…3445"))
        #expect(!flag.explanation.zh.contains("6222020200112233445"))
        #expect(flag.explanation.en.contains("deposits of different bidders paid from the same account"))
        #expect(flag.severity == .high)
    }

    @Test func ignoredAddressesDoNotMatch() {
        let t = self.bids([("A", "10.0.0.1"), ("B", "10.0.0.1")], field: .ip)
        var thresholds = ScreeningThresholds()
        thresholds.ignoredIPs = ["10.0.0.1"]
        #expect(CollusionIndicators.evaluate(t, thresholds: thresholds).isEmpty)
        #expect(codes(CollusionIndicators.evaluate(t)) == [.sameIP])
    }

    @Test func twoSeparateSharedValuesGiveTwoFlags() {
        let t = self.bids([("A", "ip-1"), ("B", "ip-1"), ("C", "ip-2"), ("D", "ip-2")], field: .ip)
        let flags = CollusionIndicators.evaluate(t).filter { $0.code == .sameIP }
        #expect(flags.map(\.bidders) == [["A", "B"], ["C", "D"]])
    }

    static let template = """
        第一章 投标函。我方已仔细研究了招标文件的全部内容，愿意以人民币（大写）壹仟万元整的投标总报价，
        按合同约定实施和完成承包工程，修补工程中的任何缺陷，工程质量达到合格标准。我方承诺在招标文件规定的
        投标有效期内不修改、撤销投标文件。施工组织设计：本工程拟投入挖掘机两台、装载机三台、自卸汽车八辆，
        项目部下设工程技术部、质量安全部、物资设备部，严格执行三检制度，确保工期一百八十日历天。
        """

    @Test func nearIdenticalDocumentsAreFlagged() throws {
        // setup: B copied A's document and changed only its name; C wrote its own
        var a = bid("A", 1_000_000)
        a.documentText = "投标人：华成建设有限公司。" + Self.template
        var b = bid("B", 1_010_000)
        b.documentText = "投标人：顺达路桥工程有限公司。" + Self.template
        var c = bid("C", 1_100_000)
        c.documentText = """
            致招标人：本公司参加贵单位道路改造项目投标，报价九百八十万元，工期一百五十天。
            我公司具有市政公用工程施工总承包一级资质，近三年完成类似项目十二项，
            拟派项目经理持有一级建造师证书。质量目标为优良，安全目标为零事故。
            """
        // exercise
        let flags = CollusionIndicators.evaluate(tender([a, b, c])).filter { $0.code == .similarDocuments }
        // validate
        let flag = try #require(flags.first)
        #expect(flags.count == 1)
        #expect(flag.bidders == ["A", "B"])
        #expect(flag.value! >= 0.8)
        #expect(flag.explanation.zh.contains("条例40（四）"))
    }

    @Test func differentDocumentsAreNotFlagged() {
        var a = bid("A", 1_000_000)
        a.documentText = Self.template
        var b = bid("B", 1_010_000)
        b.documentText = "本项目采用钢结构体系，屋面为压型钢板，外墙采用幕墙系统，施工期间实行封闭管理。"
        #expect(CollusionIndicators.evaluate(tender([a, b])).isEmpty)
    }

    @Test func regularPricePatterns() throws {
        // arithmetic: steps 1000, 1000
        let arithmetic = CollusionIndicators.evaluate(tender(prices: [100_000, 101_000, 102_000]))
        let flag = try #require(arithmetic.first { $0.code == .regularPricePattern })
        #expect(flag.explanation.zh.contains("等差"))
        // geometric: ratios 1.1, 1.1 (steps 10000, 11000 are not equal)
        let geometric = CollusionIndicators.evaluate(tender(prices: [100_000, 110_000, 121_000]))
        #expect(geometric.first { $0.code == .regularPricePattern }?.explanation.zh.contains("等比") == true)
        // steps 1000, 1500: neither
        #expect(CollusionIndicators.evaluate(tender(prices: [100_000, 101_000, 102_500])).isEmpty)
        // steps 1000 and 1001: max − min = 1 ≤ 0.001 · mean step 1000.5 = 1.0005 → regular
        #expect(codes(CollusionIndicators.evaluate(tender(prices: [100_000, 101_000, 102_001]))) == [.regularPricePattern])
        // steps 1000 and 1002: 2 > 0.001 · 1001 = 1.001 → not regular
        #expect(CollusionIndicators.evaluate(tender(prices: [100_000, 101_000, 102_002])).isEmpty)
        // two bidders are never a pattern
        #expect(CollusionIndicators.evaluate(tender(prices: [100_000, 101_000])).isEmpty)
    }
}

@Suite struct NormalizationTests {
    @Test(arguments: ["AB-12", "  ab-12\t", "ab-12", "6222 0001", " 6222 0001 ", "张三", "\u{3000}张三 ", "Ａ张 三", "a  b", "   ", ""])
    func keyMatchesNormalizedString(raw: String) {
        // the hash key must agree with the normalised string it stands for
        let normalized = CollusionIndicators.normalize(raw)
        let key = CollusionIndicators.normalizedKey(raw)
        #expect((key == nil) == normalized.isEmpty)
        if let key {
            #expect(key == CollusionIndicators.normalizedScalarKey(normalized))
            #expect(key == CollusionIndicators.normalizedKey(normalized))
        }
    }

    @Test func normalization() {
        #expect(CollusionIndicators.normalize("  AA:BB:CC \n") == "aa:bb:cc")
        #expect(CollusionIndicators.normalize("\u{3000}张三\u{3000}") == "张三")
        #expect(CollusionIndicators.normalize("a  b") == "a  b") // interior space kept
        #expect(CollusionIndicators.normalizedKey("a b") != CollusionIndicators.normalizedKey("ab"))
    }
}
