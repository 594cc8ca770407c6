/// 检查点 — a C2SP tlog-checkpoint: the log's origin, tree size and root hash.
///
/// Text form: `origin\nsize\nbase64(root)\n` followed by optional non-empty extension lines.
public struct Checkpoint: Sendable, Hashable {
    /// The log's unique identity, e.g. `audit.example.cn/trading-log`; also its key name.
    public var origin: String
    /// Number of leaves in the tree.
    public var size: UInt64
    /// RFC 6962 root hash of the tree.
    public var rootHash: Hash
    /// Opaque extension lines (not recommended; not auditable).
    public var extensionLines: [String]

    /// A checkpoint from its parts.
    public init(origin: String, size: UInt64, rootHash: Hash, extensionLines: [String] = []) {
        self.origin = origin
        self.size = size
        self.rootHash = rootHash
        self.extensionLines = extensionLines
    }

    /// Parses checkpoint note text (strict: canonical size and base64, non-empty lines).
    public init(text: String) throws(NoteError) {
        guard text.utf8.last == 0x0A else { throw .malformedCheckpoint(reason: "text must end in a newline") }
        let lines = text.utf8.dropLast().split(separator: 0x0A, omittingEmptySubsequences: false)
            .map { String(decoding: $0, as: UTF8.self) }
        guard lines.count >= 3 else { throw .malformedCheckpoint(reason: "needs origin, size and root hash lines") }
        guard !lines[0].isEmpty else { throw .malformedCheckpoint(reason: "empty origin") }
        guard let size = Checkpoint.parseSize(lines[1]) else {
            throw .malformedCheckpoint(reason: "tree size \"\(lines[1])\" is not a decimal without leading zeros")
        }
        guard let root = Hash(base64: lines[2]), root.base64 == lines[2] else {
            throw .malformedCheckpoint(reason: "root hash is not canonical base64 of 32 bytes")
        }
        let extensions = Array(lines.dropFirst(3))
        guard !extensions.contains(where: \.isEmpty) else {
            throw .malformedCheckpoint(reason: "extension lines must be non-empty")
        }
        self.init(origin: lines[0], size: size, rootHash: root, extensionLines: extensions)
    }

    /// The note text.
    public var text: String {
        ([self.origin, String(self.size), self.rootHash.base64] + self.extensionLines).map { $0 + "\n" }.joined()
    }

    /// Signs the checkpoint text with the log's key(s); the key name should equal the origin.
    public func sign(with signers: [NoteSigner]) throws(NoteError) -> SignedNote {
        try SignedNote.sign(text: self.text, with: signers)
    }

    /// Parses and verifies a signed checkpoint note against the log's trusted `.ed25519` keys
    /// (chosen by the caller for the origin it expects); cosignatures are left for the caller.
    public static func open(
        _ note: some Collection<UInt8>, logVerifiers: [NoteVerifier]
    ) throws(NoteError) -> (checkpoint: Checkpoint, note: SignedNote) {
        if let witnessKey = logVerifiers.first(where: { $0.type != .ed25519 }) {
            throw .wrongSignatureType(expected: .ed25519, actual: witnessKey.type)
        }
        let signed = try SignedNote(parsing: note)
        let checkpoint = try Checkpoint(text: signed.text)
        _ = try signed.verify(logVerifiers)
        return (checkpoint, signed)
    }

    /// Parses an ASCII decimal with no sign and no leading zeros (except "0").
    static func parseSize(_ text: some StringProtocol) -> UInt64? {
        let utf8 = Array(text.utf8)
        guard !utf8.isEmpty, utf8.allSatisfy({ (0x30...0x39).contains($0) }),
            utf8.count == 1 || utf8[0] != 0x30
        else { return nil }
        return UInt64(String(text))
    }
}
