/// 检索式 — what a visitor typed into the search box: phrases separated by spaces, all of which must match.
public struct SearchQuery: Sendable, Equatable {
    /// The phrases as typed (trimmed, at most ``maxPhrases``, each at most ``maxPhraseLength`` characters).
    public let phrases: [String]

    public static let maxPhrases = 8
    public static let maxPhraseLength = 64

    /// Nil when the text holds no phrase.
    public init?(_ text: String) {
        let phrases = text.split(whereSeparator: { $0.isWhitespace })
            .map { String($0.prefix(Self.maxPhraseLength)) }
            .filter { !$0.isEmpty }
        guard !phrases.isEmpty else { return nil }
        var seen = Set<String>()
        self.phrases = Array(phrases.filter { seen.insert(Self.folded($0)).inserted }.prefix(Self.maxPhrases))
    }

    /// Index terms every matching text holds (the union over the phrases). Empty when no phrase has a term — a single
    /// Han character or punctuation only — and the search must scan.
    public var terms: Set<String> {
        self.phrases.reduce(into: Set<String>()) { $0.formUnion(SearchTerms.of($1)) }
    }

    /// The phrases case-folded, as checked against the case-folded text.
    public var needles: [String] {
        self.phrases.map(Self.folded)
    }

    /// `text` with ASCII letters lower-cased and nothing else changed — the same folding as SQL `lower()` on SQLite, so
    /// the database and the snippet agree on what matches.
    public static func folded(_ text: String) -> String {
        String(String.UnicodeScalarView(text.unicodeScalars.map { (0x41...0x5A).contains($0.value) ? Unicode.Scalar($0.value + 32)! : $0 }))
    }
}
