import Foundation

/// 注记签名 — one signature line of a signed note: `— name base64(keyID ‖ signature)`.
public struct NoteSignature: Sendable, Hashable {
    /// Key name.
    public var name: String
    /// 32-bit key ID.
    public var keyID: UInt32
    /// Signature bytes after the key ID (algorithm-specific).
    public var signature: [UInt8]

    /// A signature as made or stored.
    public init(name: String, keyID: UInt32, signature: [UInt8]) {
        self.name = name
        self.keyID = keyID
        self.signature = signature
    }

    /// The em dash and space that start every signature line (U+2014 U+0020).
    static let prefix: [UInt8] = [0xE2, 0x80, 0x94, 0x20]

    /// Parses one signature line without its final newline.
    public init(line: some Collection<UInt8>) throws(NoteError) {
        let bytes = Array(line)
        guard bytes.starts(with: NoteSignature.prefix) else {
            throw .malformedNote(reason: "signature line must start with \"— \"")
        }
        let rest = String(decoding: bytes.dropFirst(NoteSignature.prefix.count), as: UTF8.self)
        let (name, encoded) = rest.chop(UInt8(ascii: " "))
        guard NoteKeyName.isValid(name) else { throw .malformedNote(reason: "invalid key name in signature line") }
        guard !encoded.isEmpty, let decoded = Data(base64Encoded: String(encoded)), decoded.count >= 5 else {
            throw .malformedNote(reason: "signature of \(name) is not base64 of at least 5 bytes")
        }
        self.name = String(name)
        self.keyID = decoded.prefix(4).reduce(UInt32(0)) { $0 << 8 | UInt32($1) }
        self.signature = Array(decoded.dropFirst(4))
    }

    /// The signature line, ending in a newline.
    public var line: String {
        let encoded = Data(NoteKeyID.bytes(self.keyID) + self.signature).base64EncodedString()
        return "— \(self.name) \(encoded)\n"
    }

    /// Parses a block of signature lines, each ending in a newline.
    static func parseLines(_ bytes: ArraySlice<UInt8>, limit: Int) throws(NoteError) -> [NoteSignature] {
        guard bytes.last == 0x0A else { throw .malformedNote(reason: "signature lines must end in a newline") }
        var signatures: [NoteSignature] = []
        var rest = bytes
        while let newline = rest.firstIndex(of: 0x0A) {
            guard signatures.count < limit else { throw .tooManySignatures(count: limit) }
            signatures.append(try NoteSignature(line: rest[rest.startIndex..<newline]))
            rest = rest[(newline + 1)...]
        }
        return signatures
    }
}
