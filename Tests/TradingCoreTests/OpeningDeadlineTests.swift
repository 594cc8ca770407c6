import Foundation
import Testing
import TradingCore

@Suite("Opening session: plan, attendance and the deadline (法28, 法34, 条例44)")
struct OpeningDeadlineTests {
    let fixtures = OpeningFixtures()

    @Test("A plan needs k of n distinct custodians, a positive window and a supervisor other than the runner")
    func planValidation() throws {
        // setup
        let good = self.fixtures.plan()
        var duplicate = good
        duplicate.custodians.append(good.custodians[0])
        var noWindow = good
        noWindow.shareReleaseWindow = 0
        var sameSupervisor = good
        sameSupervisor.supervisor = good.runner
        // exercise + validate
        _ = try OpeningSession(plan: good)
        for (plan, code) in [
            (self.fixtures.plan(threshold: 5), "opening-plan-threshold"), (self.fixtures.plan(threshold: 0), "opening-plan-threshold"),
            (duplicate, "opening-plan-custodians"), (noWindow, "opening-plan-window"),
            (sameSupervisor, "opening-plan-supervisor"), (self.fixtures.plan(minimumBids: 0), "opening-plan-minimum"),
        ] {
            let error = #expect(throws: TradingError.self) { try OpeningSession(plan: plan) }
            #expect(error?.code == code)
        }
        #expect(good.shareReleaseLimit == self.fixtures.at(3600))
    }

    @Test("Attendance: join and leave are shown, each in order; joining twice or leaving absent is refused")
    func attendance() throws {
        var session = try self.fixtures.scheduled()
        #expect(try session.handle(.bidderJoined(bidderID: "bidder-1"), now: self.fixtures.at(-600)) == [.recordAttendance(bidderID: "bidder-1", present: true)])
        _ = try session.handle(.bidderJoined(bidderID: "bidder-2"), now: self.fixtures.at(-500))
        #expect(session.status(now: self.fixtures.at(-400)).present == ["bidder-1", "bidder-2"])
        expectRefusal(session, .bidderJoined(bidderID: "bidder-1"), at: self.fixtures.at(-300), code: "already-present")
        expectRefusal(session, .bidderLeft(bidderID: "bidder-3"), at: self.fixtures.at(-300), code: "not-present")
        #expect(try session.handle(.bidderLeft(bidderID: "bidder-1"), now: self.fixtures.at(-200)) == [.recordAttendance(bidderID: "bidder-1", present: false)])
        #expect(session.present == ["bidder-2"])
    }

    @Test("Attendance is not required: an opening proceeds with nobody in the room")
    func attendanceNotRequired() throws {
        let session = try self.fixtures.decrypting()
        #expect(session.present.isEmpty)
        #expect(session.phase == .decrypting)
    }

    @Test("法34: the bid set cannot freeze before the deadline instant; at the instant it freezes in submission order")
    func freezeAtDeadline() throws {
        var session = try self.fixtures.scheduled()
        let bids = self.fixtures.bids(3)
        expectRefusal(session, .deadlineReached(bids: bids), at: self.fixtures.at(-1), code: "before-deadline")
        let effects = try session.handle(.deadlineReached(bids: bids), now: self.fixtures.at(0))
        #expect(effects == [.freezeBids(bids)])
        #expect(session.phase == .awaitingShares)
        #expect(session.bids == bids)
        #expect(session.status(now: self.fixtures.at(0)).bidCount == 3)
        expectRefusal(session, .deadlineReached(bids: bids), at: self.fixtures.at(1), code: "opening-wrong-state")
    }

    @Test("The frozen set names each bid once and each bidder once")
    func frozenSetIsClean() throws {
        let session = try self.fixtures.scheduled()
        let bids = self.fixtures.bids(3)
        let twiceBid = bids + [ReceivedBid(bidID: "bid-1", bidderID: "bidder-9")]
        let twiceBidder = bids + [ReceivedBid(bidID: "bid-9", bidderID: "bidder-1")]
        expectRefusal(session, .deadlineReached(bids: twiceBid), at: self.fixtures.at(0), code: "frozen-bids")
        expectRefusal(session, .deadlineReached(bids: twiceBidder), at: self.fixtures.at(0), code: "one-bid-per-bidder")
    }

    @Test("法28, 条例44: 2 bids (< 3) → 流标; the envelopes stay sealed and nothing is ever decrypted", arguments: [0, 1, 2])
    func tooFewBidsNeverDecrypts(count: Int) throws {
        // setup
        var session = try self.fixtures.scheduled()
        let bids = self.fixtures.bids(count)
        // exercise
        let effects = try session.handle(.deadlineReached(bids: bids), now: self.fixtures.at(0))
        // validate
        #expect(effects == [.freezeBids(bids), .keepSealed(bidIDs: bids.map(\.bidID)), .lotFailed(.tooFewBids(received: count, minimum: 3))])
        #expect(!effects.asksToDecrypt)
        #expect(session.phase == .failed)
        #expect(session.failure?.article == "法28, 条例44")
        for custodian in self.fixtures.custodians {
            expectRefusal(
                session, .shareReleased(custodianID: custodian.id, bidIDs: bids.map(\.bidID)), at: self.fixtures.at(60), code: "lot-failed-sealed"
            )
        }
        for bid in bids {
            expectRefusal(session, .decrypted(bidID: bid.bidID, result: .success(self.fixtures.readOut(1))), at: self.fixtures.at(60), code: "opening-wrong-state")
        }
        #expect(try session.handle(.tick, now: self.fixtures.at(7200)).isEmpty)
        #expect(session.phase == .failed)
    }

    @Test("The catalog's minimum is a parameter: with minimum 1 a single bid opens")
    func minimumFromCatalog() throws {
        var session = try OpeningSession(plan: self.fixtures.plan(minimumBids: 1))
        _ = try session.handle(.deadlineReached(bids: self.fixtures.bids(1)), now: self.fixtures.at(0))
        #expect(session.phase == .awaitingShares)
    }

    @Test("法28 failure notice text names the counts and the articles in Chinese and English")
    func failureText() {
        let failure = OpeningFailure.tooFewBids(received: 2, minimum: 3)
        #expect(failure.zh.contains("少于3个") && failure.zh.contains("实收2个") && failure.zh.contains("法28"))
        #expect(failure.en.contains("Fewer than 3 bids (2 received)") && failure.en.contains("法28"))
    }
}
