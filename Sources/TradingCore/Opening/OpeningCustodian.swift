import Foundation

/// One member of a lot's custodian panel, as named and logged with the tender notice (DESIGN.md, "Sealed bids and
/// remote opening", step 1). The panel's public keys live with the notice; the opening only needs who is who.
public struct OpeningCustodian: Sendable, Codable, Hashable {
    /// The custodian's account id on the platform.
    public var id: String
    /// The name shown in the live room and the opening record, e.g. `市公证处`.
    public var name: String

    /// Names one custodian of the panel.
    public init(id: String, name: String) {
        self.id = id
        self.name = name
    }
}

/// 投标文件（密封） — one sealed bid received before the deadline, as the opening knows it: ids only, never content.
///
/// The frozen set is given in submission order (server receipt time, RULES.md "Counting time"); that order is the
/// order of the price sheet.
public struct ReceivedBid: Sendable, Codable, Hashable {
    /// The bid's id (its latest version at the deadline).
    public var bidID: String
    /// The bidder's id; one bidder has at most one bid per lot.
    public var bidderID: String

    /// Names one received bid.
    public init(bidID: String, bidderID: String) {
        self.bidID = bidID
        self.bidderID = bidderID
    }

    enum CodingKeys: String, CodingKey {
        case bidID = "bidId"
        case bidderID = "bidderId"
    }
}

/// One custodian's release of decrypted key shares at the opening.
public struct ShareRelease: Sendable, Codable, Equatable {
    /// The releasing custodian's id (a member of the panel).
    public var custodianID: String
    /// The bids for which this custodian handed over a share; a share it could not decrypt is simply missing.
    public var bidIDs: [String]
    /// Server time of the release.
    public var releasedAt: Date

    /// Records one release.
    public init(custodianID: String, bidIDs: [String], releasedAt: Date) {
        self.custodianID = custodianID
        self.bidIDs = bidIDs
        self.releasedAt = releasedAt
    }

    enum CodingKeys: String, CodingKey {
        case releasedAt
        case custodianID = "custodianId"
        case bidIDs = "bidIds"
    }
}
