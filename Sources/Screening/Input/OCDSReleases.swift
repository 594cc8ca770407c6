import Foundation

/// Reads OCDS compiled releases, one JSON object per line (JSON Lines), as tenders to screen.
///
/// Tender id = `ocid`. Bids come from the bids extension, `bids.details[]`: bidder =
/// `tenderers[].id` (a consortium's ids sorted and joined by `+`), price = `value.amount` in the
/// currency's main unit (yuan), at most two decimals; `status` `disqualified` marks a disqualified
/// bid, `withdrawn` and `invited` entries are left out (nothing was offered); `date` is the receipt
/// time. Winners: the suppliers of `awards[]` whose status is `active` (or absent); when a release
/// has such an award every other bid is a loser, otherwise results are unknown. The tender's
/// `tenderPeriod` gives the publication and deadline instants and `tender.value.amount` the
/// estimate, so the date and discount red flags work too. A later line with the same ocid replaces
/// the earlier one. Lots inside one release are not split: a release is one tender.
public enum OCDSReleases {
    /// Parses JSON lines. Throws the first problem unless `skipBadRecords`; see ``BidCSV/parse(_:skipBadRecords:progress:)``.
    public static func parse(_ bytes: [UInt8], skipBadRecords: Bool = false,
                             progress: (@Sendable (Double) -> Void)? = nil) throws(BidInputError) -> BidInput {
        var input = BidInput(tenders: [], records: 0, skippedCount: 0, problems: [])
        var tenderIndex: [String: Int] = [:]
        let decoder = JSONDecoder()
        var start = 0
        var line = 0
        while start < bytes.count {
            var end = start
            while end < bytes.count && bytes[end] != 0x0A { end += 1 }
            line += 1
            let record = bytes[start..<end]
            start = end + 1
            if record.allSatisfy({ $0 == 0x20 || $0 == 0x09 || $0 == 0x0D }) { continue }
            input.records += 1
            if input.records & 0x3FF == 0, let progress { progress(Double(start) / Double(bytes.count)) }
            do throws(BidInputError) {
                let tender = try Self.tender(Data(record), line: line, decoder: decoder)
                if let i = tenderIndex[tender.id] {
                    input.tenders[i] = tender
                } else {
                    tenderIndex[tender.id] = input.tenders.count
                    input.tenders.append(tender)
                }
            } catch {
                guard skipBadRecords else { throw error }
                input.skippedCount += 1
                if input.problems.count < BidInput.problemLimit { input.problems.append(error) }
                // Keep the tender in the output when at least its ocid can be read.
                if let id = (try? decoder.decode(OCDSReleaseID.self, from: Data(record)))?.ocid, tenderIndex[id] == nil {
                    tenderIndex[id] = input.tenders.count
                    input.tenders.append(ScreenedTender(id: id, bids: []))
                }
            }
        }
        progress?(1)
        return input
    }

    /// One release → one tender.
    static func tender(_ json: Data, line: Int, decoder: JSONDecoder) throws(BidInputError) -> ScreenedTender {
        let release: OCDSRelease
        do {
            release = try decoder.decode(OCDSRelease.self, from: json)
        } catch {
            throw BidInputError(line: line, kind: .badJSON(Self.reason(error)))
        }
        guard !release.ocid.isEmpty else { throw BidInputError(line: line, column: "ocid", kind: .emptyValue) }
        var tender = ScreenedTender(id: release.ocid, bids: [])
        let period = release.tender?.tenderPeriod
        tender.publishedAt = try Self.date(period?.startDate, line: line, column: "tender.tenderPeriod.startDate")
        tender.deadline = try Self.date(period?.endDate, line: line, column: "tender.tenderPeriod.endDate")
        if let estimate = release.tender?.value?.amount {
            tender.estimateFen = try Self.fen(estimate, line: line, column: "tender.value.amount")
        }
        let awarded = (release.awards ?? []).filter { $0.status == nil || $0.status == "active" }
        let winners = Set(awarded.flatMap { $0.suppliers ?? [] }.compactMap(\.id))
        for (i, detail) in (release.bids?.details ?? []).enumerated() {
            if detail.status == "withdrawn" || detail.status == "invited" { continue }
            let path = "bids.details[\(i)]"
            let ids = (detail.tenderers ?? []).compactMap(\.id).filter { !$0.isEmpty }.sorted()
            guard !ids.isEmpty else { throw BidInputError(line: line, column: path + ".tenderers[].id", kind: .emptyValue) }
            guard let amount = detail.value?.amount else { throw BidInputError(line: line, column: path + ".value.amount", kind: .emptyValue) }
            var bid = ScreenedBid(tenderID: tender.id, bidderID: ids.joined(separator: "+"),
                                  amountFen: try Self.fen(amount, line: line, column: path + ".value.amount"))
            bid.submittedAt = try Self.date(detail.date, line: line, column: path + ".date")
            if detail.status == "disqualified" { bid.disqualified = true } else if detail.status == "valid" { bid.disqualified = false }
            if !awarded.isEmpty { bid.isWinner = ids.contains(where: winners.contains) }
            tender.bids.append(bid)
        }
        return tender
    }

    static func fen(_ amount: OCDSAmount, line: Int, column: String) throws(BidInputError) -> Int64 {
        let fen = Array(amount.text.utf8).withUnsafeBufferPointer { FieldValues.fen(fromYuan: $0) }
        guard let fen else { throw BidInputError(line: line, column: column, value: amount.text, kind: .badAmount) }
        return fen
    }

    static func date(_ text: String?, line: Int, column: String) throws(BidInputError) -> Date? {
        guard let text, !text.isEmpty else { return nil }
        guard let date = Array(text.utf8).withUnsafeBufferPointer({ FieldValues.date($0) }) else {
            throw BidInputError(line: line, column: column, value: text, kind: .badDate)
        }
        return date
    }

    /// A short reason from a decoding error: what was expected where.
    static func reason(_ error: any Error) -> String {
        guard let error = error as? DecodingError else { return "invalid JSON" }
        func path(_ context: DecodingError.Context) -> String {
            context.codingPath.map { $0.intValue.map { "[\($0)]" } ?? ".\($0.stringValue)" }.joined().trimmingCharacters(in: ["."])
        }
        switch error {
        case .keyNotFound(let key, let context): return "missing \(path(context).isEmpty ? "" : path(context) + ".")\(key.stringValue)"
        case .typeMismatch(_, let context), .valueNotFound(_, let context): return "unexpected value at \(path(context))"
        case .dataCorrupted(let context): return path(context).isEmpty ? "invalid JSON" : "invalid value at \(path(context))"
        @unknown default: return "invalid JSON"
        }
    }
}
