import Foundation
import Storage
import TradingCore

/// 信用名单 — an imported credit list as stored.
struct CreditListRow: Sendable, Codable, Equatable {
    var id: String
    var kind: String
    var publisher: String
    var entryCount: Int64
    /// SHA-256 of the imported file (logged with the import).
    var sha256: String
    var importedBy: String
    var importedAt: Int64
    var logIndex: Int64
}

/// One stored entry of a list: the decoded ``CreditListEntry`` as JSON.
struct CreditEntryRow: Sendable, Codable {
    var listId: String
    var entry: String
}

/// 信用核查记录 — a match flagged for review at a checkpoint.
struct CreditFindingRow: Sendable, Codable, Equatable {
    var id: String
    var partyId: String
    var projectId: String?
    var lotId: String?
    var checkpoint: String
    var listId: String
    var consequence: String
    var messageZh: String
    var messageEn: String
    var createdAt: Int64
    var logIndex: Int64
}

/// A credit list as the API shows it.
public struct CreditListView: Sendable, Codable, Equatable {
    /// The identifier.
    public var id: String
    /// The kind (raw value).
    public var kind: String
    /// The kind in Chinese.
    public var kindZh: String
    /// Who publishes the list.
    public var publisher: String
    /// How many entries it holds.
    public var entries: Int64
    /// SHA-256 of the imported file.
    public var sha256: String
    /// When it was imported (RFC 3339).
    public var importedAt: String
    /// Where its log entry landed.
    public var logIndex: Int64

    init(_ row: CreditListRow) {
        self.id = row.id
        self.kind = row.kind
        self.kindZh = CreditListKind(rawValue: row.kind)?.nameZh ?? row.kind
        self.publisher = row.publisher
        self.entries = row.entryCount
        self.sha256 = row.sha256
        self.importedAt = Timestamps.rfc3339(Timestamps.date(row.importedAt))
        self.logIndex = row.logIndex
    }
}

/// A credit match flagged for review, as the API shows it.
public struct CreditFindingView: Sendable, Codable, Equatable {
    /// The identifier.
    public var id: String
    /// The party checked.
    public var partyId: String
    /// The project.
    public var projectId: String?
    /// The lot.
    public var lotId: String?
    /// `registration`, `bidding` or `award`.
    public var checkpoint: String
    /// The list matched.
    public var listId: String
    /// The finding in Chinese, naming the list.
    public var messageZh: String
    /// The finding in English, naming the list.
    public var messageEn: String
    /// When it was made (RFC 3339).
    public var createdAt: String

    init(_ row: CreditFindingRow) {
        self.id = row.id
        self.partyId = row.partyId
        self.projectId = row.projectId
        self.lotId = row.lotId
        self.checkpoint = row.checkpoint
        self.listId = row.listId
        self.messageZh = row.messageZh
        self.messageEn = row.messageEn
        self.createdAt = Timestamps.rfc3339(Timestamps.date(row.createdAt))
    }
}
