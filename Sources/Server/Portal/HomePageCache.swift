import Hummingbird
import Synchronization

/// The anonymous home page, kept until the trading record changes.
///
/// Every change to what the home page shows (a notice, a catalog entry) is one transaction with its witness-log entry,
/// so the log's size, read off its key, says whether the page kept is still the page that would be drawn; the day is
/// part of the key for the footer's year. Signed-in visitors (their name in the header) and confirmations
/// (`?done=…`) always get a fresh page.
final class HomePageCache: Sendable {
    private let kept = Mutex<(key: String, page: ByteBuffer)?>(nil)

    /// The kept page if its key is `key`, else the page `draw` makes, kept under `key`.
    func page(key: String, draw: () async throws -> ByteBuffer) async throws -> Response {
        let page: ByteBuffer
        if let hit = self.kept.withLock({ $0?.key == key ? $0?.page : nil }) {
            page = hit
        } else {
            page = try await draw()
            self.kept.withLock { $0 = (key, page) }
        }
        return PortalRenderer.response(page)
    }
}
