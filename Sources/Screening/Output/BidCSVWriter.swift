import Foundation

/// Writes bids in the CSV layout ``BidCSV`` reads: every column, amounts in yuan with two decimals,
/// `winner` as 1/0, `date` as RFC 3339 in China Standard Time. Used for synthetic benchmark files and
/// round-trip tests.
public enum BidCSVWriter {
    /// The header line, with its line end.
    public static let header = "tender_id,bidder_id,amount,winner,ip,machine_id,doc_creator,deposit_account,project_manager,agent,date\n"

    /// At most `limit` bids of the tenders, in order, header first.
    public static func csv(_ tenders: [ScreenedTender], limit: Int = .max) -> [UInt8] {
        var out: [UInt8] = []
        out.append(contentsOf: Self.header.utf8)
        var written = 0
        for tender in tenders {
            for bid in tender.bids {
                guard written < limit else { return out }
                Self.append(bid, to: &out)
                written += 1
            }
        }
        return out
    }

    static func append(_ bid: ScreenedBid, to out: inout [UInt8]) {
        ScoreTable.appendField(bid.tenderID, to: &out)
        out.append(UInt8(ascii: ","))
        ScoreTable.appendField(bid.bidderID, to: &out)
        out.append(UInt8(ascii: ","))
        let cents = bid.amountFen % 100
        out.append(contentsOf: "\(bid.amountFen / 100).\(cents < 10 ? "0" : "")\(cents)".utf8)
        out.append(UInt8(ascii: ","))
        if let winner = bid.isWinner { out.append(UInt8(ascii: winner ? "1" : "0")) }
        for text in [bid.ip, bid.machineID, bid.docCreator, bid.depositAccount, bid.projectManager, bid.agent] {
            out.append(UInt8(ascii: ","))
            if let text { ScoreTable.appendField(text, to: &out) }
        }
        out.append(UInt8(ascii: ","))
        if let date = bid.submittedAt { out.append(contentsOf: Self.chinaTime(date).utf8) }
        out.append(UInt8(ascii: "\n"))
    }

    /// `2026-11-23T09:30:00+08:00` (whole seconds).
    static func chinaTime(_ date: Date) -> String {
        let seconds = Int(date.timeIntervalSince1970.rounded(.down)) + FieldValues.chinaOffsetSeconds
        let days = seconds >= 0 ? seconds / 86_400 : (seconds - 86_399) / 86_400
        let (y, m, d) = Self.civil(fromDays: days)
        let s = seconds - days * 86_400
        func two(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }
        return "\(y)-\(two(m))-\(two(d))T\(two(s / 3600)):\(two(s / 60 % 60)):\(two(s % 60))+08:00"
    }

    /// Inverse of ``FieldValues/daysFromCivil(year:month:day:)`` (H. Hinnant's `civil_from_days`).
    static func civil(fromDays z: Int) -> (year: Int, month: Int, day: Int) {
        let z = z + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let day = doy - (153 * mp + 2) / 5 + 1
        let month = mp < 10 ? mp + 3 : mp - 9
        return (yoe + era * 400 + (month <= 2 ? 1 : 0), month, day)
    }
}
