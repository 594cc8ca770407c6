public import WitnessLog

/// 见证状态 — what a witness has cosigned: per log origin, the size and root of the latest checkpoint.
///
/// Stored as JSON (`{"logs":{"<origin>":{"root":"<base64>","size":<n>}}}`) by `WitnessStateFile`.
public struct WitnessState: Sendable, Hashable, Codable {
    /// The latest cosigned checkpoint of one log.
    public struct LogHead: Sendable, Hashable, Codable {
        /// Tree size of the latest cosigned checkpoint.
        public var size: UInt64
        /// Root hash of the latest cosigned checkpoint.
        public var root: Hash

        /// A head from its parts.
        public init(size: UInt64, root: Hash) {
            self.size = size
            self.root = root
        }
    }

    /// Latest cosigned checkpoint per origin; a log never cosigned has no entry.
    public var logs: [String: LogHead]

    /// A state from its parts (empty by default: nothing cosigned yet).
    public init(logs: [String: LogHead] = [:]) {
        self.logs = logs
    }

    /// The witness's view of a log, for `AddCheckpointRequest.evaluate`.
    public func witnessedLog(origin: String, verifiers: [NoteVerifier]) -> WitnessedLog {
        let head = self.logs[origin]
        return WitnessedLog(
            origin: origin, verifiers: verifiers, latestSize: head?.size ?? 0, latestRootHash: head?.root)
    }
}
