/// 唱标内容 — what is read out for one opened bid: the price and the further opening-sheet fields.
///
/// The server fills it from the decrypted envelope (SealedBid's `OpeningSheet`); the price is integer fen.
public struct BidReadOut: Sendable, Codable, Equatable {
    /// The bid price, in fen with its currency.
    public var price: Money
    /// The promised duration (工期 or delivery period) in calendar days, when the tender asks for one.
    public var durationDays: UInt32?
    /// Further read-out fields, e.g. `质量标准` → `合格`.
    public var fields: [String: String]

    /// Makes the read-out of one bid.
    public init(price: Money, durationDays: UInt32? = nil, fields: [String: String] = [:]) {
        self.price = price
        self.durationDays = durationDays
        self.fields = fields
    }
}

/// Why one bid could not be decrypted, and whose fault that is (电子招标投标办法31, shared/RULES.md).
///
/// TradingCore does not import SealedBid; the server builds this from SealedBid's `OpeningError`:
/// `DecryptionFailure(fault: error.faultOfBidder ? .bidder : .platform, code: error.code, zh: error.zh, en: error.en)`.
public struct DecryptionFailure: Error, Sendable, Codable, Equatable {
    /// Who caused a decryption failure.
    public enum Fault: String, Sendable, Codable, CaseIterable {
        /// The evidence the bidder signed shows the bidder caused it: the bid is treated as revoked.
        case bidder
        /// The platform, a custodian or anything else: the bid is treated as withdrawn.
        case platform
    }

    /// Whose fault the failure is.
    public var fault: Fault
    /// The stable code of the cause, e.g. `opening-payload-decryption-failed`.
    public var code: String
    /// The cause in Chinese.
    public var zh: String
    /// The cause in English.
    public var en: String

    /// Describes one failure.
    public init(fault: Fault, code: String, zh: String, en: String) {
        self.fault = fault
        self.code = code
        self.zh = zh
        self.en = en
    }

    /// How the bid is treated: bidder's fault → revoked (撤销), otherwise → withdrawn (撤回).
    public var treatment: SetAsideTreatment {
        self.fault == .bidder ? .revoked : .withdrawn
    }
}

/// How a bid that could not be decrypted is treated (电子招标投标办法31).
public enum SetAsideTreatment: String, Sendable, Codable, CaseIterable {
    /// 视为撤销 — treated as revoked (the bidder caused the failure).
    case revoked
    /// 视为撤回 — treated as withdrawn (any other cause).
    case withdrawn

    /// The treatment in Chinese.
    public var nameZh: String {
        switch self {
        case .revoked: "视为撤销投标文件"
        case .withdrawn: "视为撤回投标文件"
        }
    }

    /// The treatment in English.
    public var nameEn: String {
        switch self {
        case .revoked: "Treated as revoked"
        case .withdrawn: "Treated as withdrawn"
        }
    }
}

/// The decision on one frozen bid at the opening.
public enum BidOutcome: Sendable, Codable, Equatable {
    /// The bid decrypted; this is what will be read out.
    case opened(BidReadOut)
    /// The bid could not be decrypted and is set aside (revoked or withdrawn, by the failure's fault).
    case setAside(DecryptionFailure)

    /// Decides from the server's decryption result.
    public init(_ result: Result<BidReadOut, DecryptionFailure>) {
        switch result {
        case .success(let readOut): self = .opened(readOut)
        case .failure(let failure): self = .setAside(failure)
        }
    }
}
