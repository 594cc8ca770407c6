import SQLKit

/// Column names of decoded rows: a Swift property `bidDeadline` reads the column `bid_deadline`.
///
/// The same mapping as SQLKit's `.convertFromSnakeCase`, computed on the ASCII bytes of the key: SQLKit's version
/// walks Unicode properties for every key of every row, which cost a tenth of a page's time.
enum ColumnNames {
    /// The key strategy every row decode uses.
    static let strategy = SQLRowDecoder.KeyDecodingStrategy.custom(Self.column)

    /// The key strategy every row insert uses: the same names as SQLKit's `.convertToSnakeCase`, without its walk over
    /// Unicode properties for every column of every row (a tenth of the bid path's time).
    static let encoding = SQLQueryEncoder.KeyEncodingStrategy.custom(Self.column)

    /// The column of the last key of a coding path (both strategies).
    @Sendable static func column(_ keys: [any CodingKey]) -> any CodingKey {
        SnakeCaseKey(stringValue: Self.snakeCase(keys.last?.stringValue ?? ""))
    }

    /// `bidDeadline` → `bid_deadline`; a run of capitals stays one word (`pdfURLText` → `pdf_uRL_text`, as SQLKit).
    static func snakeCase(_ key: String) -> String {
        let bytes = Array(key.utf8)
        guard bytes.count > 1, bytes.allSatisfy({ $0 < 0x80 }) else { return key.isEmpty ? key : Self.lowerFirst(Array(key.utf8)) }
        let isUpper = { (byte: UInt8) in byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z") }
        let isLower = { (byte: UInt8) in byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "z") }
        var words: [Range<Int>] = []
        var wordStart = 0
        var search = 1
        while let upper = bytes[search...].firstIndex(where: isUpper) {
            words.append(wordStart..<upper)
            wordStart = upper
            guard let lower = bytes[upper...].firstIndex(where: isLower) else { break }
            search = lower
            if lower != upper + 1 {
                words.append(upper..<(lower - 1))
                wordStart = lower - 1
            }
        }
        words.append(wordStart..<bytes.count)
        return words.map { Self.lowerFirst(Array(bytes[$0])) }.joined(separator: "_")
    }

    private static func lowerFirst(_ bytes: [UInt8]) -> String {
        guard let first = bytes.first else { return "" }
        let lowered = first >= UInt8(ascii: "A") && first <= UInt8(ascii: "Z") ? first + 32 : first
        return String(decoding: [lowered] + bytes.dropFirst(), as: UTF8.self)
    }
}

/// A coding key naming a column.
struct SnakeCaseKey: CodingKey {
    var stringValue: String
    var intValue: Int? { nil }
    init(stringValue: String) { self.stringValue = stringValue }
    init?(intValue: Int) { nil }
}
