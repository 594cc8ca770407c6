import Foundation
import Testing
@testable import Screening

/// The `tender_id,score,flags` output.
@Suite struct ScoreTableTests {
    func flag(_ code: FlagCode, _ severity: FlagSeverity) -> ScreeningFlag {
        ScreeningFlag(code: code, severity: severity, explanation: BilingualText(en: "e", zh: "中"), bidders: ["A"])
    }

    @Test func scoresHaveFourDecimals() {
        #expect(ScoreTable.score(0) == "0.0000")
        #expect(ScoreTable.score(1) == "1.0000")
        #expect(ScoreTable.score(0.72) == "0.7200")
        #expect(ScoreTable.score(0.123_45) == "0.1235") // half away from zero (0.12345 is just above in binary)
        #expect(ScoreTable.score(0.000_04) == "0.0000")
        #expect(ScoreTable.score(0.099_96) == "0.1000")
    }

    @Test func sortedQuotedAndFlagsDeduplicated() {
        // setup: out of order, one id with a comma, a repeated code
        let screens = [
            TenderScreen(tenderID: "T9", bidCount: 3, screens: nil, flags: [], score: 0),
            TenderScreen(tenderID: "T10", bidCount: 3, screens: nil,
                         flags: [self.flag(.sameIP, .medium), self.flag(.sameIP, .medium), self.flag(.cvLow, .medium)], score: 0.5),
            TenderScreen(tenderID: "A,\"1\"", bidCount: 1, screens: nil, flags: [self.flag(.singleBid, .medium)], score: 0.2),
        ]
        // exercise
        let text = String(decoding: ScoreTable.csv(screens), as: UTF8.self)
        // validate
        #expect(text == #"""
        tender_id,score,flags
        "A,""1""",0.2000,single_bid:medium
        T10,0.5000,tiaoli40_same_ip:medium;cv_low:medium
        T9,0.0000,

        """#)
    }
}
