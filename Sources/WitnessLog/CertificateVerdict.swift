/// 见证书验证结论 — what checking a witness certificate found: the checkpoint's result, then each event's.
public struct CertificateVerdict: Sendable, Hashable {
    /// Where the log key used for the checkpoint came from.
    public enum KeySource: Sendable, Hashable {
        /// Given by the verifier, independently of the bundle.
        case supplied
        /// Taken from the bundle itself: proves consistency, not that the platform's log signed it.
        case bundle
    }

    /// The result of the checks on the bundle header and its checkpoint.
    public struct CheckpointResult: Sendable, Hashable {
        /// The checkpoint, when its signature and witness policy verified.
        public var checkpoint: Checkpoint?
        /// Names of the trusted witnesses whose cosignatures verified.
        public var cosigners: [String]
        /// Where the log key came from.
        public var keySource: KeySource
        /// Why the checkpoint was rejected; `nil` if it verified.
        public var failure: String?
        /// Things worth telling that do not reject the bundle.
        public var notes: [String]

        /// Whether the checkpoint verified.
        public var isOK: Bool { self.failure == nil }
    }

    /// The outcome for one event.
    public enum Outcome: Sendable, Hashable {
        /// Every check passed.
        case ok
        /// A check failed, for this reason.
        case failed(String)
        /// The event's own checks passed, but its inclusion could not be checked (the checkpoint was rejected).
        case unchecked(String)
    }

    /// The result for one event of the bundle.
    public struct EventResult: Sendable, Hashable {
        /// Position in the bundle's event list, from 0.
        public var position: Int
        /// The log index the bundle gives.
        public var index: UInt64
        /// The entry's `type` field, if it has one.
        public var type: String?
        /// What the checks found.
        public var outcome: Outcome

        /// Whether every check passed.
        public var isOK: Bool { self.outcome == .ok }
    }

    /// The checkpoint's result.
    public var checkpoint: CheckpointResult
    /// One result per event, in bundle order.
    public var events: [EventResult]
    /// Whether the entries' `prev` links were there to show that no event was left out.
    public var completenessChecked: Bool

    /// The first event whose checks failed.
    public var firstFailure: EventResult? {
        self.events.first { if case .failed = $0.outcome { true } else { false } }
    }

    /// Whether the whole certificate verified.
    public var isValid: Bool {
        self.checkpoint.isOK && self.events.allSatisfy(\.isOK)
    }
}

extension CertificateVerdict.EventResult: CustomStringConvertible {
    /// One line: position, index, type and outcome.
    public var description: String {
        let head = "event \(self.position) (log index \(self.index), type \(self.type ?? "?"))"
        switch self.outcome {
        case .ok: return "\(head): OK"
        case .failed(let reason): return "\(head): FAILED: \(reason)"
        case .unchecked(let reason): return "\(head): NOT CHECKED: \(reason)"
        }
    }
}
