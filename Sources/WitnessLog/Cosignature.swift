/// 见证联署 — a witness cosignature/v1 (c2sp.org/tlog-cosignature, Ed25519, type 0x04).
///
/// The note signature bytes are an 8-byte big-endian timestamp ‖ 64-byte Ed25519 signature
/// over `cosignature/v1\ntime <timestamp>\n` ‖ checkpoint text.
public struct Cosignature: Sendable, Hashable {
    /// The witness's key name.
    public var name: String
    /// The witness's key ID (computed with type 0x04).
    public var keyID: UInt32
    /// POSIX seconds at which the witness cosigned.
    public var timestamp: UInt64
    /// The 64-byte Ed25519 signature.
    public var signature: [UInt8]

    /// A cosignature from its parts.
    public init(name: String, keyID: UInt32, timestamp: UInt64, signature: [UInt8]) {
        self.name = name
        self.keyID = keyID
        self.timestamp = timestamp
        self.signature = signature
    }

    /// Reads a cosignature from a note signature (72 bytes after the key ID).
    public init(_ noteSignature: NoteSignature) throws(NoteError) {
        let bytes = noteSignature.signature
        guard bytes.count == 8 + 64 else {
            throw .malformedCosignature(reason: "expected 72 bytes after the key ID, got \(bytes.count)")
        }
        let timestamp = bytes.prefix(8).reduce(UInt64(0)) { $0 << 8 | UInt64($1) }
        guard timestamp <= UInt64(Int64.max) else {
            throw .malformedCosignature(reason: "timestamp exceeds 2^63 - 1")
        }
        self.init(name: noteSignature.name, keyID: noteSignature.keyID, timestamp: timestamp,
                  signature: Array(bytes.suffix(64)))
    }

    /// The note signature line form.
    public var noteSignature: NoteSignature {
        let time = (0..<8).reversed().map { UInt8(truncatingIfNeeded: self.timestamp >> (8 * UInt64($0))) }
        return NoteSignature(name: self.name, keyID: self.keyID, signature: time + self.signature)
    }

    /// The message a witness signs: `cosignature/v1\ntime <t>\n` ‖ checkpoint text.
    public static func signedMessage(checkpointText: [UInt8], timestamp: UInt64) -> [UInt8] {
        Array("cosignature/v1\ntime \(timestamp)\n".utf8) + checkpointText
    }

    /// The cosignatures on a note that verify against the given witness keys (others ignored).
    public static func verified(on note: SignedNote, witnesses: [NoteVerifier]) -> [Cosignature] {
        let text = Array(note.text.utf8)
        return note.signatures.compactMap { signature in
            guard let witness = witnesses.first(where: { $0.name == signature.name && $0.keyID == signature.keyID }),
                witness.type == .cosignatureV1,
                witness.isValid(signature: signature.signature, forText: text)
            else { return nil }
            return try? Cosignature(signature)
        }
    }
}

extension NoteSigner {
    /// Cosigns checkpoint text at `timestamp` (POSIX seconds) with a `.cosignatureV1` key.
    public func cosign(checkpointText: String, timestamp: UInt64) throws(NoteError) -> NoteSignature {
        guard self.type == .cosignatureV1 else {
            throw .wrongSignatureType(expected: .cosignatureV1, actual: self.type)
        }
        guard timestamp <= UInt64(Int64.max) else {
            throw .malformedCosignature(reason: "timestamp exceeds 2^63 - 1")
        }
        _ = try Checkpoint(text: checkpointText)
        let message = Cosignature.signedMessage(checkpointText: Array(checkpointText.utf8), timestamp: timestamp)
        let signature = try self.ed25519(message)
        return Cosignature(name: self.name, keyID: self.keyID, timestamp: timestamp, signature: signature)
            .noteSignature
    }
}
