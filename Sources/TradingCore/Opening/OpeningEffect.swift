import Foundation

/// What the server must do after an opening event: append log entries, sign a checkpoint, publish notices, notify
/// people. The state machine itself does no I/O.
public enum OpeningEffect: Sendable, Equatable {
    /// Log attendance: the bidder is now present (`true`) or gone (`false`).
    case recordAttendance(bidderID: String, present: Bool)
    /// Log the frozen bid set in submission order, then sign a witness-log checkpoint over it (DESIGN.md step 4).
    case freezeBids([ReceivedBid])
    /// These envelopes stay sealed: no share is taken and nothing is decrypted (流标 before any opening).
    case keepSealed(bidIDs: [String])
    /// The lot fails (流标): publish the failure notice with this reason; the tender lifecycle follows.
    case lotFailed(OpeningFailure)
    /// Log a custodian's share release (the shares themselves go to the decryption step, not to the log).
    case recordShareRelease(ShareRelease)
    /// k distinct panel custodians have released after the deadline: decrypt every frozen bid (submission order)
    /// with the shares held, and report each result as ``OpeningEvent/decrypted(bidID:result:)``.
    case decryptAll(bidIDs: [String])
    /// The share-release limit passed with fewer than k releases: notify the supervisor (and the runner).
    case notifySupervisor(OpeningStall)
    /// The share-release limit moved (postponement); announce it to custodians and bidders.
    case limitMoved(from: Date, to: Date)
    /// Log that this bid decrypted; its content stays unpublished until the whole price sheet is.
    case bidOpened(bidID: String)
    /// Log and announce that this bid is set aside: revoked (撤销) or withdrawn (撤回) per the failure's fault.
    case bidSetAside(SetAsideBid)
    /// 唱标: publish every opened bid's row at once, in submission order.
    case publishPriceSheet(PriceSheet)
    /// Log a new objection and show it in the room.
    case recordObjection(OpeningObjection)
    /// Log the answer and notify the objecting bidder.
    case recordAnswer(OpeningObjection)
    /// Log a signature on the opening record.
    case recordSignature(OpeningSignature)
    /// Publish the opening record notice (开标记录) with this content.
    case publishRecord(OpeningRecord)
    /// The opening ended without a record; announce it with the reason.
    case sessionTerminated(reasonZh: String, reasonEn: String)
}

/// Why a lot fails (流标) at its opening, with the article (shared/RULES.md).
public enum OpeningFailure: Sendable, Codable, Equatable {
    /// Fewer bids than the minimum at the deadline: not opened, re-tender (法28, 条例44; 87§41 for procurement).
    case tooFewBids(received: Int, minimum: Int)
    /// After decryption failures, fewer valid bids than the minimum remain. A set-aside bid counts as revoked or
    /// withdrawn (电子招标投标办法31), so the lot has fewer than the minimum bids: 流标 and re-tender (法28, 条例44).
    /// The prices of the opened bids are not read out, so a re-tender is not distorted by them.
    case tooFewValidBids(valid: Int, minimum: Int)

    /// The articles the failure rests on.
    public var article: String {
        switch self {
        case .tooFewBids: "法28, 条例44"
        case .tooFewValidBids: "电子招标投标办法31, 法28, 条例44"
        }
    }

    /// The reason in Chinese, for the failure notice.
    public var zh: String {
        switch self {
        case .tooFewBids(let received, let minimum):
            "投标人少于\(minimum)个（实收\(received)个），不予开标，投标文件不解密，依法重新招标（法28、条例44）"
        case .tooFewValidBids(let valid, let minimum):
            "部分投标文件未能解密，视为撤销或撤回，有效投标不足\(minimum)个（仅\(valid)个），不予唱标，本标段流标，依法重新招标（电子招标投标办法31、法28、条例44）"
        }
    }

    /// The reason in English, for the failure notice.
    public var en: String {
        switch self {
        case .tooFewBids(let received, let minimum):
            "Fewer than \(minimum) bids (\(received) received): no opening, no bid is decrypted, re-tender (法28, 条例44)"
        case .tooFewValidBids(let valid, let minimum):
            "Bids that failed to decrypt count as revoked or withdrawn; \(valid) valid bids remain, fewer than \(minimum): prices are not read out, the lot fails and is re-tendered (电子招标投标办法31, 法28, 条例44)"
        }
    }
}

/// The state of the key shares when the share-release limit passed without k releases.
public struct OpeningStall: Sendable, Codable, Equatable {
    /// The limit that passed.
    public var limit: Date
    /// The threshold k.
    public var threshold: Int
    /// Custodians who released, in panel order.
    public var released: [OpeningCustodian]
    /// Custodians who did not, in panel order.
    public var pending: [OpeningCustodian]

    /// Describes a stall.
    public init(limit: Date, threshold: Int, released: [OpeningCustodian], pending: [OpeningCustodian]) {
        self.limit = limit
        self.threshold = threshold
        self.released = released
        self.pending = pending
    }
}
