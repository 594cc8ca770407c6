import Crypto

extension BidEnvelope {
    /// Opens the envelope stored as `serialized`, which the platform committed to at upload as
    /// `committedSHA256`, with the custodians' `shares`.
    ///
    /// Checking the hash first tells tampering after upload (not the bidder's fault) from an
    /// envelope the bidder uploaded malformed (the bidder's fault).
    public static func open(
        serialized: [UInt8],
        committedSHA256: [UInt8],
        shares: [DecryptedShare]
    ) throws(OpeningError) -> BidPayload {
        try BidEnvelope(stored: serialized, committedSHA256: committedSHA256).open(with: shares)
    }

    /// Opens the envelope with the custodians' `shares`: at least ``threshold`` of them, each
    /// matching the bidder's commitment. Every share given must be valid; screen them one by one
    /// with ``check(_:)`` to drop a bad one and still open with the rest.
    public func open(with shares: [DecryptedShare]) throws(OpeningError) -> BidPayload {
        guard self.verifySignature() else { throw .invalidSignature }
        return try self.open(withVerifiedSignature: shares)
    }

    /// ``open(with:)`` once the caller has checked the signature (it hashes the whole envelope).
    func open(withVerifiedSignature shares: [DecryptedShare]) throws(OpeningError) -> BidPayload {
        let envelopeHash = self.sha256
        var seen = Set<UInt8>()
        for share in shares {
            try self.check(share, envelopeHash: envelopeHash)
            guard seen.insert(share.index).inserted else { throw .duplicateShare(index: share.index) }
        }
        guard shares.count >= self.threshold else {
            throw .notEnoughShares(have: shares.count, need: self.threshold)
        }

        let key: [UInt8]
        do throws(ShamirError) {
            key = try Shamir.combine(
                shares.map { ShamirShare(index: $0.index, value: $0.value) },
                threshold: self.threshold
            )
        } catch {
            // Indices are checked above; each share matches the bidder's own commitment.
            if case .inconsistentShare(let index) = error { throw .inconsistentShares(index: index) }
            throw .notEnoughShares(have: shares.count, need: self.threshold)
        }
        guard SealedBidFormat.keyCommitment(key) == self.keyCommitment else { throw .keyCommitmentMismatch }

        let plaintext: [UInt8]
        do {
            let box = try AES.GCM.SealedBox(combined: self.sealedPayload)
            plaintext = Array(
                try AES.GCM.open(
                    box,
                    using: SymmetricKey(data: key),
                    authenticating: SealedBidFormat.payloadAssociatedData(self.binding)
                )
            )
        } catch {
            throw .payloadDecryptionFailed
        }
        do throws(ByteReader.Failure) {
            return try BidPayload(encoded: plaintext)
        } catch {
            throw .malformedPayload(reason: error.reason)
        }
    }

    /// Checks one handed-over share: for this envelope, a listed index, matching the commitment.
    public func check(_ share: DecryptedShare) throws(OpeningError) {
        try self.check(share, envelopeHash: self.sha256)
    }

    /// ``check(_:)`` with the envelope's hash computed once by the caller.
    private func check(_ share: DecryptedShare, envelopeHash: [UInt8]) throws(OpeningError) {
        guard share.envelopeSHA256 == envelopeHash,
            share.index >= 1, Int(share.index) <= self.shares.count
        else {
            throw .shareNotForEnvelope(index: share.index)
        }
        let slot = self.shares[Int(share.index) - 1]
        guard share.value.count == SealedBidFormat.keyBytes,
            SealedBidFormat.shareCommitment(index: share.index, value: share.value) == slot.commitment
        else {
            throw .wrongShare(index: share.index)
        }
    }
}
