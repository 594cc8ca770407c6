public import Crypto
import Foundation

/// 签名私钥 — a named Ed25519 private key that signs notes or cosigns checkpoints.
///
/// Key string: `PRIVATE+KEY+name+hexkeyid+base64(type ‖ 32-byte seed)`. The key ID is
/// computed over the public key, as for the verifier.
public struct NoteSigner: Sendable {
    /// The matching public verifier.
    public let verifier: NoteVerifier
    /// The 32-byte Ed25519 seed; kept as bytes because `Curve25519.Signing.PrivateKey`
    /// is not `Sendable` in every supported swift-crypto release.
    private let seed: [UInt8]

    /// Key name.
    public var name: String { self.verifier.name }
    /// 32-bit key ID.
    public var keyID: UInt32 { self.verifier.keyID }
    /// Signature type.
    public var type: NoteSignatureType { self.verifier.type }

    /// Parses a signer key string, checking its key ID against the derived public key.
    public init(skey: String) throws(NoteError) {
        let (private1, rest1) = skey.chop(UInt8(ascii: "+"))
        let (private2, rest2) = rest1.chop(UInt8(ascii: "+"))
        let (name, rest3) = rest2.chop(UInt8(ascii: "+"))
        let (idText, keyText) = rest3.chop(UInt8(ascii: "+"))
        guard private1 == "PRIVATE", private2 == "KEY" else {
            throw .malformedSignerKey(reason: "must start with PRIVATE+KEY+")
        }
        guard NoteKeyName.isValid(name) else { throw .malformedSignerKey(reason: "invalid key name") }
        guard let stated = NoteKeyID.parse(idText) else {
            throw .malformedSignerKey(reason: "key ID must be 8 hex digits")
        }
        guard let key = Data(base64Encoded: String(keyText)), !key.isEmpty else {
            throw .malformedSignerKey(reason: "key is not base64")
        }
        let typeByte = key[key.startIndex]
        guard let type = NoteSignatureType(rawValue: typeByte) else { throw .unsupportedSignatureType(typeByte) }
        guard key.count == 33, let privateKey = try? Curve25519.Signing.PrivateKey(rawRepresentation: key.dropFirst())
        else {
            throw .malformedSignerKey(reason: "Ed25519 seed must be 32 bytes, got \(key.count - 1)")
        }
        try self.init(name: String(name), type: type, privateKey: privateKey)
        guard self.keyID == stated else { throw .keyIDMismatch(stated: stated, computed: self.keyID) }
    }

    /// A signer for an Ed25519 private key under `name`.
    public init(name: String, type: NoteSignatureType, privateKey: Curve25519.Signing.PrivateKey) throws(NoteError) {
        self.verifier = try NoteVerifier(name: name, type: type, publicKey: privateKey.publicKey)
        self.seed = Array(privateKey.rawRepresentation)
    }

    /// A signer with a fresh random key.
    public static func generate(name: String, type: NoteSignatureType = .ed25519) throws(NoteError) -> NoteSigner {
        try NoteSigner(name: name, type: type, privateKey: Curve25519.Signing.PrivateKey())
    }

    /// The secret signer key string. Keep it out of logs and source control.
    public var skey: String {
        let material = Data([self.type.rawValue] + self.seed)
        return "PRIVATE+KEY+\(self.name)+\(NoteKeyID.hex(self.keyID))+\(material.base64EncodedString())"
    }

    /// Signs note text with an `.ed25519` key, giving its signature line.
    ///
    /// Swift Crypto's BoringSSL backend (Linux) signs deterministically per RFC 8032;
    /// CryptoKit on Apple platforms randomizes, so bytes differ there but still verify.
    public func sign(text: String) throws(NoteError) -> NoteSignature {
        guard self.type == .ed25519 else { throw .wrongSignatureType(expected: .ed25519, actual: self.type) }
        try SignedNote.checkSignable(text: text)
        return NoteSignature(name: self.name, keyID: self.keyID, signature: try self.ed25519(Array(text.utf8)))
    }

    /// Raw Ed25519 signature over `message`.
    func ed25519(_ message: [UInt8]) throws(NoteError) -> [UInt8] {
        do {
            let privateKey = try Curve25519.Signing.PrivateKey(rawRepresentation: self.seed)
            return Array(try privateKey.signature(for: message))
        } catch {
            throw .signingFailed(reason: String(describing: error))
        }
    }
}
