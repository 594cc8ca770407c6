import Auctions
import Foundation
import TradingCore

/// How the auction module's refusals reach the user: a ``TradingError`` (problem details, Chinese and English).
extension AuctionRejection {
    /// The stable code of the refusal.
    var code: String {
        switch self {
        case .notOpenYet: "auction-not-open"
        case .closed: "auction-closed"
        case .invalidAmount: "bid-amount-invalid"
        case .belowMinimum: "bid-below-minimum"
        case .notOnIncrementLadder: "bid-off-increment"
        case .raiseTooLarge: "bid-raise-too-large"
        case .cannotOutrankLeader: "preemption-cannot-outrank"
        case .depositNotPaid: "deposit-not-confirmed"
        case .clientBidIDReused: "client-bid-id-reused"
        case .belowClockPrice: "bid-below-clock"
        case .notYourTurn: "not-your-turn"
        case .reductionTooSmall: "reduction-too-small"
        case .notAParticipant: "not-a-participant"
        case .wrongPhase: "wrong-phase"
        }
    }

    /// 409 when the auction's state refuses it (closed, not open, reused id), else 422 (the amount breaks a rule).
    var tradingError: TradingError {
        let kind: TradingError.Kind =
            switch self {
            case .notOpenYet, .closed, .clientBidIDReused, .depositNotPaid, .wrongPhase, .notYourTurn: .conflict
            default: .invalid
            }
        return TradingError(kind, code: self.code, zh: self.chineseMessage, en: self.englishMessage)
    }
}

extension InvalidAuctionRules {
    var tradingError: TradingError {
        .invalid(
            "auction-rules-invalid", zh: self.violations.map(\.chineseMessage).joined(separator: "；"),
            en: self.violations.map(\.englishMessage).joined(separator: " ")
        )
    }
}

extension RegistrationError {
    var tradingError: TradingError {
        .conflict("auction-registration-refused", zh: self.chineseMessage, en: self.englishMessage)
    }
}

extension RelistingRefusal {
    var tradingError: TradingError {
        .conflict("relisting-refused", zh: self.chineseMessage, en: self.englishMessage)
    }
}

extension TradingError {
    static let auctionNotFound = TradingError.notFound("Auction", zh: "竞价")
}
