import Auctions
import Foundation
import Storage

/// One auction as stored: the public parameters, the sealed reserve, the registry and the engine as JSON, the stream
/// sequence number and the columns the scheduler and the lists query.
struct AuctionRow: Sendable, Codable, Equatable {
    var id: String
    var projectId: String
    var lotId: String
    var kind: String
    var status: String
    var parameters: String
    var reserveFen: Int64?
    var registry: String
    var machine: String
    var seq: Int64
    var nextDeadline: Int64?
    var endsAt: Int64?
    var standingFen: Int64?
    var closeRecord: String?
    var relistedFrom: String?
    var createdBy: String
    var createdAt: Int64
    var updatedAt: Int64
    var logIndex: Int64
    /// Counted on every change of the engine (under the row lock); a process's kept engine is current while equal.
    var version: Int64
    /// The version of the last change that was not an accepted bid (a phase, a deposit, a close): a kept engine at
    /// this version or later is brought up to date by replaying the accepted bids after its own.
    var rebasedVersion: Int64
    /// Accepted bids in the stored snapshot `machine`.
    var snapshotBids: Int64

    /// Every column, with `machine` read as an empty string.
    static let columnsWithoutSnapshot = """
        id, project_id, lot_id, kind, status, parameters, reserve_fen, registry, '' AS machine, seq, next_deadline, ends_at, \
        standing_fen, close_record, relisted_from, created_by, created_at, updated_at, log_index, version, rebased_version, snapshot_bids
        """

    func decodedParameters() throws -> AuctionParameters {
        try JSONDecoder().decode(AuctionParameters.self, from: Data(self.parameters.utf8))
    }

    func decodedRegistry() throws -> AuctionRegistry {
        try JSONDecoder().decode(AuctionRegistry.self, from: Data(self.registry.utf8))
    }

    /// The stored snapshot, which may lag the accepted bids: use `AuctionService.currentEngine` for the current engine.
    func decodedSnapshot() throws -> AuctionEngine {
        try AuctionEngine.decode(self.machine)
    }

    func decodedClose() throws -> AuctionClose? {
        try self.closeRecord.map { try JSONDecoder().decode(AuctionClose.self, from: Data($0.utf8)) }
    }

    /// The reserve, sealed: only the Auctions module reveals it, and only after the close.
    func sealedReserve() throws -> SealedReserve? {
        try self.reserveFen.map { try SealedReserve($0) }
    }
}

/// 竞买登记 as stored, for lookups by party (the registry JSON in `auctions` is the authority).
struct AuctionRegistrationRow: Sendable, Codable, Equatable {
    var id: String
    var auctionId: String
    var partyId: String
    var accountId: String
    var number: String
    var preemptionOrder: Int64?
    var depositFen: Int64?
    var depositConfirmedBy: String?
    var depositConfirmedAt: Int64?
    var registeredAt: Int64
    var logIndex: Int64
}

/// One bid as received: accepted (with its sequence numbers) or refused (with its reason), and the exact answer given,
/// so that resending the same client bid id gets the same answer and never a second row.
struct AuctionBidRow: Sendable, Codable, Equatable {
    var id: String
    var auctionId: String
    var partyId: String
    var clientBidId: String
    var number: String
    var amountFen: Int64
    var receivedAt: Int64
    var accepted: Int64
    var bidSequence: Int64?
    var seq: Int64?
    var reasonCode: String?
    var statusCode: Int64
    var response: String
    var logIndex: Int64
}

/// One message of an auction's live stream as stored (the JSON of an ``AuctionMessage``).
struct AuctionEventRow: Sendable, Codable, Equatable {
    var auctionId: String
    var seq: Int64
    var kind: String
    var message: String
    var createdAt: Int64
}

/// The public parameters of an auction, as given at creation (every duration, increment and extension is per auction).
public struct AuctionParameters: Sendable, Codable, Equatable {
    /// 优先购买权人 by party, with the court's order (1 first).
    public struct Preemption: Sendable, Codable, Equatable {
        /// The bidder's party.
        public var partyId: String
        /// 顺序, 1 first.
        public var order: Int
    }

    /// `english` (产权/资产网络竞价) or `judicial` (网络司法拍卖).
    public var kind: String
    /// 起始价 (起拍价), fen.
    public var startPriceFen: Int64
    /// 加价幅度, fen.
    public var incrementFen: Int64
    /// 竞买保证金, fen.
    public var depositFen: Int64
    /// 评估价 (judicial).
    public var appraisedValueFen: Int64?
    /// Opening of bidding (ms since 1970).
    public var opensAt: Int64
    /// End of free bidding (English) or the scheduled end (judicial), ms.
    public var closesAt: Int64
    /// 限时报价期 countdown (English), seconds.
    public var countdownSeconds: Int?
    /// Extension window and length (judicial), seconds.
    public var extensionSeconds: Int?
    /// At most this many increments in one bid.
    public var maximumIncrementsPerBid: Int?
    /// The most a relisting may cut the start price, in %; nil → no limit (English), 20 (judicial, 拍§26).
    public var relistingMaxCutPercent: Int?
    /// Losers' deposits are released within this many hours (24 by default).
    public var depositReleaseHours: Int?
    /// Registration closes here (ms), if set.
    public var registrationClosesAt: Int64?
    /// 优先购买权人 and their order (judicial).
    public var preemption: [Preemption]
    /// The start price of the auction this one relists (judicial: the cut limit replaces the appraisal check).
    public var previousStartPriceFen: Int64?
}
