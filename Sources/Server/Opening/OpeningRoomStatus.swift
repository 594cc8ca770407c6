import Foundation
import Storage
import TradingCore

/// 开标大厅状态 — what everyone in the live opening room sees at one instant. It is the same for every viewer: no
/// price before the opening (法22, 法36), and the price sheet (唱标) only whole, once every frozen bid is decided.
public struct OpeningRoomStatus: Sendable, Codable, Equatable {
    /// One custodian of the panel and whether it has released its shares.
    public struct Custodian: Sendable, Codable, Equatable {
        /// Share index (1-based).
        public var position: Int
        /// The name the tenderer gave the seat, e.g. 招标人.
        public var name: String
        /// Whether this custodian has released its shares.
        public var released: Bool
        /// Its first release, server time.
        public var releasedAt: Date?
    }

    /// The signed opening record: the SHA-256 of its text (logged as `opening.record-signed`) and where to read it.
    public struct Record: Sendable, Codable, Equatable {
        /// SHA-256 of the record text, lower-case hex.
        public var sha256: String
        /// Server time of the signature.
        public var signedAt: Date
        /// The signer's display name.
        public var signedBy: String
        /// Where the exact text is served.
        public var url: String
    }

    /// The event id: twice the position after the project's latest witness-log entry, plus one once the deadline has
    /// passed. It only grows, and it grows whenever anything this status shows changes.
    public var sequence: Int64
    /// Server time when the status was read (the page keeps its clock's offset from it).
    public var serverTime: Date
    /// The project.
    public var projectId: String
    /// The lot whose opening this is.
    public var lotId: String
    /// Whether the lot takes sealed envelopes (不见面开标) rather than plain uploads.
    public var sealed: Bool
    /// Where the opening stands (docs/opening-room.md maps the lot's phase onto it).
    public var phase: OpeningPhase
    /// The phase in Chinese.
    public var phaseZh: String
    /// The phase in English.
    public var phaseEn: String
    /// The lot's tender phase (`TenderPhase` raw value) and its Chinese name.
    public var lotPhase: String
    /// The lot's phase in Chinese.
    public var lotPhaseZh: String
    /// The bid deadline, which is the opening instant (法34).
    public var deadline: Date?
    /// Whole seconds from `serverTime` to the deadline (never negative).
    public var secondsLeft: Int?
    /// The threshold k of the custodian panel (0 for plain lots).
    public var threshold: Int
    /// The custodian panel, in share order.
    public var custodians: [Custodian]
    /// How many custodians have released.
    public var releasedCount: Int
    /// The frozen bids; nil before the deadline.
    public var bidCount: Int?
    /// The price sheet, once the lot has opened; nil before (never a part of it).
    public var priceSheet: [PriceSheetRow]?
    /// Frozen bids that could not be decrypted, with their treatment (电子招标投标办法31); empty before the opening.
    public var setAside: [SetAsideBid]
    /// Party id → name, for every party the price sheet, the set-aside list and the objections name.
    public var parties: [String: String]
    /// Every objection raised at this opening, answered or not (条例44).
    public var objections: [OpeningObjection]
    /// How many objections await an answer.
    public var openObjections: Int
    /// Whether bidders may raise objections now: after the deadline, before the record is signed.
    public var objectionsOpen: Bool
    /// The signed opening record, once the runner has signed it.
    public var record: Record?
    /// The 流标 or termination reason in Chinese, when the lot failed or was terminated.
    public var failure: String?
}

extension OpeningRoomStatus {
    /// The status as one compact JSON object (sorted keys, RFC 3339 times with milliseconds).
    public func json() throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .custom { date, encoder in
            var container = encoder.singleValueContainer()
            try container.encode(Timestamps.rfc3339(date))
        }
        return String(decoding: try encoder.encode(self), as: UTF8.self)
    }
}
