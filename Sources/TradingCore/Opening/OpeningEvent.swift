import Foundation

/// What happens at an opening; input to ``OpeningSession/handle(_:now:)``, always with the server time.
public enum OpeningEvent: Sendable, Equatable {
    /// A bidder entered the live room (attendance is shown, never required).
    case bidderJoined(bidderID: String)
    /// A bidder left the live room.
    case bidderLeft(bidderID: String)
    /// The deadline passed: the received bids, in submission order, become the frozen set.
    case deadlineReached(bids: [ReceivedBid])
    /// A panel custodian handed over its decrypted shares for these bids.
    case shareReleased(custodianID: String, bidIDs: [String])
    /// The scheduler's clock tick (the time is the `now` of `handle`): checks the share-release limit.
    case tick
    /// The server tried to decrypt one bid: its read-out, or a failure classified by fault.
    case decrypted(bidID: String, result: Result<BidReadOut, DecryptionFailure>)
    /// A bidder raises an objection (异议) at the opening.
    case objectionRaised(id: String, bidderID: String, text: String)
    /// The runner answers an objection.
    case objectionAnswered(id: String, by: String, text: String)
    /// The runner, then optionally the supervisor, signs the opening record.
    case recordSigned(by: String, signature: String)
    /// The signed opening record is published.
    case recordPublished
    /// The tenderer postpones the share-release limit (延期), e.g. after a stall.
    case postponed(until: Date)
    /// The tenderer terminates the opening (the tender lifecycle terminates or re-tenders).
    case terminated(reasonZh: String, reasonEn: String)

    var nameZh: String {
        switch self {
        case .bidderJoined: "进入开标会"
        case .bidderLeft: "离开开标会"
        case .deadlineReached: "截止投标"
        case .shareReleased: "释放密钥份额"
        case .tick: "计时"
        case .decrypted: "登记解密结果"
        case .objectionRaised: "提出异议"
        case .objectionAnswered: "答复异议"
        case .recordSigned: "签署开标记录"
        case .recordPublished: "公布开标记录"
        case .postponed: "延期开标"
        case .terminated: "终止开标"
        }
    }

    var nameEn: String {
        switch self {
        case .bidderJoined: "join the opening"
        case .bidderLeft: "leave the opening"
        case .deadlineReached: "close bidding"
        case .shareReleased: "release key shares"
        case .tick: "tick"
        case .decrypted: "record a decryption result"
        case .objectionRaised: "raise an objection"
        case .objectionAnswered: "answer an objection"
        case .recordSigned: "sign the opening record"
        case .recordPublished: "publish the opening record"
        case .postponed: "postpone the opening"
        case .terminated: "terminate the opening"
        }
    }
}
