/// An Atom 1.0 feed (RFC 4287) of notices, written by hand: a handful of elements, every text escaped.
struct AtomFeed: Sendable {
    struct Entry: Sendable {
        var id: String
        var title: String
        var url: String
        var updated: String
        var category: String
        var summary: String
    }

    var id: String
    var title: String
    var selfURL: String
    var alternateURL: String
    var updated: String
    var entries: [Entry]

    var xml: String {
        var lines = [
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?>",
            "<feed xmlns=\"http://www.w3.org/2005/Atom\" xml:lang=\"zh-CN\">",
            "  <id>\(XMLText.escape(self.id))</id>",
            "  <title>\(XMLText.escape(self.title))</title>",
            "  <updated>\(XMLText.escape(self.updated))</updated>",
            "  <link rel=\"self\" type=\"application/atom+xml\" href=\"\(XMLText.escape(self.selfURL))\"/>",
            "  <link rel=\"alternate\" type=\"text/html\" href=\"\(XMLText.escape(self.alternateURL))\"/>",
            "  <author><name>一网交易</name></author>",
        ]
        for entry in self.entries {
            lines += [
                "  <entry>",
                "    <id>\(XMLText.escape(entry.id))</id>",
                "    <title>\(XMLText.escape(entry.title))</title>",
                "    <link rel=\"alternate\" type=\"text/html\" href=\"\(XMLText.escape(entry.url))\"/>",
                "    <updated>\(XMLText.escape(entry.updated))</updated>",
                "    <category term=\"\(XMLText.escape(entry.category))\"/>",
                "    <summary type=\"text\">\(XMLText.escape(entry.summary))</summary>",
                "  </entry>",
            ]
        }
        return (lines + ["</feed>"]).joined(separator: "\n") + "\n"
    }
}
