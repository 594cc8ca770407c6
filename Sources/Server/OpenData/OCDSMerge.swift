import WitnessLog

/// 合并发布 — the OCDS merge routine that compiles a record's releases into its `compiledRelease`: releases in date order,
/// objects merged field by field, arrays of objects with an `id` merged item by item, other arrays and values replaced by
/// the later release, absent fields kept, `null` removing a field.
enum OCDSMerge {
    static func compile(_ releases: [JSONValue], ocid: String) -> JSONValue {
        var compiled = JSONValue.object([:])
        for release in releases { compiled = Self.merge(compiled, release) }
        guard case .object(var fields) = compiled else { return compiled }
        fields["tag"] = .array([.string("compiled")])
        fields["id"] = .string("\(ocid)-compiled")
        return .object(fields)
    }

    static func merge(_ earlier: JSONValue, _ later: JSONValue) -> JSONValue {
        switch (earlier, later) {
        case (.object(var fields), .object(let update)):
            for (key, value) in update {
                if value == .null { fields[key] = nil } else { fields[key] = fields[key].map { Self.merge($0, value) } ?? value }
            }
            return .object(fields)
        case (.array(let items), .array(let update)) where Self.identified(items) && Self.identified(update):
            var merged = items
            for item in update {
                if let position = merged.firstIndex(where: { Self.id($0) == Self.id(item) }) {
                    merged[position] = Self.merge(merged[position], item)
                } else {
                    merged.append(item)
                }
            }
            return .array(merged)
        default:
            return later
        }
    }

    static func id(_ value: JSONValue) -> JSONValue? {
        guard case .object(let fields) = value else { return nil }
        return fields["id"]
    }

    /// True when every item is an object with an `id` (an empty array counts as identified).
    static func identified(_ items: [JSONValue]) -> Bool {
        items.allSatisfy { Self.id($0) != nil }
    }
}
