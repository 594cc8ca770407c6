extension OpeningSheet {
    /// The longest field key accepted, in UTF-8 bytes (as the payload decoder enforces).
    public static let maxFieldKeyBytes = 1024
    /// The longest field value accepted, in UTF-8 bytes (as the payload decoder enforces).
    public static let maxFieldValueBytes = 65_536

    /// Further opening-sheet fields from `key=value` arguments, e.g. `质量标准=合格`.
    ///
    /// The key ends at the first `=`, so a value may contain `=`. Keys and values must be
    /// non-empty, free of control characters and within the payload's limits; no key twice.
    public static func fields(parsing arguments: [String]) throws(BidInputError) -> [String: String] {
        var fields: [String: String] = [:]
        for argument in arguments {
            guard let equals = argument.firstIndex(of: "=") else { throw .fieldWithoutEquals(argument) }
            let key = String(argument[..<equals])
            let value = String(argument[argument.index(after: equals)...])
            guard !key.isEmpty, !value.isEmpty else { throw .emptyField(argument) }
            guard !Self.hasControlCharacter(key), !Self.hasControlCharacter(value) else {
                throw .fieldControlCharacter(key: key)
            }
            guard key.utf8.count <= Self.maxFieldKeyBytes, value.utf8.count <= Self.maxFieldValueBytes else {
                throw .fieldTooLong(key: key)
            }
            guard fields.updateValue(value, forKey: key) == nil else { throw .duplicateField(key: key) }
        }
        return fields
    }

    /// The sheet as read out at the opening (唱标), one `name: value` line each, price first.
    public var readOut: [String] {
        var lines = ["报价 price: \(YuanAmount.text(fen: self.priceFen)) \(self.currency)"]
        if let days = self.durationDays {
            lines.append("工期 duration: \(days) days")
        }
        let keys = self.fields.keys.sorted { Array($0.utf8).lexicographicallyPrecedes(Array($1.utf8)) }
        for key in keys {
            lines.append("\(key): \(self.fields[key] ?? "")")
        }
        return lines
    }

    /// True when `text` holds a Unicode control character (Cc), which would break a read-out line.
    private static func hasControlCharacter(_ text: String) -> Bool {
        text.unicodeScalars.contains { $0.properties.generalCategory == .control }
    }
}
