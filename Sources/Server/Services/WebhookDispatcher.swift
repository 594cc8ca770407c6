import AsyncHTTPClient
import Foundation
import Logging
import NIOCore
import NIOHTTP1
import SQLKit
import ServiceLifecycle
import Storage
import TradingCore

/// How webhook deliveries are retried (`webhooks.*` keys): attempt n waits `min(baseSeconds × 2^(n−1), capSeconds)`
/// after failing; after `maxAttempts` the delivery is marked failed.
public struct WebhookPolicy: Sendable, Equatable {
    /// Attempts before a delivery is marked failed.
    public var maxAttempts: Int = 8
    /// Wait after the first failed attempt.
    public var baseSeconds: Int = 30
    /// Longest wait between attempts.
    public var capSeconds: Int = 3_600
    /// Timeout of one request.
    public var timeoutSeconds: Int = 10

    /// The defaults (8 attempts, 30 s doubling up to 1 h, 10 s timeout).
    public init() {}

    /// Seconds to wait after the `attempt`-th failed attempt (1-based).
    public func delay(after attempt: Int) -> Int {
        let exponent = min(max(attempt - 1, 0), 30)
        return min(self.baseSeconds * (1 << exponent), self.capSeconds)
    }
}

extension WebhookService {
    /// Sends every pending delivery that is due (up to `limit`), once each; returns how many were attempted.
    /// A delivery is claimed first (its next attempt moved past the timeout), so two servers never send it twice at once.
    @discardableResult
    public func deliverDue(using client: HTTPClient = .shared, limit: Int = 50) async throws -> Int {
        let platform = self.platform
        let policy = platform.settings.webhooks
        let now = platform.nowMillis()
        let claimed = try await platform.engine.transaction { db in
            let due = try await db.rows(
                "SELECT * FROM webhook_deliveries WHERE status = 'pending' AND next_attempt_at <= \(bind: now) ORDER BY next_attempt_at, id LIMIT \(bind: limit)",
                as: WebhookDeliveryRow.self
            )
            var claimed: [(WebhookDeliveryRow, WebhookSubscriberRow)] = []
            let lease = now + Int64(policy.timeoutSeconds + 60) * 1_000
            for delivery in due {
                let rows = try await db.raw("""
                    UPDATE webhook_deliveries SET next_attempt_at = \(bind: lease)
                    WHERE id = \(bind: delivery.id) AND status = 'pending' AND next_attempt_at = \(bind: delivery.nextAttemptAt) RETURNING id
                    """).all()
                guard !rows.isEmpty,
                      let subscriber = try await db.row("SELECT * FROM webhook_subscribers WHERE id = \(bind: delivery.subscriberId)", as: WebhookSubscriberRow.self)
                else { continue }
                claimed.append((delivery, subscriber))
            }
            return claimed
        }
        for (delivery, subscriber) in claimed {
            // A shutdown leaves the rest claimed; their lease runs out and the next start sends them.
            if Task.isCancelled { break }
            let (status, error) = await self.send(delivery, to: subscriber, client: client, timeout: policy.timeoutSeconds)
            try await self.record(delivery, status: status, error: error, policy: policy)
        }
        return claimed.count
    }

    func send(_ delivery: WebhookDeliveryRow, to subscriber: WebhookSubscriberRow, client: HTTPClient, timeout: Int) async -> (Int64?, String?) {
        let body = Array(delivery.payload.utf8)
        let timestamp = Int64(self.platform.clock.now().timeIntervalSince1970)
        var request = HTTPClientRequest(url: subscriber.url)
        request.method = .POST
        request.headers.add(name: "Content-Type", value: "application/json")
        request.headers.add(name: "User-Agent", value: "Yiwang-Webhooks/1")
        request.headers.add(name: "Yiwang-Event", value: delivery.eventType)
        request.headers.add(name: "Yiwang-Delivery", value: delivery.id)
        request.headers.add(name: "Yiwang-Signature", value: WebhookSignature.header(secret: subscriber.secret, timestamp: timestamp, body: body))
        request.body = .bytes(ByteBuffer(bytes: body))
        do {
            let response = try await client.execute(request, timeout: .seconds(Int64(timeout)))
            _ = try? await response.body.collect(upTo: 64 * 1024)
            let code = Int64(response.status.code)
            return (code, (200..<300).contains(code) ? nil : "HTTP \(code)")
        } catch {
            return (nil, String(String(describing: error).prefix(300)))
        }
    }

    func record(_ delivery: WebhookDeliveryRow, status: Int64?, error: String?, policy: WebhookPolicy) async throws {
        let platform = self.platform
        let now = platform.nowMillis()
        let attempts = delivery.attempts + 1
        try await platform.engine.transaction { db in
            if error == nil {
                try await db.raw("""
                    UPDATE webhook_deliveries SET status = 'delivered', attempts = \(bind: attempts), last_status = \(bind: status), last_error = NULL,
                    delivered_at = \(bind: now) WHERE id = \(bind: delivery.id)
                    """).run()
            } else {
                let gaveUp = attempts >= Int64(policy.maxAttempts)
                let next = now + Int64(policy.delay(after: Int(attempts))) * 1_000
                try await db.raw("""
                    UPDATE webhook_deliveries SET status = \(bind: gaveUp ? "failed" : "pending"), attempts = \(bind: attempts), last_status = \(bind: status),
                    last_error = \(bind: error), next_attempt_at = \(bind: next) WHERE id = \(bind: delivery.id)
                    """).run()
            }
        }
    }
}

/// 事件推送服务 — sends due webhook deliveries every `interval` (`webhooks.seconds`), with AsyncHTTPClient.
struct WebhookDispatcher: Service {
    let platform: Platform
    let interval: Duration

    func run() async throws {
        while !Task.isCancelledOrShuttingDown {
            do {
                while try await self.platform.webhooks.deliverDue() == 50 {}
            } catch {
                self.platform.logger.error("webhooks: delivering failed: \(error)")
            }
            try? await Task.sleep(for: self.interval)
        }
    }
}
