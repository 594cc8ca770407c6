/// Where an opening session stands.
public enum OpeningPhase: String, Sendable, Codable, CaseIterable {
    /// Before the deadline: the room is open, bidders may join; nothing can be released or decrypted.
    case scheduled
    /// After the deadline with enough bids: waiting for k custodians to release their shares, until the limit.
    case awaitingShares = "awaiting-shares"
    /// The limit passed with fewer than k releases: the supervisor is told; the runner postpones or terminates.
    case stalled
    /// k custodians released: every frozen bid is being decrypted and decided.
    case decrypting
    /// Every bid is decided (price sheet published, or the lot failed): objections are answered, the record is signed.
    case recording
    /// The runner signed the opening record; the supervisor may co-sign; objections are closed.
    case signed
    /// The opening record is published; the session is over.
    case published
    /// Too few bids at the deadline (流标): nothing was decrypted; the session is over.
    case failed
    /// Terminated by the tenderer; the session is over.
    case terminated

    /// The phase in Chinese, for the live room.
    public var nameZh: String {
        switch self {
        case .scheduled: "等待开标"
        case .awaitingShares: "等待密钥份额"
        case .stalled: "密钥份额逾期未齐"
        case .decrypting: "解密中"
        case .recording: "开标记录待签署"
        case .signed: "开标记录已签署"
        case .published: "开标记录已公布"
        case .failed: "流标（未开标）"
        case .terminated: "已终止"
        }
    }

    /// The phase in English, for the live room.
    public var nameEn: String {
        switch self {
        case .scheduled: "Waiting for the deadline"
        case .awaitingShares: "Waiting for key shares"
        case .stalled: "Key shares overdue"
        case .decrypting: "Decrypting"
        case .recording: "Record awaiting signature"
        case .signed: "Record signed"
        case .published: "Record published"
        case .failed: "Failed (not opened)"
        case .terminated: "Terminated"
        }
    }

    /// True when the session accepts no further events (other than ticks).
    public var isFinal: Bool {
        self == .published || self == .failed || self == .terminated
    }
}
