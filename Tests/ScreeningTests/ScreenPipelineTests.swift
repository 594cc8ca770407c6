import Foundation
import Testing
@testable import Screening

/// The pure path of `yiwang screen`: CSV bytes → tenders → screens → `tender_id,score,flags`.
@Suite struct ScreenPipelineTests {
    func run(_ text: String, skip: Bool = false) throws -> [String: (score: Double, flags: String)] {
        let input = try BidCSV.parse(Array(text.utf8), skipBadRecords: skip)
        let out = String(decoding: ScoreTable.csv(Screener.run(input.tenders).tenders), as: UTF8.self)
        var rows: [String: (Double, String)] = [:]
        for line in out.split(separator: "\n").dropFirst() {
            let parts = line.split(separator: ",", omittingEmptySubsequences: false)
            rows[String(parts[0])] = (Double(parts[1])!, String(parts[2]))
        }
        return rows
    }

    @Test func plantedCollusiveTenderScoresAboveHonestOne() throws {
        // setup: RIG — a low winner, covers bunched 1–1.5 % above it, two covers paying deposits from one
        // account (条例40(六)); FAIR — spread prices, separate accounts
        let text = """
        tender_id,bidder_id,amount,winner,deposit_account
        RIG,W,900000.00,1,111
        RIG,C1,1000000.00,0,222
        RIG,C2,1005000.00,0,222
        RIG,C3,1010000.00,0,333
        RIG,C4,1015000.00,0,444
        FAIR,F1,940000,1,501
        FAIR,F2,985000,0,502
        FAIR,F3,1030000,0,503
        FAIR,F4,1090000,0,504
        FAIR,F5,1160000,0,505
        """
        // exercise
        let rows = try self.run(text)
        // validate
        let rig = try #require(rows["RIG"])
        let fair = try #require(rows["FAIR"])
        #expect(rig.score > fair.score)
        #expect(rig.flags.contains("tiaoli40_same_deposit_account:high"))
        #expect(fair.flags.isEmpty && fair.score == 0)
    }

    @Test func everyTenderAppearsSortedEvenWithoutValidBids() throws {
        // setup: 26 tenders in scrambled order, one with only a bad record, one with a single bid
        var text = "tender_id,bidder_id,amount\n"
        for i in (0..<24).reversed() {
            for b in 0..<3 { text += "L\(i),B\(b),\(1000 + i * 7 + b * 31)\n" }
        }
        text += "ONLYBAD,X,not-money\nSINGLE,Y,5\n"
        // exercise
        let input = try BidCSV.parse(Array(text.utf8), skipBadRecords: true)
        let out = String(decoding: ScoreTable.csv(Screener.run(input.tenders).tenders), as: UTF8.self)
        let ids = out.split(separator: "\n").dropFirst().map { String($0.split(separator: ",")[0]) }
        // validate
        #expect(Set(ids) == Set((0..<24).map { "L\($0)" } + ["ONLYBAD", "SINGLE"]))
        #expect(ids == ids.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) })
        #expect(out.contains("SINGLE,0.2000,single_bid:medium\n")) // Cardinal R018 (法28: fewer than 3 bids), weight 0.2
        #expect(out.contains("ONLYBAD,0.0000,\n"))
    }

    @Test func writerAndReaderRoundTrip() throws {
        // setup: a synthetic market with receipt times, written as CSV
        var market = SyntheticMarket.generate(SyntheticMarketTests.small)
        for t in market.tenders.indices {
            for b in market.tenders[t].bids.indices {
                market.tenders[t].bids[b].submittedAt = Date(timeIntervalSince1970: 1_795_000_000 + Double(t * 600 + b))
            }
        }
        // exercise
        let input = try BidCSV.parse(BidCSVWriter.csv(market.tenders))
        // validate: every field the CSV carries comes back (estimates and disqualification are not columns)
        #expect(input.tenders.count == market.tenders.count)
        for (read, written) in zip(input.tenders, market.tenders) {
            let expected = written.bids.map { bid -> ScreenedBid in
                var b = bid
                b.disqualified = nil
                return b
            }
            #expect(read.id == written.id && read.bids == expected)
        }
        // a partial write stops at the limit
        #expect(try BidCSV.parse(BidCSVWriter.csv(market.tenders, limit: 10)).bidCount == 10)
    }
}
