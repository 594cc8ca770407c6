/// 被见证日志 — what a witness knows about one log: its keys and the latest checkpoint it cosigned.
public struct WitnessedLog: Sendable, Hashable {
    /// The log's origin line.
    public var origin: String
    /// The log's trusted `.ed25519` keys.
    public var verifiers: [NoteVerifier]
    /// Size of the latest cosigned checkpoint (0 if none yet).
    public var latestSize: UInt64
    /// Root of the latest cosigned checkpoint (`nil` if none yet).
    public var latestRootHash: Hash?

    /// A log as the witness has recorded it.
    public init(origin: String, verifiers: [NoteVerifier], latestSize: UInt64 = 0, latestRootHash: Hash? = nil) {
        self.origin = origin
        self.verifiers = verifiers
        self.latestSize = latestSize
        self.latestRootHash = latestRootHash
    }
}

/// 见证判定 — a witness's answer to an add-checkpoint request, decided without I/O.
public enum AddCheckpointOutcome: Sendable, Hashable {
    /// 200: cosign this checkpoint and record it as the latest (atomically with the check).
    case cosign(Checkpoint)
    /// 400: the request is malformed or the old size exceeds the checkpoint size.
    case badRequest(reason: String)
    /// 403: no signature from a trusted log key verifies.
    case forbidden(reason: String)
    /// 404: the witness does not know this origin.
    case unknownLog(origin: String)
    /// 409: the old size is not the latest cosigned size, or a same-size checkpoint has another root.
    case conflict(latestSize: UInt64)
    /// 422: the consistency proof does not verify.
    case inconsistent(ProofError)

    /// The HTTP status code C2SP tlog-witness prescribes.
    public var httpStatus: Int {
        switch self {
        case .cosign: 200
        case .badRequest: 400
        case .forbidden: 403
        case .unknownLog: 404
        case .conflict: 409
        case .inconsistent: 422
        }
    }
}

extension AddCheckpointRequest {
    /// The checkpoint's origin, to look up the log before `evaluate`.
    public var origin: String? {
        try? Checkpoint(text: self.checkpoint.text).origin
    }

    /// Decides the witness's answer per C2SP tlog-witness, given what it knows about the log.
    public func evaluate(log: WitnessedLog?) -> AddCheckpointOutcome {
        let checkpoint: Checkpoint
        do {
            checkpoint = try Checkpoint(text: self.checkpoint.text)
        } catch {
            return .badRequest(reason: error.description)
        }
        guard let log, log.origin == checkpoint.origin else { return .unknownLog(origin: checkpoint.origin) }
        do {
            _ = try Checkpoint.open(self.checkpoint.bytes, logVerifiers: log.verifiers)
        } catch {
            return .forbidden(reason: error.description)
        }
        guard self.oldSize <= checkpoint.size else {
            return .badRequest(reason: "old size \(self.oldSize) exceeds checkpoint size \(checkpoint.size)")
        }
        guard self.oldSize == log.latestSize else { return .conflict(latestSize: log.latestSize) }
        if self.oldSize == 0 {
            guard self.consistencyProof.isEmpty else {
                return .badRequest(reason: "the consistency proof must be empty when the old size is 0")
            }
            return .cosign(checkpoint)
        }
        guard let latestRoot = log.latestRootHash else { return .conflict(latestSize: log.latestSize) }
        if self.oldSize == checkpoint.size, self.consistencyProof.isEmpty, latestRoot != checkpoint.rootHash {
            return .conflict(latestSize: log.latestSize)
        }
        do {
            try ConsistencyProof(oldSize: self.oldSize, newSize: checkpoint.size, hashes: self.consistencyProof)
                .verify(oldRoot: latestRoot, newRoot: checkpoint.rootHash)
        } catch {
            return .inconsistent(error)
        }
        return .cosign(checkpoint)
    }
}
