import Foundation
public import Logging
public import WitnessLog

/// 见证服务 — a C2SP tlog-witness: checks each submitted checkpoint against the latest one it cosigned for
/// that log and, if consistent, cosigns it (cosignature/v1) after persisting it as the new latest.
///
/// An actor, so requests are handled one at a time: the check of the old size and the durable update of the
/// state happen with no other request in between, as tlog-witness requires. The state file is written with
/// blocking calls inside the actor on purpose — no suspension point may split check and persist.
public actor WitnessService {
    /// Largest add-checkpoint body accepted (63 proof lines and a note with many signatures fit easily).
    public static let maxRequestBytes = 64 * 1024

    /// The witness's public cosignature key.
    public nonisolated let verifier: NoteVerifier
    /// Trusted log keys per origin.
    public nonisolated let logs: [String: [NoteVerifier]]
    private let signer: NoteSigner
    private let stateFile: WitnessStateFile
    private let now: @Sendable () -> UInt64
    private let logger: Logger
    private var state: WitnessState

    /// A witness with key `signer` (cosignature/v1) for the logs `logKeys` (Ed25519 vkeys, key name = origin),
    /// resuming from the state in `stateFile`. `now` gives cosignature timestamps (POSIX seconds).
    public init(
        signer: NoteSigner, logKeys: [NoteVerifier], stateFile: WitnessStateFile, logger: Logger,
        now: @escaping @Sendable () -> UInt64 = { UInt64(Date().timeIntervalSince1970) }
    ) throws {
        guard signer.type == .cosignatureV1 else {
            throw NoteError.wrongSignatureType(expected: .cosignatureV1, actual: signer.type)
        }
        if let wrong = logKeys.first(where: { $0.type != .ed25519 }) {
            throw NoteError.wrongSignatureType(expected: .ed25519, actual: wrong.type)
        }
        self.verifier = signer.verifier
        self.logs = Dictionary(grouping: logKeys, by: \.name)
        self.signer = signer
        self.stateFile = stateFile
        self.now = now
        self.logger = logger
        self.state = try stateFile.load()
    }

    /// The latest checkpoint size and root cosigned for `origin`, if any.
    public func latest(origin: String) -> WitnessState.LogHead? {
        self.state.logs[origin]
    }

    /// Handles one `POST /add-checkpoint` body, answering as C2SP tlog-witness prescribes.
    public func addCheckpoint(body: [UInt8]) -> WitnessReply {
        let request: AddCheckpointRequest
        do {
            request = try AddCheckpointRequest(parsing: body)
        } catch {
            return .text(400, "\(error)\n")
        }
        let origin = request.origin
        let known = origin.flatMap { origin in
            self.logs[origin].map { self.state.witnessedLog(origin: origin, verifiers: $0) }
        }
        switch request.evaluate(log: known) {
        case .cosign(let checkpoint):
            return self.cosign(request.checkpoint, checkpoint: checkpoint)
        case .conflict(let latestSize):
            self.logger.warning(
                "add-checkpoint conflict",
                metadata: ["origin": "\(origin ?? "?")", "latest": "\(latestSize)",
                           "checkpoint": "\(Self.oneLine(request.checkpoint.text))"])
            return WitnessReply(
                status: 409, contentType: AddCheckpointResponse.conflictContentType,
                body: AddCheckpointResponse.conflictBody(latestSize: latestSize))
        case .inconsistent(let error):
            self.logger.warning(
                "add-checkpoint with a consistency proof that does not verify",
                metadata: ["origin": "\(origin ?? "?")", "error": "\(error)",
                           "request": "\(Self.oneLine(String(decoding: body, as: UTF8.self)))"])
            return .text(422, "consistency proof does not verify: \(error)\n")
        case .badRequest(let reason):
            return .text(400, "\(reason)\n")
        case .forbidden(let reason):
            return .text(403, "\(reason)\n")
        case .unknownLog(let origin):
            return .text(404, "unknown log \(origin)\n")
        }
    }

    /// Cosigns, persists the new latest checkpoint, and only then answers 200.
    private func cosign(_ note: SignedNote, checkpoint: Checkpoint) -> WitnessReply {
        let signature: NoteSignature
        do {
            signature = try self.signer.cosign(checkpointText: note.text, timestamp: self.now())
        } catch {
            self.logger.error("cosigning failed: \(error)")
            return .text(500, "cosigning failed\n")
        }
        var next = self.state
        next.logs[checkpoint.origin] = WitnessState.LogHead(size: checkpoint.size, root: checkpoint.rootHash)
        do {
            try self.stateFile.save(next)
        } catch {
            self.logger.error("witness state not saved, checkpoint not cosigned: \(error)")
            return .text(500, "witness state could not be saved\n")
        }
        self.state = next
        self.logger.info(
            "cosigned", metadata: ["origin": "\(checkpoint.origin)", "size": "\(checkpoint.size)"])
        return WitnessReply(
            status: 200, contentType: "text/plain; charset=utf-8",
            body: AddCheckpointResponse(signatures: [signature]).body)
    }

    /// Text for a log line, newlines shown as `\n` (kept as evidence of possible log misbehaviour).
    private static func oneLine(_ text: String) -> String {
        text.replacingOccurrences(of: "\n", with: "\\n")
    }

    /// The plain-text home page: who the witness is, its key, and the logs it witnesses.
    public nonisolated var homePage: String {
        var lines = [
            "Yiwang witness (一网见证人) — c2sp.org/tlog-witness",
            "name: \(self.verifier.name)",
            "key: \(self.verifier.vkey)",
            "submit: POST /add-checkpoint",
            "logs:",
        ]
        for origin in self.logs.keys.sorted() {
            for key in self.logs[origin] ?? [] {
                lines.append("  \(key.vkey)")
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }
}
