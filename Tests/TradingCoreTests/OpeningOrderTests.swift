import Foundation
import Testing
import TradingCore

@Suite("Opening session: every event in every phase is accepted or refused with a clear reason")
struct OpeningOrderTests {
    static let fixtures = OpeningFixtures()

    /// A session in each phase, built through events only.
    static func session(in phase: OpeningPhase) throws -> OpeningSession {
        let fixtures = Self.fixtures
        switch phase {
        case .scheduled: return try fixtures.scheduled()
        case .awaitingShares: return try fixtures.awaitingShares()
        case .stalled: return try fixtures.stalled()
        case .decrypting: return try fixtures.decrypting()
        case .recording: return try fixtures.recording()
        case .signed: return try fixtures.signed()
        case .published:
            var session = try fixtures.signed()
            _ = try session.handle(.recordPublished, now: fixtures.at(500))
            return session
        case .failed:
            var session = try fixtures.scheduled()
            _ = try session.handle(.deadlineReached(bids: fixtures.bids(2)), now: fixtures.at(0))
            return session
        case .terminated:
            var session = try fixtures.awaitingShares()
            _ = try session.handle(.terminated(reasonZh: "终止", reasonEn: "terminated"), now: fixtures.at(50))
            return session
        }
    }

    /// One event of each kind, with arguments that are valid whenever the phase allows the kind,
    /// and the phases that allow it.
    static let table: [(OpeningEvent, Set<OpeningPhase>)] = {
        let fixtures = Self.fixtures
        let open: Set<OpeningPhase> = Set(OpeningPhase.allCases.filter { !$0.isFinal })
        return [
            (.bidderJoined(bidderID: "bidder-7"), open),
            (.deadlineReached(bids: fixtures.bids(4)), [.scheduled]),
            (.shareReleased(custodianID: "c-notary", bidIDs: ["bid-1"]), [.awaitingShares, .decrypting]),
            (.tick, Set(OpeningPhase.allCases)),
            (.decrypted(bidID: "bid-1", result: .success(fixtures.readOut(1))), [.decrypting]),
            (.objectionRaised(id: "o-new", bidderID: "bidder-1", text: "异议"), [.awaitingShares, .stalled, .decrypting, .recording]),
            (.recordSigned(by: fixtures.runner, signature: "sig"), [.recording]),
            (.recordSigned(by: fixtures.supervisor, signature: "sig"), [.signed]),
            (.recordPublished, [.signed]),
            (.postponed(until: fixtures.at(90_000)), [.awaitingShares, .stalled]),
            (.terminated(reasonZh: "终止", reasonEn: "terminated"), open),
        ]
    }()

    /// Codes that say "not now" rather than "wrong input".
    static let orderCodes: Set<String> = [
        "opening-wrong-state", "shares-before-deadline", "lot-failed-sealed", "share-limit-passed", "not-decryptable-yet",
        "opening-not-started", "record-signed", "already-signed", "runner-signs-first",
    ]

    @Test("Each event kind is accepted exactly in its phases; elsewhere it is refused in Chinese and English", arguments: OpeningPhase.allCases)
    func matrix(phase: OpeningPhase) throws {
        let session = try Self.session(in: phase)
        #expect(session.phase == phase)
        for (event, allowed) in Self.table {
            var copy = session
            do {
                _ = try copy.handle(event, now: Self.fixtures.at(100))
                #expect(allowed.contains(phase), "\(event) was accepted in \(phase)")
            } catch {
                #expect(!allowed.contains(phase), "\(event) was refused in \(phase): \(error)")
                #expect(Self.orderCodes.contains(error.code), "\(event) in \(phase): \(error)")
                #expect(!error.zh.isEmpty && !error.en.isEmpty)
                #expect(copy == session)
            }
        }
    }

    @Test("Answering and leaving are refused once the session is over", arguments: [OpeningPhase.published, .failed, .terminated])
    func finalPhases(phase: OpeningPhase) throws {
        let session = try Self.session(in: phase)
        expectRefusal(session, .bidderLeft(bidderID: "bidder-1"), at: Self.fixtures.at(600), code: "opening-wrong-state")
        expectRefusal(session, .objectionAnswered(id: "o1", by: Self.fixtures.runner, text: "答复"), at: Self.fixtures.at(600), code: "opening-wrong-state")
    }

    @Test("The refusal names the phase and the action in both languages")
    func refusalText() throws {
        var session = try Self.session(in: .scheduled)
        do {
            _ = try session.handle(.recordPublished, now: Self.fixtures.at(-5))
            Issue.record("publishing before the deadline was accepted")
        } catch {
            #expect(error.zh == "开标会当前处于“等待开标”阶段，不能公布开标记录")
            #expect(error.en == "Cannot publish the opening record while the opening is at “waiting for the deadline”")
            #expect(error.kind == .conflict)
        }
    }
}
