import Crypto

#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

extension BidEnvelope {
    /// Seals `payload` for `binding`: a fresh key encrypts it, the key is split among `panel`'s
    /// custodians and each share is encrypted to its custodian; `signingKey` signs the result.
    ///
    /// All randomness comes from the system's secure generator (via swift-crypto and ``Shamir``).
    public static func seal(
        payload: BidPayload,
        binding: BidBinding,
        panel: CustodianPanel,
        signingKey: Curve25519.Signing.PrivateKey
    ) throws(SealingError) -> BidEnvelope {
        if let problem = binding.problem { throw problem }
        guard payload.fileName.utf8.count <= 1024 else { throw .payloadTooLarge(field: "file name") }
        guard Self.sheetFits(payload.openingSheet) else { throw .payloadTooLarge(field: "opening sheet") }
        let plaintext = payload.encoded
        let gcmOverhead = SealedBidFormat.gcmNonceBytes + SealedBidFormat.gcmTagBytes
        guard plaintext.count <= Int(UInt32.max) - gcmOverhead else { throw .payloadTooLarge(field: "file") }

        let key = SymmetricKey(size: .bits256)
        let keyBytes = key.withUnsafeBytes { Array($0) }
        do {
            let sealedPayload = try AES.GCM.seal(
                plaintext,
                using: key,
                authenticating: SealedBidFormat.payloadAssociatedData(binding)
            ).combined
            guard let sealedPayload else { throw SealingError.cryptographyFailed(detail: "AES-GCM gave no combined form") }

            let parts = try Shamir.split(secret: keyBytes, threshold: panel.threshold, count: panel.custodians.count)
            let shares = try zip(parts, panel.custodians).map { part, custodian in
                try Self.encryptShare(part, to: custodian, binding: binding)
            }
            let bidderPublicKey = Array(signingKey.publicKey.rawRepresentation)
            let keyCommitment = SealedBidFormat.keyCommitment(keyBytes)
            let body = Self.body(
                binding: binding,
                bidderPublicKey: bidderPublicKey,
                threshold: panel.threshold,
                keyCommitment: keyCommitment,
                sealedPayload: Array(sealedPayload),
                shares: shares
            )
            let signature = try signingKey.signature(for: SealedBidFormat.signedMessage(body: body))
            return BidEnvelope(
                binding: binding,
                bidderPublicKey: bidderPublicKey,
                threshold: panel.threshold,
                keyCommitment: keyCommitment,
                sealedPayload: Array(sealedPayload),
                shares: shares,
                signature: Array(signature)
            )
        } catch let error as SealingError {
            throw error
        } catch {
            throw .cryptographyFailed(detail: String(describing: error))
        }
    }

    /// Encrypts one share to its custodian with HPKE base mode; info and associated data bind it.
    static func encryptShare(
        _ share: ShamirShare,
        to custodian: CustodianPublicKey,
        binding: BidBinding
    ) throws -> EncryptedShare {
        let commitment = SealedBidFormat.shareCommitment(index: share.index, value: share.value)
        var sender = try HPKE.Sender(
            recipientKey: custodian.cryptoKey,
            ciphersuite: SealedBidFormat.hpkeSuite,
            info: Data(SealedBidFormat.shareInfo(tenderID: binding.tenderID, index: share.index))
        )
        let ciphertext = try sender.seal(
            share.value,
            authenticating: SealedBidFormat.shareAssociatedData(binding, index: share.index, commitment: commitment)
        )
        return EncryptedShare(
            index: share.index,
            custodian: custodian,
            commitment: commitment,
            encapsulatedKey: Array(sender.encapsulatedKey),
            ciphertext: Array(ciphertext)
        )
    }

    /// True when the opening sheet stays within the limits the decoder enforces.
    private static func sheetFits(_ sheet: OpeningSheet) -> Bool {
        sheet.currency.utf8.count <= 16
            && sheet.fields.allSatisfy { $0.key.utf8.count <= 1024 && $0.value.utf8.count <= 65_536 }
    }
}
