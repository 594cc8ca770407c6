import Crypto
import Foundation
import SealedBid
import Testing

@Suite struct EnvelopeRoundTripTests {
    @Test func anyThreeOfFiveCustodiansOpenTheBid() throws {
        // setup
        let fixture = try EnvelopeFixture()
        let envelope = try fixture.seal()
        // exercise
        let all = try fixture.shares(of: envelope, from: Array(0..<5))
        // validate
        for subset in all.combinations(ofSize: 3) {
            #expect(try envelope.open(with: subset) == fixture.payload)
        }
        #expect(try envelope.open(with: all) == fixture.payload)
    }

    @Test func theSerializedEnvelopeDecodesToItself() throws {
        // setup
        let fixture = try EnvelopeFixture()
        let envelope = try fixture.seal()
        // exercise
        let decoded = try BidEnvelope(serialized: envelope.serialized)
        // validate
        #expect(decoded == envelope)
        #expect(decoded.sha256 == Array(SHA256.hash(data: envelope.serialized)))
        #expect(decoded.version == 1)
        #expect(decoded.binding == fixture.binding)
        #expect(decoded.isSealed(for: fixture.panel))
        #expect(decoded.verifySignature())
        #expect(decoded.verifySignature(by: fixture.bidderKey.publicKey))
        #expect(!decoded.verifySignature(by: Curve25519.Signing.PrivateKey().publicKey))
        #expect(Array(decoded.serialized.prefix(5)) == Array("YWSB".utf8) + [1])
    }

    @Test func theLengthIsTheOneDocsSealedEnvelopeGives() throws {
        // docs/sealed-envelope.md: 159 + T + L + B + P + 145 · n
        let fixture = try EnvelopeFixture(threshold: 2, count: 4)
        let envelope = try fixture.seal()
        let identifiers = [fixture.binding.tenderID, fixture.binding.lotID, fixture.binding.bidderID]
        let expected = 159 + identifiers.map(\.utf8.count).reduce(0, +) + envelope.sealedPayload.count + 145 * 4
        #expect(envelope.serialized.count == expected)
        #expect(envelope.shares.map(\.ciphertext.count) == [48, 48, 48, 48])
        #expect(envelope.shares.map(\.encapsulatedKey.count) == [32, 32, 32, 32])
    }

    @Test func openingFromStoredBytesChecksTheCommittedHash() throws {
        // setup
        let fixture = try EnvelopeFixture(threshold: 2, count: 3)
        let envelope = try fixture.seal()
        let shares = try fixture.shares(of: envelope, from: [2, 0])
        // exercise
        let payload = try BidEnvelope.open(serialized: envelope.serialized, committedSHA256: envelope.sha256, shares: shares)
        // validate
        #expect(payload.openingSheet.priceFen == 123_456_789)
        #expect(payload.openingSheet.fields["质量标准"] == "合格")
        #expect(payload.fileName == "投标文件.pdf")
    }

    @Test func oneOfOneAndFiveOfFiveWork() throws {
        for (threshold, count) in [(1, 1), (5, 5)] {
            let fixture = try EnvelopeFixture(threshold: threshold, count: count)
            let envelope = try fixture.seal()
            #expect(try envelope.open(with: fixture.shares(of: envelope, from: Array(0..<count))) == fixture.payload)
        }
    }

    @Test func anEmptyFileAndNoOptionalFieldsRoundTrip() throws {
        let fixture = try EnvelopeFixture(threshold: 1, count: 2)
        let payload = BidPayload(openingSheet: OpeningSheet(priceFen: -5), fileName: "", fileBytes: [])
        let envelope = try BidEnvelope.seal(
            payload: payload,
            binding: fixture.binding,
            panel: fixture.panel,
            signingKey: fixture.bidderKey
        )
        #expect(try envelope.open(with: fixture.shares(of: envelope, from: [1])) == payload)
    }

    @Test func sealingRefusesBadInput() throws {
        let fixture = try EnvelopeFixture()
        let empty = BidBinding(tenderID: "", lotID: "1", bidderID: "b", deadlineUnixSeconds: 0)
        #expect(throws: SealingError.emptyIdentifier(field: "tender id")) {
            try BidEnvelope.seal(payload: fixture.payload, binding: empty, panel: fixture.panel, signingKey: fixture.bidderKey)
        }
        let key = fixture.custodianKeys[0].publicKey
        #expect(throws: SealingError.duplicateCustodian(index: 2)) {
            try CustodianPanel(custodians: [key, key], threshold: 1)
        }
        #expect(throws: SealingError.invalidThreshold(threshold: 3, count: 2)) {
            try CustodianPanel(custodians: [key, fixture.custodianKeys[1].publicKey], threshold: 3)
        }
    }
}
