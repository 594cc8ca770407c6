import Testing

@testable import Storage

/// Row properties map to snake_case columns exactly as SQLKit's `.convertFromSnakeCase` maps them.
@Suite struct ColumnNamesTests {
    @Test(arguments: [
        ("id", "id"), ("projectId", "project_id"), ("bidDeadline", "bid_deadline"), ("sha256", "sha256"),
        ("sha256Hex", "sha256_hex"), ("estimateFen", "estimate_fen"), ("tradingTypeZh", "trading_type_zh"),
        ("pdfURL", "pdf_uRL"), ("pdfURLText", "pdf_uRL_text"), ("a", "a"), ("X", "x"), ("", ""),
    ])
    func snakeCase(key: String, column: String) {
        #expect(ColumnNames.snakeCase(key) == column)
    }
}
