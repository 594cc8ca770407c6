import Foundation
import PostgresNIO

extension PostgresEngine {
    /// LISTEN on `channel` on one connection of the pool and hand every notification's payload to `deliver`, until the
    /// task is cancelled (live rooms across server processes: a commit on any node NOTIFYs, every node's watchers wake).
    public func listen(channel: String, deliver: @escaping @Sendable (String) -> Void) async throws {
        try await self.client.withConnection { connection in
            try await connection.listen(on: channel) { notifications in
                for try await notification in notifications { deliver(notification.payload) }
            }
        }
    }
}
