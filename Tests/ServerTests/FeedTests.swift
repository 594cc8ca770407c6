import Foundation
import FoundationXML
import HummingbirdTesting
import Testing

@testable import Server

/// Atom feeds per trading type and the sitemap (issue 8): stable URLs, well-formed XML, every notice reachable.
@Suite struct FeedTests {
    /// The text of every element named `name` in `xml`; fails the test when the XML is not well-formed.
    static func elements(_ name: String, in xml: String, attribute: String? = nil) throws -> [String] {
        final class Collector: NSObject, XMLParserDelegate {
            let name: String, attribute: String?
            var values: [String] = []
            var current: String?
            init(name: String, attribute: String?) { self.name = name; self.attribute = attribute }
            func parser(_ parser: XMLParser, didStartElement element: String, namespaceURI: String?, qualifiedName: String?, attributes: [String: String] = [:]) {
                guard element == self.name else { return }
                if let attribute = self.attribute { self.values.append(attributes[attribute] ?? "") } else { self.current = "" }
            }
            func parser(_ parser: XMLParser, foundCharacters string: String) { self.current? += string }
            func parser(_ parser: XMLParser, didEndElement element: String, namespaceURI: String?, qualifiedName: String?) {
                if element == self.name, let current = self.current { self.values.append(current); self.current = nil }
            }
        }
        let collector = Collector(name: name, attribute: attribute)
        let parser = XMLParser(data: Data(xml.utf8))
        parser.delegate = collector
        guard parser.parse() else { throw TestFailure("not well-formed XML: \(parser.parserError.map(String.init(describing:)) ?? "?")\n\(xml.prefix(400))") }
        return collector.values
    }

    @Test("an Atom feed per trading type and for all; titles escaped; unknown feeds 404", arguments: TestEngine.available)
    func atomFeeds(engine: TestEngine) async throws {
        let test = try await TestPlatform.make(engine)
        defer { Task { await test.shutdown() } }
        try await test.test { client in
            let fixture = try await Fixture.make(client)
            try await fixture.announce(client, now: test.clock.now())
            let notice = try #require(try await test.platform.notices.list(.init(projectID: fixture.projectID), limit: 1, cursor: nil).items.first)
            let feed = try await client.page("/feeds/engineering.atom")
            #expect(feed.status == .ok && feed.contentType?.hasPrefix("application/atom+xml") == true)
            #expect(try Self.elements("title", in: feed.body).contains(notice.title))
            #expect(try Self.elements("link", in: feed.body, attribute: "href").contains { $0.hasSuffix("/notices/\(notice.id)") })
            #expect(try Self.elements("updated", in: feed.body).first == notice.publishedAt)
            let all = try await client.page("/feeds/all.atom")
            #expect(try Self.elements("id", in: all.body).contains { $0.hasSuffix("/notices/\(notice.id)") })
            let other = try await client.page("/feeds/procurement.atom")
            let otherEntries = try Self.elements("entry", in: other.body)
            #expect(other.status == .ok && otherEntries.isEmpty)
            #expect(try await client.page("/feeds/nonsense.atom").status == .notFound)
            #expect(try await client.page("/feeds/engineering.rss").status == .notFound)
            #expect(XMLText.escape("A&B <招标> \"x\" 'y'\u{1}") == "A&amp;B &lt;招标&gt; &quot;x&quot; &apos;y&apos;")
        }
    }

    @Test("the sitemap index names pages that together list every public notice and project", arguments: TestEngine.available)
    func sitemap(engine: TestEngine) async throws {
        let test = try await TestPlatform.make(engine)
        defer { Task { await test.shutdown() } }
        try await test.test { client in
            let fixture = try await Fixture.make(client)
            let draft = try await client.page("/sitemap.xml")
            var urls: [String] = []
            for page in try Self.elements("loc", in: draft.body) {
                urls += try Self.elements("loc", in: try await client.page(String(page.drop { $0 != "/" }.dropFirst(2).drop { $0 != "/" })).body)
            }
            #expect(!urls.contains { $0.contains(fixture.projectID) }, "a draft project is not public")
            try await fixture.announce(client, now: test.clock.now())
            let index = try await client.page("/sitemap.xml")
            #expect(index.status == .ok)
            urls = []
            for page in try Self.elements("loc", in: index.body) {
                let path = String(page.drop { $0 != "/" }.dropFirst(2).drop { $0 != "/" })
                urls += try Self.elements("loc", in: try await client.page(path).body)
            }
            let notices = try await test.platform.notices.list(.init(), limit: 100, cursor: nil).items
            #expect(!notices.isEmpty && notices.allSatisfy { notice in urls.contains { $0.hasSuffix("/notices/\(notice.id)") } })
            #expect(urls.contains { $0.hasSuffix("/projects/\(fixture.projectID)") })
            #expect(try await client.page("/sitemaps/notices-x.xml").status == .notFound)
            #expect(try await client.page("/sitemaps/secrets-0.xml").status == .notFound)
        }
    }
}
