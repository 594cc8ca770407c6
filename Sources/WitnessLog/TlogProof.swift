import Foundation

/// 存证回执 — an offline-verifiable proof that an entry is in the log (c2sp.org/tlog-proof@v1).
///
/// Text form: `c2sp.org/tlog-proof@v1`, an optional `extra <base64>` line, `index <n>`, one base64
/// inclusion-proof hash per line (leaf's sibling first), an empty line, then the signed checkpoint
/// note verbatim, with any witness cosignatures. Yiwang puts the log entry itself (RFC 8785 JSON)
/// in `extra`, so a receipt is self-contained.
public struct TlogProof: Sendable, Hashable {
    /// The first line of every proof.
    public static let header = "c2sp.org/tlog-proof@v1"
    /// Most inclusion proof lines accepted (a proof in a tree of 2^64 leaves has at most 64).
    public static let maxProofLines = 64

    /// Opaque, unauthenticated extra data; for Yiwang receipts, the log entry.
    public var extra: [UInt8]?
    /// Zero-based index of the entry in the log.
    public var index: UInt64
    /// Inclusion proof hashes, from the leaf's sibling up to the root's child.
    public var proof: [Hash]
    /// The signed checkpoint the proof leads to.
    public var checkpoint: SignedNote

    /// A proof from its parts.
    public init(index: UInt64, proof: [Hash], checkpoint: SignedNote, extra: [UInt8]? = nil) {
        self.extra = extra
        self.index = index
        self.proof = proof
        self.checkpoint = checkpoint
    }

    /// Parses proof text (syntax only; call `verify` before trusting anything in it).
    public init(parsing text: some Collection<UInt8>) throws(TlogProofError) {
        let bytes = Array(text)
        var position = 0
        var lineNumber = 0
        /// The next line without its newline, or a malformed-line error if there is none.
        func nextLine() throws(TlogProofError) -> String {
            lineNumber += 1
            guard let newline = bytes[position...].firstIndex(of: 0x0A) else {
                throw .malformedLine(line: lineNumber, reason: "missing line or final newline")
            }
            defer { position = newline + 1 }
            return String(decoding: bytes[position..<newline], as: UTF8.self)
        }
        guard try nextLine() == TlogProof.header else {
            throw .malformedLine(line: lineNumber, reason: "first line must be \"\(TlogProof.header)\"")
        }
        var line = try nextLine()
        var extra: [UInt8]?
        if line.hasPrefix("extra ") {
            let encoded = String(line.dropFirst(6))
            guard let data = Data(base64Encoded: encoded), data.base64EncodedString() == encoded else {
                throw .malformedLine(line: lineNumber, reason: "extra data is not canonical base64")
            }
            extra = Array(data)
            line = try nextLine()
        }
        guard line.hasPrefix("index "), let index = Checkpoint.parseSize(line.dropFirst(6)) else {
            throw .malformedLine(line: lineNumber, reason: "expected \"index <n>\" with no leading zeros")
        }
        var proof: [Hash] = []
        while true {
            line = try nextLine()
            if line.isEmpty { break }
            guard proof.count < TlogProof.maxProofLines else {
                throw .malformedLine(line: lineNumber, reason: "more than \(TlogProof.maxProofLines) proof lines")
            }
            guard let hash = Hash(base64: line), hash.base64 == line else {
                throw .malformedLine(line: lineNumber, reason: "proof line is not base64 of a 32-byte hash")
            }
            proof.append(hash)
        }
        let checkpointLine = lineNumber + 1
        let note: SignedNote
        do {
            note = try SignedNote(parsing: bytes[position...])
            _ = try Checkpoint(text: note.text)
        } catch {
            throw .malformedLine(line: checkpointLine, reason: error.description)
        }
        self.init(index: index, proof: proof, checkpoint: note, extra: extra)
    }

    /// Parses proof text from a string.
    public init(parsing text: String) throws(TlogProofError) {
        try self.init(parsing: Array(text.utf8))
    }

    /// The proof as text bytes (store with the extension `.tlog-proof`).
    public var bytes: [UInt8] {
        var text = TlogProof.header + "\n"
        if let extra = self.extra {
            text += "extra " + Data(extra).base64EncodedString() + "\n"
        }
        text += "index \(self.index)\n"
        text += self.proof.map { $0.base64 + "\n" }.joined()
        text += "\n"
        return Array(text.utf8) + self.checkpoint.bytes
    }

    /// The inclusion proof for `index` in the checkpointed tree of `treeSize` leaves.
    public func inclusionProof(treeSize: UInt64) -> InclusionProof {
        InclusionProof(leafIndex: self.index, treeSize: treeSize, hashes: self.proof)
    }
}
