// TEMPORARY minimal version until the witness helper's full TlogProof (parse + verify) is merged.
/// 存证回执 — c2sp.org/tlog-proof@v1.
public struct TlogProof: Sendable, Hashable {
    public var extra: [UInt8]?
    public var index: UInt64
    public var proof: [Hash]
    public var checkpoint: SignedNote

    public init(index: UInt64, proof: [Hash], checkpoint: SignedNote, extra: [UInt8]? = nil) {
        self.index = index
        self.proof = proof
        self.checkpoint = checkpoint
        self.extra = extra
    }

    public var bytes: [UInt8] {
        var text = "c2sp.org/tlog-proof@v1\n"
        if let extra { text += "extra " + Hash.base64(extra) + "\n" }
        text += "index \(self.index)\n" + self.proof.map { $0.base64 + "\n" }.joined() + "\n"
        return Array(text.utf8) + self.checkpoint.bytes
    }
}

extension Hash {
    static func base64(_ bytes: [UInt8]) -> String { Data(bytes).base64EncodedString() }
}
import Foundation
