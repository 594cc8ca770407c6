/// Why a share file was refused: it does not read, or it belongs to another bid or envelope.
public enum ShareFileError: SealedBidError, Equatable {
    /// The file is not UTF-8 text.
    case notText
    /// Line `line` (1-based) is missing or is not of the form `expected`.
    case malformed(line: Int, expected: String)
    /// The readable `field` line disagrees with the share line under it: the file was edited or damaged.
    case inconsistent(field: String)
    /// The share is for another tender, lot, bidder or deadline: `field` is `inFile` here but `inEnvelope` there.
    case otherBid(field: String, inFile: String, inEnvelope: String)
    /// The share is for another envelope of the same bid (e.g. an earlier version the bidder replaced).
    case otherEnvelope(inFile: String, inEnvelope: String)

    public var code: String {
        switch self {
        case .notText: "share-file-not-text"
        case .malformed: "share-file-malformed"
        case .inconsistent: "share-file-inconsistent"
        case .otherBid: "share-file-other-bid"
        case .otherEnvelope: "share-file-other-envelope"
        }
    }

    public var en: String {
        switch self {
        case .notText:
            "The share file is not UTF-8 text (damaged?)"
        case .malformed(let line, let expected):
            "Line \(line) of the share file should read `\(expected)`"
        case .inconsistent(let field):
            "The share file's \(field) line does not match its share line (edited or damaged)"
        case .otherBid(let field, let inFile, let inEnvelope):
            "The share is for \(field) \(inFile), but the envelope is for \(field) \(inEnvelope)"
        case .otherEnvelope(let inFile, let inEnvelope):
            "The share is for another envelope (sha256 \(inFile.prefix(16))…), not this one (sha256 \(inEnvelope.prefix(16))…)"
        }
    }

    public var zh: String {
        switch self {
        case .notText:
            "份额文件不是 UTF-8 文本（可能已损坏）"
        case .malformed(let line, let expected):
            "份额文件第\(line)行应为“\(expected)”"
        case .inconsistent(let field):
            "份额文件的\(Self.chinese(field))行与份额行不一致（已被改动或损坏）"
        case .otherBid(let field, let inFile, let inEnvelope):
            "该份额属于\(Self.chinese(field))\(inFile)，而信封属于\(Self.chinese(field))\(inEnvelope)"
        case .otherEnvelope(let inFile, let inEnvelope):
            "该份额属于另一份投标文件信封（sha256 \(inFile.prefix(16))…），不属于本信封（sha256 \(inEnvelope.prefix(16))…）"
        }
    }

    /// The Chinese name of a share-file field named in English above.
    private static func chinese(_ field: String) -> String {
        switch field {
        case "tender": "招标项目"
        case "lot": "标段"
        case "bidder": "投标人"
        case "deadline": "投标截止时间"
        case "envelope-sha256": "信封哈希"
        case "index": "份额序号"
        default: field
        }
    }
}
