import Foundation

/// 开标异议 — an objection a bidder raises at the opening; the tenderer answers it on the spot and it is recorded
/// (条例44). The opening record cannot be signed while one is unanswered.
public struct OpeningObjection: Sendable, Codable, Equatable {
    /// The objection's id, unique in the session.
    public var id: String
    /// The objecting bidder (one whose bid is in the frozen set).
    public var bidderID: String
    /// What the bidder says.
    public var text: String
    /// Server time it was raised.
    public var raisedAt: Date
    /// The runner's answer, once given.
    public var answer: ObjectionAnswer?

    /// Records a new, unanswered objection.
    public init(id: String, bidderID: String, text: String, raisedAt: Date, answer: ObjectionAnswer? = nil) {
        self.id = id
        self.bidderID = bidderID
        self.text = text
        self.raisedAt = raisedAt
        self.answer = answer
    }

    /// True while no answer has been given.
    public var isOpen: Bool {
        self.answer == nil
    }

    enum CodingKeys: String, CodingKey {
        case id, text, raisedAt, answer
        case bidderID = "bidderId"
    }
}

/// The runner's answer to an objection.
public struct ObjectionAnswer: Sendable, Codable, Equatable {
    /// Who answered (the session's runner).
    public var by: String
    /// The answer.
    public var text: String
    /// Server time of the answer.
    public var answeredAt: Date

    /// Records an answer.
    public init(by: String, text: String, answeredAt: Date) {
        self.by = by
        self.text = text
        self.answeredAt = answeredAt
    }
}

/// One signature on the opening record (开标记录): the runner's, then optionally the supervisor's.
public struct OpeningSignature: Sendable, Codable, Equatable {
    /// Who signs the opening record.
    public enum Signer: String, Sendable, Codable, CaseIterable {
        /// The person running the opening for the tenderer or agency; signs first and closes the record.
        case runner
        /// The supervisor (监管) present online; co-signs after the runner, if the plan names one.
        case supervisor
    }

    /// The signer's account id.
    public var by: String
    /// In which capacity.
    public var signer: Signer
    /// The signature over the record as the server presented it (verified by the server, opaque here).
    public var signature: String
    /// Server time of signing.
    public var signedAt: Date

    /// Records one signature.
    public init(by: String, signer: Signer, signature: String, signedAt: Date) {
        self.by = by
        self.signer = signer
        self.signature = signature
        self.signedAt = signedAt
    }
}
