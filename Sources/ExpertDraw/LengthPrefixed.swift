import Foundation

/// The byte encodings algorithm v1 hashes: lp(x) = u32 big-endian length ‖ UTF-8 bytes, and u64 big-endian.
enum LengthPrefixed {
    /// Appends lp(text): its UTF-8 length as a big-endian u32, then its UTF-8 bytes.
    static func append(_ text: String, to out: inout [UInt8]) {
        let utf8 = text.utf8
        Self.appendUInt32(UInt32(utf8.count), to: &out)
        out.append(contentsOf: utf8)
    }

    /// lp(text) as a new byte array.
    static func bytes(_ text: String) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(4 + text.utf8.count)
        Self.append(text, to: &out)
        return out
    }

    /// Appends a big-endian u32.
    static func appendUInt32(_ value: UInt32, to out: inout [UInt8]) {
        for shift in stride(from: 24, through: 0, by: -8) {
            out.append(UInt8(truncatingIfNeeded: value >> UInt32(shift)))
        }
    }

    /// Appends a big-endian u64.
    static func appendUInt64(_ value: UInt64, to out: inout [UInt8]) {
        for shift in stride(from: 56, through: 0, by: -8) {
            out.append(UInt8(truncatingIfNeeded: value >> UInt64(shift)))
        }
    }
}

extension String {
    /// Orders identifiers by their UTF-8 bytes, which is Unicode code point order: the order the
    /// reference implementation (Python `sorted`) uses, independent of Unicode normalization.
    func precedesByCodePoint(_ other: String) -> Bool {
        self.compareUTF8(other) < 0
    }

    /// Whether the two strings have the same UTF-8 bytes (stricter than `==`, which is canonical equivalence).
    func equalsByCodePoint(_ other: String) -> Bool {
        self.utf8.count == other.utf8.count && self.compareUTF8(other) == 0
    }

    /// Byte-wise comparison of the UTF-8 forms: negative, zero or positive.
    private func compareUTF8(_ other: String) -> Int {
        let fast = self.utf8.withContiguousStorageIfAvailable { lhs in
            other.utf8.withContiguousStorageIfAvailable { rhs -> Int in
                let common = min(lhs.count, rhs.count)
                if common > 0, let a = lhs.baseAddress, let b = rhs.baseAddress {
                    let order = Int(memcmp(a, b, common))
                    if order != 0 { return order }
                }
                return lhs.count - rhs.count
            }
        }
        if let result = fast ?? nil { return result }
        if self.utf8.elementsEqual(other.utf8) { return 0 }
        return self.utf8.lexicographicallyPrecedes(other.utf8) ? -1 : 1
    }
}
