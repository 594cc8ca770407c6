/// 全文检索词 — the index terms of a text for Chinese full-text search.
///
/// Chinese has no spaces between words, and a two-character word (招标, 道路, 绿化) must be found, so the index holds
/// every overlapping pair of Han characters (bigrams) rather than words; runs of Latin letters and digits are indexed as
/// whole lower-case words (EPC, PPP, 2026). A query phrase matches a text when the text holds every term of the phrase
/// and, checked on the text itself, the phrase as written — so bigram pairs that merely occur apart do not match.
public enum SearchTerms {
    /// The distinct index terms of `text`.
    public static func of(_ text: String) -> Set<String> {
        var terms = Set<String>()
        for run in Self.runs(text) {
            switch run {
            case .han(let characters):
                if characters.count == 1 { continue }  // a lone character is found by scanning (see SearchQuery)
                for index in 0..<(characters.count - 1) { terms.insert(String(characters[index...index + 1])) }
            case .word(let word):
                terms.insert(word)
            }
        }
        return terms
    }

    enum Run: Equatable {
        case han([Character])
        case word(String)
    }

    /// The text split into runs of Han characters and lower-cased Latin words; everything else separates runs.
    static func runs(_ text: String) -> [Run] {
        var runs: [Run] = []
        var han: [Character] = []
        var word = ""
        func flush() {
            if !han.isEmpty { runs.append(.han(han)); han = [] }
            if !word.isEmpty { runs.append(.word(word.lowercased())); word = "" }
        }
        for character in text {
            if Self.isHan(character) {
                if !word.isEmpty { flush() }
                han.append(character)
            } else if character.isASCII, character.isLetter || character.isNumber {
                if !han.isEmpty { flush() }
                word.append(character)
            } else {
                flush()
            }
        }
        flush()
        return runs
    }

    /// CJK Unified Ideographs and Extension A (the characters of notices; extensions B+ and compatibility forms too).
    static func isHan(_ character: Character) -> Bool {
        guard let scalar = character.unicodeScalars.first, character.unicodeScalars.count == 1 else { return false }
        switch scalar.value {
        case 0x4E00...0x9FFF, 0x3400...0x4DBF, 0x20000...0x2FA1F, 0xF900...0xFAFF: return true
        default: return false
        }
    }
}
