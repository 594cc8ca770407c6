import Crypto
@testable import SealedBid
import Testing

/// Changing any byte of a serialized envelope is detected: it no longer parses, or its signature fails.
@Suite struct TamperingTests {
    @Test(arguments: [UInt8(0x01), 0x80, 0xFF])
    func everyByteIsCovered(flip: UInt8) throws {
        // setup
        let fixture = try EnvelopeFixture()
        let envelope = try fixture.seal()
        let original = envelope.serialized
        // exercise + validate
        for position in original.indices {
            var bytes = original
            bytes[position] ^= flip
            if let decoded = try? BidEnvelope(serialized: bytes), decoded.verifySignature() {
                Issue.record("a change at byte \(position) went unnoticed")
            }
        }
    }

    @Test func truncationAndExtensionAreRefused() throws {
        let fixture = try EnvelopeFixture(threshold: 2, count: 3)
        let original = try fixture.seal().serialized
        for length in [0, 4, 5, original.count / 2, original.count - 1] {
            #expect(throws: EnvelopeFormatError.self) { try BidEnvelope(serialized: Array(original.prefix(length))) }
        }
        #expect(throws: EnvelopeFormatError.self) { try BidEnvelope(serialized: original + [0]) }
    }

    @Test func anotherSignerIsNotTheRegisteredBidder() throws {
        // setup: someone swaps in their own key and signs the body again
        let fixture = try EnvelopeFixture()
        let envelope = try fixture.seal()
        let intruder = Curve25519.Signing.PrivateKey()
        let intruderKey = Array(intruder.publicKey.rawRepresentation)
        let body = BidEnvelope.body(
            binding: envelope.binding,
            bidderPublicKey: intruderKey,
            threshold: envelope.threshold,
            keyCommitment: envelope.keyCommitment,
            sealedPayload: envelope.sealedPayload,
            shares: envelope.shares
        )
        // exercise
        let forged = BidEnvelope(
            binding: envelope.binding,
            bidderPublicKey: intruderKey,
            threshold: envelope.threshold,
            keyCommitment: envelope.keyCommitment,
            sealedPayload: envelope.sealedPayload,
            shares: envelope.shares,
            signature: Array(try intruder.signature(for: SealedBidFormat.signedMessage(body: body)))
        )
        // validate: self-consistent, but not signed by the bidder registered on the platform
        #expect(forged.verifySignature())
        #expect(!forged.verifySignature(by: fixture.bidderKey.publicKey))
        #expect(envelope.verifySignature(by: fixture.bidderKey.publicKey))
        #expect(forged.sha256 != envelope.sha256)
    }

    @Test func aVersionThisCodeDoesNotKnowIsMalformed() throws {
        let fixture = try EnvelopeFixture(threshold: 1, count: 1)
        var bytes = try fixture.seal().serialized
        bytes[4] = 2
        #expect(throws: EnvelopeFormatError(reason: "envelope version 2 is not supported")) {
            try BidEnvelope(serialized: bytes)
        }
    }
}
