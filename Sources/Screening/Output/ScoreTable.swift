/// The output of `yiwang screen`: one CSV line per tender, `tender_id,score,flags`, sorted by
/// tender id (byte order of its UTF-8, so `T10` sorts before `T9`).
///
/// `score` has four decimals; `flags` lists each distinct `code:severity` of the tender once, most
/// severe first, joined by `;` (empty when nothing was flagged). Fields are quoted per RFC 4180 only
/// when they hold a comma, a quote or a line break. Lines end in LF.
public enum ScoreTable {
    /// The header line, with its line end.
    public static let header = "tender_id,score,flags\n"

    /// The whole table, header included, as UTF-8 bytes.
    public static func csv(_ screens: [TenderScreen]) -> [UInt8] {
        // For ASCII ids the standard comparison is byte order and much faster than comparing views.
        let ascii = screens.allSatisfy { $0.tenderID.utf8.allSatisfy { $0 < 0x80 } }
        let sorted = ascii ? screens.sorted { $0.tenderID < $1.tenderID }
            : screens.sorted { $0.tenderID.utf8.lexicographicallyPrecedes($1.tenderID.utf8) }
        var out: [UInt8] = []
        out.reserveCapacity(Self.header.utf8.count + sorted.count * 48)
        out.append(contentsOf: Self.header.utf8)
        for screen in sorted {
            Self.appendField(screen.tenderID, to: &out)
            out.append(UInt8(ascii: ","))
            out.append(contentsOf: Self.score(screen.score).utf8)
            out.append(UInt8(ascii: ","))
            Self.appendField(Self.flags(screen.flags), to: &out)
            out.append(UInt8(ascii: "\n"))
        }
        return out
    }

    /// `0.7200`: the score rounded half away from zero to four decimals, clamped to [0, 1].
    public static func score(_ score: Double) -> String {
        let units = Int((min(1, max(0, score.isNaN ? 0 : score)) * 10_000).rounded())
        let fraction = String(units % 10_000)
        return "\(units / 10_000)." + String(repeating: "0", count: 4 - fraction.count) + fraction
    }

    /// `tiaoli40_same_deposit_account:high;cv_low:medium` — each distinct code and severity once, in order.
    public static func flags(_ flags: [ScreeningFlag]) -> String {
        var parts: [String] = []
        for (i, flag) in flags.enumerated()
        where !flags[..<i].contains(where: { $0.code == flag.code && $0.severity == flag.severity }) {
            parts.append(flag.code.rawValue + ":" + flag.severity.rawValue)
        }
        return parts.joined(separator: ";")
    }

    static func appendField(_ text: String, to out: inout [UInt8]) {
        let needsQuotes = text.utf8.contains { $0 == UInt8(ascii: ",") || $0 == UInt8(ascii: "\"") || $0 == 0x0A || $0 == 0x0D }
        guard needsQuotes else {
            out.append(contentsOf: text.utf8)
            return
        }
        out.append(UInt8(ascii: "\""))
        for byte in text.utf8 {
            out.append(byte)
            if byte == UInt8(ascii: "\"") { out.append(byte) }
        }
        out.append(UInt8(ascii: "\""))
    }
}
