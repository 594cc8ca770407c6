import Crypto

#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

extension BidEnvelope {
    /// The custodian's share file for this envelope, refused before the bid deadline.
    ///
    /// Custodians must not release shares before the deadline (docs/sealed-envelope.md); the opening
    /// is at the deadline instant (法34), so `now` equal to the deadline is allowed. Pass
    /// `beforeDeadline: true` only for a rehearsal with test keys.
    public func releaseShare(
        using custodianKey: CustodianKey,
        now: Date,
        beforeDeadline: Bool = false
    ) throws(ShareReleaseError) -> ShareFile {
        guard beforeDeadline || now >= self.binding.deadline else {
            throw .beforeDeadline(deadlineUnixSeconds: self.binding.deadlineUnixSeconds)
        }
        do throws(CustodianShareError) {
            return ShareFile(envelope: self, share: try self.custodianShare(using: custodianKey))
        } catch {
            throw .custodian(error)
        }
    }

    /// Opens the envelope with custodians' share files, in the order of shared/RULES.md's checks:
    /// the bidder's signature first, then each file names this envelope, then ``open(with:)``.
    ///
    /// Checking the signature first reports a changed envelope as tampered, not as "every share is
    /// for another envelope" (its hash changed too).
    public func open(withShareFiles files: [ShareFile]) throws(ShareFileOpeningError) -> BidPayload {
        guard self.verifySignature() else { throw .opening(.invalidSignature) }
        for (position, file) in files.enumerated() {
            do throws(ShareFileError) {
                try file.check(against: self)
            } catch {
                throw .shareFile(position: position, error)
            }
        }
        do throws(OpeningError) {
            return try self.open(withVerifiedSignature: files.map(\.share))
        } catch {
            throw .opening(error)
        }
    }
}

extension BidEnvelope {
    /// Reads envelope bytes as stored, checking them first against the SHA-256 committed at upload
    /// when it is known (the receipt's hash), so that later tampering is not blamed on the bidder.
    public init(stored bytes: [UInt8], committedSHA256: [UInt8]?) throws(OpeningError) {
        // Reading computes the hash once; only bytes that do not read are hashed again, to tell
        // tampering after upload from an envelope the bidder uploaded malformed.
        do throws(EnvelopeFormatError) {
            self = try BidEnvelope(serialized: bytes)
        } catch {
            if let committedSHA256, Array(SHA256.hash(data: bytes)) != committedSHA256 {
                throw .envelopeHashMismatch
            }
            throw .malformedEnvelope(error)
        }
        if let committedSHA256, self.sha256 != committedSHA256 {
            throw .envelopeHashMismatch
        }
    }
}
