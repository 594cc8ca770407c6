/// 投标文件 — the bid inside a sealed envelope: the opening sheet plus the bid file itself.
public struct BidPayload: Sendable, Hashable {
    /// Version byte of the payload encoding.
    public static let formatVersion: UInt8 = 1
    /// Magic bytes that open an encoded payload.
    static let magic: [UInt8] = Array("YWBP".utf8)

    /// The fields read out at the opening.
    public var openingSheet: OpeningSheet
    /// The bid file's name as the bidder gave it.
    public var fileName: String
    /// The bid file's bytes.
    public var fileBytes: [UInt8]

    /// Makes a payload from the opening sheet and the bid file.
    public init(openingSheet: OpeningSheet, fileName: String, fileBytes: [UInt8]) {
        self.openingSheet = openingSheet
        self.fileName = fileName
        self.fileBytes = fileBytes
    }

    /// "YWBP" ‖ u8 version ‖ opening sheet ‖ lp(file name) ‖ lp(file bytes).
    var encoded: [UInt8] {
        var writer = ByteWriter()
        writer.append(raw: Self.magic)
        writer.append(Self.formatVersion)
        self.openingSheet.write(to: &writer)
        writer.append(lengthPrefixed: self.fileName)
        writer.append(lengthPrefixed: self.fileBytes)
        return writer.bytes
    }

    /// Decodes `encoded`, rejecting anything that would not re-encode to the same bytes.
    init(encoded bytes: [UInt8]) throws(ByteReader.Failure) {
        var reader = ByteReader(bytes)
        guard try reader.raw(4, "payload magic") == Self.magic else {
            throw ByteReader.Failure(reason: "payload does not start with YWBP")
        }
        let version = try reader.uint8("payload version")
        guard version == Self.formatVersion else {
            throw ByteReader.Failure(reason: "payload version \(version) is not supported")
        }
        let sheet = try OpeningSheet.read(from: &reader)
        let fileName = try reader.text("file name", max: 1024)
        let fileBytes = try reader.lengthPrefixed("file bytes", max: Int(UInt32.max))
        try reader.expectEnd("payload")
        self.init(openingSheet: sheet, fileName: fileName, fileBytes: fileBytes)
    }
}
