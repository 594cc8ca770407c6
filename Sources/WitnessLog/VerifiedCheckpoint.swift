/// 已验证检查点 — a checkpoint whose log signature verified and which enough trusted witnesses cosigned.
///
/// The trust policy of offline receipts and witness certificates: one trusted log key, a set of trusted
/// witness keys (cosignature/v1) and a minimum number of distinct witnesses. A cosignature from a trusted
/// witness that does not verify rejects the note, as C2SP signed-note advises for known keys.
public struct VerifiedCheckpoint: Sendable, Hashable {
    /// The checkpoint the note carries.
    public var checkpoint: Checkpoint
    /// The trusted witnesses whose cosignatures verified, each once, in note order.
    public var cosigners: [NoteVerifier]

    /// Verifies `note` against the log key and the witness policy.
    public init(
        note: SignedNote, log: NoteVerifier, witnesses: [NoteVerifier], minWitnesses: Int
    ) throws(TlogProofError) {
        let checkpoint: Checkpoint
        do {
            checkpoint = try Checkpoint(text: note.text)
        } catch {
            throw .malformedCheckpoint(reason: error.description)
        }
        guard log.type == .ed25519 else {
            throw .badLogSignature(reason: "the log key \(log.name) is a \(log.type) key, expected Ed25519")
        }
        guard checkpoint.origin == log.name else {
            throw .originMismatch(checkpoint: checkpoint.origin, logKey: log.name)
        }
        do {
            _ = try note.verify([log])
        } catch {
            throw .badLogSignature(reason: error.description)
        }
        if let other = witnesses.first(where: { $0.type != .cosignatureV1 }) {
            throw .notAWitnessKey(name: other.name, type: other.type)
        }
        let text = Array(note.text.utf8)
        var cosigners: [NoteVerifier] = []
        for signature in note.signatures {
            guard let witness = witnesses.first(where: { $0.name == signature.name && $0.keyID == signature.keyID }),
                !cosigners.contains(witness)
            else { continue }
            guard witness.isValid(signature: signature.signature, forText: text) else {
                throw .invalidCosignature(witness: witness.name)
            }
            cosigners.append(witness)
        }
        guard cosigners.count >= minWitnesses else {
            throw .tooFewWitnesses(have: cosigners.count, need: minWitnesses)
        }
        self.checkpoint = checkpoint
        self.cosigners = cosigners
    }
}
