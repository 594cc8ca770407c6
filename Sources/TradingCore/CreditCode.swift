import Foundation

/// 统一社会信用代码 — the unified social credit code of GB 32100-2015 that identifies a market entity.
///
/// 18 characters from `0123456789ABCDEFGHJKLMNPQRTUWXY`; position 18 is a mod-31 check over positions 1–17,
/// and positions 9–17 hold a GB 11714 organisation code with its own mod-11 check (shared/RULES.md).
public struct CreditCode: Sendable, Equatable, CustomStringConvertible {
    /// What validation found.
    public enum Verdict: Sendable, Equatable, Codable {
        /// Both checks hold.
        case valid
        /// Well-formed but a check character fails: flagged for manual review, not rejected
        /// (some real early codes fail the check, e.g. `91350100M0001TGQXM`).
        case flagged(reasonZh: String, reasonEn: String)
    }

    static let alphabet: [Character] = Array("0123456789ABCDEFGHJKLMNPQRTUWXY")
    static let weights: [Int] = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28]
    static let organisationWeights: [Int] = [3, 7, 9, 10, 5, 8, 4, 2]

    public let text: String
    public let verdict: Verdict

    /// Parses a code; throws only when it is not 18 characters of the code alphabet.
    public init(_ raw: String) throws(TradingError) {
        let text = raw.trimmingCharacters(in: .whitespaces).uppercased()
        let characters = Array(text)
        guard characters.count == 18 else {
            throw .invalid(
                "credit-code-length",
                zh: "统一社会信用代码应为18位，收到\(characters.count)位",
                en: "A unified social credit code has 18 characters, got \(characters.count)"
            )
        }
        var values: [Int] = []
        for (position, character) in characters.enumerated() {
            guard let value = Self.alphabet.firstIndex(of: character) else {
                throw .invalid(
                    "credit-code-character",
                    zh: "统一社会信用代码第\(position + 1)位“\(character)”不是有效字符（不使用I、O、S、V、Z）",
                    en: "Character \(position + 1) '\(character)' is not allowed in a credit code (I, O, S, V, Z are never used)"
                )
            }
            values.append(value)
        }
        self.text = text
        self.verdict = Self.check(values: values, characters: characters)
    }

    static func check(values: [Int], characters: [Character]) -> Verdict {
        let sum = zip(values.prefix(17), Self.weights).reduce(0) { $0 + $1.0 * $1.1 }
        let expected = (31 - sum % 31) % 31
        guard values[17] == expected else {
            let want = Self.alphabet[expected]
            return .flagged(
                reasonZh: "校验位应为“\(want)”，实为“\(characters[17])”，需人工核验",
                reasonEn: "check character should be '\(want)' but is '\(characters[17])'; needs manual review"
            )
        }
        let organisation = Array(characters[8..<17])
        var orgSum = 0
        for (character, weight) in zip(organisation.prefix(8), Self.organisationWeights) {
            guard let digit = Self.organisationValue(character) else {
                return .flagged(
                    reasonZh: "组织机构代码部分含有非法字符“\(character)”，需人工核验",
                    reasonEn: "the organisation code part contains '\(character)'; needs manual review"
                )
            }
            orgSum += digit * weight
        }
        let orgCheck = 11 - orgSum % 11
        let orgWant: Character = orgCheck == 10 ? "X" : orgCheck == 11 ? "0" : Character(String(orgCheck))
        guard organisation[8] == orgWant else {
            return .flagged(
                reasonZh: "组织机构代码校验位应为“\(orgWant)”，实为“\(organisation[8])”，需人工核验",
                reasonEn: "organisation code check should be '\(orgWant)' but is '\(organisation[8])'; needs manual review"
            )
        }
        return .valid
    }

    /// GB 11714 characters: digits and upper-case letters A=10 … Z=35.
    static func organisationValue(_ character: Character) -> Int? {
        if let digit = character.wholeNumberValue, character.isASCII { return digit }
        guard let ascii = character.asciiValue, ascii >= 65, ascii <= 90 else { return nil }
        return Int(ascii) - 55
    }

    /// Completes 16 characters (registration authority, type, region, organisation code body) with both check
    /// characters; the demo and the tests use it to make valid codes.
    public static func completing(_ first16: String) -> String? {
        let characters = Array(first16.uppercased())
        guard characters.count == 16 else { return nil }
        var orgSum = 0
        for (character, weight) in zip(characters[8..<16], Self.organisationWeights) {
            guard let digit = Self.organisationValue(character) else { return nil }
            orgSum += digit * weight
        }
        let orgCheck = 11 - orgSum % 11
        let org: Character = orgCheck == 10 ? "X" : orgCheck == 11 ? "0" : Character(String(orgCheck))
        let seventeen = characters + [org]
        var sum = 0
        for (character, weight) in zip(seventeen, Self.weights) {
            guard let value = Self.alphabet.firstIndex(of: character) else { return nil }
            sum += value * weight
        }
        return String(seventeen) + String(Self.alphabet[(31 - sum % 31) % 31])
    }

    public var description: String { self.text }
}

