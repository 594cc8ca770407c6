import SQLKit

extension AuctionService {
    /// The engine of a locked auction row as it stands after every accepted bid. Call it (never `decodedEngine`)
    /// wherever a locked path needs the current engine: the stored snapshot may lag behind the accepted bids.
    static func currentEngine(_ row: AuctionRow, on db: any SQLDatabase) async throws -> AuctionEngine {
        try row.decodedEngine()
    }
}
