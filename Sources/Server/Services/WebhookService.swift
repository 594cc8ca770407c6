import Foundation
import SQLKit
import Storage
import TradingCore

/// Webhooks (事件推送): subscribers with a URL and event types, registered by the operator (every event) or by a
/// connected platform with its push key (the events of its own pushes). Deliveries are outbox rows written with their
/// event (``WebhookOutbox``) and sent by ``WebhookDispatcher``; everyone who may see a subscriber sees its deliveries.
public struct WebhookService: Sendable {
    let platform: Platform

    /// What a subscriber registers.
    public struct Subscription: Sendable, Decodable {
        /// Where deliveries are POSTed (http or https).
        public var url: String
        /// Event types: `notice.published`, `result.published`, `deal.published`.
        public var events: [String]
    }

    /// Who asks: the operator (signed in) or a connected platform (its push key).
    public enum Requester: Sendable {
        case actor(Actor)
        case platform(code: String, authorization: String?)
    }

    /// Registers a subscriber; the answer carries its signing secret, shown this once.
    public func subscribe(_ form: Subscription, by requester: Requester) async throws -> WebhookSubscriberView {
        let (platformCode, createdBy) = try await self.owner(requester)
        let url = form.url.trimmingCharacters(in: .whitespaces)
        guard url.count <= 2_000, !url.unicodeScalars.contains("\u{0}"), let parsed = URL(string: url), ["http", "https"].contains(parsed.scheme?.lowercased() ?? ""), parsed.host?.isEmpty == false else {
            throw TradingError.invalid("webhook-url", zh: "回调地址须为 http(s) URL", en: "The webhook url must be an http(s) URL")
        }
        if platformCode != nil, parsed.scheme?.lowercased() != "https" || WebhookAddress.isInternal(parsed.host ?? "") {
            throw TradingError.invalid(
                "webhook-url-internal", zh: "分平台登记的回调地址须为公网 https 地址（不得指向本机或内网）",
                en: "A platform's webhook url must be a public https address (not loopback or a private network)"
            )
        }
        let events = Array(Set(form.events)).sorted()
        guard !events.isEmpty, events.allSatisfy(WebhookOutbox.eventTypes.contains) else {
            let all = WebhookOutbox.eventTypes.joined(separator: ", ")
            throw TradingError.invalid("webhook-events", zh: "事件类型须为：\(all)", en: "events must be among: \(all)")
        }
        let platform = self.platform
        return try await platform.engine.transaction { db in
            let id = Identifiers.make()
            let position = try await LogRecords.append(
                LogEvent(type: "webhook.subscribed", project: nil, actor: createdBy, time: platform.clock.now(),
                         data: ["subscriber": id, "urlSha256": Secrets.sha256(url), "events": events.joined(separator: ","), "platform": platformCode ?? ""]),
                on: db
            )
            let row = WebhookSubscriberRow(
                id: id, url: url, events: events.joined(separator: ","), secret: Secrets.make(prefix: "whsec_"), platformCode: platformCode,
                createdBy: createdBy, active: 1, createdAt: platform.nowMillis(), logIndex: position.index
            )
            try await db.insert("webhook_subscribers", row)
            return WebhookSubscriberView(row, showSecret: true)
        }
    }

    /// Stops deliveries to a subscriber (its pending deliveries are marked failed).
    public func unsubscribe(id: String, by requester: Requester) async throws -> WebhookSubscriberView {
        let (platformCode, actor) = try await self.owner(requester)
        let platform = self.platform
        return try await platform.engine.transaction { db in
            let row = try await Self.subscriber(id, visibleTo: platformCode, on: db)
            try await db.raw("UPDATE webhook_subscribers SET active = 0 WHERE id = \(bind: id)").run()
            try await db.raw("UPDATE webhook_deliveries SET status = 'failed', last_error = 'unsubscribed' WHERE subscriber_id = \(bind: id) AND status = 'pending'").run()
            _ = try await LogRecords.append(LogEvent(type: "webhook.unsubscribed", project: nil, actor: actor, time: platform.clock.now(), data: ["subscriber": id]), on: db)
            var stopped = row
            stopped.active = 0
            return WebhookSubscriberView(stopped)
        }
    }

    /// The subscribers the requester may see: all for the operator, its own for a platform.
    public func subscribers(by requester: Requester) async throws -> [WebhookSubscriberView] {
        let (platformCode, _) = try await self.owner(requester)
        return try await self.platform.engine.read { db in
            var query = SQLQueryString("SELECT * FROM webhook_subscribers")
            if let platformCode { query = query + " WHERE platform_code = \(bind: platformCode)" }
            return try await db.rows(query + " ORDER BY created_at, id", as: WebhookSubscriberRow.self).map { WebhookSubscriberView($0) }
        }
    }

    /// A subscriber's deliveries, newest first (at most 200).
    public func deliveries(subscriberID: String, by requester: Requester) async throws -> [WebhookDeliveryView] {
        let (platformCode, _) = try await self.owner(requester)
        return try await self.platform.engine.read { db in
            _ = try await Self.subscriber(subscriberID, visibleTo: platformCode, on: db)
            return try await db.rows(
                "SELECT * FROM webhook_deliveries WHERE subscriber_id = \(bind: subscriberID) ORDER BY created_at DESC, id DESC LIMIT 200", as: WebhookDeliveryRow.self
            ).map(WebhookDeliveryView.init)
        }
    }

    /// (platform code or nil for the operator, the name logged as actor).
    func owner(_ requester: Requester) async throws -> (String?, String) {
        switch requester {
        case .actor(let actor):
            guard actor.role == .operator else { throw TradingError.forbidden("只有交易中心或分平台可以管理订阅", en: "Only the operator or a connected platform manages webhooks") }
            return (nil, actor.logName)
        case .platform(let code, let authorization):
            let row = try await self.platform.connectedPlatforms.authenticate(code: code, authorization: authorization)
            return (row.code, "platform:\(row.code)")
        }
    }

    static func subscriber(_ id: String, visibleTo platformCode: String?, on db: any SQLDatabase) async throws -> WebhookSubscriberRow {
        guard let row = try await db.row("SELECT * FROM webhook_subscribers WHERE id = \(bind: id)", as: WebhookSubscriberRow.self),
              platformCode == nil || row.platformCode == platformCode
        else { throw TradingError.notFound("Subscriber", zh: "订阅") }
        return row
    }
}
