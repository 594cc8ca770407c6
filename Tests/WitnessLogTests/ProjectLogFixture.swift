import WitnessLog

/// A small witness log for receipt and certificate tests: two projects' events interleaved, each event
/// chained to its project's previous one by `prev`, a checkpoint signed by the log and cosigned by two witnesses.
struct ProjectLogFixture {
    static let origin = "log.yiwang.test/trading"

    let log: NoteSigner
    let witnesses: [NoteSigner]
    var tree = MerkleTree()
    var entries: [[UInt8]] = []

    /// A log with `count` events alternating between projects P-1 and P-2 (P-1 gets the even indexes).
    init(count: Int = 11, chained: Bool = true) throws {
        self.log = try NoteSigner.generate(name: Self.origin)
        self.witnesses = [
            try NoteSigner.generate(name: "witness.test/regulator", type: .cosignatureV1),
            try NoteSigner.generate(name: "witness.test/notary", type: .cosignatureV1),
        ]
        let types = ["project.created", "notice.published", "bid.submitted", "bid.submitted", "bids.opened", "award.published"]
        var last: [String: Int64] = [:]
        for index in 0..<count {
            let project = index % 2 == 0 ? "P-1" : "P-2"
            var fields: [String: JSONValue] = [
                "type": .string(types[(index / 2) % types.count]),
                "project": .string(project),
                "actor": "91110000053621038D",
                "time": .string("2026-03-0\(1 + index % 9)T08:00:00.000Z"),
                "data": ["price": .integer(Int64(100_000 + index))],
            ]
            if chained, let previous = last[project] { fields["prev"] = .integer(previous) }
            last[project] = Int64(index)
            let entry = try CanonicalJSON.canonical(.object(fields))
            self.entries.append(entry)
            self.tree.append(entry: entry)
        }
    }

    var checkpoint: Checkpoint {
        Checkpoint(origin: Self.origin, size: self.tree.size, rootHash: self.tree.rootHash)
    }

    /// The checkpoint signed by the log and cosigned by the first `cosigners` witnesses.
    func signedCheckpoint(cosigners: Int = 2) throws -> SignedNote {
        var note = try self.checkpoint.sign(with: [self.log])
        for witness in self.witnesses.prefix(cosigners) {
            note.signatures.append(try witness.cosign(checkpointText: note.text, timestamp: 1_767_225_600))
        }
        return note
    }

    /// A receipt for the entry at `index`, carrying the entry as extra data.
    func receipt(index: UInt64) throws -> TlogProof {
        let proof = try self.tree.inclusionProof(leafIndex: index)
        return TlogProof(
            index: index, proof: proof.hashes, checkpoint: try self.signedCheckpoint(), extra: self.entries[Int(index)])
    }

    /// The witness certificate of `project`, with every one of its events.
    func certificate(project: String) throws -> WitnessCertificate {
        var events: [WitnessCertificate.Event] = []
        for (index, entry) in self.entries.enumerated() where String(decoding: entry, as: UTF8.self).contains("\"project\":\"\(project)\"") {
            events.append(.init(entry: entry, proof: try self.tree.inclusionProof(leafIndex: UInt64(index))))
        }
        return WitnessCertificate(
            project: project, title: "Road works, lot 1", logKey: self.log.verifier,
            checkpoint: try self.signedCheckpoint(), events: events)
    }

    var witnessKeys: [NoteVerifier] { self.witnesses.map(\.verifier) }
}
