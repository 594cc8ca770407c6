import Foundation
import Testing
import WitnessLog

@testable import Storage

/// A log entry's canonical bytes, built directly from the event, are byte for byte those of its `Codable` form.
@Suite struct LogEventTests {
    /// Strings that exercise JCS: escapes, control characters, non-ASCII, astral-plane characters, and keys whose
    /// UTF-16 order differs from their UTF-8 order.
    static let strings = ["", "a", "auction.bid", "引号\"与\\反斜杠", "tab\there\nnew", "\u{01}\u{1f}", "😀 emoji", "\u{e000}", "9", "true", "null", "12.50", "/slash/"]

    static func events() -> [LogEvent] {
        var random = SystemRandomNumberGenerator()
        let time = Date(timeIntervalSince1970: 1_795_000_000.123)
        return (0..<300).map { index in
            func pick() -> String { Self.strings.randomElement(using: &random)! }
            var data: [String: String] = [:]
            for _ in 0..<Int.random(in: 0...4, using: &random) { data[pick()] = pick() }
            var event = LogEvent(
                type: pick(), project: index % 3 == 0 ? nil : pick(), lot: index % 2 == 0 ? nil : pick(), actor: pick(), time: time,
                data: data, documents: (0..<Int.random(in: 0...2, using: &random)).map { _ in pick() })
            event.prev = index % 4 == 0 ? nil : Int64.random(in: 0...9_007_199_254_740_991, using: &random)
            return event
        }
    }

    @Test("canonicalBytes equals CanonicalJSON of the Codable form for 300 random events")
    func matchesCodable() throws {
        for event in Self.events() {
            #expect(try event.canonicalBytes() == CanonicalJSON.canonical(event), "\(event)")
        }
    }

    @Test("a known event's canonical text: keys sorted, nil fields left out, prev as a number")
    func knownText() throws {
        var event = LogEvent(type: "auction.bid", project: "p1", actor: "bidder-number:007", time: Date(timeIntervalSince1970: 0), data: ["seq": "3", "amountFen": "100"])
        event.prev = 41
        let text = String(decoding: try event.canonicalBytes(), as: UTF8.self)
        #expect(text == #"{"actor":"bidder-number:007","data":{"amountFen":"100","seq":"3"},"documents":[],"prev":41,"project":"p1","time":"1970-01-01T00:00:00.000Z","type":"auction.bid"}"#)
    }
}
