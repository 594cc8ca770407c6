import Crypto

#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

extension BidEnvelope {
    /// Decrypts the share encrypted to `custodianKey`, checks it against the bidder's commitment
    /// and returns it ready to hand over. Release it only at the opening.
    public func custodianShare(using custodianKey: CustodianKey) throws(CustodianShareError) -> DecryptedShare {
        guard self.verifySignature() else { throw .tamperedEnvelope }
        guard let slot = self.shares.first(where: { $0.custodian == custodianKey.publicKey }) else {
            throw .notACustodian
        }
        let value: [UInt8]
        do {
            var recipient = try HPKE.Recipient(
                privateKey: custodianKey.cryptoKey,
                ciphersuite: SealedBidFormat.hpkeSuite,
                info: Data(SealedBidFormat.shareInfo(tenderID: self.binding.tenderID, index: slot.index)),
                encapsulatedKey: Data(slot.encapsulatedKey)
            )
            value = Array(
                try recipient.open(
                    slot.ciphertext,
                    authenticating: SealedBidFormat.shareAssociatedData(
                        self.binding,
                        index: slot.index,
                        commitment: slot.commitment
                    )
                )
            )
        } catch {
            throw .decryptionFailed(index: slot.index)
        }
        guard SealedBidFormat.shareCommitment(index: slot.index, value: value) == slot.commitment else {
            throw .commitmentMismatch(index: slot.index)
        }
        return DecryptedShare(envelopeSHA256: self.sha256, index: slot.index, value: value)
    }
}
