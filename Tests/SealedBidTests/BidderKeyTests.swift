import Crypto
@testable import SealedBid
import Testing
import YiwangTestSupport

/// The bidder's Ed25519 key has one-line text forms and signs the envelopes it seals.
@Suite struct BidderKeyTests {
    @Test func keysRoundTripThroughText() throws {
        // setup
        let key = BidderKey()
        // exercise
        let restored = try BidderKey(text: key.text)
        let publicKey = try BidderPublicKey(text: key.publicKey.text)
        // validate
        #expect(restored.rawRepresentation == key.rawRepresentation)
        #expect(restored.publicKey == key.publicKey && publicKey == key.publicKey)
        #expect(key.text.hasPrefix("yiwang-bidder-key-v1 ") && key.text.hasSuffix("\n"))
        #expect(key.publicKey.text.hasPrefix("yiwang-bidder-pub-v1 "))
        #expect(!key.description.contains(String(key.text.split(separator: " ")[1].dropLast())))
    }

    @Test func otherKeyKindsAreRefused() {
        #expect(throws: KeyTextError.wrongLabel(expected: "yiwang-bidder-key-v1")) { try BidderKey(text: CustodianKey().text) }
        #expect(throws: KeyTextError.wrongLabel(expected: "yiwang-bidder-pub-v1")) { try BidderPublicKey(text: BidderKey().text) }
        #expect(throws: KeyTextError.badBase64(expected: "yiwang-bidder-key-v1", byteCount: 32)) {
            try BidderKey(text: "yiwang-bidder-key-v1 AAAA")
        }
    }

    @Test func theKeySignsWhatItSeals() throws {
        // setup
        let fixture = try EnvelopeFixture(threshold: 2, count: 3)
        let key = BidderKey()
        // exercise
        let envelope = try BidEnvelope.seal(
            payload: fixture.payload, binding: fixture.binding, panel: fixture.panel, signingKey: key.signingKey)
        // validate
        #expect(key.publicKey.signed(envelope))
        #expect(!BidderKey().publicKey.signed(envelope))
        #expect(envelope.bidderPublicKey == key.publicKey.rawRepresentation)
    }

    @Test func envelopeHashesPrintAndReadAsHex() throws {
        let envelope = try EnvelopeFixture(threshold: 1, count: 1).seal()
        let hex = envelope.sha256Hex
        #expect(hex.count == 64 && hex == hex.lowercased())
        #expect(Array<UInt8>(hex: hex) == envelope.sha256)
        #expect(BidEnvelope.sha256(hex: hex.uppercased()) == envelope.sha256)
        #expect(BidEnvelope.sha256(hex: String(hex.dropLast())) == nil)
        #expect(BidEnvelope.sha256(hex: String(hex.dropLast()) + "g") == nil)
    }
}
