import Crypto
import Foundation
@testable import SealedBid
import Testing
import YiwangTestSupport

/// RFC 9180 test vectors for the suite sealed bids use: mode 0 (base), DHKEM(X25519, HKDF-SHA256),
/// HKDF-SHA256, AES-256-GCM.
@Suite struct HPKEVectorTests {
    struct Vector: Decodable {
        struct Encryption: Decodable {
            let aad: String
            let ct: String
            let nonce: String
            let pt: String
        }
        struct Export: Decodable {
            let exporter_context: String
            let L: Int
            let exported_value: String
        }
        let mode: Int
        let kem_id: Int
        let kdf_id: Int
        let aead_id: Int
        let info: String
        let skRm: String
        let pkRm: String
        let skEm: String
        let pkEm: String
        let enc: String
        let encryptions: [Encryption]
        let exports: [Export]
    }

    static func vectors() throws -> [Vector] {
        let data = try SharedVectors.data("hpke/rfc9180_hpke_vectors.json")
        let all = try JSONDecoder().decode([Vector].self, from: data)
        return all.filter { $0.mode == 0 && $0.kem_id == 0x20 && $0.kdf_id == 1 && $0.aead_id == 2 }
    }

    @Test func theSuiteHasVectors() throws {
        #expect(try Self.vectors().count >= 1)
    }

    @Test func recipientOpensEveryCiphertextAndExports() throws {
        for vector in try Self.vectors() {
            // setup
            let privateKey = try Curve25519.KeyAgreement.PrivateKey(rawRepresentation: [UInt8](hex: vector.skRm))
            #expect(Array(privateKey.publicKey.rawRepresentation) == [UInt8](hex: vector.pkRm))
            var recipient = try HPKE.Recipient(
                privateKey: privateKey,
                ciphersuite: SealedBidFormat.hpkeSuite,
                info: Data([UInt8](hex: vector.info)),
                encapsulatedKey: Data([UInt8](hex: vector.enc))
            )
            // exercise + validate: the encryptions are in sequence order, as the recipient's nonce advances.
            for encryption in vector.encryptions {
                let plaintext = try recipient.open([UInt8](hex: encryption.ct), authenticating: [UInt8](hex: encryption.aad))
                #expect(Array(plaintext) == [UInt8](hex: encryption.pt))
            }
            for export in vector.exports {
                let secret = try recipient.exportSecret(
                    context: [UInt8](hex: export.exporter_context),
                    outputByteCount: export.L
                )
                #expect(secret.withUnsafeBytes { Array($0) } == [UInt8](hex: export.exported_value))
            }
        }
    }

    @Test func ephemeralKeyOfTheVectorGivesItsEnc() throws {
        // swift-crypto has no public API for sender setup with a chosen ephemeral key, so the
        // deterministic check stops at the KEM's SerializePublicKey(pk(skE)) = enc.
        for vector in try Self.vectors() {
            let ephemeral = try Curve25519.KeyAgreement.PrivateKey(rawRepresentation: [UInt8](hex: vector.skEm))
            #expect(Array(ephemeral.publicKey.rawRepresentation) == [UInt8](hex: vector.pkEm))
            #expect(Array(ephemeral.publicKey.rawRepresentation) == [UInt8](hex: vector.enc))
        }
    }

    @Test func senderToTheVectorKeyRoundTrips() throws {
        for vector in try Self.vectors() {
            // setup
            let privateKey = try Curve25519.KeyAgreement.PrivateKey(rawRepresentation: [UInt8](hex: vector.skRm))
            let info = Data([UInt8](hex: vector.info))
            var sender = try HPKE.Sender(recipientKey: privateKey.publicKey, ciphersuite: SealedBidFormat.hpkeSuite, info: info)
            // exercise
            let ciphertext = try sender.seal(Array("开标".utf8), authenticating: Array("aad".utf8))
            var recipient = try HPKE.Recipient(
                privateKey: privateKey,
                ciphersuite: SealedBidFormat.hpkeSuite,
                info: info,
                encapsulatedKey: sender.encapsulatedKey
            )
            // validate
            #expect(sender.encapsulatedKey.count == 32)
            #expect(try Array(recipient.open(ciphertext, authenticating: Array("aad".utf8))) == Array("开标".utf8))
            let sent = try sender.exportSecret(context: Data(), outputByteCount: 32)
            let received = try recipient.exportSecret(context: Data(), outputByteCount: 32)
            #expect(sent == received)
        }
    }
}
