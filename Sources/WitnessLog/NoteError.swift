/// 注记错误 — why a signed note, key, checkpoint, cosignature or witness message was refused.
public enum NoteError: Error, Sendable, Hashable, CustomStringConvertible {
    /// A verifier key string (`name+keyid+base64`) is malformed.
    case malformedVerifierKey(reason: String)
    /// A signer key string (`PRIVATE+KEY+name+keyid+base64`) is malformed.
    case malformedSignerKey(reason: String)
    /// The key ID in a key string does not match its name and public key.
    case keyIDMismatch(stated: UInt32, computed: UInt32)
    /// The key's signature type byte is not one this module supports.
    case unsupportedSignatureType(UInt8)
    /// A key name is empty or contains a Unicode space or a plus sign.
    case invalidKeyName(String)
    /// A key of one signature type was used where another is needed.
    case wrongSignatureType(expected: NoteSignatureType, actual: NoteSignatureType)
    /// The note does not follow the C2SP signed-note format.
    case malformedNote(reason: String)
    /// Note text to be signed is not valid (must end in a newline, no control characters).
    case malformedText(reason: String)
    /// The note has more signature lines than a verifier accepts.
    case tooManySignatures(count: Int)
    /// A signature from a known key did not verify: the whole note is rejected.
    case invalidSignature(name: String, keyID: UInt32)
    /// No signature from any known key is on the note.
    case noVerifiedSignature
    /// The signing operation itself failed.
    case signingFailed(reason: String)
    /// The note text is not a C2SP tlog-checkpoint.
    case malformedCheckpoint(reason: String)
    /// A signature line is not a cosignature/v1.
    case malformedCosignature(reason: String)
    /// An add-checkpoint request or response body does not follow C2SP tlog-witness.
    case malformedWitnessMessage(reason: String)

    public var description: String {
        switch self {
        case .malformedVerifierKey(let reason): "malformed verifier key: \(reason)"
        case .malformedSignerKey(let reason): "malformed signer key: \(reason)"
        case .keyIDMismatch(let stated, let computed):
            "key ID \(NoteKeyID.hex(stated)) does not match the key (computed \(NoteKeyID.hex(computed)))"
        case .unsupportedSignatureType(let type): "unsupported signature type 0x\(String(type, radix: 16))"
        case .invalidKeyName(let name): "invalid key name \"\(name)\": empty, or contains a space or '+'"
        case .wrongSignatureType(let expected, let actual): "key is of type \(actual), expected \(expected)"
        case .malformedNote(let reason): "malformed signed note: \(reason)"
        case .malformedText(let reason): "note text cannot be signed: \(reason)"
        case .tooManySignatures(let count): "note has more than \(count) signatures"
        case .invalidSignature(let name, let keyID):
            "signature by \(name)+\(NoteKeyID.hex(keyID)) does not verify"
        case .noVerifiedSignature: "note carries no signature from a known key"
        case .signingFailed(let reason): "signing failed: \(reason)"
        case .malformedCheckpoint(let reason): "malformed checkpoint: \(reason)"
        case .malformedCosignature(let reason): "malformed cosignature: \(reason)"
        case .malformedWitnessMessage(let reason): "malformed witness message: \(reason)"
        }
    }
}
