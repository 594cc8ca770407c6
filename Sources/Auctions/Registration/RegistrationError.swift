import Foundation

/// Why a registration, a deposit confirmation or a numbering scheme was refused. Each case has a message in
/// Chinese (shown to bidders and operators) and in English.
public enum RegistrationError: Error, Hashable, Codable, Sendable {
    /// The registration id is already used in this auction.
    case duplicateRegistration(RegistrationID)
    /// The party has already registered for this auction.
    case partyAlreadyRegistered(partyID: String)
    /// No registration with this id.
    case unknownRegistration(RegistrationID)
    /// Registration (and deposit confirmation) closed at this instant.
    case registrationClosed(at: Date)
    /// The deposit of this registration was already confirmed.
    case depositAlreadyConfirmed(RegistrationID)
    /// Less than the required deposit was received.
    case depositTooLow(required: Fen, received: Fen)
    /// A pre-emption order must be 1 or more.
    case invalidPreemptionOrder(Int)
    /// The auction's numbering secret is shorter than `minimum` bytes.
    case secretTooShort(minimum: Int)
    /// Bidder numbers must have 1…18 digits.
    case numberLengthOutOfRange(Int)
    /// Every bidder number of this auction is taken.
    case noBidderNumberLeft(capacity: UInt64)

    /// 中文说明.
    public var chineseMessage: String {
        switch self {
        case .duplicateRegistration(let id): "登记编号 \(id) 已存在"
        case .partyAlreadyRegistered(let party): "竞买人 \(party) 已登记本场拍卖"
        case .unknownRegistration(let id): "未找到登记编号 \(id)"
        case .registrationClosed(let at): "竞买登记已于 \(at.shanghaiText) 截止"
        case .depositAlreadyConfirmed(let id): "登记 \(id) 的保证金已确认"
        case .depositTooLow(let required, let received):
            "保证金不足：应交 \(required.yuanText) 元，实收 \(received.yuanText) 元"
        case .invalidPreemptionOrder(let order): "优先购买权顺序 \(order) 无效，应为 1 或以上"
        case .secretTooShort(let minimum): "竞买号密钥不得少于 \(minimum) 字节"
        case .numberLengthOutOfRange(let digits): "竞买号位数 \(digits) 超出 1–18 位范围"
        case .noBidderNumberLeft(let capacity): "本场 \(capacity) 个竞买号已全部分配"
        }
    }

    /// English explanation.
    public var englishMessage: String {
        switch self {
        case .duplicateRegistration(let id): "Registration id \(id) is already used."
        case .partyAlreadyRegistered(let party): "Party \(party) has already registered for this auction."
        case .unknownRegistration(let id): "No registration with id \(id)."
        case .registrationClosed(let at): "Registration closed at \(at.shanghaiText)."
        case .depositAlreadyConfirmed(let id): "The deposit of registration \(id) was already confirmed."
        case .depositTooLow(let required, let received):
            "Deposit too low: CNY \(required.yuanText) required, CNY \(received.yuanText) received."
        case .invalidPreemptionOrder(let order): "Pre-emption order \(order) is invalid; it must be 1 or more."
        case .secretTooShort(let minimum): "The bidder-number secret must be at least \(minimum) bytes."
        case .numberLengthOutOfRange(let digits): "Bidder numbers of \(digits) digits are outside 1–18."
        case .noBidderNumberLeft(let capacity): "All \(capacity) bidder numbers of this auction are taken."
        }
    }
}
