import Foundation
import Storage
import TradingCore

/// The body of a webhook delivery: what was published, by whom, with the item as pushed (for pushes) and the notice's
/// portal URL.
struct WebhookEvent: Sendable, Codable, Equatable {
    /// `notice.published`, `result.published` or `deal.published`.
    var type: String
    /// The connected platform that pushed it; nil for the platform's own notices.
    var platform: String?
    var itemId: String?
    var projectCode: String?
    var projectId: String?
    /// The lot (the platform's own contracts).
    var lotId: String?
    var noticeId: String?
    var url: String?
    var title: String?
    var item: PushedItem?
    /// True when a re-push changed an item published before.
    var update: Bool

    init(type: String, platform: String?, itemId: String? = nil, projectCode: String? = nil, projectId: String? = nil, lotId: String? = nil, noticeId: String?,
         url: String?, title: String? = nil, item: PushedItem? = nil, update: Bool = false) {
        self.lotId = lotId
        self.type = type
        self.platform = platform
        self.itemId = itemId
        self.projectCode = projectCode
        self.projectId = projectId
        self.noticeId = noticeId
        self.url = url
        self.title = title
        self.item = item
        self.update = update
    }
}

/// 订阅方 — a webhook subscriber as stored. The secret is kept (it signs every delivery); it is shown once.
struct WebhookSubscriberRow: Sendable, Codable, Equatable {
    var id: String
    var url: String
    /// Event types, comma-separated.
    var events: String
    var secret: String
    /// The connected platform that registered it (it then sees only its own subscribers); nil: the operator's.
    var platformCode: String?
    var createdBy: String
    var active: Int64
    var createdAt: Int64
    var logIndex: Int64

    var eventTypes: [String] { self.events.split(separator: ",").map(String.init) }
}

/// One delivery (outbox row): written in the transaction of the event, then sent and retried by ``WebhookDispatcher``.
struct WebhookDeliveryRow: Sendable, Codable, Equatable {
    var id: String
    var subscriberId: String
    var eventType: String
    var payload: String
    /// `pending`, `delivered` or `failed` (gave up after the last attempt).
    var status: String
    var attempts: Int64
    var nextAttemptAt: Int64
    var lastStatus: Int64?
    var lastError: String?
    var createdAt: Int64
    var deliveredAt: Int64?
}

/// A subscriber as the API shows it (never the secret, except once at creation).
public struct WebhookSubscriberView: Sendable, Codable, Equatable {
    /// The id.
    public var id: String
    /// Where deliveries are POSTed.
    public var url: String
    /// Event types it receives.
    public var events: [String]
    /// The connected platform that registered it, if any.
    public var platform: String?
    /// False once unsubscribed.
    public var active: Bool
    /// When it was registered (RFC 3339).
    public var createdAt: String
    /// Only in the answer to the registration: HMAC-SHA256 key of the `Yiwang-Signature` header.
    public var secret: String?

    init(_ row: WebhookSubscriberRow, showSecret: Bool = false) {
        self.id = row.id
        self.url = row.url
        self.events = row.eventTypes
        self.platform = row.platformCode
        self.active = row.active == 1
        self.createdAt = Timestamps.rfc3339(Timestamps.date(row.createdAt))
        self.secret = showSecret ? row.secret : nil
    }
}

/// A delivery as the API shows it.
public struct WebhookDeliveryView: Sendable, Codable, Equatable {
    /// The id.
    public var id: String
    /// The subscriber.
    public var subscriberId: String
    /// The event type.
    public var eventType: String
    /// pending, delivered or failed.
    public var status: String
    /// Attempts made.
    public var attempts: Int
    /// When the next attempt is due (pending only).
    public var nextAttemptAt: String?
    /// HTTP status of the last attempt.
    public var lastStatus: Int?
    /// Why the last attempt failed.
    public var lastError: String?
    /// When the delivery was created with its event (RFC 3339).
    public var createdAt: String
    /// When a 2xx answer came.
    public var deliveredAt: String?
    /// The JSON body sent.
    public var payload: String

    init(_ row: WebhookDeliveryRow) {
        self.id = row.id
        self.subscriberId = row.subscriberId
        self.eventType = row.eventType
        self.status = row.status
        self.attempts = Int(row.attempts)
        self.nextAttemptAt = row.status == "pending" ? Timestamps.rfc3339(Timestamps.date(row.nextAttemptAt)) : nil
        self.lastStatus = row.lastStatus.map(Int.init)
        self.lastError = row.lastError
        self.createdAt = Timestamps.rfc3339(Timestamps.date(row.createdAt))
        self.deliveredAt = row.deliveredAt.map { Timestamps.rfc3339(Timestamps.date($0)) }
        self.payload = row.payload
    }
}
