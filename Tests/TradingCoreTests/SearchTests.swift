import Testing

@testable import TradingCore

/// Chinese full-text search: bigram terms, queries, highlighted snippets (issue 8: two-character words must match).
@Suite struct SearchTests {
    @Test func hanTextIsIndexedAsOverlappingPairsAndLatinAsWords() {
        #expect(SearchTerms.of("道路绿化") == ["道路", "路绿", "绿化"])
        #expect(SearchTerms.of("EPC总承包2026年") == ["epc", "总承", "承包", "2026"])
        #expect(SearchTerms.of("桥。路") == [], "lone characters between punctuation make no pair")
        #expect(SearchTerms.of("（招标）公告") == ["招标", "公告"], "punctuation separates runs")
    }

    @Test func everyTwoCharacterWordOfATextIsOneOfItsTerms() {
        let text = "厦门市滨海新城综合管廊工程施工招标公告，投标截止时间为2026年12月15日。"
        let terms = SearchTerms.of(text)
        let characters = Array(text)
        for index in 0..<(characters.count - 1) where SearchTerms.isHan(characters[index]) && SearchTerms.isHan(characters[index + 1]) {
            #expect(terms.contains(String(characters[index...index + 1])))
        }
        #expect(SearchQuery("管廊工程")!.terms.isSubset(of: terms))
        #expect(!SearchQuery("绿化")!.terms.isSubset(of: terms))
    }

    @Test func queriesSplitOnSpacesDropDuplicatesAndKnowWhenToScan() throws {
        let query = try #require(SearchQuery("  道路  绿化 道路 EPC epc "))
        #expect(query.phrases == ["道路", "绿化", "EPC"])
        #expect(query.needles == ["道路", "绿化", "epc"])
        #expect(query.terms == ["道路", "绿化", "epc"])
        #expect(SearchQuery("   ") == nil)
        #expect(SearchQuery("桥")!.terms.isEmpty, "a single character has no pair: the search scans")
        #expect(SearchQuery(String(repeating: "路", count: 200))!.phrases[0].count == SearchQuery.maxPhraseLength)
    }

    @Test func foldingChangesOnlyASCIILetters() {
        #expect(SearchQuery.folded("EPC工程Ⅱ标段ÄB") == "epc工程Ⅱ标段Äb")
    }

    @Test func theSnippetMarksEveryPhraseAroundTheFirstMatch() throws {
        let body = String(repeating: "前言", count: 60) + "本项目为市政道路绿化工程，含道路照明。" + String(repeating: "附则", count: 60)
        let snippet = try #require(SearchSnippet(body, query: SearchQuery("道路 绿化")!, width: 40))
        #expect(snippet.parts.first?.text == "…" && snippet.parts.last?.text == "…")
        #expect(snippet.parts.filter(\.marked).map(\.text) == ["道路", "绿化", "道路"])
        #expect(snippet.plainText.contains("市政【道路】【绿化】工程，含【道路】照明"))
        #expect(snippet.parts.map(\.text).joined().count <= 40 + 2)
    }

    @Test func theSnippetIsCaseInsensitiveForLatinAndNilWithoutAMatch() throws {
        let snippet = try #require(SearchSnippet("采用EPC模式", query: SearchQuery("epc")!))
        #expect(snippet.plainText == "采用【EPC】模式")
        #expect(SearchSnippet("采用EPC模式", query: SearchQuery("绿化")!) == nil)
    }
}
