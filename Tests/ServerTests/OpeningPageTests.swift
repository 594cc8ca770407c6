import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
@testable import Server
import Storage
import Testing
import TradingCore

@Suite("Opening room page (开标大厅) and the feed's heartbeat")
struct OpeningPageTests {
    @Test("the page: Chinese, countdown, custodians; forms by role; user text cannot break out of the embedded status",
          arguments: TestEngine.available)
    func page(engine: TestEngine) async throws {
        let test = try await TestPlatform.make(engine)
        defer { Task { await test.shutdown() } }
        try await test.test { client in
            // setup
            let fixture = try await SealedFixture.make(client, test: test)
            for index in 0..<3 { _ = try await fixture.submit(client, index, try fixture.envelope(index, price: 1_000_000, marker: "M\(index)")) }
            let path = "/projects/\(fixture.base.projectID)/lots/\(fixture.base.lotID)/opening"
            // exercise: the project page links to the room; anyone may watch
            let (_, project) = try await Self.page(client, "/projects/\(fixture.base.projectID)")
            #expect(project.contains("href=\"\(path)\""))
            let (status, anonymous) = try await Self.page(client, path)
            #expect(status == .ok && anonymous.contains("开标大厅") && anonymous.contains("id=\"room-countdown\""))
            #expect(anonymous.contains("招标人") && anonymous.contains("公证处") && anonymous.contains("/static/opening.js"))
            #expect(!anonymous.contains("id=\"share-form\"") && !anonymous.contains("id=\"objection-form\"") && !anonymous.contains("id=\"sign-form\""))
            let (_, custodian) = try await Self.page(client, path, token: fixture.custodianTokens[2])
            #expect(custodian.contains("id=\"share-form\"") && custodian.contains("data-custodian=\"3\""))
            let (_, runner) = try await Self.page(client, path, token: fixture.base.tenderer)
            #expect(runner.contains("id=\"sign-form\"") && runner.contains("data-runner=\"1\"") && runner.contains("data-custodian=\"1\""))
            let (_, bidder) = try await Self.page(client, path, token: fixture.base.bidders[0])
            #expect(bidder.contains("id=\"objection-form\""))
            // an objection that tries to close the script element is escaped in the embedded JSON and in the HTML
            test.clock.advance(by: 22 * 86_400)
            let attack = "</script><script>alert(1)</script>"
            #expect(try await client.json(.post, "\(fixture.base.lotPath)/opening/objections", token: fixture.base.bidders[0], body: ["text": attack]).status == .created)
            let (_, after) = try await Self.page(client, path)
            #expect(!after.contains("<script>alert(1)"))
            #expect(after.contains("\\u003c/script>\\u003cscript>alert(1)") && after.contains("&lt;/script&gt;"))
            #expect(after.contains("3 份"), "the frozen bid count after the deadline")
        }
    }

    @Test("a quiet stream gets heartbeat comments and no repeated status", .timeLimit(.minutes(1)), arguments: TestEngine.available)
    func heartbeat(engine: TestEngine) async throws {
        let test = try await TestPlatform.make(engine)
        defer { Task { await test.shutdown() } }
        try await test.test { client in
            let fixture = try await SealedFixture.make(client, test: test)
            let room = test.platform.room
            let first = try await room.status(projectID: fixture.base.projectID, lotID: fixture.base.lotID)
            var feed = OpeningRoomFeed(room: room, projectID: fixture.base.projectID, lotID: fixture.base.lotID)
            feed.pollInterval = .milliseconds(20)
            feed.heartbeat = .milliseconds(100)
            feed.lifetime = .milliseconds(600)
            let written = Written()
            try await feed.run(first: first) { await written.append($0) }
            let text = await written.text
            #expect(text.hasPrefix("retry: "))
            #expect(SentEvent.parse(text).count == 1, "nothing changed: one status event only")
            #expect(text.components(separatedBy: ": heartbeat ").count - 1 >= 3)
        }
    }

    actor Written {
        var text = ""
        func append(_ more: String) { self.text += more }
    }

    static func page(_ client: any TestClientProtocol, _ path: String, token: String? = nil) async throws -> (HTTPResponse.Status, String) {
        var headers: HTTPFields = [:]
        if let token { headers[.authorization] = "Bearer \(token)" }
        return try await client.execute(uri: path, method: .get, headers: headers) { ($0.status, String(buffer: $0.body)) }
    }
}
