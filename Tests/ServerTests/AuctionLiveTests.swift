import Foundation
import Hummingbird
import HummingbirdTesting
import HummingbirdWSTesting
import HummingbirdWebSocket
import Logging
import Server
import Storage
import Testing

@Suite("Online auction live room (WebSocket): replay after a sequence number, then live, every message with seq, server time and end time")
struct AuctionLiveTests {
    @Test("a watcher gets the replay then the live bids in order; reconnecting with after= misses nothing and repeats nothing", arguments: TestEngine.available)
    func replayThenLive(engine: TestEngine) async throws {
        let test = try await TestPlatform.make(engine)
        defer { Task { await test.shutdown() } }
        let app = Application(
            router: buildRouter(platform: test.platform),
            server: .http1WebSocketUpgrade(webSocketRouter: buildWebSocketRouter(platform: test.platform)),
            configuration: .init(address: .hostname("127.0.0.1", port: 0)),
            logger: test.platform.logger
        )
        try await app.test(.live) { client in
            let fixture = try await AuctionFixture.make(client)
            let start = test.clock.now()
            let auction = try await fixture.create(client, [
                "kind": "english", "startPriceFen": 100_000, "incrementFen": 1_000, "depositFen": 10_000,
                "opensAt": AuctionFixture.time(start.addingTimeInterval(60)), "closesAt": AuctionFixture.time(start.addingTimeInterval(3600)),
            ])
            try await fixture.qualify(client, auction, bidders: 2, depositFen: 10_000)
            test.clock.advance(by: 120)
            _ = try await fixture.bid(client, auction, 0, 100_000, id: "a")
            _ = try await fixture.bid(client, auction, 1, 101_000, id: "b")
            let received = Received()
            try await client.ws("/api/v1/auctions/\(auction)/live?after=0") { inbound, _, _ in
                var live = false
                for try await message in inbound.messages(maxSize: 1 << 16) {
                    guard case .text(let text) = message else { continue }
                    // one frame, one or more messages: one JSON object per line
                    let lines = text.split(separator: "\n")
                    await received.frame(lines.count)
                    for line in lines {
                        let json = try JSONDecoder().decode(AuctionMessage.self, from: Data(line.utf8))
                        if json.type != "clock" { await received.add(json) }
                    }
                    if await received.count == 3, !live {
                        live = true
                        _ = try await fixture.bid(client, auction, 0, 103_000, id: "c")
                    }
                    if await received.count == 4 { break }
                }
            }
            let messages = await received.items
            #expect(await received.frames.first == 3, "the replay of three messages comes as one frame of three lines")
            #expect(messages.map(\.seq) == [1, 2, 3, 4])
            #expect(messages.map(\.type) == ["opened", "bid", "bid", "bid"])
            #expect(messages.compactMap(\.amountFen) == [100_000, 101_000, 103_000])
            #expect(messages.allSatisfy { $0.serverTime == AuctionFixture.time(test.clock.now()) })
            #expect(messages.allSatisfy { $0.endsAt == AuctionFixture.time(start.addingTimeInterval(3600)) })
            // a watcher that reconnects after seq 2 gets 3 and 4, nothing twice
            let resumed = Received()
            try await client.ws("/api/v1/auctions/\(auction)/live?after=2") { inbound, _, _ in
                reading: for try await message in inbound.messages(maxSize: 1 << 16) {
                    guard case .text(let text) = message else { continue }
                    for line in text.split(separator: "\n") {
                        let json = try JSONDecoder().decode(AuctionMessage.self, from: Data(line.utf8))
                        if json.type == "clock" { break reading }
                        await resumed.add(json)
                    }
                }
            }
            #expect(await resumed.items.map(\.seq) == [3, 4])
        }
    }
}

/// Messages collected by a WebSocket handler.
actor Received {
    var items: [AuctionMessage] = []
    /// Messages per frame, in arrival order.
    var frames: [Int] = []
    var count: Int { self.items.count }
    func add(_ item: AuctionMessage) { self.items.append(item) }
    func frame(_ lines: Int) { self.frames.append(lines) }
}
