import Foundation

/// The accepted bids of one auction, their sequence numbers, and the acknowledgements kept for idempotency.
struct BidLedger: Hashable, Codable, Sendable {
    private struct Key: Hashable, Codable, Sendable {
        var bidder: BidderID
        var clientBidID: String
    }

    private struct Receipt: Hashable, Codable, Sendable {
        var requestedAmount: Fen
        var acknowledgement: BidAcknowledgement
    }

    private(set) var bids: [AuctionBid] = []
    private var receipts: [Key: Receipt] = [:]

    /// If this `(bidder, clientBidID)` was accepted before: the original acknowledgement, or a rejection when the
    /// id now carries a different amount. `nil` for a new bid.
    func replay(of request: BidRequest) -> AuctionEffect? {
        let key = Key(bidder: request.bidder, clientBidID: request.clientBidID)
        guard let receipt = self.receipts[key] else { return nil }
        guard receipt.requestedAmount == request.amount else {
            return .bidRejected(
                BidRejection(clientBidID: request.clientBidID, bidder: request.bidder, reason: .clientBidIDReused)
            )
        }
        return .bidReplayed(receipt.acknowledgement)
    }

    /// Records an accepted bid and gives it the next sequence number.
    mutating func append(_ request: BidRequest, amount: Fen, time: Date, kind: AuctionBid.Kind) -> AuctionBid {
        let bid = AuctionBid(
            sequence: self.bids.count + 1,
            clientBidID: request.clientBidID,
            bidder: request.bidder,
            amount: amount,
            time: time,
            kind: kind
        )
        self.bids.append(bid)
        return bid
    }

    /// Keeps the acknowledgement so that a resent request gets it back unchanged.
    private mutating func remember(_ acknowledgement: BidAcknowledgement, for request: BidRequest) {
        let key = Key(bidder: request.bidder, clientBidID: request.clientBidID)
        self.receipts[key] = Receipt(requestedAmount: request.amount, acknowledgement: acknowledgement)
    }

    /// The answer to `request` that needs no rule of the auction: the original acknowledgement when the
    /// `(bidder, clientBidID)` was accepted before (or a refusal when that id now carries another amount), else a
    /// refusal while the window is not open. Nil when the request must be judged by the auction's rules.
    func screen(_ request: BidRequest, window: BiddingWindow) -> AuctionEffect? {
        if let replay = self.replay(of: request) { return replay }
        return window.rejection.map(request.rejected)
    }

    /// Builds the acknowledgement of an accepted `bid` and keeps it, so that resending `request` returns it
    /// unchanged.
    mutating func acknowledge(
        _ bid: AuctionBid,
        of request: BidRequest,
        standingPrice: Fen,
        isLeading: Bool,
        endsAt: Date?
    ) -> BidAcknowledgement {
        let acknowledgement = BidAcknowledgement(
            clientBidID: request.clientBidID,
            bidder: request.bidder,
            sequence: bid.sequence,
            amount: bid.amount,
            receivedAt: bid.time,
            standingPrice: standingPrice,
            isLeading: isLeading,
            endsAt: endsAt
        )
        self.remember(acknowledgement, for: request)
        return acknowledgement
    }

    /// Everyone who has an accepted bid.
    var bidders: Set<BidderID> {
        Set(self.bids.map(\.bidder))
    }
}

extension BidRequest {
    func rejected(_ reason: AuctionRejection) -> AuctionEffect {
        .bidRejected(BidRejection(clientBidID: self.clientBidID, bidder: self.bidder, reason: reason))
    }
}

extension AuctionEffect {
    /// What an ascending auction tells the bidder and the room about an accepted raise: the acknowledgement and
    /// the new standing price (the bidder stays anonymous).
    static func raiseAccepted(_ acknowledgement: BidAcknowledgement) -> [AuctionEffect] {
        [
            .bidAccepted(acknowledgement),
            .announce(.standingPrice(acknowledgement.standingPrice, sequence: acknowledgement.sequence)),
        ]
    }
}
