public import AsyncHTTPClient
import Foundation
public import NIOCore
import NIOHTTP1
public import WitnessLog

/// 见证请求方 — the log's side of C2SP tlog-witness: submits a signed checkpoint with a consistency proof
/// to a witness and returns the witness's verified cosignatures.
public struct WitnessClient: Sendable {
    /// Largest response body read.
    public static let maxResponseBytes = 64 * 1024

    let httpClient: HTTPClient
    let timeout: TimeAmount

    /// A client over `httpClient`; each request must complete within `timeout`.
    public init(httpClient: HTTPClient = .shared, timeout: TimeAmount = .seconds(10)) {
        self.httpClient = httpClient
        self.timeout = timeout
    }

    /// Asks `witness` to cosign `note` (a checkpoint of `size` leaves), claiming the witness last cosigned
    /// `oldSize`; `consistencyProof(from)` must give the proof from `from` leaves to `size`.
    ///
    /// On 409 the witness states the size it holds: the request is retried once with a proof from that size.
    /// The answer's cosignatures are verified against the endpoint's key; other statuses throw.
    public func addCheckpoint(
        _ note: SignedNote, size: UInt64, to witness: WitnessEndpoint, oldSize: UInt64,
        consistencyProof: @Sendable (_ from: UInt64) async throws -> [Hash]
    ) async throws -> WitnessAnswer {
        let first = try await self.post(note, to: witness, oldSize: oldSize, consistencyProof: consistencyProof)
        guard case .conflict(let witnessSize) = first else { return try self.answer(first, note: note, size: size, witness: witness) }
        guard witnessSize != oldSize else {
            // Same old size refused: the witness holds another checkpoint of that size.
            throw WitnessClientError.conflict(witness: witness.baseURL, witnessSize: witnessSize, size: size)
        }
        guard witnessSize <= size else {
            throw WitnessClientError.witnessAhead(witness: witness.baseURL, witnessSize: witnessSize, size: size)
        }
        let second = try await self.post(note, to: witness, oldSize: witnessSize, consistencyProof: consistencyProof)
        if case .conflict(let again) = second {
            throw WitnessClientError.conflict(witness: witness.baseURL, witnessSize: again, size: size)
        }
        return try self.answer(second, note: note, size: size, witness: witness)
    }

    /// What one POST returned.
    private enum Reply {
        case cosigned([UInt8])
        case conflict(UInt64)
    }

    private func post(
        _ note: SignedNote, to witness: WitnessEndpoint, oldSize: UInt64,
        consistencyProof: @Sendable (_ from: UInt64) async throws -> [Hash]
    ) async throws -> Reply {
        let proof = oldSize == 0 ? [] : try await consistencyProof(oldSize)
        let body = AddCheckpointRequest(oldSize: oldSize, consistencyProof: proof, checkpoint: note).body
        var request = HTTPClientRequest(url: witness.addCheckpointURL)
        request.method = .POST
        request.headers.add(name: "Content-Type", value: "text/plain; charset=utf-8")
        request.body = .bytes(body)
        let response = try await self.httpClient.execute(request, timeout: self.timeout)
        let bytes = Array(try await response.body.collect(upTo: WitnessClient.maxResponseBytes).readableBytesView)
        switch response.status.code {
        case 200:
            return .cosigned(bytes)
        case 409:
            do {
                return .conflict(try AddCheckpointResponse.parseConflictBody(bytes))
            } catch {
                throw WitnessClientError.malformedResponse(witness: witness.baseURL, reason: error.description)
            }
        default:
            throw WitnessClientError.refused(
                witness: witness.baseURL, status: Int(response.status.code), body: String(decoding: bytes, as: UTF8.self))
        }
    }

    /// Keeps the cosignatures by the endpoint's key, each verified; any other line is ignored.
    private func answer(_ reply: Reply, note: SignedNote, size: UInt64, witness: WitnessEndpoint) throws -> WitnessAnswer {
        guard case .cosigned(let body) = reply else { preconditionFailure("only a 200 reply has cosignatures") }
        let response: AddCheckpointResponse
        do {
            response = try AddCheckpointResponse(parsing: body)
        } catch {
            throw WitnessClientError.malformedResponse(witness: witness.baseURL, reason: error.description)
        }
        let key = witness.verifier
        let text = Array(note.text.utf8)
        var cosignatures: [NoteSignature] = []
        for signature in response.signatures where signature.name == key.name && signature.keyID == key.keyID {
            guard key.isValid(signature: signature.signature, forText: text) else {
                throw WitnessClientError.invalidCosignature(witness: witness.baseURL)
            }
            if !cosignatures.contains(signature) { cosignatures.append(signature) }
        }
        guard !cosignatures.isEmpty else { throw WitnessClientError.noCosignature(witness: witness.baseURL) }
        return WitnessAnswer(cosignatures: cosignatures, size: size)
    }
}

/// 见证结果 — what a witness answered: its verified cosignatures and the size it now holds.
public struct WitnessAnswer: Sendable, Hashable {
    /// Cosignature lines by the witness's key, verified on the checkpoint.
    public var cosignatures: [NoteSignature]
    /// The checkpoint size the witness now holds (the cosigned checkpoint's size).
    public var size: UInt64
}

/// Why a witness did not cosign.
public enum WitnessClientError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The witness answered with a status other than 200 or 409.
    case refused(witness: String, status: Int, body: String)
    /// The witness still disagrees on the old size, or holds another checkpoint of the same size (a fork?).
    case conflict(witness: String, witnessSize: UInt64, size: UInt64)
    /// The witness holds a larger checkpoint than the one submitted.
    case witnessAhead(witness: String, witnessSize: UInt64, size: UInt64)
    /// The body is not what tlog-witness prescribes.
    case malformedResponse(witness: String, reason: String)
    /// A cosignature by the witness's key does not verify.
    case invalidCosignature(witness: String)
    /// The answer holds no cosignature by the witness's key.
    case noCosignature(witness: String)

    public var description: String {
        switch self {
        case .refused(let witness, let status, let body):
            "witness \(witness) refused with HTTP \(status): \(body.trimmingCharacters(in: .whitespacesAndNewlines))"
        case .conflict(let witness, let witnessSize, let size):
            "witness \(witness) holds a conflicting checkpoint of size \(witnessSize) (submitted size \(size))"
        case .witnessAhead(let witness, let witnessSize, let size):
            "witness \(witness) already cosigned size \(witnessSize), larger than the submitted \(size)"
        case .malformedResponse(let witness, let reason): "witness \(witness) answered malformed: \(reason)"
        case .invalidCosignature(let witness): "witness \(witness) returned a cosignature that does not verify"
        case .noCosignature(let witness): "witness \(witness) returned no cosignature by its key"
        }
    }
}
