import Logging
import Synchronization
import WitnessLog

/// 见证人 — the witnesses named by `yiwang.log.witnesses` (`URL=VKEY`, comma-separated), asked to cosign each new
/// checkpoint with the C2SP tlog-witness add-checkpoint call (with a consistency proof from the size each witness
/// last cosigned). A witness that is down or refuses is logged, never allowed to stop trading.
public final class WitnessPanel: CheckpointWitnessing {
    public let endpoints: [WitnessEndpoint]
    public var count: Int { self.endpoints.count }
    let client: WitnessClient
    let logger: Logger
    /// The size each witness last cosigned, by base URL (0 at start: the first 409 tells the truth).
    private let sizes = Mutex<[String: UInt64]>([:])

    /// Nil when no witness is configured; throws for a malformed `URL=VKEY`.
    public init?(_ endpoints: [String], logger: Logger, client: WitnessClient = WitnessClient()) throws {
        guard !endpoints.isEmpty else { return nil }
        self.endpoints = try endpoints.map { try WitnessEndpoint(parsing: $0) }
        self.client = client
        self.logger = logger
    }

    public func cosign(note: SignedNote, size: UInt64, consistencyProof: @escaping @Sendable (UInt64) throws -> [Hash]) async -> [NoteSignature] {
        await withTaskGroup(of: [NoteSignature].self) { group in
            for endpoint in self.endpoints {
                group.addTask {
                    let oldSize = self.sizes.withLock { $0[endpoint.baseURL] ?? 0 }
                    do {
                        let answer = try await self.client.addCheckpoint(note, size: size, to: endpoint, oldSize: oldSize) { from in
                            try consistencyProof(from)
                        }
                        self.sizes.withLock { $0[endpoint.baseURL] = answer.size }
                        return answer.cosignatures
                    } catch {
                        self.logger.warning("witness \(endpoint.baseURL) did not cosign checkpoint \(size): \(error)")
                        return []
                    }
                }
            }
            var all: [NoteSignature] = []
            for await signatures in group { all += signatures }
            return all
        }
    }
}
