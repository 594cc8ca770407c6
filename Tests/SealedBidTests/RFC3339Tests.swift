import Foundation
import SealedBid
import Testing

/// Deadlines typed as RFC 3339 become the envelope's Unix seconds, independent of the machine's zone.
@Suite struct RFC3339Tests {
    @Test(arguments: [
        ("1970-01-01T00:00:00Z", Int64(0)),
        ("1970-01-01T08:00:00+08:00", 0),
        ("2026-09-14T09:30:00+08:00", 1_789_349_400),
        ("2026-09-14t01:30:00z", 1_789_349_400),
        ("2026-09-14 01:30:00.999Z", 1_789_349_400),
        ("2026-09-13T20:00:00-05:30", 1_789_349_400),
        ("1969-12-31T23:59:59Z", -1),
        ("2024-02-29T00:00:00Z", 1_709_164_800),
    ])
    func knownInstants(text: String, seconds: Int64) throws {
        #expect(try RFC3339.unixSeconds(parsing: text) == seconds)
    }

    @Test func agreesWithFoundationOnRandomInstants() throws {
        // Foundation's calendar is Julian before 1582, so compare from 1601 to 9999 only.
        var generator = SeededGenerator(seed: 3339)
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime]
        for _ in 0..<500 {
            let seconds = Int64.random(in: -11_644_473_600...253_402_214_399, using: &generator)
            let offset = [0, 480, -330, 345].randomElement(using: &generator)!
            formatter.timeZone = TimeZone(secondsFromGMT: offset * 60)
            let expected = formatter.string(from: Date(timeIntervalSince1970: TimeInterval(seconds)))
            let text = RFC3339.text(unixSeconds: seconds, offsetMinutes: offset)
            #expect(text == expected)
            #expect(try RFC3339.unixSeconds(parsing: text) == seconds)
        }
    }

    @Test func roundTripsFromYearOneToYear9999() throws {
        var generator = SeededGenerator(seed: 1)
        for _ in 0..<2_000 {
            let seconds = Int64.random(in: -62_135_596_800...253_402_300_799, using: &generator)
            #expect(try RFC3339.unixSeconds(parsing: RFC3339.text(unixSeconds: seconds)) == seconds)
        }
    }

    @Test(arguments: [
        "2026-09-14", "2026-09-14T09:30:00", "2026-09-14T09:30+08:00", "2026-09-14T09:30:00+0800",
        "2026-09-14T09:30:00+08", "2026-09-14X09:30:00Z", "2026-9-14T09:30:00Z", "2026-09-14T09:30:00.Z",
        "2026-09-14T09:30:00Z ", "tomorrow", "",
    ])
    func shapesOtherThanRFC3339AreRefused(text: String) {
        #expect(throws: BidInputError.deadlineNotRFC3339(text)) { try RFC3339.unixSeconds(parsing: text) }
    }

    @Test(arguments: [
        "2026-13-01T00:00:00Z", "2026-00-01T00:00:00Z", "2026-02-29T00:00:00Z", "1900-02-29T00:00:00Z",
        "2026-04-31T00:00:00Z", "2026-09-14T24:00:00Z", "2026-09-14T09:60:00Z", "2016-12-31T23:59:60Z",
        "2026-09-14T09:30:00+24:00",
    ])
    func instantsThatDoNotExistAreRefused(text: String) {
        #expect(throws: BidInputError.deadlineOutOfRange(text)) { try RFC3339.unixSeconds(parsing: text) }
    }

    @Test func textUsesTheOffsetOrZ() {
        #expect(RFC3339.text(unixSeconds: 1_789_349_400, offsetMinutes: 480) == "2026-09-14T09:30:00+08:00")
        #expect(RFC3339.text(unixSeconds: 1_789_349_400) == "2026-09-14T01:30:00Z")
        #expect(RFC3339.text(unixSeconds: -1) == "1969-12-31T23:59:59Z")
    }
}
