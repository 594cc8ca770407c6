import Foundation
import SQLKit
import Storage
import TradingCore

extension OpeningRoom {
    /// The frozen bids of a lot after its deadline: how many, and — only once the lot has opened — the price sheet
    /// and the bids set aside. Before the opening nothing here carries a price (法22, 法36).
    struct Sheet: Sendable {
        var count = 0
        var rows: [PriceSheetRow] = []
        var setAside: [SetAsideBid] = []
    }

    static func sheet(lotID: String, sealed: Bool, opened: Bool, on db: any SQLDatabase) async throws -> Sheet {
        var sheet = Sheet()
        guard sealed else {
            let bids = try await db.rows("SELECT * FROM bids WHERE lot_id = \(bind: lotID) AND status = 'active' ORDER BY submitted_at, log_index", as: BidRow.self)
            sheet.count = bids.count
            guard opened else { return sheet }
            sheet.rows = bids.enumerated().map { index, bid in
                PriceSheetRow(position: index + 1, bidID: bid.id, bidderID: bid.partyId, readOut: BidReadOut(price: Money(fen: bid.priceFen, currency: bid.currency)))
            }
            return sheet
        }
        let envelopes = try await db.rows(
            "SELECT * FROM sealed_bids WHERE lot_id = \(bind: lotID) AND status = 'active' ORDER BY submitted_at, log_index", as: SealedBidRow.self
        )
        sheet.count = envelopes.count
        guard opened else { return sheet }
        let prices = try await db.rows("SELECT * FROM bids WHERE lot_id = \(bind: lotID)", as: BidRow.self)
        for (index, envelope) in envelopes.enumerated() {
            switch envelope.outcome {
            case "opened":
                guard let bid = prices.first(where: { $0.id == envelope.bidId }) else { continue }
                sheet.rows.append(PriceSheetRow(
                    position: index + 1, bidID: envelope.id, bidderID: envelope.partyId,
                    readOut: BidReadOut(price: Money(fen: bid.priceFen, currency: bid.currency))
                ))
            case let outcome?:
                let treatment: SetAsideTreatment = outcome == "revoked" ? .revoked : .withdrawn
                let failure = DecryptionFailure(
                    fault: treatment == .revoked ? .bidder : .platform, code: "opening-\(outcome)",
                    zh: envelope.outcomeReason ?? treatment.nameZh, en: treatment.nameEn
                )
                sheet.setAside.append(SetAsideBid(position: index + 1, bidID: envelope.id, bidderID: envelope.partyId, failure: failure))
            case nil:
                continue
            }
        }
        return sheet
    }
}
