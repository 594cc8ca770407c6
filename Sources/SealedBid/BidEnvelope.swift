import Crypto

/// 投标文件密封信封 — sealed bid envelope: the encrypted bid, its key split among the custodians,
/// signed by the bidder.
///
/// Nobody can read the bid until `threshold` custodians release their shares at the opening.
/// ``serialized`` is the canonical byte form (docs/sealed-envelope.md); ``sha256`` is what the
/// platform commits to at upload.
public struct BidEnvelope: Sendable, Hashable {
    /// The envelope format version this code writes and reads.
    public static let formatVersion: UInt8 = SealedBidFormat.version

    /// Tender, lot, bidder and deadline this bid is sealed for.
    public let binding: BidBinding
    /// The bidder's Ed25519 public key (32 bytes), which signed the envelope.
    public let bidderPublicKey: [UInt8]
    /// How many custodian shares open the envelope.
    public let threshold: Int
    /// SHA-256 commitment to the payload key.
    public let keyCommitment: [UInt8]
    /// AES-256-GCM sealed payload: nonce (12) ‖ ciphertext ‖ tag (16).
    public let sealedPayload: [UInt8]
    /// One encrypted key share per custodian, in index order 1…n.
    public let shares: [EncryptedShare]
    /// The bidder's Ed25519 signature over the body (64 bytes).
    public let signature: [UInt8]
    /// The canonical serialization: body ‖ signature.
    public let serialized: [UInt8]
    /// SHA-256 of ``serialized``: the hash logged at upload and printed on the receipt (投标回执).
    ///
    /// Computed once when the envelope is built or read, since every use of an envelope needs it
    /// and a bid file may be many megabytes.
    public let sha256: [UInt8]

    /// Assembles an envelope; the body bytes are recomputed, so the parts must already be canonical.
    init(
        binding: BidBinding,
        bidderPublicKey: [UInt8],
        threshold: Int,
        keyCommitment: [UInt8],
        sealedPayload: [UInt8],
        shares: [EncryptedShare],
        signature: [UInt8]
    ) {
        self.binding = binding
        self.bidderPublicKey = bidderPublicKey
        self.threshold = threshold
        self.keyCommitment = keyCommitment
        self.sealedPayload = sealedPayload
        self.shares = shares
        self.signature = signature
        self.serialized =
            Self.body(
                binding: binding,
                bidderPublicKey: bidderPublicKey,
                threshold: threshold,
                keyCommitment: keyCommitment,
                sealedPayload: sealedPayload,
                shares: shares
            ) + signature
        self.sha256 = Array(SHA256.hash(data: self.serialized))
    }

    /// The envelope format version (always ``formatVersion`` for an envelope this code holds).
    public var version: UInt8 {
        Self.formatVersion
    }

    /// The custodians' public keys, in share order.
    public var custodians: [CustodianPublicKey] {
        self.shares.map(\.custodian)
    }

    /// True when the envelope was sealed for exactly this panel: same keys in the same order, same threshold.
    public func isSealed(for panel: CustodianPanel) -> Bool {
        self.threshold == panel.threshold && self.custodians == panel.custodians
    }

    /// True when the embedded bidder key's Ed25519 signature over the body is valid.
    public func verifySignature() -> Bool {
        guard let key = try? Curve25519.Signing.PublicKey(rawRepresentation: self.bidderPublicKey) else {
            return false
        }
        let body = self.serialized.dropLast(SealedBidFormat.signatureBytes)
        return key.isValidSignature(self.signature, for: SealedBidFormat.signedMessage(body: Array(body)))
    }

    /// True when the signature is valid and was made by `bidderKey` (the key registered for the bidder).
    public func verifySignature(by bidderKey: Curve25519.Signing.PublicKey) -> Bool {
        Array(bidderKey.rawRepresentation) == self.bidderPublicKey && self.verifySignature()
    }

    /// The signed part: everything in ``serialized`` before the signature.
    static func body(
        binding: BidBinding,
        bidderPublicKey: [UInt8],
        threshold: Int,
        keyCommitment: [UInt8],
        sealedPayload: [UInt8],
        shares: [EncryptedShare]
    ) -> [UInt8] {
        var writer = ByteWriter()
        writer.append(raw: SealedBidFormat.magic)
        writer.append(SealedBidFormat.version)
        binding.write(to: &writer)
        writer.append(raw: bidderPublicKey)
        writer.append(UInt8(threshold))
        writer.append(UInt8(shares.count))
        writer.append(raw: keyCommitment)
        writer.append(lengthPrefixed: sealedPayload)
        for share in shares {
            share.write(to: &writer)
        }
        return writer.bytes
    }
}
