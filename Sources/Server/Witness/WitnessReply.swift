/// 见证答复 — the HTTP answer a witness gives to one add-checkpoint request, before it meets the network.
public struct WitnessReply: Sendable, Hashable {
    /// HTTP status code.
    public var status: Int
    /// `Content-Type` of the body.
    public var contentType: String
    /// The body bytes.
    public var body: [UInt8]

    /// A reply from its parts.
    public init(status: Int, contentType: String, body: [UInt8]) {
        self.status = status
        self.contentType = contentType
        self.body = body
    }

    /// A plain-text reply (cosignature lines, or the reason for a refusal).
    static func text(_ status: Int, _ text: String) -> WitnessReply {
        WitnessReply(status: status, contentType: "text/plain; charset=utf-8", body: Array(text.utf8))
    }
}
