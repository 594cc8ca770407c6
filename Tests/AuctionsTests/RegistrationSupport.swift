import Auctions
import Foundation
import Testing

/// Bytes 0x00…0x1f: the fixed numbering secret of the example-based tests.
let fixedSecret: [UInt8] = Array(0..<32)

/// A numbering secret drawn from a seeded generator.
func randomSecret(using generator: inout SplitMix64) -> [UInt8] {
    (0..<32).map { _ in UInt8.random(in: 0...255, using: &generator) }
}

/// A party named after its id.
func party(_ id: String) -> BidderParty {
    BidderParty(id: id, name: "\(id) 有限公司")
}

/// The judicial test lot (JudicialAuctionTests.rules): start 700 000 yuan, deposit 70 000 yuan.
func judicialRegistry(secret: [UInt8] = fixedSecret, closesAt: Date? = nil) throws -> AuctionRegistry {
    AuctionRegistry(
        auctionID: "JA-1",
        deposit: try DepositRequirement(JudicialAuctionTests.rules()),
        numbering: try BidderNumberScheme(secret: secret),
        closesAt: closesAt
    )
}

extension AuctionRegistry {
    /// Registers parties `ids` (registration id "R-<id>") at `time`, confirms each deposit, and returns the bidder
    /// ids the engine must use, in the order given.
    mutating func qualify(_ ids: [String], at time: Date = at(-3600), preemption: [String: Int] = [:]) throws -> [BidderID] {
        try ids.map { id in
            let registration = try self.register(
                RegistrationID("R-\(id)"), party: party(id), at: time, preemptionOrder: preemption[id])
            _ = try self.confirmDeposit(of: registration.id, amount: self.deposit.amount, confirmedBy: "op-1", at: time)
            return registration.bidderID
        }
    }
}

extension JudicialAuction {
    /// Tells the engine about every qualified bidder of `registry`, as the runner does.
    mutating func admit(_ registry: AuctionRegistry, at time: Date = at(0)) {
        for registration in registry.qualified { _ = self.handle(.depositPaid(registration.bidderID), now: time) }
    }
}
