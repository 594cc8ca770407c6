/// Why a bidder's typed input (price, opening-sheet field, deadline) was refused before sealing.
public enum BidInputError: SealedBidError, Equatable {
    /// The price is not a plain decimal amount in yuan, e.g. `12,5`, `1e3`, `.5` or `abc`.
    case priceNotANumber(String)
    /// The price starts with a minus sign.
    case negativePrice(String)
    /// The price has more than two decimal places; the fen (分) is the smallest unit.
    case priceTooPrecise(String)
    /// The price in fen does not fit a signed 64-bit integer.
    case priceTooLarge(String)
    /// An opening-sheet field is not written `key=value`.
    case fieldWithoutEquals(String)
    /// An opening-sheet field has an empty key or an empty value.
    case emptyField(String)
    /// An opening-sheet key or value holds a control character (e.g. a line break).
    case fieldControlCharacter(key: String)
    /// An opening-sheet key is over 1 KiB or its value over 64 KiB (UTF-8).
    case fieldTooLong(key: String)
    /// The same opening-sheet key was given twice.
    case duplicateField(key: String)
    /// The deadline is not an RFC 3339 date-time with an offset.
    case deadlineNotRFC3339(String)
    /// The deadline has the right shape but names no real instant (month 13, 30 February, hour 24).
    case deadlineOutOfRange(String)

    public var code: String {
        switch self {
        case .priceNotANumber: "input-price-not-a-number"
        case .negativePrice: "input-price-negative"
        case .priceTooPrecise: "input-price-too-precise"
        case .priceTooLarge: "input-price-too-large"
        case .fieldWithoutEquals: "input-field-without-equals"
        case .emptyField: "input-field-empty"
        case .fieldControlCharacter: "input-field-control-character"
        case .fieldTooLong: "input-field-too-long"
        case .duplicateField: "input-field-duplicate"
        case .deadlineNotRFC3339: "input-deadline-not-rfc3339"
        case .deadlineOutOfRange: "input-deadline-out-of-range"
        }
    }

    public var en: String {
        switch self {
        case .priceNotANumber(let text):
            "The price \"\(text)\" is not an amount in yuan such as 1234 or 1234.56"
        case .negativePrice(let text):
            "The price \"\(text)\" is negative"
        case .priceTooPrecise(let text):
            "The price \"\(text)\" has more than 2 decimal places (the smallest unit is the fen)"
        case .priceTooLarge(let text):
            "The price \"\(text)\" is too large"
        case .fieldWithoutEquals(let text):
            "The opening-sheet field \"\(text)\" is not written key=value"
        case .emptyField(let text):
            "The opening-sheet field \"\(text)\" has an empty key or value"
        case .fieldControlCharacter(let key):
            "The opening-sheet field \"\(key)\" contains a control character such as a line break"
        case .fieldTooLong(let key):
            "The opening-sheet field \"\(key.prefix(40))\" is too long (key ≤ 1 KiB, value ≤ 64 KiB)"
        case .duplicateField(let key):
            "The opening-sheet field \"\(key)\" is given twice"
        case .deadlineNotRFC3339(let text):
            "The deadline \"\(text)\" is not an RFC 3339 time with an offset, such as 2026-09-14T09:30:00+08:00"
        case .deadlineOutOfRange(let text):
            "The deadline \"\(text)\" is not a real date and time"
        }
    }

    public var zh: String {
        switch self {
        case .priceNotANumber(let text):
            "投标报价“\(text)”格式错误，应为以元为单位的金额，如 1234 或 1234.56"
        case .negativePrice(let text):
            "投标报价“\(text)”不能为负数"
        case .priceTooPrecise(let text):
            "投标报价“\(text)”超过两位小数（最小单位为分）"
        case .priceTooLarge(let text):
            "投标报价“\(text)”过大"
        case .fieldWithoutEquals(let text):
            "开标一览表字段“\(text)”应写作 键=值"
        case .emptyField(let text):
            "开标一览表字段“\(text)”的键或值为空"
        case .fieldControlCharacter(let key):
            "开标一览表字段“\(key)”含有换行等控制字符"
        case .fieldTooLong(let key):
            "开标一览表字段“\(key.prefix(40))”过长（键不超过1 KiB，值不超过64 KiB）"
        case .duplicateField(let key):
            "开标一览表字段“\(key)”重复"
        case .deadlineNotRFC3339(let text):
            "投标截止时间“\(text)”不是带时区的 RFC 3339 时间，如 2026-09-14T09:30:00+08:00"
        case .deadlineOutOfRange(let text):
            "投标截止时间“\(text)”不是有效的日期时间"
        }
    }
}
