/// Lower-case hexadecimal, as SHA-256 digests are printed on receipts and in share files.
enum Hex {
    private static let digits = Array("0123456789abcdef".utf8)

    /// `bytes` as lower-case hex, two digits a byte.
    static func encode(_ bytes: some Sequence<UInt8>) -> String {
        var text: [UInt8] = []
        for byte in bytes {
            text.append(Self.digits[Int(byte >> 4)])
            text.append(Self.digits[Int(byte & 0x0F)])
        }
        return String(decoding: text, as: UTF8.self)
    }

    /// The bytes of lower-case hex `text`, or nil if it is not exactly that (upper case is refused,
    /// so that a text form has one spelling).
    static func decode(_ text: some StringProtocol) -> [UInt8]? {
        let utf8 = Array(text.utf8)
        guard utf8.count % 2 == 0 else { return nil }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(utf8.count / 2)
        var index = 0
        while index < utf8.count {
            guard let high = Self.digits.firstIndex(of: utf8[index]),
                let low = Self.digits.firstIndex(of: utf8[index + 1])
            else {
                return nil
            }
            bytes.append(UInt8(high << 4 | low))
            index += 2
        }
        return bytes
    }
}

extension BidEnvelope {
    /// ``sha256`` as 64 lower-case hex digits: what the bidder keeps to compare with the platform's receipt.
    public var sha256Hex: String {
        Hex.encode(self.sha256)
    }

    /// Reads a SHA-256 given as 64 hex digits (either case), e.g. from a receipt; nil if it is not one.
    public static func sha256(hex: String) -> [UInt8]? {
        guard let bytes = Hex.decode(hex.lowercased()), bytes.count == SealedBidFormat.hashBytes else { return nil }
        return bytes
    }
}
