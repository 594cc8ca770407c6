import Foundation

/// 推送类型 — what a connected platform pushes: notices (公告), results (交易结果) or deals (成交/合同).
public enum PushKind: String, Sendable, Codable, CaseIterable {
    case notices
    case results
    case deals

    /// The webhook event an accepted item of this kind raises.
    public var event: String {
        switch self {
        case .notices: "notice.published"
        case .results: "result.published"
        case .deals: "deal.published"
        }
    }

    /// The kind in Chinese.
    public var nameZh: String {
        switch self {
        case .notices: "公告"
        case .results: "交易结果"
        case .deals: "成交/合同"
        }
    }
}

/// A market entity named in a pushed item: its name and unified social credit code.
public struct PushedParty: Sendable, Codable, Equatable {
    /// The entity's name.
    public var name: String?
    /// Its unified social credit code (统一社会信用代码).
    public var creditCode: String?

    /// A party.
    public init(name: String?, creditCode: String?) {
        self.name = name
        self.creditCode = creditCode
    }
}

/// 推送数据项 — one item of a push, as the connected platform sent it. Every field is optional here, so that a missing
/// field is reported per item (completeness) instead of refusing the whole push.
public struct PushedItem: Sendable, Codable, Equatable {
    /// The platform's own id of the item: re-pushing the same id updates the item (idempotency key).
    public var id: String?
    /// The project's unified deal code (统一交易标识码) on the connected platform.
    public var projectCode: String?
    /// The project's title (required with the first notice of a project).
    public var projectTitle: String?
    /// For notices: the notice kind (`NoticeKind`, e.g. `announcement`, `result`).
    public var noticeKind: String?
    /// The title as published.
    public var title: String?
    /// The text as published (plain text).
    public var body: String?
    /// Trading type code of the catalog (e.g. `engineering`, `procurement`).
    public var tradingType: String?
    /// Where the project lies; within the platform's region.
    public var region: String?
    /// 招标人/采购人/转让方.
    public var tenderer: PushedParty?
    /// 中标人/成交人 (results and deals).
    public var winner: PushedParty?
    /// Budget (notices), awarded amount (results) or contract amount (deals), in fen.
    public var amountFen: Int64?
    /// RFC 3339: when the step the item discloses happened (announcement decided, award, contract signed).
    public var eventAt: String?
    /// RFC 3339: when the connected platform published the item.
    public var publishedAt: String?

    /// An item; every field optional.
    public init(
        id: String? = nil, projectCode: String? = nil, projectTitle: String? = nil, noticeKind: String? = nil, title: String? = nil, body: String? = nil,
        tradingType: String? = nil, region: String? = nil, tenderer: PushedParty? = nil, winner: PushedParty? = nil, amountFen: Int64? = nil,
        eventAt: String? = nil, publishedAt: String? = nil
    ) {
        self.id = id
        self.projectCode = projectCode
        self.projectTitle = projectTitle
        self.noticeKind = noticeKind
        self.title = title
        self.body = body
        self.tradingType = tradingType
        self.region = region
        self.tenderer = tenderer
        self.winner = winner
        self.amountFen = amountFen
        self.eventAt = eventAt
        self.publishedAt = publishedAt
    }

    /// The kind of notice the item is or publishes: its `noticeKind` for notices, `result` for results; none for deals.
    public func disclosedNotice(_ kind: PushKind) -> String? {
        switch kind {
        case .notices: self.noticeKind
        case .results: NoticeKind.result.rawValue
        case .deals: nil
        }
    }
}

/// An item as decoded from a push: the item, or why its JSON could not be read (a wrong field type), so that one
/// malformed item is refused alone.
public struct PushedItemSlot: Sendable, Decodable {
    /// The item, when its JSON could be read.
    public var item: PushedItem?
    /// The field whose type was wrong, when it could not.
    public var malformed: String?

    /// Reads one item; a wrong field type is kept as `malformed`, not thrown.
    public init(from decoder: any Decoder) throws {
        do {
            self.item = try PushedItem(from: decoder)
        } catch let DecodingError.typeMismatch(_, context), let DecodingError.valueNotFound(_, context) {
            self.malformed = context.codingPath.last.map { $0.stringValue } ?? "item"
        } catch let DecodingError.dataCorrupted(context) {
            self.malformed = context.codingPath.last.map { $0.stringValue } ?? "item"
        }
    }
}
