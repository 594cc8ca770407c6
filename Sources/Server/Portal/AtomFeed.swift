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
            "  <id>\(Self.escape(self.id))</id>",
            "  <title>\(Self.escape(self.title))</title>",
            "  <updated>\(Self.escape(self.updated))</updated>",
            "  <link rel=\"self\" type=\"application/atom+xml\" href=\"\(Self.escape(self.selfURL))\"/>",
            "  <link rel=\"alternate\" type=\"text/html\" href=\"\(Self.escape(self.alternateURL))\"/>",
            "  <author><name>一网交易</name></author>",
        ]
        for entry in self.entries {
            lines += [
                "  <entry>",
                "    <id>\(Self.escape(entry.id))</id>",
                "    <title>\(Self.escape(entry.title))</title>",
                "    <link rel=\"alternate\" type=\"text/html\" href=\"\(Self.escape(entry.url))\"/>",
                "    <updated>\(Self.escape(entry.updated))</updated>",
                "    <category term=\"\(Self.escape(entry.category))\"/>",
                "    <summary type=\"text\">\(Self.escape(entry.summary))</summary>",
                "  </entry>",
            ]
        }
        return (lines + ["</feed>"]).joined(separator: "\n") + "\n"
    }

    /// XML text and attribute escaping; characters XML 1.0 forbids (C0 controls but tab, LF, CR) are dropped.
    static func escape(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&apos;"
            case "\t", "\n", "\r": out.unicodeScalars.append(scalar)
            default: if scalar.value >= 0x20 && scalar.value != 0xFFFE && scalar.value != 0xFFFF { out.unicodeScalars.append(scalar) }
            }
        }
        return out
    }
}
