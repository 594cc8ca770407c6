import Foundation
import Testing
import WitnessLog

@Suite struct WitnessCertificateTests {
    @Test func untouchedCertificateVerifies() throws {
        // setup
        let fixture = try ProjectLogFixture()
        let certificate = try fixture.certificate(project: "P-1")
        // exercise
        let verdict = certificate.verify(log: fixture.log.verifier, witnesses: fixture.witnessKeys, minWitnesses: 2)
        // validate
        #expect(certificate.events.map(\.index) == [0, 2, 4, 6, 8, 10])
        #expect(verdict.isValid)
        #expect(verdict.checkpoint.checkpoint == fixture.checkpoint)
        #expect(verdict.checkpoint.cosigners == fixture.witnesses.map(\.name))
        #expect(verdict.checkpoint.keySource == .supplied)
        #expect(verdict.checkpoint.notes.isEmpty)
        #expect(verdict.completenessChecked)
        #expect(verdict.events.map(\.outcome) == Array(repeating: .ok, count: 6))
        #expect(verdict.events.map(\.type) == ["project.created", "notice.published", "bid.submitted", "bid.submitted", "bids.opened", "award.published"])
        #expect(verdict.firstFailure == nil)
    }

    @Test func jsonKeepsFieldOrderAndRoundTrips() throws {
        // setup
        let fixture = try ProjectLogFixture()
        let certificate = try fixture.certificate(project: "P-2")
        // exercise
        let json = certificate.json()
        let decoded = try WitnessCertificate(json: json)
        // validate
        let text = String(decoding: json, as: UTF8.self)
        #expect(text.hasPrefix(#"{"format":"yiwang-certificate/v1","project":"P-2","title":"Road works, lot 1","origin":"log.yiwang.test/trading","logKey":"log.yiwang.test/trading+"#))
        let order = ["\"logKey\"", "\"checkpoint\"", "\"events\"", "\"index\"", "\"entry\"", "\"proof\""].map { text.range(of: $0)!.lowerBound }
        #expect(order == order.sorted())
        #expect(decoded == certificate)
        #expect(decoded.verify(log: fixture.log.verifier, witnesses: fixture.witnessKeys, minWitnesses: 2).isValid)
        #expect(throws: WitnessCertificateError.self) { try WitnessCertificate(json: Array("{\"format\":1}".utf8)) }
    }

    @Test func changedEntryIsNamed() throws {
        // setup: change the price in event 3, keeping the entry canonical
        let fixture = try ProjectLogFixture()
        var certificate = try fixture.certificate(project: "P-1")
        let original = certificate.events[3].entry
        certificate.events[3].entry = original.replacingOccurrences(of: "\"price\":100006", with: "\"price\":100009")
        #expect(certificate.events[3].entry != original)
        // exercise
        let verdict = certificate.verify(log: fixture.log.verifier, witnesses: fixture.witnessKeys, minWitnesses: 2)
        // validate
        #expect(!verdict.isValid)
        let failure = try #require(verdict.firstFailure)
        #expect(failure.position == 3)
        #expect(failure.index == 6)
        #expect(failure.type == "bid.submitted")
        guard case .failed(let reason) = failure.outcome else { throw Failure("expected a failure") }
        #expect(reason.hasPrefix("inclusion proof does not verify"))
        #expect(verdict.events.filter { !$0.isOK }.map(\.position) == [3])
    }

    @Test func nonCanonicalEntryIsNamed() throws {
        // setup: same JSON value, not canonical (a space after a colon)
        let fixture = try ProjectLogFixture()
        var certificate = try fixture.certificate(project: "P-1")
        certificate.events[1].entry = certificate.events[1].entry.replacingOccurrences(of: "\"type\":", with: "\"type\": ")
        // exercise
        let verdict = certificate.verify(log: fixture.log.verifier, witnesses: fixture.witnessKeys, minWitnesses: 2)
        // validate
        let failure = try #require(verdict.firstFailure)
        #expect(failure.position == 1)
        #expect(failure.outcome == .failed("entry is not canonical JSON (RFC 8785)"))
    }

    @Test func droppedEventIsNamed() throws {
        // setup: leave out the event at position 2 (log index 4)
        let fixture = try ProjectLogFixture()
        var certificate = try fixture.certificate(project: "P-1")
        certificate.events.remove(at: 2)
        // exercise
        let verdict = certificate.verify(log: fixture.log.verifier, witnesses: fixture.witnessKeys, minWitnesses: 2)
        // validate: the event after the gap names the missing link
        let failure = try #require(verdict.firstFailure)
        #expect(failure.position == 2)
        #expect(failure.index == 6)
        #expect(failure.outcome == .failed("events are missing before this one: its prev is log index 4, the bundle has 2"))
        var headless = try fixture.certificate(project: "P-1")
        headless.events.removeFirst()
        let headlessFailure = try #require(headless.verify(log: fixture.log.verifier, witnesses: [], minWitnesses: 0).firstFailure)
        #expect(headlessFailure.position == 0)
        #expect(headlessFailure.outcome == .failed("events before this one are missing: its prev is log index 0"))
    }

    @Test func reorderedEventsAreNamed() throws {
        // setup
        let fixture = try ProjectLogFixture()
        var certificate = try fixture.certificate(project: "P-1")
        certificate.events.swapAt(1, 2)
        let unchained = try ProjectLogFixture(chained: false)
        var plain = try unchained.certificate(project: "P-1")
        plain.events.swapAt(1, 2)
        // exercise
        let verdict = certificate.verify(log: fixture.log.verifier, witnesses: fixture.witnessKeys, minWitnesses: 2)
        let plainVerdict = plain.verify(log: unchained.log.verifier, witnesses: unchained.witnessKeys, minWitnesses: 2)
        // validate: with prev links the first moved event is caught; without, the one that goes back in the log
        let failure = try #require(verdict.firstFailure)
        #expect(failure.position == 1)
        #expect(failure.index == 4)
        let plainFailure = try #require(plainVerdict.firstFailure)
        #expect(plainFailure.position == 2)
        #expect(plainFailure.outcome == .failed("log index 2 does not follow 4: events reordered or repeated"))
        #expect(!plainVerdict.completenessChecked)
    }

    @Test func eventOfAnotherProjectIsNamed() throws {
        // setup: P-2's event at log index 3 has a valid proof, but belongs elsewhere
        let fixture = try ProjectLogFixture(chained: false)
        var certificate = try fixture.certificate(project: "P-1")
        let stranger = try fixture.certificate(project: "P-2").events[1]
        certificate.events.insert(stranger, at: 2)
        // exercise
        let verdict = certificate.verify(log: fixture.log.verifier, witnesses: fixture.witnessKeys, minWitnesses: 2)
        // validate
        let failure = try #require(verdict.firstFailure)
        #expect(failure.position == 2)
        #expect(failure.index == 3)
        #expect(failure.outcome == .failed("entry belongs to project \"P-2\", not \"P-1\""))
    }

    @Test func bundleKeyIsReportedAsNotIndependent() throws {
        // setup
        let fixture = try ProjectLogFixture()
        let certificate = try fixture.certificate(project: "P-1")
        // exercise
        let verdict = certificate.verify(log: nil, witnesses: fixture.witnessKeys, minWitnesses: 1)
        // validate
        #expect(verdict.isValid)
        #expect(verdict.checkpoint.keySource == .bundle)
        #expect(verdict.checkpoint.notes == ["the log key was taken from the bundle, not independently supplied"])
    }

    @Test func rejectedCheckpointLeavesEventsUnchecked() throws {
        // setup
        let fixture = try ProjectLogFixture()
        let certificate = try fixture.certificate(project: "P-1")
        let impostor = try NoteSigner.generate(name: ProjectLogFixture.origin).verifier
        // exercise
        let wrongKey = certificate.verify(log: impostor, witnesses: fixture.witnessKeys, minWitnesses: 1)
        let tooFew = certificate.verify(log: fixture.log.verifier, witnesses: fixture.witnessKeys, minWitnesses: 3)
        // validate
        #expect(!wrongKey.isValid)
        #expect(wrongKey.checkpoint.failure == "bad log signature: note carries no signature from a known key")
        #expect(wrongKey.checkpoint.notes.count == 1)
        #expect(wrongKey.firstFailure == nil)
        #expect(wrongKey.events.allSatisfy { $0.outcome == .unchecked("inclusion not checked: the checkpoint was rejected") })
        #expect(tooFew.checkpoint.failure == "too few witnesses: 2 trusted witnesses cosigned, 3 needed")
        #expect(!tooFew.isValid)
    }

    struct Failure: Error {
        var description: String
        init(_ description: String) { self.description = description }
    }
}
