/// 签名注记 — a C2SP signed note: text ending in a newline, a blank line, signature lines.
public struct SignedNote: Sendable, Hashable {
    /// Most signature lines accepted when parsing (the C2SP minimum is 16; Go's sumdb uses 100).
    public static let maxSignatures = 100

    /// The signed text, including its final newline.
    public var text: String
    /// Signatures in note order, from known and unknown keys alike.
    public var signatures: [NoteSignature]

    /// A note as made or stored.
    public init(text: String, signatures: [NoteSignature] = []) {
        self.text = text
        self.signatures = signatures
    }

    /// Parses a signed note (syntax only; call `verify` before trusting the text).
    public init(parsing note: some Collection<UInt8>) throws(NoteError) {
        let bytes = Array(note)
        try SignedNote.checkCharacters(bytes, error: { .malformedNote(reason: $0) })
        // The text ends at the last blank line; signature lines never contain one.
        var split: Int?
        var i = bytes.count - 2
        while i >= 0 {
            if bytes[i] == 0x0A && bytes[i + 1] == 0x0A {
                split = i
                break
            }
            i -= 1
        }
        guard let split else { throw .malformedNote(reason: "no blank line before the signatures") }
        let signatureBlock = bytes[(split + 2)...]
        guard !signatureBlock.isEmpty else { throw .malformedNote(reason: "no signature lines") }
        self.text = String(decoding: bytes[...split], as: UTF8.self)
        self.signatures = try NoteSignature.parseLines(signatureBlock, limit: SignedNote.maxSignatures)
    }

    /// Parses a signed note from a string.
    public init(parsing note: String) throws(NoteError) {
        try self.init(parsing: Array(note.utf8))
    }

    /// Signs `text` with each signer (all of type `.ed25519`).
    public static func sign(text: String, with signers: [NoteSigner]) throws(NoteError) -> SignedNote {
        var note = SignedNote(text: text)
        for signer in signers {
            note.signatures.append(try signer.sign(text: text))
        }
        return note
    }

    /// The note as text: the text, a blank line, then one line per signature.
    public var formatted: String {
        self.text + "\n" + self.signatures.map(\.line).joined()
    }

    /// The note as UTF-8 bytes.
    public var bytes: [UInt8] {
        Array(self.formatted.utf8)
    }

    /// Verifies the note against trusted keys and returns the signatures that verified.
    ///
    /// Per C2SP: signatures from unknown keys (name and key ID not both matching) are
    /// ignored; a failing signature from a known key rejects the whole note; at least one
    /// known key must have signed. A repeated signature by the same key is checked once.
    public func verify(_ verifiers: [NoteVerifier]) throws(NoteError) -> [NoteSignature] {
        let text = Array(self.text.utf8)
        var verified: [NoteSignature] = []
        var seen: Set<NoteKeyRef> = []
        for signature in self.signatures {
            let ref = NoteKeyRef(name: signature.name, keyID: signature.keyID)
            guard let verifier = verifiers.first(where: { $0.name == ref.name && $0.keyID == ref.keyID }),
                seen.insert(ref).inserted
            else { continue }
            guard verifier.isValid(signature: signature.signature, forText: text) else {
                throw .invalidSignature(name: signature.name, keyID: signature.keyID)
            }
            verified.append(signature)
        }
        guard !verified.isEmpty else { throw .noVerifiedSignature }
        return verified
    }

    /// Checks that `text` can be signed: non-empty, ends in a newline, no other control characters.
    static func checkSignable(text: String) throws(NoteError) {
        guard text.utf8.last == 0x0A else { throw .malformedText(reason: "text must end in a newline") }
        try self.checkCharacters(Array(text.utf8), error: { .malformedText(reason: $0) })
    }

    /// Valid UTF-8 with no ASCII control character other than newline.
    private static func checkCharacters(_ bytes: [UInt8], error: (String) -> NoteError) throws(NoteError) {
        if let bad = bytes.first(where: { $0 < 0x20 && $0 != 0x0A }) {
            throw error("control character 0x\(String(bad, radix: 16)) is not allowed")
        }
        // Decoding repairs invalid sequences, so a round trip that changes the bytes means invalid UTF-8.
        guard Array(String(decoding: bytes, as: UTF8.self).utf8) == bytes else { throw error("not valid UTF-8") }
    }
}

/// The (name, key ID) pair that identifies a key.
private struct NoteKeyRef: Hashable {
    var name: String
    var keyID: UInt32
}
