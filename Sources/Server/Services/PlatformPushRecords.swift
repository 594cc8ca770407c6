import Foundation
import Storage
import TradingCore

/// 推送校验报告 — the validation report of one push: per item its status and findings, and the totals. Returned with
/// the push and kept (`GET /api/v1/platforms/{code}/pushes/{id}`).
public struct PushReport: Sendable, Codable, Equatable {
    /// One item's outcome. `status`: `accepted` (new), `updated` (same item id, changed content), `duplicate` (same
    /// item id, same content: nothing changed) or `refused` (see `findings`).
    public struct Item: Sendable, Codable, Equatable {
        /// The item's position in the push (0-based).
        public var position: Int
        /// The platform's own id of the item, when it could be read.
        public var id: String?
        /// accepted, updated, duplicate or refused.
        public var status: String
        /// Every required field present.
        public var complete: Bool
        /// No refusing validity finding.
        public var valid: Bool
        /// nil when the catalog sets no time limit for the item or its dates are unusable.
        public var timely: Bool?
        /// The disclosure duty (catalog code) the item was timed against, and when it fell due.
        public var duty: String?
        /// When that duty fell due (RFC 3339).
        public var dueAt: String?
        /// The portal notice the item became (notices and results).
        public var noticeId: String?
        /// What the checks found (zh/en).
        public var findings: [PushCheck.Finding]
    }

    /// Totals over the push's items.
    public struct Summary: Sendable, Codable, Equatable {
        /// Items in the push.
        public var items = 0
        /// New items stored.
        public var accepted = 0
        /// Known items whose content changed.
        public var updated = 0
        /// Known items pushed again unchanged.
        public var duplicates = 0
        /// Items refused.
        public var refused = 0
        /// Every required field present.
        public var complete = 0
        /// No refusing validity finding.
        public var valid = 0
        /// Items published within their period.
        public var timely = 0
        /// Items published after it.
        public var late = 0
    }

    /// The push id.
    public var id: String
    /// The pushing platform's code.
    public var platform: String
    /// notices, results or deals.
    public var kind: String
    /// The server's receipt time (RFC 3339).
    public var receivedAt: String
    /// SHA-256 of the request body as received.
    public var bodySha256: String
    /// Index of the push's witness-log entry.
    public var logIndex: Int64
    /// Totals over the items.
    public var summary: Summary
    /// Each item's outcome, in push order.
    public var items: [Item]
}

/// A push as stored: the report as JSON plus the columns the quality figures need.
struct PlatformPushRow: Sendable, Codable, Equatable {
    var id: String
    var platformCode: String
    var kind: String
    var receivedAt: Int64
    var itemCount: Int64
    var accepted: Int64
    var refused: Int64
    var bodySha256: String
    var report: String
    var logIndex: Int64

    func decoded() throws -> PushReport {
        try JSONDecoder().decode(PushReport.self, from: Data(self.report.utf8))
    }
}

/// One item of a push as counted for data quality.
struct PlatformPushItemRow: Sendable, Codable, Equatable {
    var pushId: String
    var position: Int64
    var platformCode: String
    var kind: String
    var itemId: String?
    var status: String
    var complete: Int64
    var valid: Int64
    var timely: Int64?
    var receivedAt: Int64
}

/// The current state of an item a platform pushed (keyed by the platform's own id; idempotency).
struct PlatformItemRow: Sendable, Codable, Equatable {
    var platformCode: String
    var kind: String
    var itemId: String
    var projectCode: String
    var contentSha256: String
    var noticeId: String?
    var item: String
    var pushId: String
    var updatedAt: Int64
}
