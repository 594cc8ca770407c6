import SealedBid
import Testing

@Suite struct TextFormTests {
    @Test func custodianKeysRoundTripThroughText() throws {
        // setup
        let key = CustodianKey()
        // exercise
        let restored = try CustodianKey(text: key.text)
        let publicKey = try CustodianPublicKey(text: key.publicKey.text)
        // validate
        #expect(restored.rawRepresentation == key.rawRepresentation)
        #expect(restored.publicKey == key.publicKey)
        #expect(publicKey == key.publicKey)
        #expect(key.publicKey.text.hasPrefix("yiwang-custodian-pub-v1 "))
        #expect(key.text.hasPrefix("yiwang-custodian-key-v1 "))
        #expect(key.text.hasSuffix("\n"))
        #expect(!key.description.contains(String(key.text.split(separator: " ")[1].dropLast())))
    }

    @Test func aPrivateKeyIsNotAPublicKey() {
        let key = CustodianKey()
        #expect(throws: KeyTextError.wrongLabel(expected: "yiwang-custodian-pub-v1")) {
            try CustodianPublicKey(text: key.text)
        }
        #expect(throws: KeyTextError.badBase64(expected: "yiwang-custodian-pub-v1", byteCount: 32)) {
            try CustodianPublicKey(text: "yiwang-custodian-pub-v1 AAAA")
        }
    }

    @Test func decryptedSharesRoundTripThroughText() throws {
        // setup
        let fixture = try EnvelopeFixture(threshold: 2, count: 3)
        let envelope = try fixture.seal()
        let shares = try fixture.shares(of: envelope, from: [0, 2])
        // exercise
        let handedOver = try shares.map { try DecryptedShare(text: $0.text) }
        // validate
        #expect(handedOver == shares)
        #expect(try envelope.open(with: handedOver) == fixture.payload)
        #expect(shares[0].text.hasPrefix("yiwang-decrypted-share-v1 "))
        #expect(shares[0].description.hasPrefix("DecryptedShare(envelope: "))
    }
}
