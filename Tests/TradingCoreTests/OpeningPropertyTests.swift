import Foundation
import Testing
import TradingCore

/// SplitMix64: a small seeded generator, so a failing sequence can be replayed from its seed.
struct SeededGenerator: RandomNumberGenerator {
    var state: UInt64

    mutating func next() -> UInt64 {
        self.state &+= 0x9E37_79B9_7F4A_7C15
        var z = self.state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

@Suite("Opening session: properties over random event sequences")
struct OpeningPropertyTests {
    let fixtures = OpeningFixtures()

    /// A random event, biased toward the ones that move an opening forward.
    func randomEvent(bids: [ReceivedBid], using random: inout SeededGenerator) -> OpeningEvent {
        let bidIDs = bids.map(\.bidID) + ["bid-unknown"]
        let custodianIDs = self.fixtures.custodians.map(\.id) + ["c-outsider"]
        let bidderIDs = bids.map(\.bidderID) + ["bidder-stranger"]
        let people = [self.fixtures.runner, self.fixtures.runner, self.fixtures.supervisor, "bidder-1"]
        switch Int.random(in: 0..<100, using: &random) {
        case 0..<5: return .bidderJoined(bidderID: bidderIDs.randomElement(using: &random)!)
        case 5..<8: return .bidderLeft(bidderID: bidderIDs.randomElement(using: &random)!)
        case 8..<16: return .deadlineReached(bids: bids)
        case 16..<40:
            let chosen = bidIDs.filter { _ in Bool.random(using: &random) }
            return .shareReleased(custodianID: custodianIDs.randomElement(using: &random)!, bidIDs: chosen)
        case 40..<48: return .tick
        case 48..<72:
            let failure = Bool.random(using: &random) ? self.fixtures.bidderFault : self.fixtures.platformFault
            let result: Result<BidReadOut, DecryptionFailure> =
                Int.random(in: 0..<4, using: &random) == 0 ? .failure(failure) : .success(self.fixtures.readOut(Int64.random(in: 1...9_999_999, using: &random)))
            return .decrypted(bidID: bidIDs.randomElement(using: &random)!, result: result)
        case 72..<80: return .objectionRaised(id: "o\(Int.random(in: 1...3, using: &random))", bidderID: bidderIDs.randomElement(using: &random)!, text: "异议")
        case 80..<86: return .objectionAnswered(id: "o\(Int.random(in: 1...3, using: &random))", by: people.randomElement(using: &random)!, text: "答复")
        case 86..<92: return .recordSigned(by: people.randomElement(using: &random)!, signature: "sig")
        case 92..<96: return .recordPublished
        case 96..<99: return .postponed(until: self.fixtures.at(Double(Int.random(in: 0...20_000, using: &random))))
        default:
            // Rare, so that most sequences run to the end of an opening.
            return Int.random(in: 0..<4, using: &random) == 0 ? .terminated(reasonZh: "终止", reasonEn: "terminated") : .tick
        }
    }

    @Test("Never decrypts before k distinct panel custodians released after the deadline; never a partial price sheet", arguments: 0..<8)
    func invariants(batch: UInt64) throws {
        var reached: [OpeningPhase: Int] = [:]
        for seed in (batch * 250)..<((batch + 1) * 250) {
            for phase in try self.run(seed: seed) {
                reached[phase, default: 0] += 1
            }
        }
        // The sequences must actually get there, or the properties above hold vacuously.
        for phase in OpeningPhase.allCases {
            #expect(reached[phase, default: 0] >= 5, "batch \(batch) reached \(phase) in \(reached[phase, default: 0]) sequences")
        }
    }

    /// Runs one random sequence, checking the properties after every event; returns the phases visited.
    func run(seed: UInt64) throws -> Set<OpeningPhase> {
        var random = SeededGenerator(state: seed)
        let threshold = Int.random(in: 1...4, using: &random)
        let minimumBids = Int.random(in: 1...3, using: &random)
        let bids = self.fixtures.bids(Int.random(in: 0...5, using: &random))
        var session = try OpeningSession(plan: self.fixtures.plan(threshold: threshold, minimumBids: minimumBids))
        let panel = Set(self.fixtures.custodians.map(\.id))
        var now = self.fixtures.at(-900)
        // The model, built only from accepted events.
        var frozen: [ReceivedBid]?
        var releasedAfterDeadline: Set<String> = []
        var decryptRequests = 0
        var decided: [String: Bool] = [:]  // bid id → opened
        var sheets = 0
        var visited: Set<OpeningPhase> = [session.phase]

        for step in 0..<160 {
            now = now.addingTimeInterval(Double(Int.random(in: 0...400, using: &random)))
            let event = self.randomEvent(bids: bids, using: &random)
            let before = session
            let effects: [OpeningEffect]
            do {
                effects = try session.handle(event, now: now)
            } catch {
                #expect(session == before, "seed \(seed) step \(step): a refusal changed the state")
                #expect(!error.zh.isEmpty && !error.en.isEmpty, "seed \(seed) step \(step)")
                continue
            }
            switch event {
            case .deadlineReached(let list): frozen = list
            case .shareReleased(let custodian, _) where frozen != nil && now >= self.fixtures.deadline && panel.contains(custodian):
                releasedAfterDeadline.insert(custodian)
            case .decrypted(let bidID, let result):
                if case .success = result { decided[bidID] = true } else { decided[bidID] = false }
            default: break
            }
            let context = "seed \(seed) step \(step) \(event)"
            if effects.asksToDecrypt {
                decryptRequests += 1
                #expect(releasedAfterDeadline.count >= threshold, "\(context): decrypt with \(releasedAfterDeadline.count) of \(threshold)")
                #expect((frozen?.count ?? 0) >= minimumBids, "\(context): decrypt although the lot failed at the deadline")
            }
            #expect(decryptRequests <= 1, "\(context): asked to decrypt twice")
            if case .decrypted = event {
                #expect(decryptRequests == 1, "\(context): a decryption result accepted before decryption was asked for")
            }
            if let sheet = effects.priceSheet {
                sheets += 1
                let all = frozen ?? []
                #expect(decided.count == all.count, "\(context): price sheet before every bid was decided")
                #expect(sheet.rows.map(\.bidID) == all.map(\.bidID).filter { decided[$0] == true }, "\(context): rows")
                #expect(Set(sheet.rows.map(\.bidID)).count == sheet.rows.count)
            }
            #expect(sheets <= 1, "\(context): price sheet published twice")
            visited.insert(session.phase)
            let shown = session.status(now: now).priceSheet
            #expect(shown == nil || (sheets == 1 && shown?.count == decided.values.filter { $0 }.count), "\(context): partial sheet shown")
        }
        return visited
    }

    @Test("The generator is deterministic: one seed gives one sequence")
    func deterministic() {
        var first = SeededGenerator(state: 42)
        var second = SeededGenerator(state: 42)
        let a = (0..<5).map { _ in first.next() }
        #expect(a == (0..<5).map { _ in second.next() })
        #expect(Set(a).count == 5)
    }
}
