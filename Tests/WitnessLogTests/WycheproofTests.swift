import Crypto
import Foundation
import Testing
import WitnessLog
import YiwangTestSupport

/// Wycheproof Ed25519 vectors run through the note verifier's Ed25519 check.
@Suite struct WycheproofTests {
    struct File: Decodable {
        struct Group: Decodable {
            struct Key: Decodable { var pk: String }
            struct Case: Decodable {
                var tcId: Int
                var comment: String
                var msg: String
                var sig: String
                var result: String
            }

            var publicKey: Key
            var tests: [Case]
        }

        var numberOfTests: Int
        var testGroups: [Group]
    }

    @Test func ed25519Verification() throws {
        // setup
        let file = try SharedVectors.decode(File.self, from: "note/wycheproof_ed25519.json")
        var checked = 0
        for group in file.testGroups {
            let key = try Curve25519.Signing.PublicKey(rawRepresentation: [UInt8](hex: group.publicKey.pk))
            let verifier = try NoteVerifier(name: "wycheproof", type: .ed25519, publicKey: key)
            for test in group.tests {
                // exercise
                let valid = verifier.isValidEd25519(signature: [UInt8](hex: test.sig), for: [UInt8](hex: test.msg))
                // validate
                #expect(valid == (test.result == "valid"), "tcId \(test.tcId): \(test.comment)")
                checked += 1
            }
        }
        #expect(checked == file.numberOfTests)
        #expect(checked == 150)
    }
}
