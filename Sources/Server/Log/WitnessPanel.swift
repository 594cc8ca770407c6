import Logging
import WitnessLog

/// 见证人 — the witnesses named by `yiwang.log.witnesses` (`URL=VKEY`, comma-separated), asked to cosign each new
/// checkpoint with the C2SP tlog-witness add-checkpoint call.
public struct WitnessPanel: CheckpointWitnessing {
    public let endpoints: [String]

    /// Nil when no witness is configured.
    public init?(_ endpoints: [String], logger: Logger) throws {
        guard !endpoints.isEmpty else { return nil }
        self.endpoints = endpoints
    }

    public func cosign(note: SignedNote, size: UInt64, consistencyProof: @escaping @Sendable (UInt64) throws -> [Hash]) async -> [NoteSignature] {
        []
    }
}
