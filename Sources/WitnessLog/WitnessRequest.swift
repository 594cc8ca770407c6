/// 见证请求 — body of a C2SP tlog-witness `POST /add-checkpoint` request.
///
/// `old <size>\n`, one base64 consistency-proof hash per line, a blank line, then the
/// signed checkpoint note.
public struct AddCheckpointRequest: Sendable, Hashable {
    /// Most consistency proof lines a client may send.
    public static let maxProofLines = 63

    /// Size of the checkpoint the witness last cosigned (0 if none).
    public var oldSize: UInt64
    /// Consistency proof from `oldSize` to the new checkpoint's size (empty if `oldSize` is 0).
    public var consistencyProof: [Hash]
    /// The new signed checkpoint.
    public var checkpoint: SignedNote

    /// A request from its parts.
    public init(oldSize: UInt64, consistencyProof: [Hash], checkpoint: SignedNote) {
        self.oldSize = oldSize
        self.consistencyProof = consistencyProof
        self.checkpoint = checkpoint
    }

    /// Parses a request body.
    public init(parsing body: some Collection<UInt8>) throws(NoteError) {
        let bytes = Array(body)
        var lines: [String] = []
        var position = 0
        // Header lines run up to and including the first empty line.
        while true {
            guard let newline = bytes[position...].firstIndex(of: 0x0A) else {
                throw .malformedWitnessMessage(reason: "missing blank line before the checkpoint")
            }
            let line = String(decoding: bytes[position..<newline], as: UTF8.self)
            position = newline + 1
            if line.isEmpty { break }
            lines.append(line)
            guard lines.count <= 1 + AddCheckpointRequest.maxProofLines else {
                throw .malformedWitnessMessage(reason: "more than \(AddCheckpointRequest.maxProofLines) proof lines")
            }
        }
        guard let first = lines.first, first.hasPrefix("old "),
            let oldSize = Checkpoint.parseSize(first.dropFirst(4))
        else {
            throw .malformedWitnessMessage(reason: "first line must be \"old <size>\"")
        }
        var proof: [Hash] = []
        for line in lines.dropFirst() {
            guard let hash = Hash(base64: line) else {
                throw .malformedWitnessMessage(reason: "proof line \"\(line)\" is not base64 of 32 bytes")
            }
            proof.append(hash)
        }
        self.init(oldSize: oldSize, consistencyProof: proof, checkpoint: try SignedNote(parsing: bytes[position...]))
    }

    /// The request body.
    public var body: [UInt8] {
        let header = "old \(self.oldSize)\n" + self.consistencyProof.map { $0.base64 + "\n" }.joined() + "\n"
        return Array(header.utf8) + self.checkpoint.bytes
    }
}

/// 见证响应 — body of a successful add-checkpoint response: one or more cosignature lines.
public struct AddCheckpointResponse: Sendable, Hashable {
    /// Content type of a 409 Conflict body, which holds the witness's latest size.
    public static let conflictContentType = "text/x.tlog.size"

    /// The witness's signature lines.
    public var signatures: [NoteSignature]

    /// A response from its signature lines.
    public init(signatures: [NoteSignature]) {
        self.signatures = signatures
    }

    /// Parses a 200 response body.
    public init(parsing body: some Collection<UInt8>) throws(NoteError) {
        let bytes = Array(body)
        guard !bytes.isEmpty else { throw .malformedWitnessMessage(reason: "empty response") }
        do {
            self.signatures = try NoteSignature.parseLines(bytes[...], limit: SignedNote.maxSignatures)
        } catch {
            throw .malformedWitnessMessage(reason: error.description)
        }
    }

    /// The response body.
    public var body: [UInt8] {
        Array(self.signatures.map(\.line).joined().utf8)
    }

    /// Adds the signatures to the checkpoint note, as a log does after a witness answers.
    public func merged(into checkpoint: SignedNote) -> SignedNote {
        var note = checkpoint
        for signature in self.signatures where !note.signatures.contains(signature) {
            note.signatures.append(signature)
        }
        return note
    }

    /// Body of a 409 Conflict: the witness's latest cosigned size and a newline.
    public static func conflictBody(latestSize: UInt64) -> [UInt8] {
        Array("\(latestSize)\n".utf8)
    }

    /// Parses a 409 Conflict body.
    public static func parseConflictBody(_ body: some Collection<UInt8>) throws(NoteError) -> UInt64 {
        let bytes = Array(body)
        guard bytes.last == 0x0A,
            let size = Checkpoint.parseSize(String(decoding: bytes.dropLast(), as: UTF8.self))
        else {
            throw .malformedWitnessMessage(reason: "conflict body must be a decimal size and a newline")
        }
        return size
    }
}
