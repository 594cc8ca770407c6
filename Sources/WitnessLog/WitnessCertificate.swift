public import Foundation

/// 电子见证书 — a project's witness certificate: every logged event of the project, each with its
/// inclusion proof, and one cosigned checkpoint they all lead to; verifiable offline.
///
/// JSON, fields in this order: `format`, `project`, `title`, `origin`, `logKey` (the log's vkey),
/// `checkpoint` (the signed note text, with cosignatures), `events` (`index`, `entry` — the RFC 8785
/// canonical JSON of the log entry as a string — and `proof`, base64 hashes). Entries may carry
/// `prev`, the log index of the project's previous event, so that a dropped event is detected.
public struct WitnessCertificate: Sendable, Hashable, Codable {
    /// The format this code writes and verifies.
    public static let currentFormat = "yiwang-certificate/v1"

    /// One logged event of the project with its inclusion proof.
    public struct Event: Sendable, Hashable, Codable {
        /// Index of the entry in the log.
        public var index: UInt64
        /// The log entry: canonical JSON text.
        public var entry: String
        /// Inclusion proof hashes in standard base64, leaf's sibling first.
        public var proof: [String]

        /// An event as stored in a certificate.
        public init(index: UInt64, entry: String, proof: [String]) {
            self.index = index
            self.entry = entry
            self.proof = proof
        }

        /// An event from an entry and its inclusion proof.
        public init(entry: [UInt8], proof: InclusionProof) {
            self.init(
                index: proof.leafIndex, entry: String(decoding: entry, as: UTF8.self),
                proof: proof.hashes.map(\.base64))
        }
    }

    /// Always `currentFormat` when written by this code.
    public var format: String
    /// The project's identifier, as in the entries' `project` field.
    public var project: String
    /// The project's title, for people (not verified).
    public var title: String
    /// The log's origin.
    public var origin: String
    /// The log's verifier key (vkey) as the bundle states it.
    public var logKey: String
    /// The signed checkpoint note text, with witness cosignatures.
    public var checkpoint: String
    /// The project's events in log order.
    public var events: [Event]

    /// A certificate from its parts; the origin is taken from the checkpoint's signer key.
    public init(project: String, title: String, logKey: NoteVerifier, checkpoint: SignedNote, events: [Event]) {
        self.format = WitnessCertificate.currentFormat
        self.project = project
        self.title = title
        self.origin = logKey.name
        self.logKey = logKey.vkey
        self.checkpoint = checkpoint.formatted
        self.events = events
    }

    /// Decodes a certificate from its JSON bytes.
    public init(json: some DataProtocol) throws(WitnessCertificateError) {
        do {
            self = try JSONDecoder().decode(WitnessCertificate.self, from: Data(json))
        } catch {
            throw .malformedBundle(reason: String(describing: error))
        }
    }

    /// The certificate as compact JSON with its fields in the documented order (`JSONEncoder` does not keep
    /// an order on every platform, so the text is written here; strings use RFC 8785 escaping).
    public func json() -> [UInt8] {
        let events = self.events.map { event in
            let proof = event.proof.map(Self.quoted).joined(separator: ",")
            return #"{"index":\#(event.index),"entry":\#(Self.quoted(event.entry)),"proof":[\#(proof)]}"#
        }
        let members = [
            ("format", Self.quoted(self.format)), ("project", Self.quoted(self.project)),
            ("title", Self.quoted(self.title)), ("origin", Self.quoted(self.origin)),
            ("logKey", Self.quoted(self.logKey)), ("checkpoint", Self.quoted(self.checkpoint)),
            ("events", "[" + events.joined(separator: ",") + "]"),
        ]
        return Array(("{" + members.map { "\"\($0.0)\":\($0.1)" }.joined(separator: ",") + "}").utf8)
    }

    /// A JSON string literal.
    private static func quoted(_ text: String) -> String {
        // A string always has a canonical form; only non-finite numbers can fail.
        String(decoding: (try? CanonicalJSON.canonical(.string(text))) ?? [], as: UTF8.self)
    }
}

/// 见证书错误 — a certificate that cannot be read or written at all.
public enum WitnessCertificateError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The bytes are not a certificate's JSON.
    case malformedBundle(reason: String)

    public var description: String {
        switch self {
        case .malformedBundle(let reason): "not a witness certificate: \(reason)"
        }
    }
}
