import Foundation
import Testing
import TradingCore

@Suite("Opening session: decryption results and the price sheet (电子招标投标办法31)")
struct OpeningDecryptionTests {
    let fixtures = OpeningFixtures()

    @Test("No decryption result is accepted before k custodians released")
    func notBeforeThreshold() throws {
        let session = try self.fixtures.awaitingShares()
        expectRefusal(session, .decrypted(bidID: "bid-1", result: .success(self.fixtures.readOut(1))), at: self.fixtures.at(60), code: "not-decryptable-yet")
        expectRefusal(try self.fixtures.stalled(), .decrypted(bidID: "bid-1", result: .failure(self.fixtures.platformFault)), at: self.fixtures.at(3700), code: "not-decryptable-yet")
    }

    @Test("电子招标投标办法31: bidder's fault → revoked (撤销); other fault → withdrawn (撤回); the other bids still open")
    func faultDecidesTreatment() throws {
        // setup
        var session = try self.fixtures.decrypting()
        // exercise
        let revoked = try session.handle(.decrypted(bidID: "bid-2", result: .failure(self.fixtures.bidderFault)), now: self.fixtures.at(200))
        let withdrawn = try session.handle(.decrypted(bidID: "bid-4", result: .failure(self.fixtures.platformFault)), now: self.fixtures.at(210))
        // validate
        #expect(revoked == [.bidSetAside(SetAsideBid(position: 2, bidID: "bid-2", bidderID: "bidder-2", failure: self.fixtures.bidderFault))])
        #expect(withdrawn == [.bidSetAside(SetAsideBid(position: 4, bidID: "bid-4", bidderID: "bidder-4", failure: self.fixtures.platformFault))])
        #expect(session.setAside.map(\.treatment) == [.revoked, .withdrawn])
        #expect(session.phase == .decrypting, "the other bids still open")
        _ = try session.handle(.decrypted(bidID: "bid-1", result: .success(self.fixtures.readOut(900_000))), now: self.fixtures.at(220))
        #expect(session.status(now: self.fixtures.at(220)).decidedCount == 3)
    }

    @Test("The price sheet appears only when every bid is decided, at once, with every opened bid once in submission order")
    func priceSheetAllAtOnce() throws {
        var session = try self.fixtures.decrypting(bids: 5)
        // Decided out of order; bid-3 fails.
        let order: [(String, Result<BidReadOut, DecryptionFailure>)] = [
            ("bid-5", .success(self.fixtures.readOut(1_200_000))), ("bid-3", .failure(self.fixtures.bidderFault)),
            ("bid-1", .success(self.fixtures.readOut(900_000))), ("bid-4", .success(self.fixtures.readOut(1_000_000))),
        ]
        for (bidID, result) in order {
            let effects = try session.handle(.decrypted(bidID: bidID, result: result), now: self.fixtures.at(300))
            #expect(effects.priceSheet == nil)
            #expect(session.status(now: self.fixtures.at(300)).priceSheet == nil, "never a partial price sheet")
        }
        let effects = try session.handle(.decrypted(bidID: "bid-2", result: .success(self.fixtures.readOut(950_000))), now: self.fixtures.at(310))
        let sheet = try #require(effects.priceSheet)
        #expect(effects.count == 2 && effects.last == .publishPriceSheet(sheet), "one effect carries every row")
        #expect(sheet.rows.map(\.bidID) == ["bid-1", "bid-2", "bid-4", "bid-5"])
        #expect(sheet.rows.map(\.position) == [1, 2, 4, 5])
        #expect(sheet.rows.map(\.readOut.price.fen) == [90_000_000, 95_000_000, 100_000_000, 120_000_000])
        #expect(session.phase == .recording)
        #expect(session.status(now: self.fixtures.at(310)).priceSheet == sheet.rows)
        #expect(session.setAside.map(\.bidID) == ["bid-3"])
    }

    @Test("A bid is decided once; a bid outside the frozen set is unknown")
    func decidedOnce() throws {
        var session = try self.fixtures.decrypting()
        _ = try session.handle(.decrypted(bidID: "bid-1", result: .success(self.fixtures.readOut(1))), now: self.fixtures.at(200))
        expectRefusal(session, .decrypted(bidID: "bid-1", result: .failure(self.fixtures.bidderFault)), at: self.fixtures.at(201), code: "bid-already-decided")
        expectRefusal(session, .decrypted(bidID: "bid-9", result: .success(self.fixtures.readOut(1))), at: self.fixtures.at(201), code: "not-found")
    }

    @Test("法28 + 电子招标投标办法31: failures leaving 2 valid bids (< 3) → 流标; no price is read out")
    func tooFewValidBids() throws {
        var session = try self.fixtures.decrypting(bids: 3)
        _ = try session.handle(.decrypted(bidID: "bid-1", result: .success(self.fixtures.readOut(1_000_000))), now: self.fixtures.at(200))
        _ = try session.handle(.decrypted(bidID: "bid-2", result: .success(self.fixtures.readOut(1_100_000))), now: self.fixtures.at(200))
        let effects = try session.handle(.decrypted(bidID: "bid-3", result: .failure(self.fixtures.platformFault)), now: self.fixtures.at(200))
        #expect(effects.last == .lotFailed(.tooFewValidBids(valid: 2, minimum: 3)))
        #expect(effects.priceSheet == nil)
        #expect(session.priceSheet == nil)
        #expect(session.failure?.article.contains("电子招标投标办法31") == true)
        #expect(session.phase == .recording, "the record of the failed opening is still signed and published")
        let record = session.record
        #expect(record.priceSheet == nil && record.setAside.map(\.treatment) == [.withdrawn])
    }

    @Test("Every bid failing leaves no price sheet and a 流标 with zero valid bids")
    func allFail() throws {
        var session = try self.fixtures.decrypting(bids: 3)
        var effects: [OpeningEffect] = []
        for bid in self.fixtures.bids(3) {
            effects = try session.handle(.decrypted(bidID: bid.bidID, result: .failure(self.fixtures.bidderFault)), now: self.fixtures.at(200))
        }
        #expect(effects.last == .lotFailed(.tooFewValidBids(valid: 0, minimum: 3)))
        #expect(session.setAside.count == 3 && session.setAside.allSatisfy { $0.treatment == .revoked })
    }

    @Test("The treatment follows the fault for each classification")
    func treatmentByFault() {
        #expect(DecryptionFailure(fault: .bidder, code: "x", zh: "x", en: "x").treatment == .revoked)
        #expect(DecryptionFailure(fault: .platform, code: "x", zh: "x", en: "x").treatment == .withdrawn)
        #expect(SetAsideTreatment.revoked.nameZh.contains("撤销") && SetAsideTreatment.withdrawn.nameZh.contains("撤回"))
    }
}
