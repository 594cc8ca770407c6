import Configuration
import Foundation
import TradingCore

/// Settings read once at start (CLI > environment > defaults); the README lists every key.
public struct AppConfiguration: Sendable {
    /// `yiwang.http.host` (YIWANG_HTTP_HOST), default 127.0.0.1.
    public var host: String
    /// `yiwang.http.port` (YIWANG_HTTP_PORT), default 8080.
    public var port: Int
    /// `yiwang.database.url` (YIWANG_DATABASE_URL): `postgres://…` or a SQLite path; default `<data>/yiwang.sqlite`.
    public var databaseURL: String?
    /// `yiwang.data.dir` (YIWANG_DATA_DIR): where the SQLite file and the file store live, default ./data.
    public var dataDirectory: String
    /// `yiwang.uploads.maxBytes` (YIWANG_UPLOADS_MAXBYTES), default 50 MiB.
    public var maxUploadBytes: Int
    /// `yiwang.auth.bcryptCost` (YIWANG_AUTH_BCRYPTCOST), default 12.
    public var bcryptCost: Int
    /// `yiwang.auth.sessionHours` (YIWANG_AUTH_SESSIONHOURS), default 12.
    public var sessionHours: Int
    /// `yiwang.scheduler.seconds` (YIWANG_SCHEDULER_SECONDS): how often due lots are opened, default 5; 0 turns it off.
    public var schedulerSeconds: Int
    /// `yiwang.opening.shareMinutes` (YIWANG_OPENING_SHAREMINUTES): how long after the deadline custodians have to release
    /// their shares before the opening shows as stalled, default 60.
    public var shareMinutes: Int = 60
    /// `yiwang.log.origin` (YIWANG_LOG_ORIGIN): the witness log's origin line and key name, default `yiwang.local/log`.
    public var logOrigin: String = "yiwang.local/log"
    /// `yiwang.log.keyFile` (YIWANG_LOG_KEYFILE): the log's Ed25519 signing key, created at first start with mode
    /// 0600; default `<data>/log.key`. Keep it out of the database and its backups.
    public var logKeyFile: String?
    /// `yiwang.log.witnesses` (YIWANG_LOG_WITNESSES): comma-separated `URL=VKEY` of witnesses to push checkpoints to.
    public var logWitnesses: [String] = []
    /// `yiwang.http.publicURL` (YIWANG_HTTP_PUBLICURL): the portal's public address for absolute links in Atom feeds and
    /// the sitemap, e.g. `https://ggzy.example.gov.cn`; default: taken from each request's Host header.
    public var publicURL: String?
    /// `yiwang.ocds.prefix` (YIWANG_OCDS_PREFIX): the OCDS ocid prefix, default `ocds-yw0000` (register a real one with the
    /// Open Contracting Partnership before publishing).
    public var ocidPrefix: String = "ocds-yw0000"
    /// `yiwang.credit.policy` (YIWANG_CREDIT_POLICY): the consequence of a match on each credit list at registration,
    /// bidding and the award — a CreditPolicy as JSON text or the path of a JSON file; default ``CreditPolicy/standard``.
    public var creditPolicyText: String?
    /// `yiwang.webhooks.seconds` (YIWANG_WEBHOOKS_SECONDS): how often due webhook deliveries are sent, default 5; 0 turns
    /// sending off (deliveries still queue). `yiwang.webhooks.maxAttempts` / `.baseSeconds` / `.capSeconds` /
    /// `.timeoutSeconds`: retries with exponential backoff (``WebhookPolicy``).
    public var webhookSeconds: Int = 5
    public var webhookPolicy = WebhookPolicy()

    public init(
        host: String = "127.0.0.1", port: Int = 8080, databaseURL: String? = nil, dataDirectory: String = "./data",
        maxUploadBytes: Int = 50 * 1024 * 1024, bcryptCost: Int = 12, sessionHours: Int = 12, schedulerSeconds: Int = 5
    ) {
        self.host = host
        self.port = port
        self.databaseURL = databaseURL
        self.dataDirectory = dataDirectory
        self.maxUploadBytes = maxUploadBytes
        self.bcryptCost = bcryptCost
        self.sessionHours = sessionHours
        self.schedulerSeconds = schedulerSeconds
    }

    /// Reads every key from `reader`, falling back to the defaults above.
    public init(reader: ConfigReader) {
        let defaults = AppConfiguration()
        self.init(
            host: reader.string(forKey: "yiwang.http.host", default: defaults.host),
            port: reader.int(forKey: "yiwang.http.port", default: defaults.port),
            databaseURL: reader.string(forKey: "yiwang.database.url"),
            dataDirectory: reader.string(forKey: "yiwang.data.dir", default: defaults.dataDirectory),
            maxUploadBytes: reader.int(forKey: "yiwang.uploads.maxBytes", default: defaults.maxUploadBytes),
            bcryptCost: reader.int(forKey: "yiwang.auth.bcryptCost", default: defaults.bcryptCost),
            sessionHours: reader.int(forKey: "yiwang.auth.sessionHours", default: defaults.sessionHours),
            schedulerSeconds: reader.int(forKey: "yiwang.scheduler.seconds", default: defaults.schedulerSeconds)
        )
        self.logOrigin = reader.string(forKey: "yiwang.log.origin", default: defaults.logOrigin)
        self.shareMinutes = reader.int(forKey: "yiwang.opening.shareMinutes", default: defaults.shareMinutes)
        self.logKeyFile = reader.string(forKey: "yiwang.log.keyFile")
        self.publicURL = reader.string(forKey: "yiwang.http.publicURL")
        self.ocidPrefix = reader.string(forKey: "yiwang.ocds.prefix", default: defaults.ocidPrefix)
        self.creditPolicyText = reader.string(forKey: "yiwang.credit.policy")
        self.webhookSeconds = reader.int(forKey: "yiwang.webhooks.seconds", default: defaults.webhookSeconds)
        self.webhookPolicy.maxAttempts = reader.int(forKey: "yiwang.webhooks.maxAttempts", default: defaults.webhookPolicy.maxAttempts)
        self.webhookPolicy.baseSeconds = reader.int(forKey: "yiwang.webhooks.baseSeconds", default: defaults.webhookPolicy.baseSeconds)
        self.webhookPolicy.capSeconds = reader.int(forKey: "yiwang.webhooks.capSeconds", default: defaults.webhookPolicy.capSeconds)
        self.webhookPolicy.timeoutSeconds = reader.int(forKey: "yiwang.webhooks.timeoutSeconds", default: defaults.webhookPolicy.timeoutSeconds)
        self.logWitnesses = (reader.string(forKey: "yiwang.log.witnesses") ?? "").split(separator: ",")
            .map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
    }

    /// The environment as a reader (YIWANG_DATABASE_URL → `yiwang.database.url`).
    public static func environment() -> AppConfiguration {
        AppConfiguration(reader: ConfigReader(provider: EnvironmentVariablesProvider()))
    }

    /// The database URL in force: the configured one, or the SQLite file under the data directory.
    public var effectiveDatabaseURL: String {
        self.databaseURL ?? URL(fileURLWithPath: self.dataDirectory).appendingPathComponent("yiwang.sqlite").path
    }

    /// The log key file in force: the configured one, or `log.key` under the data directory.
    public var effectiveLogKeyFile: String {
        self.logKeyFile ?? URL(fileURLWithPath: self.dataDirectory).appendingPathComponent("log.key").path
    }

    /// Every setting that is out of range, listed at once.
    public func problems() -> [String] {
        var problems: [String] = []
        if !(1...65535).contains(self.port) && self.port != 0 { problems.append("yiwang.http.port must be 0–65535") }
        if self.maxUploadBytes < 1024 { problems.append("yiwang.uploads.maxBytes must be at least 1024") }
        if !(4...31).contains(self.bcryptCost) { problems.append("yiwang.auth.bcryptCost must be 4–31") }
        if self.sessionHours < 1 { problems.append("yiwang.auth.sessionHours must be at least 1") }
        if self.schedulerSeconds < 0 { problems.append("yiwang.scheduler.seconds must be 0 or more") }
        if self.creditPolicyText != nil && self.creditPolicy == nil {
            problems.append("yiwang.credit.policy must be a CreditPolicy as JSON (text or a readable file)")
        }
        if self.webhookSeconds < 0 { problems.append("yiwang.webhooks.seconds must be 0 or more") }
        if self.webhookPolicy.maxAttempts < 1 || self.webhookPolicy.baseSeconds < 1 || self.webhookPolicy.capSeconds < self.webhookPolicy.baseSeconds
            || self.webhookPolicy.timeoutSeconds < 1 {
            problems.append("yiwang.webhooks.maxAttempts, baseSeconds and timeoutSeconds must be at least 1, capSeconds at least baseSeconds")
        }
        if self.shareMinutes < 1 { problems.append("yiwang.opening.shareMinutes must be at least 1") }
        if self.logOrigin.isEmpty || self.logOrigin.contains(where: { $0.isWhitespace || $0 == "+" }) {
            problems.append("yiwang.log.origin must be non-empty, without spaces or '+'")
        }
        if self.ocidPrefix.wholeMatch(of: /ocds-[A-Za-z0-9]{6}/) == nil { problems.append("yiwang.ocds.prefix must be ocds- and 6 letters or digits") }
        return problems
    }
}

extension AppConfiguration {
    /// The configured credit policy: `yiwang.credit.policy` as JSON text (starting with `{`) or a JSON file's path;
    /// nil when unset or unreadable (``problems()`` reports the latter).
    public var creditPolicy: CreditPolicy? {
        guard let text = self.creditPolicyText?.trimmingCharacters(in: .whitespacesAndNewlines), !text.isEmpty else { return nil }
        let data = text.hasPrefix("{") ? Data(text.utf8) : FileManager.default.contents(atPath: text)
        return data.flatMap { try? JSONDecoder().decode(CreditPolicy.self, from: $0) }
    }
}
