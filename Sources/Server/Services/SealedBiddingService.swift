import Foundation
import SQLKit
import SealedBid
import Storage
import TradingCore
import WitnessLog

/// 不见面开标 — sealed bids: bidders' keys, the custodian panel, envelope uploads, and (in `SealedOpening`) the
/// custodians' shares and the opening. The platform never holds a key that opens a bid before the custodians release.
public struct SealedBiddingService: Sendable {
    let platform: Platform

    /// A custodian as the tenderer names it: a display name, the account that will release its shares, its public key.
    public struct CustodianForm: Sendable, Codable {
        public var name: String
        public var username: String?
        public var publicKey: String

        public init(name: String, username: String?, publicKey: String) {
            self.name = name
            self.username = username
            self.publicKey = publicKey
        }
    }

    /// Registers (or replaces) the bidder's Ed25519 public key; every envelope it uploads must be signed by it.
    public func registerKey(_ text: String, by actor: Actor) async throws -> BidderKeyRow {
        guard actor.role == .bidder, let partyID = actor.partyID else { throw TradingError.forbidden("只有投标人可以登记签名公钥", en: "Only bidders register a signing key") }
        let key: BidderPublicKey
        do {
            key = try BidderPublicKey(text: text.trimmingCharacters(in: .whitespacesAndNewlines))
        } catch {
            throw TradingError.invalid("bidder-key", zh: "签名公钥格式不正确（应为 yiwang bidder keygen 生成的 .pub 内容）", en: "Not a bidder public key (use the .pub written by yiwang bidder keygen): \(error)")
        }
        let row = BidderKeyRow(partyId: partyID, accountId: actor.accountID, publicKey: key.text.trimmingCharacters(in: .whitespacesAndNewlines), registeredAt: self.platform.nowMillis())
        try await self.platform.engine.transaction { db in
            try await db.raw("DELETE FROM bidder_keys WHERE party_id = \(bind: partyID)").run()
            try await db.insert("bidder_keys", row)
            _ = try await LogRecords.append(
                LogEvent(type: "bidder.key-registered", project: nil, actor: actor.logName, time: self.platform.clock.now(),
                         data: ["keySha256": Hash.sha256(key.rawRepresentation).hex]),
                on: db
            )
        }
        return row
    }

    /// The published panel of a sealed project (k and the custodians' public keys in share order), which every bidder
    /// seals to; public, as the notice is. Nil when the project takes no sealed bids.
    public func panel(projectID: String) async throws -> (threshold: Int, custodians: [CustodianRow])? {
        try await self.platform.engine.read { db in
            guard let project = try await db.row("SELECT * FROM projects WHERE id = \(bind: projectID)", as: ProjectRow.self) else {
                throw TradingError.notFound("Project", zh: "项目")
            }
            guard let threshold = project.sealingThreshold else { return nil }
            return (Int(threshold), try await Self.panel(projectID: projectID, on: db))
        }
    }

    /// Names the custodian panel (开标密钥保管人) and threshold k of a draft project; sealed bids only from then on.
    public func setCustodians(projectID: String, threshold: Int, custodians: [CustodianForm], by actor: Actor) async throws -> [CustodianRow] {
        guard (2...9).contains(custodians.count), (1...custodians.count).contains(threshold) else {
            throw TradingError.invalid("custodian-panel", zh: "保管人须为2至9人，门限k须在1至保管人数之间", en: "A panel has 2–9 custodians and a threshold between 1 and their number")
        }
        var keys: [CustodianPublicKey] = []
        for custodian in custodians {
            guard !custodian.name.trimmingCharacters(in: .whitespaces).isEmpty else {
                throw TradingError.invalid("custodian-name", zh: "保管人名称不能为空", en: "Every custodian needs a name")
            }
            do { keys.append(try CustodianPublicKey(text: custodian.publicKey.trimmingCharacters(in: .whitespacesAndNewlines))) } catch {
                throw TradingError.invalid("custodian-key", zh: "保管人“\(custodian.name)”的公钥格式不正确", en: "The public key of custodian \"\(custodian.name)\" is malformed")
            }
        }
        do { _ = try CustodianPanel(custodians: keys, threshold: threshold) } catch {
            throw TradingError.invalid("custodian-panel", zh: "保管人公钥不能重复", en: "The panel is invalid: \(error)")
        }
        let now = self.platform.clock.now()
        let keyTexts = keys.map { $0.text.trimmingCharacters(in: .whitespacesAndNewlines) }
        return try await self.platform.engine.transaction { db in
            let project = try await TenderService.ownedProject(projectID, by: actor, on: db)
            guard project.published == 0 else {
                throw TradingError.conflict("panel-after-notice", zh: "招标公告发布后不能更改保管人", en: "The custodian panel cannot change after the notice is published")
            }
            var rows: [CustodianRow] = []
            for (position, form) in custodians.enumerated() {
                var accountID: String?
                if let username = form.username?.trimmingCharacters(in: .whitespaces), !username.isEmpty {
                    guard let account = try await db.row("SELECT * FROM accounts WHERE username = \(bind: username)", as: AccountRow.self) else {
                        throw TradingError.invalid("custodian-account", zh: "保管人账号\(username)不存在", en: "No account \(username) for a custodian")
                    }
                    accountID = account.id
                }
                rows.append(CustodianRow(id: Identifiers.make(), projectId: projectID, position: Int64(position), name: form.name, accountId: accountID, publicKey: keyTexts[position]))
            }
            try await db.raw("DELETE FROM custodians WHERE project_id = \(bind: projectID)").run()
            for row in rows { try await db.insert("custodians", row) }
            try await db.raw("UPDATE projects SET sealing_threshold = \(bind: Int64(threshold)) WHERE id = \(bind: projectID)").run()
            _ = try await LogRecords.append(
                LogEvent(type: "project.custodians-set", project: projectID, actor: actor.logName, time: now,
                         data: ["threshold": String(threshold), "custodians": Self.panelText(rows)]),
                on: db
            )
            return rows
        }
    }

    /// The panel of a project, in share order.
    static func panel(projectID: String, on db: any SQLDatabase) async throws -> [CustodianRow] {
        try await db.rows("SELECT * FROM custodians WHERE project_id = \(bind: projectID) ORDER BY position", as: CustodianRow.self)
    }

    /// `name=key;…` — how the panel is logged (with the project and again with the notice).
    static func panelText(_ rows: [CustodianRow]) -> String {
        rows.map { "\($0.name)=\($0.publicKey)" }.joined(separator: ";")
    }
}
