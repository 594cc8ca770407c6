/// 唱标 — the price sheet read out at the opening: one row for every opened bid, in submission order.
///
/// It is published once, when every frozen bid is decided, and never in part: until then nobody sees a price.
public struct PriceSheet: Sendable, Codable, Equatable {
    /// One row per opened bid, in submission order.
    public var rows: [PriceSheetRow]

    /// Makes a sheet from its rows.
    public init(rows: [PriceSheetRow]) {
        self.rows = rows
    }
}

/// One row of the price sheet: a bidder's name (id) and what its bid says.
public struct PriceSheetRow: Sendable, Codable, Equatable {
    /// 1-based position of the bid in submission order among all frozen bids.
    public var position: Int
    /// The bid's id.
    public var bidID: String
    /// The bidder's id.
    public var bidderID: String
    /// The price and fields read out.
    public var readOut: BidReadOut

    /// Makes one row.
    public init(position: Int, bidID: String, bidderID: String, readOut: BidReadOut) {
        self.position = position
        self.bidID = bidID
        self.bidderID = bidderID
        self.readOut = readOut
    }

    enum CodingKeys: String, CodingKey {
        case position, readOut
        case bidID = "bidId"
        case bidderID = "bidderId"
    }
}

/// A frozen bid that could not be decrypted: set aside as revoked or withdrawn, never read out.
public struct SetAsideBid: Sendable, Codable, Equatable {
    /// 1-based position of the bid in submission order among all frozen bids.
    public var position: Int
    /// The bid's id.
    public var bidID: String
    /// The bidder's id.
    public var bidderID: String
    /// Why decryption failed, and whose fault it is.
    public var failure: DecryptionFailure

    /// Makes one entry.
    public init(position: Int, bidID: String, bidderID: String, failure: DecryptionFailure) {
        self.position = position
        self.bidID = bidID
        self.bidderID = bidderID
        self.failure = failure
    }

    /// Revoked (撤销) when the bidder caused the failure, withdrawn (撤回) otherwise.
    public var treatment: SetAsideTreatment {
        self.failure.treatment
    }

    enum CodingKeys: String, CodingKey {
        case position, failure
        case bidID = "bidId"
        case bidderID = "bidderId"
    }
}
