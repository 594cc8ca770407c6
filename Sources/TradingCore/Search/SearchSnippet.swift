/// 摘要高亮 — a short excerpt of a matching text around the first phrase found, with every phrase marked.
public struct SearchSnippet: Sendable, Equatable, Codable {
    /// One stretch of the excerpt: marked when it is a phrase of the query.
    public struct Part: Sendable, Equatable, Codable {
        public var text: String
        public var marked: Bool
    }

    public var parts: [Part]

    /// The excerpt of `text` (at most `width` characters) around the first match of any phrase; nil when none occurs.
    public init?(_ text: String, query: SearchQuery, width: Int = 80) {
        let characters = Array(text)
        let lowered = Array(SearchQuery.folded(text))
        let needles = query.needles.map(Array.init).filter { !$0.isEmpty }
        guard let first = Self.matches(in: lowered, needles: needles).first else { return nil }
        let start = max(0, min(first.lowerBound - width / 4, characters.count - width))
        let end = min(characters.count, start + width)
        var parts: [Part] = []
        var cursor = start
        if start > 0 { parts.append(Part(text: "…", marked: false)) }
        for match in Self.matches(in: lowered, needles: needles) where match.lowerBound >= start && match.upperBound <= end {
            guard match.lowerBound >= cursor else { continue }
            if match.lowerBound > cursor { parts.append(Part(text: String(characters[cursor..<match.lowerBound]), marked: false)) }
            parts.append(Part(text: String(characters[match]), marked: true))
            cursor = match.upperBound
        }
        if cursor < end { parts.append(Part(text: String(characters[cursor..<end]), marked: false)) }
        if end < characters.count { parts.append(Part(text: "…", marked: false)) }
        self.parts = parts
    }

    /// Non-overlapping matches of the needles, left to right, the longest needle first at each position.
    static func matches(in text: [Character], needles: [[Character]]) -> [Range<Int>] {
        let ordered = needles.sorted { $0.count > $1.count }
        var found: [Range<Int>] = []
        var index = 0
        while index < text.count {
            if let needle = ordered.first(where: { index + $0.count <= text.count && text[index..<index + $0.count].elementsEqual($0) }) {
                found.append(index..<index + needle.count)
                index += needle.count
            } else {
                index += 1
            }
        }
        return found
    }

    /// The excerpt as plain text, marks written 【like this】 (for feeds and logs).
    public var plainText: String {
        self.parts.map { $0.marked ? "【\($0.text)】" : $0.text }.joined()
    }
}
