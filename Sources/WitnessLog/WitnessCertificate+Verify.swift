import Foundation

extension WitnessCertificate {
    /// Verifies the certificate offline.
    ///
    /// The checkpoint is checked with `log`, or with the bundle's own `logKey` when `log` is `nil`
    /// (the verdict then says the key was not independently supplied), and against the witness policy.
    /// Each event must be canonical JSON (RFC 8785) for this project, follow the previous event's log
    /// index, match its `prev` link when the entries carry them, and have an inclusion proof that
    /// leads to the checkpoint's root.
    public func verify(log: NoteVerifier?, witnesses: [NoteVerifier], minWitnesses: Int) -> CertificateVerdict {
        let checkpoint = self.verifyCheckpoint(log: log, witnesses: witnesses, minWitnesses: minWitnesses)
        let chained = self.events.contains { Self.fields(of: $0.entry)?["prev"] != nil }
        var results: [CertificateVerdict.EventResult] = []
        var previous: Event?
        for (position, event) in self.events.enumerated() {
            let fields = Self.fields(of: event.entry)
            var type: String?
            if case .string(let text) = fields?["type"] { type = text }
            let outcome = self.check(
                event, fields: fields, after: previous, chained: chained, checkpoint: checkpoint.checkpoint)
            results.append(.init(position: position, index: event.index, type: type, outcome: outcome))
            previous = event
        }
        return CertificateVerdict(checkpoint: checkpoint, events: results, completenessChecked: chained)
    }

    /// The header and checkpoint checks.
    private func verifyCheckpoint(
        log: NoteVerifier?, witnesses: [NoteVerifier], minWitnesses: Int
    ) -> CertificateVerdict.CheckpointResult {
        var result = CertificateVerdict.CheckpointResult(
            checkpoint: nil, cosigners: [], keySource: log == nil ? .bundle : .supplied, failure: nil, notes: [])
        guard self.format == WitnessCertificate.currentFormat else {
            result.failure = "unsupported certificate format \"\(self.format)\", expected \(WitnessCertificate.currentFormat)"
            return result
        }
        let key: NoteVerifier
        if let log {
            key = log
            if self.logKey != log.vkey {
                result.notes.append("the bundle names another log key (\(self.logKey)); the supplied key was used")
            }
        } else {
            do {
                key = try NoteVerifier(vkey: self.logKey)
            } catch {
                result.failure = "the bundle's log key is malformed: \(error)"
                return result
            }
            result.notes.append("the log key was taken from the bundle, not independently supplied")
        }
        guard self.origin == key.name else {
            result.failure = "the bundle's origin \"\(self.origin)\" is not the log key's name \"\(key.name)\""
            return result
        }
        do {
            let note = try SignedNote(parsing: self.checkpoint)
            let verified = try VerifiedCheckpoint(
                note: note, log: key, witnesses: witnesses, minWitnesses: minWitnesses)
            result.checkpoint = verified.checkpoint
            result.cosigners = verified.cosigners.map(\.name)
        } catch {
            result.failure = String(describing: error)
        }
        return result
    }

    /// The checks on one event, first failure wins.
    private func check(
        _ event: Event, fields: [String: JSONValue]?, after previous: Event?, chained: Bool, checkpoint: Checkpoint?
    ) -> CertificateVerdict.Outcome {
        let bytes = Array(event.entry.utf8)
        guard let fields else { return .failed("entry is not a JSON object") }
        guard (try? CanonicalJSON.canonical(json: bytes)) == bytes else {
            return .failed("entry is not canonical JSON (RFC 8785)")
        }
        guard case .string(let project) = fields["project"] else { return .failed("entry names no project") }
        guard project == self.project else {
            return .failed("entry belongs to project \"\(project)\", not \"\(self.project)\"")
        }
        if let previous, event.index <= previous.index {
            return .failed("log index \(event.index) does not follow \(previous.index): events reordered or repeated")
        }
        if chained, let failure = Self.checkLink(fields["prev"], previous: previous) {
            return .failed(failure)
        }
        var hashes: [Hash] = []
        for (number, text) in event.proof.enumerated() {
            guard let hash = Hash(base64: text) else { return .failed("proof hash \(number) is not base64 of 32 bytes") }
            hashes.append(hash)
        }
        guard let checkpoint else { return .unchecked("inclusion not checked: the checkpoint was rejected") }
        do {
            try InclusionProof(leafIndex: event.index, treeSize: checkpoint.size, hashes: hashes)
                .verify(leafHash: Merkle.leafHash(bytes), rootHash: checkpoint.rootHash)
        } catch {
            return .failed("inclusion proof does not verify: \(error)")
        }
        return .ok
    }

    /// Checks the `prev` link against the event before it in the bundle; `nil` if it holds.
    private static func checkLink(_ link: JSONValue?, previous: Event?) -> String? {
        switch (link, previous) {
        case (nil, nil): return nil
        case (.integer(let prev), nil): return "events before this one are missing: its prev is log index \(prev)"
        case (.integer(let prev), let previous?):
            guard prev >= 0, UInt64(prev) == previous.index else {
                return "events are missing before this one: its prev is log index \(prev), the bundle has \(previous.index)"
            }
            return nil
        case (nil, _?): return "entry has no prev link, but the project's entries are chained"
        default: return "entry's prev is not a log index"
        }
    }

    /// The entry's members, or `nil` if it is not a JSON object.
    private static func fields(of entry: String) -> [String: JSONValue]? {
        guard let value = try? JSONDecoder().decode(JSONValue.self, from: Data(entry.utf8)),
            case .object(let members) = value
        else { return nil }
        return members
    }
}
