import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Server
import Storage
import Testing
import TradingCore

/// One server-sent event as the browser's EventSource reads it.
struct SentEvent {
    var id: String?
    var event: String?
    var data: String
    var json: [String: Any] { (try? JSONSerialization.jsonObject(with: Data(self.data.utf8))) as? [String: Any] ?? [:] }
    var sequence: Int64 { Int64(self.id ?? "") ?? -1 }

    /// Splits a `text/event-stream` body into its events (comment lines are skipped).
    static func parse(_ text: String) -> [SentEvent] {
        text.components(separatedBy: "\n\n").compactMap { block in
            var event = SentEvent(id: nil, event: nil, data: "")
            var hasData = false
            for line in block.split(separator: "\n", omittingEmptySubsequences: true) where !line.hasPrefix(":") {
                let parts = line.split(separator: ":", maxSplits: 1).map { $0.hasPrefix(" ") ? String($0.dropFirst()) : String($0) }
                guard parts.count == 2 else { continue }
                switch parts[0] {
                case "id": event.id = parts[1]
                case "event": event.event = parts[1]
                case "data": event.data += parts[1]; hasData = true
                default: continue
                }
            }
            return hasData ? event : nil
        }
    }
}

extension TestClientProtocol {
    /// Reads `…/opening/events?limit=N` to its end.
    func events(_ lotPath: String, limit: Int, token: String? = nil, lastEventID: Int64? = nil) async throws -> (status: HTTPResponse.Status, type: String?, events: [SentEvent]) {
        var headers: HTTPFields = [:]
        if let token { headers[.authorization] = "Bearer \(token)" }
        if let lastEventID { headers[HTTPField.Name("Last-Event-ID")!] = String(lastEventID) }
        return try await self.execute(uri: "\(lotPath)/opening/events?limit=\(limit)", method: .get, headers: headers) { response in
            (response.status, response.headers[.contentType], SentEvent.parse(String(buffer: response.body)))
        }
    }
}

@Suite("Opening room live feed (开标大厅, server-sent events)")
struct OpeningRoomTests {
    @Test("first event is the status; a change sends a higher id; Last-Event-ID resumes at once; no price before the opening (法22, 法36)",
          .timeLimit(.minutes(2)), arguments: TestEngine.available)
    func liveFeed(engine: TestEngine) async throws {
        let test = try await TestPlatform.make(engine)
        defer { Task { await test.shutdown() } }
        try await test.test { client in
            // setup: three sealed bids before the deadline
            let fixture = try await SealedFixture.make(client, test: test)
            let prices: [Int64] = [95_000_000_000, 90_000_000_000, 98_000_000_000]
            for (index, price) in prices.enumerated() {
                #expect(try await fixture.submit(client, index, try fixture.envelope(index, price: price, marker: "M\(index)")).status == .created)
            }
            let lotPath = fixture.base.lotPath
            // exercise: the first event is the current status
            let (status, type, first) = try await client.events(lotPath, limit: 1)
            #expect(status == .ok && type?.hasPrefix("text/event-stream") == true)
            try #require(first.count == 1)
            let before = first[0].json
            #expect(first[0].event == "status" && first[0].sequence > 0)
            #expect(before["sequence"] as? Int == Int(first[0].sequence), "the event id is the status's sequence")
            #expect(before["phase"] as? String == "scheduled" && before["bidCount"] == nil && before["priceSheet"] == nil)
            #expect(before["serverTime"] as? String == Timestamps.rfc3339(test.clock.now()), "server time, for the page's countdown")
            #expect((before["secondsLeft"] as? Int ?? 0) > 20 * 86_400 && (before["custodians"] as? [Any])?.count == 3)
            // a change while a client listens: the deadline passes → a second event with a higher id
            async let listening = client.events(lotPath, limit: 2)
            try await Task.sleep(for: .milliseconds(300))
            test.clock.advance(by: 22 * 86_400)
            let (_, _, two) = try await listening
            try #require(two.count == 2)
            #expect(two[0].sequence == first[0].sequence && two[1].sequence > two[0].sequence)
            let after = two[1].json
            #expect(after["phase"] as? String == "awaiting-shares" && after["bidCount"] as? Int == 3)
            #expect(after["priceSheet"] == nil, "bids counted, never priced, before the opening")
            for price in prices { #expect(!two.map(\.data).joined().contains(String(price))) }
            // the opening: two of three custodians release; a client that reconnects gets the current status at once
            #expect(try await client.json(.post, "\(lotPath)/open", token: fixture.base.tenderer).status == .ok)
            _ = try await fixture.release(client, custodian: 0, now: test.clock.now())
            _ = try await fixture.release(client, custodian: 2, now: test.clock.now())
            let (_, _, resumed) = try await client.events(lotPath, limit: 1, lastEventID: two[1].sequence)
            try #require(resumed.count == 1)
            #expect(resumed[0].sequence > two[1].sequence)
            let opened = resumed[0].json
            #expect(opened["phase"] as? String == "recording" && opened["releasedCount"] as? Int == 2)
            let rows = (opened["priceSheet"] as? [[String: Any]]) ?? []
            let read = rows.compactMap { (($0["readOut"] as? [String: Any])?["price"] as? [String: Any])?["fen"] as? Int }
            #expect(read == prices.map(Int.init), "唱标 in submission order, every row at once")
            let names = (opened["parties"] as? [String: String]) ?? [:]
            #expect(rows.allSatisfy { names[$0["bidderId"] as? String ?? ""]?.hasPrefix("投标企业") == true })
            // everyone sees the same status: anonymous and a custodian get the same data
            let (_, _, anonymous) = try await client.events(lotPath, limit: 1)
            let (_, _, custodian) = try await client.events(lotPath, limit: 1, token: fixture.custodianTokens[1])
            #expect(anonymous.first?.data == custodian.first?.data && anonymous.first?.data == resumed[0].data)
        }
    }

    @Test("unknown lot → 404 problem, not an empty stream", arguments: TestEngine.available)
    func unknownLot(engine: TestEngine) async throws {
        let test = try await TestPlatform.make(engine)
        defer { Task { await test.shutdown() } }
        try await test.test { client in
            let fixture = try await Fixture.make(client)
            let (missing, _) = try await client.json(.get, "/api/v1/projects/\(fixture.projectID)/lots/no-such-lot/opening/events")
            #expect(missing == .notFound)
            let (draft, problem) = try await client.json(.get, "\(fixture.lotPath)/opening/status")
            #expect(draft == .notFound && (problem["zh"] as? String)?.isEmpty == false, "a draft's room is not public")
        }
    }
}
