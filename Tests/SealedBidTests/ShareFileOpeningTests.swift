import Foundation
@testable import SealedBid
import Testing

/// Custodians release share files at the deadline; any k of them open the bid, and every mix-up
/// or change is reported as what it is (shared/RULES.md, 电子招标投标办法31).
@Suite struct ShareFileOpeningTests {
    @Test func anyTwoOfThreeShareFilesOpenTheBid() throws {
        // setup
        let fixture = try EnvelopeFixture(threshold: 2, count: 3)
        let envelope = try fixture.seal()
        let files = try fixture.custodianKeys.map { try envelope.releaseShare(using: $0, now: envelope.binding.deadline) }
        // exercise + validate
        for pair in files.combinations(ofSize: 2) {
            let handedOver = try pair.map { try ShareFile(text: $0.text) }
            #expect(try envelope.open(withShareFiles: handedOver) == fixture.payload)
        }
    }

    @Test func sharesAreNotReleasedBeforeTheDeadline() throws {
        // setup
        let fixture = try EnvelopeFixture(threshold: 2, count: 3)
        let envelope = try fixture.seal()
        let key = fixture.custodianKeys[2]
        let deadline = envelope.binding.deadline
        // exercise + validate: the opening is at the deadline instant (法34), not a second earlier
        #expect(throws: ShareReleaseError.beforeDeadline(deadlineUnixSeconds: 1_790_000_000)) {
            try envelope.releaseShare(using: key, now: deadline.addingTimeInterval(-1))
        }
        #expect(try envelope.releaseShare(using: key, now: deadline).share.index == 3)
        #expect(try envelope.releaseShare(using: key, now: deadline.addingTimeInterval(-86_400), beforeDeadline: true).share.index == 3)
        #expect(throws: ShareReleaseError.custodian(.notACustodian)) {
            try envelope.releaseShare(using: CustodianKey(), now: deadline)
        }
    }

    @Test func oneShareFileIsNotEnough() throws {
        let fixture = try EnvelopeFixture(threshold: 2, count: 3)
        let envelope = try fixture.seal()
        let file = try envelope.releaseShare(using: fixture.custodianKeys[0], now: envelope.binding.deadline)
        #expect(throws: ShareFileOpeningError.opening(.notEnoughShares(have: 1, need: 2))) {
            try envelope.open(withShareFiles: [file])
        }
    }

    @Test func aShareFileOfAnotherEnvelopeIsNamedByPosition() throws {
        // setup
        let fixture = try EnvelopeFixture(threshold: 2, count: 3)
        let envelope = try fixture.seal()
        let other = try fixture.seal()
        let mine = try envelope.releaseShare(using: fixture.custodianKeys[0], now: envelope.binding.deadline)
        let theirs = try other.releaseShare(using: fixture.custodianKeys[1], now: other.binding.deadline)
        // exercise
        let error = try #require(throws: ShareFileOpeningError.self) { try envelope.open(withShareFiles: [mine, theirs]) }
        // validate
        #expect(error == .shareFile(position: 1, .otherEnvelope(inFile: other.sha256Hex, inEnvelope: envelope.sha256Hex)))
    }

    @Test func aChangedEnvelopeIsReportedAsTamperedNotAsForeignShares() throws {
        // setup: one byte of the sealed payload changes after the shares were released
        let fixture = try EnvelopeFixture(threshold: 2, count: 3)
        let envelope = try fixture.seal()
        let files = try fixture.custodianKeys.prefix(2).map { try envelope.releaseShare(using: $0, now: envelope.binding.deadline) }
        var bytes = envelope.serialized
        bytes[bytes.count / 2] ^= 0x01
        // exercise
        let changed = try BidEnvelope(stored: bytes, committedSHA256: nil)
        // validate
        #expect(throws: ShareFileOpeningError.opening(.invalidSignature)) { try changed.open(withShareFiles: files) }
        #expect(throws: OpeningError.envelopeHashMismatch) { try BidEnvelope(stored: bytes, committedSHA256: envelope.sha256) }
        #expect(throws: OpeningError.self) { try BidEnvelope(stored: Array(bytes.prefix(10)), committedSHA256: nil) }
        #expect(try BidEnvelope(stored: envelope.serialized, committedSHA256: envelope.sha256) == envelope)
    }

    @Test func aShareFileWithAChangedShareIsAWrongShare() throws {
        // setup: custodian 2's share bytes change, the labels stay right
        let fixture = try EnvelopeFixture(threshold: 2, count: 3)
        let envelope = try fixture.seal()
        let good = try envelope.releaseShare(using: fixture.custodianKeys[0], now: envelope.binding.deadline)
        let released = try envelope.releaseShare(using: fixture.custodianKeys[1], now: envelope.binding.deadline).share
        let changed = DecryptedShare(
            envelopeSHA256: released.envelopeSHA256, index: released.index, value: [released.value[0] ^ 0x80] + released.value.dropFirst())
        let bad = try ShareFile(text: ShareFile(envelope: envelope, share: changed).text)
        // exercise + validate
        #expect(throws: ShareFileOpeningError.opening(.wrongShare(index: 2))) { try envelope.open(withShareFiles: [good, bad]) }
        #expect(!OpeningError.wrongShare(index: 2).faultOfBidder)
    }

    @Test func messagesNameTheShareFileAndCarryBothLanguages() {
        let error = ShareFileOpeningError.shareFile(position: 1, .inconsistent(field: "index"))
        #expect(error.en.hasPrefix("Share file 2: "))
        #expect(error.zh.hasPrefix("第2个份额文件：") && error.zh.contains("份额序号"))
        #expect(ShareFileOpeningError.opening(.invalidSignature).code == "opening-invalid-signature")
    }
}
