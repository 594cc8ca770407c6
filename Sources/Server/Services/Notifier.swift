import Foundation
import SQLKit
import Storage

/// A message to one expert (a draw invitation, a replacement).
public struct ExpertMessage: Sendable, Equatable {
    /// The expert's registry id.
    public var expertID: String
    /// Subject.
    public var subject: String
    /// Text.
    public var body: String
    /// A platform path the message refers to.
    public var link: String?

    /// Creates an ``ExpertMessage`` from its fields.
    public init(expertID: String, subject: String, body: String, link: String? = nil) {
        self.expertID = expertID
        self.subject = subject
        self.body = body
        self.link = link
    }
}

/// 通知 — how experts are told they were drawn. Runs inside the caller's transaction, so a notification exists
/// exactly when the change that caused it does; an SMS or e-mail notifier would queue its message here and send
/// it after the commit.
public protocol Notifier: Sendable {
    /// Delivers (or queues) `message` inside the current transaction.
    func notify(_ message: ExpertMessage, on db: any SQLDatabase) async throws
}

/// 站内信 — the in-platform notifier: one row in the expert's inbox (`GET /api/v1/my/inbox`).
public struct InboxNotifier: Notifier {
    let platform: Platform

    /// Writes the message to the expert's inbox.
    public func notify(_ message: ExpertMessage, on db: any SQLDatabase) async throws {
        try await db.insert("inbox_messages", InboxMessageRow(
            id: Identifiers.make(), expertId: message.expertID, subject: message.subject, body: message.body, link: message.link,
            createdAt: self.platform.nowMillis()
        ))
    }
}
