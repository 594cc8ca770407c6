import Crypto

extension BidEnvelope {
    /// Reads a serialized envelope, strictly: any byte string that would not re-serialize to
    /// itself is refused. The signature is not checked here; call ``verifySignature()``.
    public init(serialized bytes: [UInt8]) throws(EnvelopeFormatError) {
        do throws(ByteReader.Failure) {
            self = try Self.decode(bytes)
        } catch {
            throw EnvelopeFormatError(reason: error.reason)
        }
    }

    private static func decode(_ bytes: [UInt8]) throws(ByteReader.Failure) -> BidEnvelope {
        var reader = ByteReader(bytes)
        guard try reader.raw(4, "magic") == SealedBidFormat.magic else {
            throw ByteReader.Failure(reason: "the bytes do not start with YWSB")
        }
        let version = try reader.uint8("version")
        guard version == SealedBidFormat.version else {
            throw ByteReader.Failure(reason: "envelope version \(version) is not supported")
        }
        let binding = try BidBinding.read(from: &reader)
        let bidderKey = try reader.raw(SealedBidFormat.publicKeyBytes, "bidder key")
        guard (try? Curve25519.Signing.PublicKey(rawRepresentation: bidderKey)) != nil else {
            throw ByteReader.Failure(reason: "bidder key is not an Ed25519 key")
        }
        let threshold = Int(try reader.uint8("threshold"))
        let count = Int(try reader.uint8("share count"))
        guard 1 <= threshold, threshold <= count else {
            throw ByteReader.Failure(reason: "threshold \(threshold) of \(count) shares is invalid")
        }
        let keyCommitment = try reader.raw(SealedBidFormat.hashBytes, "key commitment")
        let sealedPayload = try reader.lengthPrefixed("sealed payload", max: Int(UInt32.max))
        guard sealedPayload.count >= SealedBidFormat.gcmNonceBytes + SealedBidFormat.gcmTagBytes else {
            throw ByteReader.Failure(reason: "sealed payload is shorter than nonce and tag")
        }
        var shares: [EncryptedShare] = []
        var custodians = Set<CustodianPublicKey>()
        for position in 1...count {
            let share = try EncryptedShare.read(from: &reader, expectedIndex: UInt8(position))
            guard custodians.insert(share.custodian).inserted else {
                throw ByteReader.Failure(reason: "custodian \(position) appears twice")
            }
            shares.append(share)
        }
        let signature = try reader.raw(SealedBidFormat.signatureBytes, "signature")
        try reader.expectEnd("signature")
        let envelope = BidEnvelope(
            binding: binding,
            bidderPublicKey: bidderKey,
            threshold: threshold,
            keyCommitment: keyCommitment,
            sealedPayload: sealedPayload,
            shares: shares,
            signature: signature
        )
        // Every field above is read strictly, so this holds; checked so a future field cannot break it silently.
        guard envelope.serialized == bytes else {
            throw ByteReader.Failure(reason: "the envelope is not in canonical form")
        }
        return envelope
    }
}
