import Foundation
import Testing
import WitnessLog
import YiwangTestSupport

@Suite struct SignedNoteTests {
    struct Vectors: Decodable {
        struct Sign: Decodable {
            var skey: String
            var vkey: String
            var text: String
            var signed: String
        }

        struct Verify: Decodable {
            var vkey: String
            var signed: String
        }

        var sign: Sign
        var verify: [Verify]
        var bad_vkeys: [String]
    }

    static func vectors() throws -> Vectors {
        try SharedVectors.decode(Vectors.self, from: "note/signed_note.json")
    }

    @Test func signsByteExact() throws {
        // setup
        let vector = try Self.vectors().sign
        let signer = try NoteSigner(skey: vector.skey)
        // exercise
        let note = try SignedNote.sign(text: vector.text, with: [signer])
        // validate
        #expect(signer.verifier.vkey == vector.vkey)
        #expect(signer.skey == vector.skey)
        #if !canImport(CryptoKit)  // CryptoKit randomizes Ed25519; BoringSSL is deterministic.
        #expect(note.formatted == vector.signed)
        #endif
        let parsed = try SignedNote(parsing: vector.signed)
        #expect(parsed.text == vector.text)
        #expect(try parsed.verify([NoteVerifier(vkey: vector.vkey)]).count == 1)
        #expect(try note.verify([signer.verifier]).count == 1)
    }

    @Test func verifiesPublishedNotes() throws {
        // setup
        let vectors = try Self.vectors().verify
        #expect(vectors.count == 2)
        for vector in vectors {
            // exercise
            let verifier = try NoteVerifier(vkey: vector.vkey)
            let note = try SignedNote(parsing: vector.signed)
            // validate
            #expect(try note.verify([verifier]).map(\.name) == [verifier.name])
            #expect(note.formatted == vector.signed)
            #expect(verifier.vkey == vector.vkey)
        }
    }

    @Test func rejectsBadVerifierKeys() throws {
        // setup
        let bad = try Self.vectors().bad_vkeys
        #expect(bad.count == 3)
        // exercise + validate
        #expect(throws: NoteError.malformedVerifierKey(reason: "Ed25519 public key must be 32 bytes, got 36")) {
            try NoteVerifier(vkey: bad[0])
        }
        #expect(throws: NoteError.unsupportedSignatureType(0x65)) { try NoteVerifier(vkey: bad[1]) }
        #expect(throws: NoteError.keyIDMismatch(stated: 0xc74f_20a4, computed: 0xc74f_20a3)) {
            try NoteVerifier(vkey: bad[2])
        }
        for malformed in ["", "name", "name+c74f20a3", "na me+c74f20a3+AQ==", "name+c74f20+AQ==", "name+zzzzzzzz+AQ==",
                          "name+c74f20a3+!!!"] {
            #expect(throws: NoteError.self, "\(malformed)") { try NoteVerifier(vkey: malformed) }
        }
        for malformed in ["PRIVATE+KEY+PeterNeumann+c74f20a3+AYEK", "PRIVATE+PeterNeumann+c74f20a3+AQ==",
                          "PRIVATE+KEY+PeterNeumann+c74f20a4+AYEKFALVFGyNhPJEMzD1QIDr+Y7hfZx09iUvxdXHKDFz"] {
            #expect(throws: NoteError.self, "\(malformed)") { try NoteSigner(skey: malformed) }
        }
    }

    @Test func rejectsMalformedNotes() throws {
        // setup
        let vector = try Self.vectors().sign
        let verifier = try NoteVerifier(vkey: vector.vkey)
        let signatureLine = String(vector.signed.dropFirst(vector.text.count + 1))
        let malformed: [String] = [
            vector.text,  // no signatures
            vector.text + "\n",  // blank line but no signature lines
            String(vector.signed.dropLast()),  // missing final newline
            vector.text + "\n" + signatureLine.replacingOccurrences(of: "— ", with: "-- "),
            vector.text + "\n" + signatureLine.replacingOccurrences(of: "PeterNeumann ", with: "PeterNeumann  "),
            vector.text + "\n" + "— PeterNeumann AAAA\n",  // too short
            vector.text + "\n" + "— Peter+Neumann x08go/ZJ\n",  // bad name
            "tab\there\n\n" + signatureLine,  // control character
            vector.text + "\n" + String(repeating: signatureLine, count: 101),
        ]
        // exercise + validate
        for text in malformed {
            #expect(throws: NoteError.self, "\(text.debugDescription)") { try SignedNote(parsing: text) }
        }
        #expect(throws: NoteError.malformedNote(reason: "not valid UTF-8")) {
            try SignedNote(parsing: Array(vector.text.utf8) + [0xff, 0x0A, 0x0A] + Array(signatureLine.utf8))
        }
        // Tampered text with a known key: the whole note is rejected.
        let tampered = try SignedNote(parsing: vector.signed.replacingOccurrences(of: "problem,", with: "problem;"))
        #expect(throws: NoteError.invalidSignature(name: "PeterNeumann", keyID: 0xc74f_20a3)) {
            try tampered.verify([verifier])
        }
        // Only unknown keys: nothing verified.
        let other = try NoteSigner.generate(name: "PeterNeumann")
        #expect(throws: NoteError.noVerifiedSignature) { try SignedNote(parsing: vector.signed).verify([other.verifier]) }
    }

    @Test func ignoresUnknownAndRepeatedSignatures() throws {
        // setup
        let log = try NoteSigner.generate(name: "example.com/log")
        let stranger = try NoteSigner.generate(name: "example.com/log")
        var note = try SignedNote.sign(text: "hello\n\nworld\n", with: [stranger, log])
        note.signatures.append(note.signatures[1])
        // exercise
        let parsed = try SignedNote(parsing: note.bytes)
        // validate
        #expect(parsed == note)
        #expect(parsed.text == "hello\n\nworld\n")
        #expect(try parsed.verify([log.verifier]) == [note.signatures[1]])
        #expect(throws: NoteError.malformedText(reason: "text must end in a newline")) {
            try log.sign(text: "no newline")
        }
        #expect(throws: NoteError.self) { try log.sign(text: "bell\u{7}\n") }
        #expect(throws: NoteError.invalidKeyName("bad name")) { try NoteSigner.generate(name: "bad name") }
        #expect(try NoteSigner(skey: log.skey).verifier == log.verifier)
    }
}
