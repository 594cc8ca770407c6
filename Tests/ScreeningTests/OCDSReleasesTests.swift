import Foundation
import Testing
@testable import Screening

/// OCDS compiled releases as JSON lines: ocid → tender, bids extension → bids, active awards → winners.
@Suite struct OCDSReleasesTests {
    static let release1 = #"""
    {"ocid":"ocds-yw-0001","tender":{"tenderPeriod":{"startDate":"2026-03-01T09:00:00+08:00","endDate":"2026-03-11T09:00:00+08:00"},"value":{"amount":1000000,"currency":"CNY"}},"bids":{"details":[{"id":"b1","status":"valid","date":"2026-03-10T10:00:00+08:00","tenderers":[{"id":"91110000053621038D","name":"甲"}],"value":{"amount":1234567.89,"currency":"CNY"}},{"id":"b2","status":"disqualified","tenderers":[{"id":"C2"},{"id":"A2"}],"value":{"amount":"1300000.10"}},{"id":"b3","status":"withdrawn","tenderers":[{"id":"X"}]}]},"awards":[{"id":"a1","status":"active","suppliers":[{"id":"91110000053621038D"}]},{"id":"a0","status":"cancelled","suppliers":[{"id":"A2"}]}]}
    """#
    static let release2 = #"{"ocid":"ocds-yw-0002","bids":{"details":[{"tenderers":[{"id":"P"}],"value":{"amount":10}},{"tenderers":[{"id":"Q"}],"value":{"amount":11.5}}]}}"#

    @Test func bidsWinnersAndDates() throws {
        // setup: two releases, a blank line and CRLF
        let text = Self.release1 + "\r\n\n" + Self.release2 + "\n"
        // exercise
        let input = try OCDSReleases.parse(Array(text.utf8))
        // validate
        #expect(input.tenders.map(\.id) == ["ocds-yw-0001", "ocds-yw-0002"])
        #expect(input.records == 2)
        let t = input.tenders[0]
        // decimals read exactly, strings accepted; withdrawn bid left out; consortium ids sorted and joined
        #expect(t.bids.map(\.amountFen) == [123_456_789, 130_000_010])
        #expect(t.bids.map(\.bidderID) == ["91110000053621038D", "A2+C2"])
        // the active award names the winner; the cancelled award does not
        #expect(t.bids.map(\.isWinner) == [true, false])
        #expect(t.bids.map(\.disqualified) == [false, true])
        #expect(t.estimateFen == 100_000_000)
        #expect(t.deadline!.timeIntervalSince(t.publishedAt!) == 10 * 86_400)
        #expect(t.bids[0].submittedAt == Date(timeIntervalSince1970: 1_773_108_000)) // 2026-03-10T02:00:00Z
        // no awards → results unknown
        #expect(input.tenders[1].bids.map(\.isWinner) == [nil, nil])
    }

    @Test func badLinesNameTheLineAndThePath() {
        let missingAmount = #"{"ocid":"X","bids":{"details":[{"tenderers":[{"id":"P"}]}]}}"#
        #expect(throws: BidInputError(line: 2, column: "bids.details[0].value.amount", kind: .emptyValue)) {
            try OCDSReleases.parse(Array((Self.release2 + "\n" + missingAmount).utf8))
        }
        let badAmount = #"{"ocid":"X","bids":{"details":[{"tenderers":[{"id":"P"}],"value":{"amount":1.234}}]}}"#
        #expect(throws: BidInputError(line: 1, column: "bids.details[0].value.amount", value: "1.234", kind: .badAmount)) {
            try OCDSReleases.parse(Array(badAmount.utf8))
        }
        let error = #expect(throws: BidInputError.self) { try OCDSReleases.parse(Array("{\"ocid\": 5}\n".utf8)) }
        #expect(error?.line == 1)
        #expect(error?.description.hasPrefix("line 1: not an OCDS release") == true)
    }

    @Test func skipBadKeepsTheTender() throws {
        let bad = #"{"ocid":"ocds-yw-0003","bids":{"details":[{"tenderers":[],"value":{"amount":1}}]}}"#
        let input = try OCDSReleases.parse(Array((bad + "\n{not json\n" + Self.release2).utf8), skipBadRecords: true)
        #expect(input.tenders.map(\.id) == ["ocds-yw-0003", "ocds-yw-0002"])
        #expect(input.skippedCount == 2)
        #expect(input.problems.map(\.line) == [1, 2])
    }
}
