/// 开标一览表 — opening sheet: the fields read out at the opening (唱标).
public struct OpeningSheet: Sendable, Hashable {
    /// The bid price in integer fen (分), never a floating-point amount.
    public var priceFen: Int64
    /// The ISO 4217 currency code of the price, e.g. `CNY`.
    public var currency: String
    /// The promised duration (工期 or delivery period) in calendar days, when the tender asks for one.
    public var durationDays: UInt32?
    /// Further read-out fields (e.g. `质量标准` → `合格`), encoded in the order of their keys' UTF-8 bytes.
    public var fields: [String: String]

    /// Makes an opening sheet; the price is in fen (1 yuan = 100 fen).
    public init(priceFen: Int64, currency: String = "CNY", durationDays: UInt32? = nil, fields: [String: String] = [:]) {
        self.priceFen = priceFen
        self.currency = currency
        self.durationDays = durationDays
        self.fields = fields
    }

    /// i64 price ‖ lp(currency) ‖ u8 has-duration [‖ u32 days] ‖ u32 field count ‖ (lp(key) ‖ lp(value))*.
    func write(to writer: inout ByteWriter) {
        writer.append(self.priceFen)
        writer.append(lengthPrefixed: self.currency)
        if let days = self.durationDays {
            writer.append(UInt8(1))
            writer.append(days)
        } else {
            writer.append(UInt8(0))
        }
        let keys = self.fields.keys.sorted { Array($0.utf8).lexicographicallyPrecedes(Array($1.utf8)) }
        writer.append(UInt32(keys.count))
        for key in keys {
            writer.append(lengthPrefixed: key)
            writer.append(lengthPrefixed: self.fields[key] ?? "")
        }
    }

    /// Reads what `write(to:)` wrote, insisting on sorted, unique keys so the bytes are canonical.
    static func read(from reader: inout ByteReader) throws(ByteReader.Failure) -> OpeningSheet {
        let price = try reader.int64("price")
        let currency = try reader.text("currency", max: 16)
        let duration: UInt32?
        switch try reader.uint8("duration flag") {
        case 0: duration = nil
        case 1: duration = try reader.uint32("duration")
        case let flag: throw ByteReader.Failure(reason: "duration flag is \(flag), not 0 or 1")
        }
        let count = try reader.uint32("field count")
        var fields: [String: String] = [:]
        var previousKey: [UInt8]? = nil
        for _ in 0..<count {
            let key = try reader.text("field key", max: 1024)
            let value = try reader.text("field value", max: 65_536)
            let keyBytes = Array(key.utf8)
            if let previousKey, !previousKey.lexicographicallyPrecedes(keyBytes) {
                throw ByteReader.Failure(reason: "opening-sheet keys are not sorted and unique")
            }
            previousKey = keyBytes
            fields[key] = value
        }
        return OpeningSheet(priceFen: price, currency: currency, durationDays: duration, fields: fields)
    }
}
