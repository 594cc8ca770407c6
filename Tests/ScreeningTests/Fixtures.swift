import Foundation
import Screening

/// A bid with only the fields a test cares about.
func bid(_ bidder: String, _ fen: Int64, tender: String = "T1", winner: Bool? = nil, disqualified: Bool? = nil,
         at: Date? = nil) -> ScreenedBid {
    ScreenedBid(tenderID: tender, bidderID: bidder, amountFen: fen, isWinner: winner, disqualified: disqualified, submittedAt: at)
}

func tender(_ bids: [ScreenedBid], id: String = "T1", publishedAt: Date? = nil, deadline: Date? = nil, estimateFen: Int64? = nil) -> ScreenedTender {
    ScreenedTender(id: id, bids: bids.map { var b = $0; b.tenderID = id; return b },
                   publishedAt: publishedAt, deadline: deadline, estimateFen: estimateFen)
}

/// Prices in fen, bidders named B1, B2, … in order.
func tender(prices: [Int64], id: String = "T1") -> ScreenedTender {
    tender(prices.enumerated().map { bid("B\($0.offset + 1)", $0.element) }, id: id)
}

func codes(_ flags: [ScreeningFlag]) -> Set<FlagCode> {
    Set(flags.map(\.code))
}

let day: TimeInterval = 86_400
let epoch = Date(timeIntervalSince1970: 1_700_000_000)
