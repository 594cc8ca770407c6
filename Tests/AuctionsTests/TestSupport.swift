import Auctions
import Foundation
import Testing

extension Tag {
    /// Fast example-based tests of one rule.
    @Tag static var small: Self
    /// Property-based tests over thousands of random event sequences.
    @Tag static var property: Self
}

/// SplitMix64 (Steele, Lea, Flood 2014): a tiny seeded generator, so that every failure can be replayed.
struct SplitMix64: RandomNumberGenerator {
    private var state: UInt64

    init(seed: UInt64) {
        self.state = seed
    }

    mutating func next() -> UInt64 {
        self.state &+= 0x9E37_79B9_7F4A_7C15
        var z = self.state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

/// Runs `body` once per seed; records the first failure with its seed and stops. Set AUCTIONS_SEED to replay one
/// seed. `body` returns nil on success or a description of the broken property.
func checkProperty(_ name: String, runs: Int, baseSeed: UInt64, _ body: (inout SplitMix64) -> String?) {
    let seeds: [UInt64]
    if let fixed = ProcessInfo.processInfo.environment["AUCTIONS_SEED"].flatMap(UInt64.init) {
        seeds = [fixed]
    } else {
        seeds = (0..<UInt64(runs)).map { baseSeed &+ $0 }
    }
    for seed in seeds {
        var generator = SplitMix64(seed: seed)
        if let failure = body(&generator) {
            Issue.record("\(name) failed for seed \(seed) (replay with AUCTIONS_SEED=\(seed)): \(failure)")
            return
        }
    }
}

/// 2026-01-01T00:00:00Z, a fixed origin for test clocks.
let origin = Date(timeIntervalSince1970: 1_767_225_600)

func at(_ seconds: TimeInterval) -> Date {
    origin.addingTimeInterval(seconds)
}

func request(_ id: String, _ bidder: BidderID, _ amount: Fen) -> BidRequest {
    BidRequest(clientBidID: id, bidder: bidder, amount: amount)
}

/// `yuan` whole yuan in fen.
func yuan(_ yuan: Int64) -> Fen {
    yuan * 100
}

extension Array where Element == AuctionEffect {
    var acknowledgements: [BidAcknowledgement] {
        self.compactMap { if case .bidAccepted(let ack) = $0 { ack } else { nil } }
    }

    var replays: [BidAcknowledgement] {
        self.compactMap { if case .bidReplayed(let ack) = $0 { ack } else { nil } }
    }

    var rejections: [AuctionRejection] {
        self.compactMap { if case .bidRejected(let rejection) = $0 { rejection.reason } else { nil } }
    }

    var actionRejections: [AuctionRejection] {
        self.compactMap { if case .actionRejected(_, _, let reason) = $0 { reason } else { nil } }
    }

    var extensions: [Date] {
        self.compactMap { if case .extendEnd(let date) = $0 { date } else { nil } }
    }

    var announcements: [AuctionAnnouncement] {
        self.compactMap { if case .announce(let announcement) = $0 { announcement } else { nil } }
    }

    var closing: (outcome: AuctionOutcome, at: Date)? {
        for effect in self {
            if case .closed(let outcome, let date) = effect { return (outcome, date) }
        }
        return nil
    }

    var releasedDeposits: (bidders: [BidderID], by: Date)? {
        for effect in self {
            if case .releaseDeposits(let bidders, let date) = effect { return (bidders, date) }
        }
        return nil
    }
}
