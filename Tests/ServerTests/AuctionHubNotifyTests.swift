import Testing

@testable import Server

/// The hub's NOTIFY handling: another process's commit rings the room; this process's own commit does not (its
/// publication rings), even when the NOTIFY arrives before the publication.
@Suite("Online auction hub: NOTIFY payloads of this process are not rung, those of another process are")
struct AuctionHubNotifyTests {
    @Test("own payload before the publication: no ring; another process's payload: one ring")
    func ownOriginIgnored() {
        let hub = AuctionHub()
        let other = AuctionHub()
        let before = hub.generation("auction-1")
        hub.notified(hub.payload("auction-1", seq: 7))
        #expect(hub.generation("auction-1") == before)
        hub.notified(other.payload("auction-1", seq: 7))
        #expect(hub.generation("auction-1") == before + 1)
    }

    @Test("a payload without an origin (an older server) still rings when its seq is not kept")
    func legacyPayloadRings() {
        let hub = AuctionHub()
        hub.notified("auction-2:3")
        #expect(hub.generation("auction-2") == 1)
    }
}
