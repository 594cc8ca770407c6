#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// What a sealed bid is bound to: the tender, the lot, the bidder and the bid deadline.
///
/// The binding enters the payload's associated data, every share's HPKE associated data and the
/// signature, so a sealed bid cannot be moved to another tender, lot, bidder or deadline.
public struct BidBinding: Sendable, Hashable {
    /// The longest identifier accepted, in UTF-8 bytes.
    public static let maxIdentifierBytes = 256

    /// The tender (招标项目) identifier.
    public let tenderID: String
    /// The lot (标段/包) identifier.
    public let lotID: String
    /// The bidder's identifier on the platform (e.g. its unified social credit code).
    public let bidderID: String
    /// The bid deadline in whole seconds since 1970-01-01T00:00:00Z.
    public let deadlineUnixSeconds: Int64

    /// Binds a bid to tender, lot, bidder and deadline; the deadline is floored to whole seconds.
    public init(tenderID: String, lotID: String, bidderID: String, deadline: Date) {
        self.init(
            tenderID: tenderID,
            lotID: lotID,
            bidderID: bidderID,
            deadlineUnixSeconds: Int64(deadline.timeIntervalSince1970.rounded(.down))
        )
    }

    /// Binds a bid to tender, lot, bidder and a deadline given in Unix seconds.
    public init(tenderID: String, lotID: String, bidderID: String, deadlineUnixSeconds: Int64) {
        self.tenderID = tenderID
        self.lotID = lotID
        self.bidderID = bidderID
        self.deadlineUnixSeconds = deadlineUnixSeconds
    }

    /// The bid deadline as a `Date`.
    public var deadline: Date {
        Date(timeIntervalSince1970: TimeInterval(self.deadlineUnixSeconds))
    }

    /// Why this binding cannot be sealed, or nil: identifiers must be non-empty and short.
    var problem: SealingError? {
        for (name, value) in [("tender id", self.tenderID), ("lot id", self.lotID), ("bidder id", self.bidderID)] {
            if value.isEmpty { return .emptyIdentifier(field: name) }
            if value.utf8.count > Self.maxIdentifierBytes { return .identifierTooLong(field: name) }
        }
        return nil
    }

    /// lp(tender) ‖ lp(lot) ‖ lp(bidder) ‖ i64 deadline: the binding's canonical bytes.
    func write(to writer: inout ByteWriter) {
        writer.append(lengthPrefixed: self.tenderID)
        writer.append(lengthPrefixed: self.lotID)
        writer.append(lengthPrefixed: self.bidderID)
        writer.append(self.deadlineUnixSeconds)
    }

    /// Reads the canonical bytes written by `write(to:)`.
    static func read(from reader: inout ByteReader) throws(ByteReader.Failure) -> BidBinding {
        let tenderID = try reader.text("tender id", max: Self.maxIdentifierBytes)
        let lotID = try reader.text("lot id", max: Self.maxIdentifierBytes)
        let bidderID = try reader.text("bidder id", max: Self.maxIdentifierBytes)
        let deadline = try reader.int64("deadline")
        let binding = BidBinding(tenderID: tenderID, lotID: lotID, bidderID: bidderID, deadlineUnixSeconds: deadline)
        if let problem = binding.problem { throw ByteReader.Failure(reason: problem.en) }
        return binding
    }
}
