/// 解密份额文件 — the file a custodian hands over at the opening: one decrypted key share, labelled
/// with the bid it opens so that shares cannot be mixed up silently.
///
/// ```
/// yiwang-share-file-v1
/// tender: YW-2026-000123
/// lot: 标段1
/// bidder: 91110000MA01ABCD3X
/// envelope-sha256: 3fa2…(64 hex digits)
/// index: 2
/// yiwang-decrypted-share-v1 <base64(envelope sha256 ‖ index ‖ share)>
/// ```
/// The readable lines repeat what the last line holds; reading checks that they agree, and
/// ``check(against:)`` that they name the envelope being opened. Control characters and `%` in
/// identifiers are written `%XX`, so every field stays on its line.
public struct ShareFile: Sendable, Hashable {
    /// The first line of the text form.
    public static let header = "yiwang-share-file-v1"

    /// The tender the share's envelope is sealed for.
    public let tenderID: String
    /// The lot the share's envelope is sealed for.
    public let lotID: String
    /// The bidder who sealed the share's envelope.
    public let bidderID: String
    /// The share itself, naming its envelope by SHA-256.
    public let share: DecryptedShare

    /// Labels `share` with the tender, lot and bidder of `envelope`, which it was decrypted from.
    public init(envelope: BidEnvelope, share: DecryptedShare) {
        self.tenderID = envelope.binding.tenderID
        self.lotID = envelope.binding.lotID
        self.bidderID = envelope.binding.bidderID
        self.share = share
    }

    /// Reads the bytes of a share file: UTF-8 text as ``text`` writes it (CRLF line ends accepted).
    public init(bytes: [UInt8]) throws(ShareFileError) {
        guard let text = String(validating: bytes, as: UTF8.self) else { throw .notText }
        try self.init(text: text)
    }

    /// Reads the text form, strictly: the seven lines in order, then nothing but an optional newline.
    public init(text: String) throws(ShareFileError) {
        // Split on the LF byte: Swift's Characters would fuse CR LF into one.
        var lines = Array(text.utf8).split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false).map { line in
            Substring(decoding: line.last == UInt8(ascii: "\r") ? line.dropLast() : line, as: UTF8.self)
        }
        if lines.last == "" { lines.removeLast() }
        func line(_ number: Int, _ expected: String) throws(ShareFileError) -> Substring {
            guard number <= lines.count else { throw .malformed(line: number, expected: expected) }
            return lines[number - 1]
        }
        func field(_ number: Int, _ name: String) throws(ShareFileError) -> String {
            let expected = "\(name): …"
            let text = try line(number, expected)
            guard text.hasPrefix("\(name): "), let value = Self.unescape(text.dropFirst(name.count + 2)), !value.isEmpty
            else {
                throw .malformed(line: number, expected: expected)
            }
            return value
        }
        guard try line(1, Self.header) == Self.header else { throw .malformed(line: 1, expected: Self.header) }
        let tender = try field(2, "tender")
        let lot = try field(3, "lot")
        let bidder = try field(4, "bidder")
        let hashText = try field(5, "envelope-sha256")
        let indexText = try field(6, "index")
        let shareLine = "\(DecryptedShare.textLabel) <base64>"
        let shareText = String(try line(7, shareLine))
        let share: DecryptedShare
        do throws(KeyTextError) {
            share = try DecryptedShare(text: shareText)
        } catch {
            throw .malformed(line: 7, expected: shareLine)
        }
        guard lines.count == 7 else { throw .malformed(line: 8, expected: "(end of file)") }
        guard let hash = Hex.decode(hashText), hash.count == 32 else {
            throw .malformed(line: 5, expected: "envelope-sha256: <64 lower-case hex digits>")
        }
        guard let index = UInt8(indexText), String(index) == indexText else {
            throw .malformed(line: 6, expected: "index: <1…255>")
        }
        guard hash == share.envelopeSHA256 else { throw .inconsistent(field: "envelope-sha256") }
        guard index == share.index else { throw .inconsistent(field: "index") }
        self.tenderID = tender
        self.lotID = lot
        self.bidderID = bidder
        self.share = share
    }

    /// The text form: the seven lines above, each ending in a newline.
    public var text: String {
        [
            Self.header,
            "tender: \(Self.escape(self.tenderID))",
            "lot: \(Self.escape(self.lotID))",
            "bidder: \(Self.escape(self.bidderID))",
            "envelope-sha256: \(Hex.encode(self.share.envelopeSHA256))",
            "index: \(self.share.index)",
            self.share.text,
        ].joined(separator: "\n")
    }

    /// Throws unless this file names `envelope`: the same tender, lot and bidder, and the same SHA-256.
    ///
    /// Whether the share itself is right is ``BidEnvelope/check(_:)``'s job (the bidder's commitment).
    public func check(against envelope: BidEnvelope) throws(ShareFileError) {
        let binding = envelope.binding
        for (field, inFile, inEnvelope) in [
            ("tender", self.tenderID, binding.tenderID),
            ("lot", self.lotID, binding.lotID),
            ("bidder", self.bidderID, binding.bidderID),
        ] where inFile != inEnvelope {
            throw .otherBid(field: field, inFile: inFile, inEnvelope: inEnvelope)
        }
        let envelopeHash = envelope.sha256
        guard self.share.envelopeSHA256 == envelopeHash else {
            throw .otherEnvelope(inFile: Hex.encode(self.share.envelopeSHA256), inEnvelope: Hex.encode(envelopeHash))
        }
    }

    /// `text` with `%`, DEL and C0 control characters written `%XX` (upper-case hex).
    static func escape(_ text: String) -> String {
        var bytes: [UInt8] = []
        for byte in text.utf8 {
            if byte < 0x20 || byte == 0x7F || byte == UInt8(ascii: "%") {
                bytes.append(contentsOf: Array("%\(byte < 0x10 ? "0" : "")\(String(byte, radix: 16, uppercase: true))".utf8))
            } else {
                bytes.append(byte)
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// The inverse of ``escape(_:)``; nil for any other spelling, so a text has one form only.
    static func unescape(_ text: Substring) -> String? {
        var bytes: [UInt8] = []
        var iterator = Array(text.utf8).makeIterator()
        while let byte = iterator.next() {
            guard byte >= 0x20, byte != 0x7F else { return nil }
            guard byte == UInt8(ascii: "%") else {
                bytes.append(byte)
                continue
            }
            let upperHex = Array("0123456789ABCDEF".utf8)
            guard let high = iterator.next(), let low = iterator.next(),
                let highValue = upperHex.firstIndex(of: high), let lowValue = upperHex.firstIndex(of: low)
            else {
                return nil
            }
            let value = UInt8(highValue << 4 | lowValue)
            guard value < 0x20 || value == 0x7F || value == UInt8(ascii: "%") else { return nil }
            bytes.append(value)
        }
        return String(validating: bytes, as: UTF8.self)
    }
}
