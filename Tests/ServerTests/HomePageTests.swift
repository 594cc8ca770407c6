import Foundation
import HummingbirdTesting
import Testing

@testable import Server

/// The anonymous home page is kept between changes of the trading record and never shown stale.
@Suite struct HomePageTests {
    @Test("a kept home page gives way to the new one as soon as a notice is published", arguments: TestEngine.available)
    func keptUntilTheRecordChanges(engine: TestEngine) async throws {
        let test = try await TestPlatform.make(engine)
        defer { Task { await test.shutdown() } }
        try await test.test { client in
            let fixture = try await Fixture.make(client)
            let first = try await client.page("/")
            let again = try await client.page("/")
            #expect(first.status == .ok && again.body == first.body)
            #expect(again.contentType == "text/html; charset=utf-8")
            #expect(!first.body.contains("城东道路绿化改造工程施工招标"), "the draft project has no public notice yet")
            try await fixture.announce(client, now: test.clock.now())
            let after = try await client.page("/")
            #expect(after.body.contains("城东道路绿化改造工程施工招标"), "the new notice is on the page at once")
            // a signed-in visitor sees a page drawn for them (their name), not the kept anonymous one
            let signedIn = try await client.page("/", cookie: "yw_session=\(fixture.tenderer)")
            #expect(signedIn.body != after.body && signedIn.body.contains("城东道路绿化改造工程施工招标"))
            #expect(try await client.page("/").body == after.body)
        }
    }
}
