public import WitnessLog

/// 见证人地址 — where a witness listens and the cosignature key it must answer with.
public struct WitnessEndpoint: Sendable, Hashable {
    /// The witness's submission prefix, e.g. `https://witness.example.cn/yiwang` (no trailing slash).
    public var baseURL: String
    /// The witness's cosignature/v1 verifier key.
    public var verifier: NoteVerifier

    /// An endpoint from its parts; a trailing slash on `baseURL` is dropped.
    public init(baseURL: String, verifier: NoteVerifier) {
        var url = baseURL
        while url.hasSuffix("/") { url.removeLast() }
        self.baseURL = url
        self.verifier = verifier
    }

    /// Parses `URL=VKEY`, e.g. `http://127.0.0.1:7380=witness.example.cn/w1+1a2b3c4d+BB…`.
    public init(parsing text: String) throws(WitnessEndpointError) {
        guard let equals = text.firstIndex(of: "=") else {
            throw WitnessEndpointError(text: text, reason: "expected URL=VKEY")
        }
        let url = String(text[..<equals])
        guard url.hasPrefix("http://") || url.hasPrefix("https://") else {
            throw WitnessEndpointError(text: text, reason: "the URL must start with http:// or https://")
        }
        let verifier: NoteVerifier
        do {
            verifier = try NoteVerifier(vkey: String(text[text.index(after: equals)...]))
        } catch {
            throw WitnessEndpointError(text: text, reason: error.description)
        }
        guard verifier.type == .cosignatureV1 else {
            throw WitnessEndpointError(text: text, reason: "the key is a \(verifier.type) key, expected cosignature/v1")
        }
        self.init(baseURL: url, verifier: verifier)
    }

    /// The add-checkpoint URL.
    public var addCheckpointURL: String {
        self.baseURL + "/add-checkpoint"
    }
}

/// A witness endpoint string that could not be parsed.
public struct WitnessEndpointError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The text given.
    public var text: String
    /// Why it was refused.
    public var reason: String

    public var description: String {
        "witness endpoint \"\(self.text)\": \(self.reason)"
    }
}
