import ExpertDraw
import Testing

/// DrawRules.canonicalJSON follows RFC 8785 beyond the ASCII vector.
@Suite struct CanonicalRulesTests {
    @Test func chineseCategoriesAreWrittenUnescapedAndQuotaKeysSortedByUTF16() {
        // setup
        let rules = DrawRules(order: ["经济", "技术", "Z"], quota: ["技术": 4, "经济": 1, "Z": 2], maxPerOrganisation: 2, reserve: 0)
        // exercise
        let text = rules.canonicalJSON
        // validate: "Z" (U+005A) < "技" (U+6280) < "经" (U+7ECF)
        #expect(text == #"{"max_per_org":2,"order":["经济","技术","Z"],"quota":{"Z":2,"技术":4,"经济":1},"reserve":0}"#)
    }

    @Test func quotesBackslashesAndControlCharactersAreEscapedMinimally() {
        // setup
        let name = "a\"b\\c\nd\u{01}e/f"
        let rules = DrawRules(order: [name], quota: [name: 1], maxPerOrganisation: 1, reserve: 3)
        // exercise
        let text = rules.canonicalJSON
        // validate
        let escaped = #""a\"b\\c\nd\u0001e/f""#
        #expect(text == #"{"max_per_org":1,"order":["# + escaped + #"],"quota":{"# + escaped + #":1},"reserve":3}"#)
    }

    @Test(arguments: [
        DrawRules(order: [], quota: [:], maxPerOrganisation: 1, reserve: 1),
        DrawRules(order: ["a", "a"], quota: ["a": 1], maxPerOrganisation: 1, reserve: 1),
        DrawRules(order: ["a"], quota: ["a": 1, "b": 1], maxPerOrganisation: 1, reserve: 1),
        DrawRules(order: ["a"], quota: ["a": -1], maxPerOrganisation: 1, reserve: 1),
        DrawRules(order: ["a"], quota: ["a": 1], maxPerOrganisation: 0, reserve: 1),
        DrawRules(order: ["a"], quota: ["a": 1], maxPerOrganisation: 1, reserve: -1),
    ])
    func invalidRulesAreRefused(rules: DrawRules) {
        #expect(throws: DrawError.self) { try rules.validate() }
    }
}
