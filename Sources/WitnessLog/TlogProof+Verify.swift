extension TlogProof {
    /// Verifies that `entry` is at `index` in the log, under a checkpoint signed by `log` and cosigned
    /// by at least `minWitnesses` distinct keys among `witnesses`; returns the checkpoint.
    ///
    /// Checks, in order: the log signature, the witness cosignatures, the inclusion proof of
    /// SHA-256(0x00 ‖ entry) at `index`.
    @discardableResult
    public func verify(
        entry: [UInt8], log: NoteVerifier, witnesses: [NoteVerifier], minWitnesses: Int
    ) throws(TlogProofError) -> Checkpoint {
        let verified = try VerifiedCheckpoint(
            note: self.checkpoint, log: log, witnesses: witnesses, minWitnesses: minWitnesses)
        let checkpoint = verified.checkpoint
        do {
            try self.inclusionProof(treeSize: checkpoint.size)
                .verify(leafHash: Merkle.leafHash(entry), rootHash: checkpoint.rootHash)
        } catch {
            throw .proofDoesNotVerify(error)
        }
        return checkpoint
    }

    /// Verifies a Yiwang receipt, whose `extra` data is the log entry itself.
    ///
    /// The entry is trusted only because the proof verifies: `extra` alone is unauthenticated.
    @discardableResult
    public func verify(log: NoteVerifier, witnesses: [NoteVerifier], minWitnesses: Int) throws(TlogProofError)
        -> Checkpoint
    {
        guard let entry = self.extra else { throw .missingEntry }
        return try self.verify(entry: entry, log: log, witnesses: witnesses, minWitnesses: minWitnesses)
    }
}
