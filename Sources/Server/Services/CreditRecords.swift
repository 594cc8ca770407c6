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
    public var id: String
    public var kind: String
    public var kindZh: String
    public var publisher: String
    public var entries: Int64
    public var sha256: String
    public var importedAt: String
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
    public var id: String
    public var partyId: String
    public var projectId: String?
    public var lotId: String?
    public var checkpoint: String
    public var listId: String
    public var messageZh: String
    public var messageEn: String
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
