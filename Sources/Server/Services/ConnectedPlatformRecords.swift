import Crypto
import Foundation
import Storage
import TradingCore

/// 分平台 — a connected trading platform as stored.
struct ConnectedPlatformRow: Sendable, Codable, Equatable {
    var code: String
    var nameZh: String
    var nameEn: String
    var region: String
    /// Trading types it may push, comma-separated.
    var tradingTypes: String
    /// The party (kind `centre`) that stands as the source of its pushed projects.
    var partyId: String
    var active: Int64
    var createdBy: String
    var createdAt: Int64
    var logIndex: Int64

    var types: [String] { self.tradingTypes.split(separator: ",").map(String.init) }
}

/// A push key as stored: its SHA-256 and a hint (the first characters), never the key.
struct PlatformKeyRow: Sendable, Codable, Equatable {
    var id: String
    var platformCode: String
    var keyHash: String
    var hint: String
    var createdAt: Int64
    var revokedAt: Int64?
}

/// A connected platform as the API shows it.
public struct ConnectedPlatformView: Sendable, Codable, Equatable {
    /// The platform code (分平台代码).
    public var code: String
    /// The name in Chinese.
    public var nameZh: String
    /// The name in English.
    public var nameEn: String
    /// Its region; pushed items must lie within it.
    public var region: String
    /// Trading types it may push.
    public var tradingTypes: [String]
    /// False once deactivated.
    public var active: Bool
    /// When it was registered (RFC 3339).
    public var createdAt: String
    /// The hint of the active key (its first characters), if one is active.
    public var keyHint: String?

    init(_ row: ConnectedPlatformRow, key: PlatformKeyRow?) {
        self.code = row.code
        self.nameZh = row.nameZh
        self.nameEn = row.nameEn
        self.region = row.region
        self.tradingTypes = row.types
        self.active = row.active == 1
        self.createdAt = Timestamps.rfc3339(Timestamps.date(row.createdAt))
        self.keyHint = key?.hint
    }
}

/// A newly issued push key: shown once, stored only as its SHA-256.
public struct IssuedPlatformKey: Sendable, Codable, Equatable {
    /// The platform the key belongs to.
    public var platform: ConnectedPlatformView
    /// `ywp_…`: send as `Authorization: Bearer <key>` with every push. Not shown again.
    public var key: String
    /// Witness-log index of the registration or the key's issue.
    public var logIndex: Int64
}
