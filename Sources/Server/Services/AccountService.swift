import Crypto
import Foundation
import HummingbirdBcrypt
import NIOPosix
import SQLKit
import Storage
import TradingCore

/// 统一身份认证 — one account, one login, every service (一次登录、全网办理).
public struct AccountService: Sendable {
    let platform: Platform

    /// What a new enterprise submits to register (企业注册).
    public struct EnterpriseRegistration: Sendable, Codable {
        public var name: String
        public var creditCode: String
        public var username: String
        public var password: String
        /// `bidder`, `tenderer` or `agency`.
        public var role: String

        public init(name: String, creditCode: String, username: String, password: String, role: String) {
            self.name = name
            self.creditCode = creditCode
            self.username = username
            self.password = password
            self.role = role
        }
    }

    /// The registered party and its first account; `creditReview` is set when the check failed (manual review).
    public struct Registered: Sendable, Codable {
        public var party: PartyView
        public var account: AccountView
    }

    /// Registers an enterprise and its first account. A failed credit-code check registers the party
    /// flagged for manual review (RULES.md), with the reason; a malformed code is refused.
    public func registerEnterprise(_ form: EnterpriseRegistration) async throws -> Registered {
        guard let role = Role(rawValue: form.role), [.bidder, .tenderer, .agency].contains(role) else {
            throw TradingError.invalid("role", zh: "自助注册的角色只能是投标人、招标人或代理机构", en: "Self-registration is for bidders, tenderers and agencies only")
        }
        let name = form.name.trimmingCharacters(in: .whitespacesAndNewlines)
        guard (2...100).contains(name.count) else {
            throw TradingError.invalid("party-name", zh: "单位名称应为2至100个字", en: "The entity name must be 2–100 characters")
        }
        let code = try CreditCode(form.creditCode)
        let (status, reason): (String, String?) = switch code.verdict {
        case .valid: ("valid", nil)
        case .flagged(let zh, let en): ("flagged", "\(zh) / \(en)")
        }
        let now = self.platform.nowMillis()
        let party = PartyRow(id: Identifiers.make(), name: name, kind: "enterprise", creditCode: code.text, creditStatus: status, creditFlagReason: reason, createdAt: now)
        let account = try await self.newAccount(username: form.username, password: form.password, role: role, partyID: party.id, displayName: name)
        try await self.platform.engine.transaction { db in
            if try await db.row("SELECT id FROM parties WHERE credit_code = \(bind: code.text)", as: IDRow.self) != nil {
                throw TradingError.conflict("credit-code-taken", zh: "该统一社会信用代码已注册", en: "This credit code is already registered")
            }
            try await Self.ensureUsernameFree(account.username, on: db)
            try await db.insert("parties", party)
            try await db.insert("accounts", account)
            _ = try await LogRecords.append(
                LogEvent(type: "party.registered", project: nil, actor: account.id, time: self.platform.clock.now(),
                         data: ["party": party.id, "creditCode": code.text, "creditStatus": status]),
                on: db
            )
        }
        return Registered(party: PartyView(party), account: AccountView(account))
    }

    /// Creates an account for an existing party (or none, for platform staff); used by operators and the demo seed.
    public func createAccount(username: String, password: String, role: Role, partyID: String?, displayName: String, by actor: Actor) async throws -> AccountView {
        guard actor.role == .operator else { throw TradingError.forbidden() }
        let account = try await self.newAccount(username: username, password: password, role: role, partyID: partyID, displayName: displayName)
        try await self.platform.engine.transaction { db in
            try await Self.ensureUsernameFree(account.username, on: db)
            try await db.insert("accounts", account)
            _ = try await LogRecords.append(
                LogEvent(type: "account.created", project: nil, actor: actor.logName, time: self.platform.clock.now(), data: ["account": account.id, "role": role.rawValue]),
                on: db
            )
        }
        return AccountView(account)
    }

    /// Creates a party without an account (the trading centre, an authority), recording it in the log.
    public func createParty(name: String, kind: String, creditCode: String?, by actor: Actor) async throws -> PartyView {
        guard actor.role == .operator else { throw TradingError.forbidden() }
        var status: String = "none"
        var reason: String?
        var text: String?
        if let creditCode {
            let code = try CreditCode(creditCode)
            text = code.text
            if case .flagged(let zh, let en) = code.verdict { status = "flagged"; reason = "\(zh) / \(en)" } else { status = "valid" }
        }
        let party = PartyRow(id: Identifiers.make(), name: name, kind: kind, creditCode: text, creditStatus: status, creditFlagReason: reason, createdAt: self.platform.nowMillis())
        let creditStatus = status
        try await self.platform.engine.transaction { db in
            try await db.insert("parties", party)
            _ = try await LogRecords.append(
                LogEvent(type: "party.registered", project: nil, actor: actor.logName, time: self.platform.clock.now(), data: ["party": party.id, "creditStatus": creditStatus]),
                on: db
            )
        }
        return PartyView(party)
    }

    /// Checks a password and opens a session; returns the bearer token (also used as the portal cookie).
    public func login(username: String, password: String) async throws -> (token: String, actor: Actor) {
        let name = username.trimmingCharacters(in: .whitespaces).lowercased()
        let account = try await self.platform.engine.read { db in
            try await db.row("SELECT * FROM accounts WHERE username = \(bind: name)", as: AccountRow.self)
        }
        let hash = account?.passwordHash ?? "$2b$04$invalidinvalidinvalidinuIIr0e9H8kJ3fF8e6l2Ar4X9p3m1oC"
        let matches = try await NIOThreadPool.singleton.runIfActive { Bcrypt.verify(password, hash: hash) }
        guard let account, matches else {
            throw TradingError(.unauthenticated, code: "bad-credentials", zh: "用户名或密码错误", en: "Wrong username or password")
        }
        let token = Secrets.make()
        let now = self.platform.nowMillis()
        let session = SessionRow(tokenHash: Secrets.sha256(token), accountId: account.id, createdAt: now, expiresAt: now + Int64(self.platform.settings.sessionHours) * 3_600_000)
        try await self.platform.engine.transaction { db in
            try await db.insert("sessions", session)
        }
        return (token, Self.actor(account))
    }

    /// The account a token belongs to, if the session is still valid.
    public func authenticate(token: String) async throws -> Actor? {
        guard !token.isEmpty, token.count < 200 else { return nil }
        let hash = Secrets.sha256(token)
        let now = self.platform.nowMillis()
        let account = try await self.platform.engine.read { db in
            try await db.row(
                "SELECT a.* FROM sessions s JOIN accounts a ON a.id = s.account_id WHERE s.token_hash = \(bind: hash) AND s.expires_at > \(bind: now)",
                as: AccountRow.self
            )
        }
        return account.map(Self.actor)
    }

    public func logout(token: String) async throws {
        let hash = Secrets.sha256(token)
        try await self.platform.engine.transaction { db in
            try await db.raw("DELETE FROM sessions WHERE token_hash = \(bind: hash)").run()
        }
    }

    public func party(_ id: String) async throws -> PartyView? {
        try await self.platform.engine.read { db in
            try await db.row("SELECT * FROM parties WHERE id = \(bind: id)", as: PartyRow.self).map(PartyView.init)
        }
    }

    /// Parties of a kind of role, for pickers (e.g. tenderers an agency acts for).
    public func parties(kind: String) async throws -> [PartyView] {
        try await self.platform.engine.read { db in
            try await db.rows("SELECT * FROM parties WHERE kind = \(bind: kind) ORDER BY name", as: PartyRow.self).map(PartyView.init)
        }
    }

    func newAccount(username: String, password: String, role: Role, partyID: String?, displayName: String) async throws -> AccountRow {
        let name = username.trimmingCharacters(in: .whitespaces).lowercased()
        guard (3...32).contains(name.count), name.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "_" || $0 == "-" || $0 == ".") }) else {
            throw TradingError.invalid("username", zh: "用户名应为3至32位字母、数字或“_-.”", en: "A username is 3–32 letters, digits, '_', '-' or '.'")
        }
        guard (8...128).contains(password.count) else {
            throw TradingError.invalid("password", zh: "密码长度应为8至128位", en: "A password must be 8–128 characters")
        }
        let cost = self.platform.settings.bcryptCost
        let hash = try await NIOThreadPool.singleton.runIfActive { Bcrypt.hash(password, cost: cost) }
        return AccountRow(id: Identifiers.make(), username: name, passwordHash: hash, role: role.rawValue, partyId: partyID, displayName: displayName, createdAt: self.platform.nowMillis())
    }

    static func ensureUsernameFree(_ username: String, on db: any SQLDatabase) async throws {
        if try await db.row("SELECT id FROM accounts WHERE username = \(bind: username)", as: IDRow.self) != nil {
            throw TradingError.conflict("username-taken", zh: "用户名已被使用", en: "This username is taken")
        }
    }

    static func actor(_ row: AccountRow) -> Actor {
        Actor(accountID: row.id, username: row.username, role: Role(rawValue: row.role) ?? .bidder, partyID: row.partyId, displayName: row.displayName)
    }
}

struct IDRow: Decodable { var id: String }
