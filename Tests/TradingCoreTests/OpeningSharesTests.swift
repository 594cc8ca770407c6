import Foundation
import Testing
import TradingCore

@Suite("Opening session: key shares, the limit, stall, postponement")
struct OpeningSharesTests {
    let fixtures = OpeningFixtures()

    var allBidIDs: [String] {
        self.fixtures.bids(4).map(\.bidID)
    }

    @Test("k − 1 releases never decrypt; the k-th distinct release asks to decrypt every bid in submission order")
    func thresholdTriggersDecryption() throws {
        var session = try self.fixtures.awaitingShares()
        for (offset, custodian) in self.fixtures.custodians.prefix(2).enumerated() {
            let effects = try session.handle(.shareReleased(custodianID: custodian.id, bidIDs: self.allBidIDs), now: self.fixtures.at(Double(60 * (offset + 1))))
            #expect(!effects.asksToDecrypt)
            #expect(session.phase == .awaitingShares)
        }
        let effects = try session.handle(.shareReleased(custodianID: "c-regulator", bidIDs: ["bid-2"]), now: self.fixtures.at(300))
        #expect(effects == [
            .recordShareRelease(ShareRelease(custodianID: "c-regulator", bidIDs: ["bid-2"], releasedAt: self.fixtures.at(300))),
            .decryptAll(bidIDs: ["bid-1", "bid-2", "bid-3", "bid-4"]),
        ])
        #expect(session.phase == .decrypting)
    }

    @Test("Shares only after the deadline (法34): a release before it is refused")
    func noSharesBeforeDeadline() throws {
        let session = try self.fixtures.scheduled()
        expectRefusal(session, .shareReleased(custodianID: "c-agency", bidIDs: ["bid-1"]), at: self.fixtures.at(-60), code: "shares-before-deadline")
    }

    @Test("Only panel custodians may release")
    func onlyPanel() throws {
        let session = try self.fixtures.awaitingShares()
        for outsider in ["c-operator", "", "runner-1"] {
            expectRefusal(session, .shareReleased(custodianID: outsider, bidIDs: self.allBidIDs), at: self.fixtures.at(60), code: "forbidden")
        }
    }

    @Test("A duplicate release by the same custodian is refused, so it cannot count twice toward k")
    func duplicateRefused() throws {
        var session = try self.fixtures.awaitingShares()
        _ = try session.handle(.shareReleased(custodianID: "c-agency", bidIDs: self.allBidIDs), now: self.fixtures.at(60))
        _ = try session.handle(.shareReleased(custodianID: "c-notary", bidIDs: self.allBidIDs), now: self.fixtures.at(70))
        expectRefusal(session, .shareReleased(custodianID: "c-agency", bidIDs: self.allBidIDs), at: self.fixtures.at(80), code: "share-already-released")
        #expect(session.phase == .awaitingShares)
        #expect(session.releasedCustodianIDs == ["c-agency", "c-notary"])
    }

    @Test("A release must name bids of the frozen set, each once, and at least one")
    func releaseNamesFrozenBids() throws {
        let session = try self.fixtures.awaitingShares()
        for bidIDs in [[], ["bid-9"], ["bid-1", "bid-1"]] {
            expectRefusal(session, .shareReleased(custodianID: "c-agency", bidIDs: bidIDs), at: self.fixtures.at(60), code: "share-bids")
        }
    }

    @Test("Releases after decryption started are recorded but ask for nothing more")
    func lateReleaseAfterDecryption() throws {
        var session = try self.fixtures.decrypting()
        let effects = try session.handle(.shareReleased(custodianID: "c-notary", bidIDs: self.allBidIDs), now: self.fixtures.at(7200))
        #expect(effects == [.recordShareRelease(ShareRelease(custodianID: "c-notary", bidIDs: self.allBidIDs, releasedAt: self.fixtures.at(7200)))])
        #expect(session.phase == .decrypting)
    }

    @Test("Waiting shows who released, who not, and the time left to the limit")
    func waitingStatus() throws {
        var session = try self.fixtures.awaitingShares()
        _ = try session.handle(.shareReleased(custodianID: "c-regulator", bidIDs: self.allBidIDs), now: self.fixtures.at(600))
        let status = session.status(now: self.fixtures.at(1200))
        #expect(status.phase == .awaitingShares)
        #expect(status.countdownTarget == self.fixtures.at(3600))
        #expect(status.secondsLeft == 2400)
        #expect(status.released.map(\.id) == ["c-regulator"])
        #expect(status.pending.map(\.id) == ["c-tenderer", "c-agency", "c-notary"])
        #expect(status.threshold == 3)
        #expect(status.phaseZh == "等待密钥份额")
    }

    @Test("Before the deadline the countdown runs to the deadline")
    func scheduledCountdown() throws {
        let status = try self.fixtures.scheduled().status(now: self.fixtures.at(-90.5))
        #expect(status.countdownTarget == self.fixtures.deadline)
        #expect(status.secondsLeft == 91)
        #expect(status.bidCount == nil)
    }

    @Test("Fewer than k by the limit: ticks before it change nothing; at the limit → stalled and the supervisor is notified")
    func stallAtLimit() throws {
        var session = try self.fixtures.awaitingShares()
        _ = try session.handle(.shareReleased(custodianID: "c-tenderer", bidIDs: self.allBidIDs), now: self.fixtures.at(60))
        _ = try session.handle(.shareReleased(custodianID: "c-notary", bidIDs: self.allBidIDs), now: self.fixtures.at(120))
        #expect(try session.handle(.tick, now: self.fixtures.at(3599)).isEmpty)
        #expect(session.phase == .awaitingShares)
        let effects = try session.handle(.tick, now: self.fixtures.at(3600))
        let custodians = self.fixtures.custodians
        #expect(effects == [.notifySupervisor(OpeningStall(
            limit: self.fixtures.at(3600), threshold: 3, released: [custodians[0], custodians[3]], pending: [custodians[1], custodians[2]]
        ))])
        #expect(session.phase == .stalled)
        #expect(session.status(now: self.fixtures.at(3700)).countdownTarget == nil)
        #expect(try session.handle(.tick, now: self.fixtures.at(3700)).isEmpty, "the supervisor is notified once")
    }

    @Test("A release at or after the limit is refused, whether or not the tick came first; nothing is decrypted")
    func noLateShares() throws {
        var session = try self.fixtures.awaitingShares()
        _ = try session.handle(.shareReleased(custodianID: "c-tenderer", bidIDs: self.allBidIDs), now: self.fixtures.at(60))
        _ = try session.handle(.shareReleased(custodianID: "c-agency", bidIDs: self.allBidIDs), now: self.fixtures.at(60))
        expectRefusal(session, .shareReleased(custodianID: "c-notary", bidIDs: self.allBidIDs), at: self.fixtures.at(3600), code: "share-limit-passed")
        _ = try session.handle(.tick, now: self.fixtures.at(3600))
        expectRefusal(session, .shareReleased(custodianID: "c-notary", bidIDs: self.allBidIDs), at: self.fixtures.at(3601), code: "share-limit-passed")
    }

    @Test("Postponing after a stall sets a new limit; releases resume and the k-th decrypts")
    func postponeAfterStall() throws {
        var session = try self.fixtures.stalled()
        let newLimit = self.fixtures.at(86_400)
        expectRefusal(session, .postponed(until: self.fixtures.at(3000)), at: self.fixtures.at(3700), code: "postpone-limit")
        #expect(try session.handle(.postponed(until: newLimit), now: self.fixtures.at(3700)) == [.limitMoved(from: self.fixtures.at(3600), to: newLimit)])
        #expect(session.phase == .awaitingShares)
        #expect(session.status(now: self.fixtures.at(3700)).countdownTarget == newLimit)
        var effects: [OpeningEffect] = []
        for custodian in self.fixtures.custodians.prefix(3) {
            effects = try session.handle(.shareReleased(custodianID: custodian.id, bidIDs: self.allBidIDs), now: self.fixtures.at(40_000))
        }
        #expect(effects.asksToDecrypt)
        #expect(session.phase == .decrypting)
    }

    @Test("Terminating while waiting keeps every envelope sealed and ends the session")
    func terminateKeepsSealed() throws {
        var session = try self.fixtures.stalled()
        expectRefusal(session, .terminated(reasonZh: " ", reasonEn: ""), at: self.fixtures.at(4000), code: "termination-reason")
        let effects = try session.handle(.terminated(reasonZh: "保管人未能到场", reasonEn: "Custodians absent"), now: self.fixtures.at(4000))
        #expect(effects == [.keepSealed(bidIDs: self.allBidIDs), .sessionTerminated(reasonZh: "保管人未能到场", reasonEn: "Custodians absent")])
        #expect(session.phase == .terminated)
        expectRefusal(session, .postponed(until: self.fixtures.at(90_000)), at: self.fixtures.at(4100), code: "opening-wrong-state")
        expectRefusal(session, .terminated(reasonZh: "再次", reasonEn: "again"), at: self.fixtures.at(4100), code: "opening-wrong-state")
    }
}
