/// Bids read from a file, grouped into tenders, with the rows that were skipped.
public struct BidInput: Sendable {
    /// Every tender named in the input, in first-seen order — also those whose every row was skipped
    /// (they have no bids then), so that every tender of the input gets a result.
    public var tenders: [ScreenedTender]
    /// Records read (CSV rows or JSON lines), not counting the header and blank lines.
    public var records: Int
    /// Records skipped as bad (only with `skipBadRecords`).
    public var skippedCount: Int
    /// The first ``BidInput/problemLimit`` problems, in input order.
    public var problems: [BidInputError]

    /// How many problems are kept; beyond it only ``skippedCount`` grows.
    public static let problemLimit = 100

    /// Total bids over all tenders.
    public var bidCount: Int { self.tenders.reduce(0) { $0 + $1.bids.count } }
}

/// Reads bids from CSV: a header line, then one bid per record.
///
/// Required columns: `tender_id`, `bidder_id`, `amount` (yuan with up to two decimals, stored as
/// integer fen). Optional: `winner` (1/0, true/false, yes/no, 是/否), `ip`, `machine_id`,
/// `doc_creator`, `deposit_account`, `project_manager`, `agent`, `date` (ISO 8601; the bid's
/// receipt time, China Standard Time when no zone is given). Columns may come in any order, header
/// names are matched case-insensitively, unknown columns are ignored and empty optional values are
/// unknown (`nil`). Fields may be quoted (`"a, b"`, `""` for a quote), records may end in LF or
/// CRLF, and a UTF-8 byte-order mark is skipped. Pure: the caller supplies the bytes.
public enum BidCSV {
    /// The columns the reader understands.
    enum Column: String, CaseIterable {
        case tenderID = "tender_id", bidderID = "bidder_id", amount, winner, ip, machineID = "machine_id"
        case docCreator = "doc_creator", depositAccount = "deposit_account", projectManager = "project_manager", agent, date
    }

    /// Parses a whole CSV file. Throws the first problem (in file order), unless `skipBadRecords`,
    /// which records problems in the result and goes on. Structural problems (no header, a missing
    /// required column, an unterminated quote) always throw. `progress` receives the fraction of the
    /// input read, now and then. Large inputs are read in parallel slices (see ``BidCSVSlices``);
    /// the result is the same as reading sequentially.
    public static func parse(_ bytes: [UInt8], skipBadRecords: Bool = false,
                             progress: (@Sendable (Double) -> Void)? = nil) throws(BidInputError) -> BidInput {
        try Self.parse(bytes, skipBadRecords: skipBadRecords, progress: progress, slices: nil)
    }

    /// `slices` forces the number of parallel slices (tests).
    static func parse(_ bytes: [UInt8], skipBadRecords: Bool, progress: (@Sendable (Double) -> Void)?,
                      slices: Int?) throws(BidInputError) -> BidInput {
        let result: Result<BidInput, BidInputError> = bytes.withUnsafeBufferPointer { buffer in
            do throws(BidInputError) {
                return .success(try Self.parse(buffer, skipBadRecords: skipBadRecords, progress: progress, slices: slices))
            } catch {
                return .failure(error)
            }
        }
        return try result.get()
    }

    static func parse(_ buffer: UnsafeBufferPointer<UInt8>, skipBadRecords: Bool,
                      progress: (@Sendable (Double) -> Void)?, slices: Int?) throws(BidInputError) -> BidInput {
        var scanner = CSVScanner(buffer)
        var fields: [CSVFieldRange] = []
        let (headerLine, header) = try Self.header(&scanner, &fields)
        guard !header.isEmpty else { throw BidInputError(line: 1, kind: .noHeader) }
        var columns = [Column?](repeating: nil, count: header.count)
        var seen: Set<String> = []
        for (index, name) in header.enumerated() {
            guard let column = Column(rawValue: name) else { continue }
            guard seen.insert(name).inserted else { throw BidInputError(line: headerLine, column: name, kind: .duplicateColumn) }
            columns[index] = column
        }
        for required in [Column.tenderID, .bidderID, .amount] where !seen.contains(required.rawValue) {
            throw BidInputError(line: headerLine, column: required.rawValue, kind: .missingColumn)
        }
        let layout = BidCSVLayout(header: header, columns: columns, skipBadRecords: skipBadRecords)
        let input = try BidCSVSlices.read(buffer, from: scanner.position, line: scanner.line, layout: layout,
                                             progress: progress, slices: slices)
        progress?(1)
        return input
    }

    /// The first non-blank record, names lower-cased.
    static func header(_ scanner: inout CSVScanner, _ fields: inout [CSVFieldRange]) throws(BidInputError) -> (line: Int, names: [String]) {
        while true {
            let line: Int
            do {
                guard let next = try scanner.nextRecord(into: &fields) else { return (1, []) }
                line = next
            } catch {
                throw BidInputError(line: error.line, kind: error.kind)
            }
            if CSVScanner.isBlank(fields) { continue }
            var names: [String] = []
            for field in fields {
                guard let name = scanner.text(field) else { throw BidInputError(line: line, kind: .notUTF8) }
                names.append(name.lowercased())
            }
            return (line, names)
        }
    }

    /// One record → one bid.
    /// `tenderID`, when given, is the already-known text of the tender column.
    static func bid(_ fields: [CSVFieldRange], line: Int, layout: BidCSVLayout, scanner: CSVScanner,
                    tenderID: String? = nil) throws(BidInputError) -> ScreenedBid {
        let header = layout.header
        guard fields.count == header.count else {
            let missing = fields.count < header.count ? header[fields.count] : nil
            throw BidInputError(line: line, column: missing, kind: .fieldCount(expected: header.count, found: fields.count))
        }
        var bid = ScreenedBid(tenderID: "", bidderID: "", amountFen: 0)
        for index in 0..<fields.count {
            guard let column = layout.columns[index] else { continue }
            let field = fields[index]
            switch column {
            case .amount:
                let bytes = scanner.trimmedBytes(field)
                guard !bytes.isEmpty else { throw BidInputError(line: line, column: column.rawValue, kind: .emptyValue) }
                guard let fen = FieldValues.fen(fromYuan: bytes) else {
                    throw BidInputError(line: line, column: column.rawValue, value: scanner.text(field), kind: .badAmount)
                }
                bid.amountFen = fen
            case .winner:
                guard let mark = FieldValues.winner(scanner.trimmedBytes(field)) else {
                    throw BidInputError(line: line, column: column.rawValue, value: scanner.text(field), kind: .badWinner)
                }
                bid.isWinner = mark
            case .date:
                let bytes = scanner.trimmedBytes(field)
                if bytes.isEmpty { continue }
                guard let date = FieldValues.date(bytes) else {
                    throw BidInputError(line: line, column: column.rawValue, value: scanner.text(field), kind: .badDate)
                }
                bid.submittedAt = date
            case .tenderID where tenderID != nil:
                bid.tenderID = tenderID!
            default:
                guard let text = scanner.text(field) else { throw BidInputError(line: line, column: column.rawValue, kind: .notUTF8) }
                let value: String? = text.isEmpty ? nil : text
                switch column {
                case .tenderID: bid.tenderID = text
                case .bidderID: bid.bidderID = text
                case .ip: bid.ip = value
                case .machineID: bid.machineID = value
                case .docCreator: bid.docCreator = value
                case .depositAccount: bid.depositAccount = value
                case .projectManager: bid.projectManager = value
                case .agent: bid.agent = value
                case .amount, .winner, .date: break
                }
            }
        }
        if bid.tenderID.isEmpty { throw BidInputError(line: line, column: Column.tenderID.rawValue, kind: .emptyValue) }
        if bid.bidderID.isEmpty { throw BidInputError(line: line, column: Column.bidderID.rawValue, kind: .emptyValue) }
        return bid
    }
}
