import Crypto

/// The fixed choices of envelope format version 1: algorithms, sizes and domain-separation labels.
///
/// docs/sealed-envelope.md describes every byte; change nothing here without a new version.
enum SealedBidFormat {
    /// Magic bytes that open a serialized envelope.
    static let magic: [UInt8] = Array("YWSB".utf8)
    /// The envelope format version this code writes and reads.
    static let version: UInt8 = 1

    /// HPKE base mode, DHKEM(X25519, HKDF-SHA256), HKDF-SHA256, AES-256-GCM (0x0020, 0x0001, 0x0002).
    /// Computed, not stored: `HPKE.Ciphersuite` is not `Sendable` in swift-crypto 3.x.
    static var hpkeSuite: HPKE.Ciphersuite {
        HPKE.Ciphersuite(kem: .Curve25519_HKDF_SHA256, kdf: .HKDF_SHA256, aead: .AES_GCM_256)
    }

    static let keyBytes = 32
    static let hashBytes = 32
    static let publicKeyBytes = 32
    static let signatureBytes = 64
    static let gcmNonceBytes = 12
    static let gcmTagBytes = 16
    /// An HPKE-sealed share: 32 bytes of share plus the 16-byte GCM tag.
    static let sealedShareBytes = keyBytes + gcmTagBytes
    /// One share slot: index ‖ custodian key ‖ commitment ‖ enc ‖ sealed share.
    static let shareSlotBytes = 1 + publicKeyBytes + hashBytes + publicKeyBytes + sealedShareBytes

    /// `yiwang-sealed-bid/v1 <purpose>` ‖ 0x00: the prefix that keeps each use of a key or hash apart.
    static func label(_ purpose: String) -> [UInt8] {
        Array("yiwang-sealed-bid/v1 \(purpose)".utf8) + [0]
    }

    /// SHA-256(label("key") ‖ key): the bidder's commitment to the payload key.
    static func keyCommitment(_ key: [UInt8]) -> [UInt8] {
        Array(SHA256.hash(data: Self.label("key") + key))
    }

    /// SHA-256(label("share") ‖ u8 index ‖ share): the bidder's commitment to share `index`.
    static func shareCommitment(index: UInt8, value: [UInt8]) -> [UInt8] {
        Array(SHA256.hash(data: Self.label("share") + [index] + value))
    }

    /// label("payload") ‖ binding: the payload's AES-GCM associated data.
    static func payloadAssociatedData(_ binding: BidBinding) -> [UInt8] {
        var writer = ByteWriter()
        writer.append(raw: Self.label("payload"))
        binding.write(to: &writer)
        return writer.bytes
    }

    /// label("share-info") ‖ lp(tender id) ‖ u8 index: the HPKE `info` of share `index`.
    static func shareInfo(tenderID: String, index: UInt8) -> [UInt8] {
        var writer = ByteWriter()
        writer.append(raw: Self.label("share-info"))
        writer.append(lengthPrefixed: tenderID)
        writer.append(index)
        return writer.bytes
    }

    /// label("share-aad") ‖ binding ‖ u8 index ‖ commitment: the HPKE associated data of share `index`.
    static func shareAssociatedData(_ binding: BidBinding, index: UInt8, commitment: [UInt8]) -> [UInt8] {
        var writer = ByteWriter()
        writer.append(raw: Self.label("share-aad"))
        binding.write(to: &writer)
        writer.append(index)
        writer.append(raw: commitment)
        return writer.bytes
    }

    /// label("signature") ‖ body: what the bidder's Ed25519 key signs.
    static func signedMessage(body: [UInt8]) -> [UInt8] {
        Self.label("signature") + body
    }
}
