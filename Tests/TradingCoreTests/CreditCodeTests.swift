import Testing
import TradingCore

@Suite("统一社会信用代码 (GB 32100-2015, RULES.md)")
struct CreditCodeTests {
    @Test("valid codes from RULES.md pass both checks", arguments: ["91110000053621038D", "911101086723891430"])
    func valid(code: String) throws {
        #expect(try CreditCode(code).verdict == .valid)
    }

    @Test("a failed mod-31 check is flagged for manual review, not rejected")
    func badCheck() throws {
        guard case .flagged(let zh, let en) = try CreditCode("91410100779423456X").verdict else {
            Issue.record("expected flagged")
            return
        }
        #expect(zh.contains("人工核验"))
        #expect(en.contains("manual review"))
    }

    @Test("a real early code that fails the check is flagged, not rejected")
    func earlyCode() throws {
        #expect(try CreditCode("91350100M0001TGQXM").verdict != .valid)
    }

    @Test("wrong length and letters outside the alphabet (I O S V Z) are refused")
    func malformed() {
        #expect(throws: TradingError.self) { try CreditCode("9111000005362103") }
        #expect(throws: TradingError.self) { try CreditCode("91110000053621038I") }
        #expect(throws: TradingError.self) { try CreditCode("9111000005362103OD") }
    }

    @Test("completing 16 characters yields a code that validates")
    func completing() throws {
        let code = try #require(CreditCode.completing("9111000005362103"))
        #expect(code == "91110000053621038D")
        #expect(try CreditCode(code).verdict == .valid)
    }

    @Test("lower case is accepted and normalised")
    func lowercase() throws {
        #expect(try CreditCode("91110000053621038d").text == "91110000053621038D")
    }
}
