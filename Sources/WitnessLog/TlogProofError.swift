/// 回执错误 — why an offline receipt (c2sp.org/tlog-proof) was refused.
public enum TlogProofError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The receipt text does not follow the tlog-proof layout; `line` counts from 1.
    case malformedLine(line: Int, reason: String)
    /// The receipt's checkpoint is not a C2SP tlog-checkpoint.
    case malformedCheckpoint(reason: String)
    /// The checkpoint names another log than the trusted log key.
    case originMismatch(checkpoint: String, logKey: String)
    /// The log's signature on the checkpoint is missing or does not verify.
    case badLogSignature(reason: String)
    /// A key given as a witness key is not a cosignature/v1 key.
    case notAWitnessKey(name: String, type: NoteSignatureType)
    /// A cosignature from a trusted witness key is on the checkpoint but does not verify.
    case invalidCosignature(witness: String)
    /// Fewer distinct trusted witnesses cosigned the checkpoint than required.
    case tooFewWitnesses(have: Int, need: Int)
    /// The inclusion proof does not lead from the entry to the checkpoint's root.
    case proofDoesNotVerify(ProofError)
    /// The receipt carries no `extra` line, so it has no log entry to check.
    case missingEntry

    public var description: String {
        switch self {
        case .malformedLine(let line, let reason): "malformed line \(line): \(reason)"
        case .malformedCheckpoint(let reason): "malformed checkpoint: \(reason)"
        case .originMismatch(let checkpoint, let logKey):
            "checkpoint is for log \"\(checkpoint)\", but the log key is for \"\(logKey)\""
        case .badLogSignature(let reason): "bad log signature: \(reason)"
        case .notAWitnessKey(let name, let type): "witness key \(name) is a \(type) key, expected cosignature/v1"
        case .invalidCosignature(let witness): "cosignature by witness \(witness) does not verify"
        case .tooFewWitnesses(let have, let need):
            "too few witnesses: \(have) trusted witness\(have == 1 ? "" : "es") cosigned, \(need) needed"
        case .proofDoesNotVerify(let error): "inclusion proof does not verify: \(error)"
        case .missingEntry: "the receipt carries no log entry (no extra line)"
        }
    }
}
