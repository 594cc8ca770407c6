import Crypto
import Foundation
import SQLKit
import Storage
import TradingCore

/// 推送发件箱 — writes one delivery row per active subscriber of an event, inside the transaction that publishes it, so a
/// delivery exists exactly when its event committed. Every subscriber receives every event of its types (the platform's
/// own notices and every push): the events are public data; who registered a subscriber only decides who manages it.
enum WebhookOutbox {
    /// The event types a subscriber may ask for.
    static let eventTypes = ["notice.published", "result.published", "deal.published"]

    static func enqueue(_ event: WebhookEvent, platformCode: String?, platform: Platform, on db: any SQLDatabase) async throws {
        let subscribers = try await db.rows("SELECT * FROM webhook_subscribers WHERE active = 1 ORDER BY id", as: WebhookSubscriberRow.self)
            .filter { $0.eventTypes.contains(event.type) }
        guard !subscribers.isEmpty else { return }
        let now = platform.nowMillis()
        for subscriber in subscribers {
            let id = Identifiers.make()
            let envelope = Envelope(id: id, type: event.type, createdAt: Timestamps.rfc3339(Timestamps.date(now)), data: event)
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
            let payload = String(decoding: try encoder.encode(envelope), as: UTF8.self)
            try await db.insert("webhook_deliveries", WebhookDeliveryRow(
                id: id, subscriberId: subscriber.id, eventType: event.type, payload: payload, status: "pending", attempts: 0, nextAttemptAt: now,
                lastStatus: nil, lastError: nil, createdAt: now, deliveredAt: nil
            ))
        }
    }

    /// The delivered JSON: `{"id", "type", "createdAt", "data"}`; `id` is the delivery id (receivers deduplicate on it).
    struct Envelope: Encodable {
        var id: String
        var type: String
        var createdAt: String
        var data: WebhookEvent
    }
}

/// 签名 — `Yiwang-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256(secret, "<t>.<body>")>`, as Stripe does: the
/// receiver recomputes the HMAC over the timestamp, a dot and the raw body with its secret, compares in constant time,
/// and refuses timestamps older than a few minutes (replays).
public enum WebhookSignature {
    /// The header value for `body` sent at `timestamp` (seconds since 1970).
    public static func header(secret: String, timestamp: Int64, body: [UInt8]) -> String {
        "t=\(timestamp),v1=\(Self.mac(secret: secret, timestamp: timestamp, body: body))"
    }

    /// True when `header` carries a `v1` HMAC of `body` under `secret` at its `t`, and `t` lies within `tolerance` seconds of `now`.
    public static func verify(header: String, secret: String, body: [UInt8], now: Int64, tolerance: Int64 = 300) -> Bool {
        var timestamp: Int64?
        var signatures: [String] = []
        for part in header.split(separator: ",") {
            let pair = part.split(separator: "=", maxSplits: 1).map(String.init)
            guard pair.count == 2 else { continue }
            if pair[0] == "t" { timestamp = Int64(pair[1]) }
            if pair[0] == "v1" { signatures.append(pair[1]) }
        }
        guard let timestamp, abs(now - timestamp) <= tolerance else { return false }
        let expected = Array(Self.mac(secret: secret, timestamp: timestamp, body: body).utf8)
        return signatures.contains { signature in
            let given = Array(signature.utf8)
            return given.count == expected.count && zip(given, expected).reduce(UInt8(0)) { $0 | ($1.0 ^ $1.1) } == 0
        }
    }

    static func mac(secret: String, timestamp: Int64, body: [UInt8]) -> String {
        var message = Array("\(timestamp).".utf8)
        message += body
        let code = HMAC<SHA256>.authenticationCode(for: message, using: SymmetricKey(data: Data(secret.utf8)))
        return code.map { String(format: "%02x", $0) }.joined()
    }
}
