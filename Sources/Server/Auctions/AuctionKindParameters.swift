import Auctions
import Foundation

/// The parameters only the Dutch (降价拍卖), listing (挂牌) and reverse (多轮反向竞价) kinds have. They are stored in the same JSON object as
/// ``AuctionParameters`` (the `parameters` column), beside its keys, so the common parameters keep their shape.
public struct AuctionKindParameters: Sendable, Codable, Equatable {
    /// 降价幅度 (Dutch), fen.
    public var decrementFen: Int64?
    /// 降价周期 (Dutch): the clock drops every this many seconds.
    public var stepSeconds: Int?
    /// 最低价 (Dutch), fen: the clock stops here, public.
    public var floorPriceFen: Int64?
    /// The live round (现场竞价) starts this many seconds after the listing ends (listing; default 0).
    public var liveRoundDelaySeconds: Int?
    /// The live round's countdown, restarted by each bid (listing; default 300).
    public var liveRoundCountdownSeconds: Int?
    /// The live round happens when at least this many bidders want to continue (listing; default 2).
    public var minimumBiddersForLiveRound: Int?
    /// 报价轮数 (reverse; default 3).
    public var rounds: Int?
    /// Each participant's turn in seconds (reverse; default 120).
    public var turnSeconds: Int?
    /// The pause between rounds in seconds (reverse; default 0).
    public var pauseBetweenRoundsSeconds: Int?
    /// Fewer opened prices than this → no auction, no award (reverse; default 2).
    public var minimumBidders: Int?

    /// No kind-specific parameters (English and judicial auctions).
    public init() {}

    var hasDutchFields: Bool { self.decrementFen != nil || self.stepSeconds != nil || self.floorPriceFen != nil }
    var hasListingFields: Bool {
        self.liveRoundDelaySeconds != nil || self.liveRoundCountdownSeconds != nil || self.minimumBiddersForLiveRound != nil
    }
    var hasReverseFields: Bool {
        self.rounds != nil || self.turnSeconds != nil || self.pauseBetweenRoundsSeconds != nil || self.minimumBidders != nil
    }
}

/// What the `parameters` column holds: the common parameters and, beside their keys, the kind's own.
struct StoredAuctionParameters: Encodable {
    var common: AuctionParameters
    var kind: AuctionKindParameters

    func encode(to encoder: any Encoder) throws {
        try self.common.encode(to: encoder)
        try self.kind.encode(to: encoder)
    }
}

extension AuctionRow {
    /// The Dutch or listing parameters stored beside the common ones (all nil for the other kinds).
    func decodedKindParameters() throws -> AuctionKindParameters {
        try JSONDecoder().decode(AuctionKindParameters.self, from: Data(self.parameters.utf8))
    }
}
