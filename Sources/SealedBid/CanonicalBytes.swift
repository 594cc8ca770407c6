/// Writes the module's canonical binary encodings: big-endian integers and length-prefixed fields.
///
/// lp(x) = u32 big-endian length ‖ bytes, as elsewhere in Yiwang (DESIGN.md).
struct ByteWriter {
    private(set) var bytes: [UInt8] = []

    mutating func append(_ value: UInt8) {
        self.bytes.append(value)
    }

    mutating func append(_ value: UInt32) {
        for shift in stride(from: 24, through: 0, by: -8) {
            self.bytes.append(UInt8(truncatingIfNeeded: value >> UInt32(shift)))
        }
    }

    mutating func append(_ value: Int64) {
        let bits = UInt64(bitPattern: value)
        for shift in stride(from: 56, through: 0, by: -8) {
            self.bytes.append(UInt8(truncatingIfNeeded: bits >> UInt64(shift)))
        }
    }

    /// Raw bytes, no length: for fixed-size fields.
    mutating func append(raw: some Sequence<UInt8>) {
        self.bytes.append(contentsOf: raw)
    }

    /// lp(bytes). Callers keep fields below 4 GiB (checked when sealing).
    mutating func append(lengthPrefixed field: [UInt8]) {
        self.append(UInt32(field.count))
        self.bytes.append(contentsOf: field)
    }

    /// lp(UTF-8 of text).
    mutating func append(lengthPrefixed text: String) {
        self.append(lengthPrefixed: Array(text.utf8))
    }
}

/// Reads what ``ByteWriter`` wrote, failing with a reason instead of trapping on short input.
struct ByteReader {
    /// Why the bytes do not parse; `reason` is English, for logs and the error message.
    struct Failure: Error {
        let reason: String
    }

    private let bytes: [UInt8]
    private var offset = 0

    init(_ bytes: [UInt8]) {
        self.bytes = bytes
    }

    var isAtEnd: Bool {
        self.offset == self.bytes.count
    }

    mutating func raw(_ count: Int, _ field: String) throws(Failure) -> [UInt8] {
        guard count >= 0, self.bytes.count - self.offset >= count else {
            throw Failure(reason: "truncated at \(field) (offset \(self.offset))")
        }
        let slice = Array(self.bytes[self.offset..<(self.offset + count)])
        self.offset += count
        return slice
    }

    mutating func uint8(_ field: String) throws(Failure) -> UInt8 {
        try self.raw(1, field)[0]
    }

    mutating func uint32(_ field: String) throws(Failure) -> UInt32 {
        try self.raw(4, field).reduce(0) { ($0 << 8) | UInt32($1) }
    }

    mutating func int64(_ field: String) throws(Failure) -> Int64 {
        Int64(bitPattern: try self.raw(8, field).reduce(0) { ($0 << 8) | UInt64($1) })
    }

    mutating func lengthPrefixed(_ field: String, max: Int) throws(Failure) -> [UInt8] {
        let count = Int(try self.uint32("length of \(field)"))
        guard count <= max else { throw Failure(reason: "\(field) is \(count) bytes, over the limit of \(max)") }
        return try self.raw(count, field)
    }

    /// lp(UTF-8), rejecting invalid UTF-8 so that decoding and re-encoding give the same bytes.
    mutating func text(_ field: String, max: Int) throws(Failure) -> String {
        let utf8 = try self.lengthPrefixed(field, max: max)
        guard let text = String(validating: utf8, as: UTF8.self) else {
            throw Failure(reason: "\(field) is not valid UTF-8")
        }
        return text
    }

    mutating func expectEnd(_ what: String) throws(Failure) {
        guard self.isAtEnd else {
            throw Failure(reason: "\(self.bytes.count - self.offset) trailing bytes after \(what)")
        }
    }
}
