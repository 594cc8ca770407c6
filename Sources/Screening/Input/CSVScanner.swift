/// Where one field lies in the input: the bytes between `start` and `end`, inside the quotes for a
/// quoted field. `escaped` is `true` when the field holds doubled quotes (`""`) to collapse.
struct CSVFieldRange: Sendable, Hashable {
    var start: Int
    var end: Int
    var escaped: Bool
}

/// A byte-level RFC 4180 reader: records split on LF, CRLF or a lone CR; fields on commas; a field
/// that starts with `"` runs to the matching `"`, may hold commas and line breaks, and writes a quote
/// as `""`. A quote inside an unquoted field is kept as an ordinary character (lenient, as most
/// spreadsheet exports expect). Nothing is copied: fields come back as byte ranges.
struct CSVScanner {
    /// A scanning error; `field` is the 0-based index of the field at fault.
    struct Failure: Error {
        var line: Int
        var field: Int
        var kind: BidInputError.Kind
    }

    private let bytes: UnsafeBufferPointer<UInt8>
    /// The next byte to read.
    private(set) var position: Int
    /// The 1-based physical line of `position`.
    private(set) var line = 1

    private static let comma = UInt8(ascii: ","), quote = UInt8(ascii: "\""), lf = UInt8(ascii: "\n"), cr = UInt8(ascii: "\r")

    /// Starts after a UTF-8 byte-order mark, if there is one.
    init(_ bytes: UnsafeBufferPointer<UInt8>) {
        self.bytes = bytes
        let bom = bytes.count >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF
        self.position = bom ? 3 : 0
    }

    /// Starts at `position`, which must be the start of a record, counting lines from `line`.
    init(_ bytes: UnsafeBufferPointer<UInt8>, position: Int, line: Int) {
        self.bytes = bytes
        self.position = position
        self.line = line
    }

    /// Reads the next record's fields into `fields` (cleared first) and returns the line it starts
    /// on, or `nil` at the end of the input. After a `textAfterQuote` failure the scanner stands at
    /// the next line, so reading can go on.
    mutating func nextRecord(into fields: inout [CSVFieldRange]) throws(Failure) -> Int? {
        let count = self.bytes.count
        guard self.position < count else { return nil }
        fields.removeAll(keepingCapacity: true)
        let startLine = self.line
        while true {
            var p = self.position
            if p < count && self.bytes[p] == Self.quote {
                p += 1
                let start = p
                var escaped = false
                while true {
                    guard p < count else { throw Failure(line: startLine, field: fields.count, kind: .unterminatedQuote) }
                    let b = self.bytes[p]
                    if b == Self.quote {
                        if p + 1 < count && self.bytes[p + 1] == Self.quote {
                            escaped = true
                            p += 2
                            continue
                        }
                        break
                    }
                    if b == Self.lf || (b == Self.cr && (p + 1 == count || self.bytes[p + 1] != Self.lf)) { self.line += 1 }
                    p += 1
                }
                fields.append(CSVFieldRange(start: start, end: p, escaped: escaped))
                p += 1 // the closing quote
                if p < count {
                    let b = self.bytes[p]
                    if b != Self.comma && b != Self.lf && b != Self.cr {
                        self.skipLine(from: p)
                        throw Failure(line: startLine, field: fields.count - 1, kind: .textAfterQuote)
                    }
                }
            } else {
                let start = p
                while p < count {
                    let b = self.bytes[p]
                    if b == Self.comma || b == Self.lf || b == Self.cr { break }
                    p += 1
                }
                fields.append(CSVFieldRange(start: start, end: p, escaped: false))
            }
            // p is at a comma, a line end or the end of the input.
            if p >= count {
                self.position = p
                return startLine
            }
            if self.bytes[p] == Self.comma {
                self.position = p + 1
                continue
            }
            if self.bytes[p] == Self.cr && p + 1 < count && self.bytes[p + 1] == Self.lf { p += 1 }
            self.position = p + 1
            self.line += 1
            return startLine
        }
    }

    /// Moves past the next line end at or after `p`, so that reading can go on after a bad record.
    private mutating func skipLine(from p: Int) {
        var p = p
        while p < self.bytes.count && self.bytes[p] != Self.lf && self.bytes[p] != Self.cr { p += 1 }
        if p + 1 < self.bytes.count && self.bytes[p] == Self.cr && self.bytes[p + 1] == Self.lf { p += 1 }
        self.position = min(self.bytes.count, p + 1)
        self.line += 1
    }

    /// The field's text with surrounding ASCII spaces and tabs removed and `""` collapsed; `nil`
    /// when the bytes are not valid UTF-8.
    func text(_ field: CSVFieldRange) -> String? {
        var start = field.start, end = field.end
        while start < end && (self.bytes[start] == 0x20 || self.bytes[start] == 0x09) { start += 1 }
        while end > start && (self.bytes[end - 1] == 0x20 || self.bytes[end - 1] == 0x09) { end -= 1 }
        let slice = UnsafeBufferPointer(rebasing: self.bytes[start..<end])
        guard field.escaped else { return Self.string(slice) }
        var unescaped: [UInt8] = []
        unescaped.reserveCapacity(end - start)
        var i = start
        while i < end {
            unescaped.append(self.bytes[i])
            i += self.bytes[i] == Self.quote && i + 1 < end && self.bytes[i + 1] == Self.quote ? 2 : 1
        }
        return unescaped.withUnsafeBufferPointer { Self.string($0) }
    }

    /// A string from UTF-8 bytes, `nil` when they are not valid UTF-8. ASCII — nearly every field of a
    /// bid file — takes a fast path: the generic validating initialiser costs several times more.
    static func string(_ bytes: UnsafeBufferPointer<UInt8>) -> String? {
        var high: UInt8 = 0
        for byte in bytes { high |= byte }
        if high < 0x80 { return String(decoding: bytes, as: UTF8.self) }
        return String(validating: bytes, as: UTF8.self)
    }

    /// The field's bytes with surrounding spaces and tabs removed (no unescaping; for numbers and marks).
    func trimmedBytes(_ field: CSVFieldRange) -> UnsafeBufferPointer<UInt8> {
        var start = field.start, end = field.end
        while start < end && (self.bytes[start] == 0x20 || self.bytes[start] == 0x09) { start += 1 }
        while end > start && (self.bytes[end - 1] == 0x20 || self.bytes[end - 1] == 0x09) { end -= 1 }
        return UnsafeBufferPointer(rebasing: self.bytes[start..<end])
    }

    /// `true` for a record that is one empty field: a blank line.
    static func isBlank(_ fields: [CSVFieldRange]) -> Bool {
        fields.count == 1 && fields[0].start == fields[0].end && !fields[0].escaped
    }
}
