import Crypto
import Foundation
@testable import SealedBid
import Testing

/// Every way an opening can fail, with the fault classification of shared/RULES.md.
@Suite struct OpeningFailureTests {
    @Test func fewerThanThresholdShares() throws {
        let fixture = try EnvelopeFixture()
        let envelope = try fixture.seal()
        let error = try Self.openingError { try envelope.open(with: fixture.shares(of: envelope, from: [0, 4])) }
        #expect(error == .notEnoughShares(have: 2, need: 3))
        #expect(!error.faultOfBidder)
    }

    @Test func aShareOfAnotherEnvelope() throws {
        // setup
        let fixture = try EnvelopeFixture()
        let envelope = try fixture.seal()
        let other = try fixture.seal()
        var shares = try fixture.shares(of: envelope, from: [0, 1])
        shares += try fixture.shares(of: other, from: [2])
        // exercise
        let error = try Self.openingError { try envelope.open(with: shares) }
        // validate
        #expect(error == .shareNotForEnvelope(index: 3))
        #expect(!error.faultOfBidder)
    }

    @Test func aShareIndexTheEnvelopeDoesNotHave() throws {
        let fixture = try EnvelopeFixture()
        let envelope = try fixture.seal()
        let share = DecryptedShare(envelopeSHA256: envelope.sha256, index: 6, value: [UInt8](repeating: 0, count: 32))
        #expect(throws: OpeningError.shareNotForEnvelope(index: 6)) { try envelope.check(share) }
    }

    @Test func aWrongShareValue() throws {
        // setup: custodian 2 hands over a share with one bit changed
        let fixture = try EnvelopeFixture()
        let envelope = try fixture.seal()
        var shares = try fixture.shares(of: envelope, from: [0, 1, 2])
        let bad = shares[1]
        shares[1] = DecryptedShare(envelopeSHA256: bad.envelopeSHA256, index: bad.index, value: [bad.value[0] ^ 1] + bad.value.dropFirst())
        // exercise
        let error = try Self.openingError { try envelope.open(with: shares) }
        // validate
        #expect(error == .wrongShare(index: 2))
        #expect(!error.faultOfBidder)
    }

    @Test func theSameShareTwice() throws {
        let fixture = try EnvelopeFixture()
        let envelope = try fixture.seal()
        let shares = try fixture.shares(of: envelope, from: [0, 0, 1])
        #expect(throws: OpeningError.duplicateShare(index: 1)) { try envelope.open(with: shares) }
    }

    @Test func storedBytesThatChangedAfterUpload() throws {
        // setup
        let fixture = try EnvelopeFixture()
        let envelope = try fixture.seal()
        let shares = try fixture.shares(of: envelope, from: [0, 1, 2])
        var stored = envelope.serialized
        stored[stored.count / 2] ^= 0x40
        // exercise
        let error = try Self.openingError {
            try BidEnvelope.open(serialized: stored, committedSHA256: envelope.sha256, shares: shares)
        }
        // validate
        #expect(error == .envelopeHashMismatch)
        #expect(!error.faultOfBidder)
    }

    @Test func aSignatureThatDoesNotVerify() throws {
        let fixture = try EnvelopeFixture()
        let envelope = try fixture.seal()
        let shares = try fixture.shares(of: envelope, from: [0, 1, 2])
        var bytes = envelope.serialized
        bytes[bytes.count - 1] ^= 0x01
        let tampered = try BidEnvelope(serialized: bytes)
        let error = try Self.openingError { try tampered.open(with: shares) }
        #expect(error == .invalidSignature)
        #expect(!error.faultOfBidder)
        #expect(throws: CustodianShareError.tamperedEnvelope) { try tampered.custodianShare(using: fixture.custodianKeys[0]) }
    }

    @Test func aMalformedUpload() throws {
        let garbage = Array("YWSB\u{1}not an envelope".utf8)
        let hash = Array(SHA256.hash(data: garbage))
        let error = try Self.openingError { try BidEnvelope.open(serialized: garbage, committedSHA256: hash, shares: []) }
        guard case .malformedEnvelope = error else {
            Issue.record("expected malformedEnvelope, got \(error)")
            return
        }
        #expect(error.faultOfBidder)
    }

    @Test func aKeyThatDoesNotMatchItsCommitment() throws {
        // setup: the bidder signs a key commitment that its shares do not give
        let fixture = try EnvelopeFixture()
        let envelope = try fixture.resigned(fixture.seal()) { $0.keyCommitment = [UInt8](repeating: 7, count: 32) }
        // exercise
        let error = try Self.openingError { try envelope.open(with: fixture.shares(of: envelope, from: [0, 1, 2])) }
        // validate
        #expect(error == .keyCommitmentMismatch)
        #expect(error.faultOfBidder)
    }

    @Test func aPayloadThatDoesNotDecryptUnderTheCommittedKey() throws {
        let fixture = try EnvelopeFixture()
        let envelope = try fixture.resigned(fixture.seal()) { $0.sealedPayload[20] ^= 0x01 }
        let error = try Self.openingError { try envelope.open(with: fixture.shares(of: envelope, from: [0, 1, 2])) }
        #expect(error == .payloadDecryptionFailed)
        #expect(error.faultOfBidder)
    }

    @Test func aPayloadThatIsNotABidPayload() throws {
        let fixture = try EnvelopeFixture()
        let envelope = try fixture.crafted(plaintext: Array("just text".utf8))
        let error = try Self.openingError { try envelope.open(with: fixture.shares(of: envelope, from: [0, 1, 2])) }
        guard case .malformedPayload = error else {
            Issue.record("expected malformedPayload, got \(error)")
            return
        }
        #expect(error.faultOfBidder)
    }

    @Test func sharesFromDifferentPolynomials() throws {
        // setup: the bidder commits to a fifth share that lies off the polynomial
        let fixture = try EnvelopeFixture()
        let payload = fixture.payload.encoded
        let envelope = try fixture.crafted(plaintext: payload) { shares in
            shares.map { $0.index == 5 ? ShamirShare(index: 5, value: $0.value.map { $0 ^ 0x11 }) : $0 }
        }
        // exercise
        let error = try Self.openingError { try envelope.open(with: fixture.shares(of: envelope, from: [0, 1, 2, 4])) }
        // validate
        #expect(error == .inconsistentShares(index: 5))
        #expect(error.faultOfBidder)
        #expect(try envelope.open(with: fixture.shares(of: envelope, from: [0, 1, 2])) == fixture.payload)
    }

    @Test func custodianSideFailures() throws {
        // setup
        let fixture = try EnvelopeFixture()
        let envelope = try fixture.seal()
        // validate: a key not on the panel
        #expect(throws: CustodianShareError.notACustodian) { try envelope.custodianShare(using: CustodianKey()) }
        // validate: a ciphertext the bidder damaged before signing
        let damaged = try fixture.resigned(envelope) { parts in
            let slot = parts.shares[0]
            parts.shares[0] = EncryptedShare(
                index: slot.index,
                custodian: slot.custodian,
                commitment: slot.commitment,
                encapsulatedKey: slot.encapsulatedKey,
                ciphertext: [slot.ciphertext[0] ^ 1] + slot.ciphertext.dropFirst()
            )
        }
        #expect(throws: CustodianShareError.decryptionFailed(index: 1)) {
            try damaged.custodianShare(using: fixture.custodianKeys[0])
        }
        // validate: the bidder encrypts a value other than the one it committed to
        let mismatched = try fixture.resigned(envelope) { parts in
            let slot = parts.shares[1]
            var sender = try HPKE.Sender(
                recipientKey: Curve25519.KeyAgreement.PublicKey(rawRepresentation: slot.custodian.rawRepresentation),
                ciphersuite: SealedBidFormat.hpkeSuite,
                info: Data(SealedBidFormat.shareInfo(tenderID: fixture.binding.tenderID, index: 2))
            )
            let ciphertext = try sender.seal(
                [UInt8](repeating: 1, count: 32),
                authenticating: SealedBidFormat.shareAssociatedData(fixture.binding, index: 2, commitment: slot.commitment)
            )
            parts.shares[1] = EncryptedShare(
                index: 2,
                custodian: slot.custodian,
                commitment: slot.commitment,
                encapsulatedKey: Array(sender.encapsulatedKey),
                ciphertext: Array(ciphertext)
            )
        }
        #expect(throws: CustodianShareError.commitmentMismatch(index: 2)) {
            try mismatched.custodianShare(using: fixture.custodianKeys[1])
        }
    }

    @Test func everyErrorHasBothLanguages() {
        let errors: [OpeningError] = [
            .envelopeHashMismatch, .invalidSignature, .malformedEnvelope(EnvelopeFormatError(reason: "x")),
            .shareNotForEnvelope(index: 1), .duplicateShare(index: 1), .wrongShare(index: 1),
            .notEnoughShares(have: 1, need: 2), .inconsistentShares(index: 1), .keyCommitmentMismatch,
            .payloadDecryptionFailed, .malformedPayload(reason: "x"),
        ]
        #expect(Set(errors.map(\.code)).count == errors.count)
        for error in errors {
            #expect(!error.zh.isEmpty && !error.en.isEmpty)
            #expect(error.description.contains(error.code))
        }
    }

    /// Runs `body` and returns the OpeningError it throws; records an issue when it throws nothing else.
    static func openingError(_ body: () throws -> BidPayload) throws -> OpeningError {
        do {
            _ = try body()
        } catch let error as OpeningError {
            return error
        }
        Issue.record("opening succeeded but was expected to fail")
        return .payloadDecryptionFailed
    }
}
