import SQLKit
import Testing

@testable import Storage

/// Row properties map to snake_case columns exactly as SQLKit's `.convertFromSnakeCase` and `.convertToSnakeCase` map
/// them.
@Suite struct ColumnNamesTests {
    @Test(arguments: [
        ("id", "id"), ("projectId", "project_id"), ("bidDeadline", "bid_deadline"), ("sha256", "sha256"),
        ("sha256Hex", "sha256_hex"), ("estimateFen", "estimate_fen"), ("tradingTypeZh", "trading_type_zh"),
        ("pdfURL", "pdf_uRL"), ("pdfURLText", "pdf_uRL_text"), ("a", "a"), ("X", "x"), ("", ""),
    ])
    func snakeCase(key: String, column: String) {
        #expect(ColumnNames.snakeCase(key) == column)
    }

    /// A row with awkward property names (runs of capitals, digits, one letter).
    struct Awkward: Encodable {
        var id = 1
        var projectId = 2
        var sha256Hex = 3
        var pdfURL = 4
        var pdfURLText = 5
        var tradingTypeZh = 6
        var a = 7
        var X = 8
        var clientBidIdSha256 = 9
    }

    @Test("inserts name their columns as SQLKit's convertToSnakeCase does")
    func encodingMatchesSQLKit() throws {
        let ours = try SQLQueryEncoder(keyEncodingStrategy: ColumnNames.encoding).encode(Awkward()).map(\.0)
        let sqlKit = try SQLQueryEncoder(keyEncodingStrategy: .convertToSnakeCase).encode(Awkward()).map(\.0)
        #expect(ours == sqlKit)
        #expect(ours.contains("pdf_uRL_text") && ours.contains("client_bid_id_sha256"))
    }
}
