import Foundation
import Storage
import Testing

/// Instants are stored as integer milliseconds and shown as RFC 3339 (UTC, three fraction digits).
@Suite struct TimestampsTests {
    @Test func writesUTCWithMilliseconds() {
        #expect(Timestamps.rfc3339(Timestamps.date(1_795_413_900_123)) == "2026-11-23T06:05:00.123Z")
        #expect(Timestamps.rfc3339(Timestamps.date(1_795_413_900_000)) == "2026-11-23T06:05:00.000Z")
        #expect(Timestamps.rfc3339(Timestamps.date(1_795_413_900_007)) == "2026-11-23T06:05:00.007Z")
        #expect(Timestamps.rfc3339(Timestamps.date(-1)) == "1969-12-31T23:59:59.999Z")
        #expect(Timestamps.rfc3339(Timestamps.date(0)) == "1970-01-01T00:00:00.000Z")
    }

    /// Every stored millisecond survives text and back (the portal and API show stored times as text).
    @Test func millisecondsRoundTrip() {
        var value: Int64 = 1_700_000_000_000
        for step in 0..<5_000 {
            value += Int64(step * 7_919 % 100_003)
            let text = Timestamps.rfc3339(Timestamps.date(value))
            let back = Timestamps.parse(text).map { Int64(($0.timeIntervalSince1970 * 1000).rounded()) }
            #expect(back == value, "\(value) → \(text)")
        }
    }

    @Test func parsesOffsetsAndWholeSeconds() {
        #expect(Timestamps.parse("2026-11-23T14:05:00+08:00") == Timestamps.date(1_795_413_900_000))
        #expect(Timestamps.parse("2026-11-23T06:05:00Z") == Timestamps.date(1_795_413_900_000))
        #expect(Timestamps.parse("2026-11-23T06:05:00.5Z") == Timestamps.date(1_795_413_900_500))
        #expect(Timestamps.parse("2026-11-23 06:05:00") == nil)
        #expect(Timestamps.parse("not a time") == nil)
    }
}
