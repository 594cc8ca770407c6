public import Crypto
import Foundation

/// 验证公钥 — a named public key that verifies note signatures (a C2SP "vkey").
///
/// Key string: `name+hexkeyid+base64(type ‖ 32-byte Ed25519 public key)`.
public struct NoteVerifier: Sendable, Hashable {
    /// Key name (for a log: its origin).
    public let name: String
    /// 32-bit key ID.
    public let keyID: UInt32
    /// Signature type.
    public let type: NoteSignatureType
    /// Raw 32-byte Ed25519 public key.
    public let publicKey: [UInt8]

    /// Parses a verifier key string, checking its key ID.
    public init(vkey: String) throws(NoteError) {
        let (name, rest) = vkey.chop(UInt8(ascii: "+"))
        let (idText, keyText) = rest.chop(UInt8(ascii: "+"))
        guard NoteKeyName.isValid(name) else { throw .malformedVerifierKey(reason: "invalid key name") }
        guard let stated = NoteKeyID.parse(idText) else {
            throw .malformedVerifierKey(reason: "key ID must be 8 hex digits")
        }
        guard let key = Data(base64Encoded: String(keyText)), !key.isEmpty else {
            throw .malformedVerifierKey(reason: "key is not base64")
        }
        let typeByte = key[key.startIndex]
        let keyBytes = Array(key.dropFirst())
        let keyID = NoteKeyID.compute(name: String(name), typeByte: typeByte, publicKey: keyBytes)
        guard keyID == stated else { throw .keyIDMismatch(stated: stated, computed: keyID) }
        guard let type = NoteSignatureType(rawValue: typeByte) else { throw .unsupportedSignatureType(typeByte) }
        guard keyBytes.count == 32 else {
            throw .malformedVerifierKey(reason: "Ed25519 public key must be 32 bytes, got \(keyBytes.count)")
        }
        self.name = String(name)
        self.keyID = stated
        self.type = type
        self.publicKey = keyBytes
    }

    /// A verifier for an Ed25519 public key under `name`.
    public init(name: String, type: NoteSignatureType, publicKey: Curve25519.Signing.PublicKey) throws(NoteError) {
        guard NoteKeyName.isValid(name) else { throw .invalidKeyName(name) }
        self.name = name
        self.type = type
        self.publicKey = Array(publicKey.rawRepresentation)
        self.keyID = NoteKeyID.compute(name: name, type: type, publicKey: self.publicKey)
    }

    /// The verifier key string.
    public var vkey: String {
        "\(self.name)+\(NoteKeyID.hex(self.keyID))+\(Data([self.type.rawValue] + self.publicKey).base64EncodedString())"
    }

    /// Whether `signature` (the bytes after the key ID) is valid for the note `text`.
    ///
    /// For `.ed25519` the message is the text; for `.cosignatureV1` the signature is
    /// an 8-byte big-endian timestamp ‖ 64-byte Ed25519 signature over
    /// `cosignature/v1\ntime <t>\n` ‖ text.
    public func isValid(signature: [UInt8], forText text: [UInt8]) -> Bool {
        switch self.type {
        case .ed25519:
            return self.isValidEd25519(signature: signature, for: text)
        case .cosignatureV1:
            guard let cosignature = try? Cosignature(
                NoteSignature(name: self.name, keyID: self.keyID, signature: signature))
            else { return false }
            let message = Cosignature.signedMessage(checkpointText: text, timestamp: cosignature.timestamp)
            return self.isValidEd25519(signature: cosignature.signature, for: message)
        }
    }

    /// Plain Ed25519 (RFC 8032) verification with this key; rejects any length but 64.
    public func isValidEd25519(signature: [UInt8], for message: [UInt8]) -> Bool {
        guard signature.count == 64,
            let key = try? Curve25519.Signing.PublicKey(rawRepresentation: self.publicKey)
        else { return false }
        return key.isValidSignature(signature, for: message)
    }
}
