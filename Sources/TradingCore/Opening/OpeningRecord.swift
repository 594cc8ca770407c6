import Foundation

/// 开标记录 — the opening record: what was received, who released shares, what was read out or set aside,
/// the objections with their answers, and the signatures. Published as the opening-record notice.
public struct OpeningRecord: Sendable, Codable, Equatable {
    /// The lot opened.
    public var lotID: String
    /// The bid deadline (the opening instant).
    public var bidDeadline: Date
    /// The frozen bid set, in submission order.
    public var bids: [ReceivedBid]
    /// The threshold k of the custodian panel.
    public var threshold: Int
    /// Every share release, in the order received.
    public var releases: [ShareRelease]
    /// The price sheet, when it was read out (nil when the lot failed after decryption).
    public var priceSheet: PriceSheet?
    /// Bids that could not be decrypted, in submission order, with their treatment.
    public var setAside: [SetAsideBid]
    /// 流标 reason, when the lot failed at the opening.
    public var failure: OpeningFailure?
    /// Every objection raised, each with its answer.
    public var objections: [OpeningObjection]
    /// The runner's signature, then the supervisor's if given.
    public var signatures: [OpeningSignature]

    /// Assembles a record.
    public init(
        lotID: String, bidDeadline: Date, bids: [ReceivedBid], threshold: Int, releases: [ShareRelease],
        priceSheet: PriceSheet?, setAside: [SetAsideBid], failure: OpeningFailure?, objections: [OpeningObjection],
        signatures: [OpeningSignature]
    ) {
        self.lotID = lotID
        self.bidDeadline = bidDeadline
        self.bids = bids
        self.threshold = threshold
        self.releases = releases
        self.priceSheet = priceSheet
        self.setAside = setAside
        self.failure = failure
        self.objections = objections
        self.signatures = signatures
    }

    enum CodingKeys: String, CodingKey {
        case bidDeadline, bids, threshold, releases, priceSheet, setAside, failure, objections, signatures
        case lotID = "lotId"
    }
}
