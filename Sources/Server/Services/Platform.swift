import Foundation
import Logging
import Storage
import TradingCore

/// Everything the services share: the database, the file store, the clock and the calendar.
public struct Platform: Sendable {
    public let engine: any DatabaseEngine
    public let files: FileStore
    public let clock: any TradingClock
    public let calendar: TradingCalendar
    public let settings: PlatformSettings
    public let logger: Logger
    /// The witness log: signed checkpoints, proofs and tiles over `log_entries`.
    public let log: TransparencyLog
    /// The auction engines this platform (this process) last used, each valid only for its row version.
    let auctionEngines = AuctionEngineCache()
    /// The bids of this platform (this process) waiting for the next bid transaction.
    let bidIntake = BidIntake()

    public init(
        engine: any DatabaseEngine, files: FileStore, clock: any TradingClock, calendar: TradingCalendar, settings: PlatformSettings,
        logger: Logger, log: TransparencyLog
    ) {
        self.log = log
        self.engine = engine
        self.files = files
        self.clock = clock
        self.calendar = calendar
        self.settings = settings
        self.logger = logger
    }

    public var accounts: AccountService { AccountService(platform: self) }
    public var catalog: CatalogService { CatalogService(platform: self) }
    public var tenders: TenderService { TenderService(platform: self) }
    public var bidding: BiddingService { BiddingService(platform: self) }
    public var notices: NoticeService { NoticeService(platform: self) }
    public var documents: DocumentService { DocumentService(platform: self) }
    public var sealed: SealedBiddingService { SealedBiddingService(platform: self) }
    public var openData: OpenDataService { OpenDataService(platform: self) }
    public var disclosure: DisclosureService { DisclosureService(platform: self) }
    public var experts: ExpertService { ExpertService(platform: self) }
    public var draws: ExpertDrawService { ExpertDrawService(platform: self) }
    /// The online evaluation by the drawn committee (评标).
    public var evaluations: EvaluationService { EvaluationService(platform: self) }
    /// How drawn experts are told (in-platform inbox; SMS or e-mail notifiers implement the same protocol).
    public var notifier: any Notifier { InboxNotifier(platform: self) }
    /// Bid-rigging alerts and the regulator's screen.
    public var supervision: SupervisionService { SupervisionService(platform: self) }
    /// Credit lists and their checks.
    public var credit: CreditService { CreditService(platform: self) }
    /// 异议, 质疑 and 投诉.
    public var complaints: ComplaintService { ComplaintService(platform: self) }
    /// Connected trading platforms (分平台) and their keys.
    public var connectedPlatforms: ConnectedPlatformService { ConnectedPlatformService(platform: self) }
    /// Pushes from connected platforms, checked and stored.
    public var pushes: PlatformPushService { PlatformPushService(platform: self) }
    /// Data quality of each connected platform.
    public var pushQuality: PlatformQualityService { PlatformQualityService(platform: self) }
    /// Webhook subscribers and their deliveries.
    public var webhooks: WebhookService { WebhookService(platform: self) }

    func nowMillis() -> Int64 { Timestamps.millis(self.clock.now()) }
}

/// Settings the services read (see the README's configuration keys).
public struct PlatformSettings: Sendable {
    /// Largest upload in bytes (`uploads.maxBytes`).
    public var maxUploadBytes: Int
    /// bcrypt cost for new passwords (`auth.bcryptCost`).
    public var bcryptCost: UInt8
    /// How long a login lasts, in hours (`auth.sessionHours`).
    public var sessionHours: Int
    /// Minutes after the bid deadline within which k custodians should release their shares (`opening.shareMinutes`);
    /// past it the opening room shows the opening as stalled. The platform still cannot open without the keys.
    public var shareMinutes: Int = 60
    /// The portal's public address for absolute links (`http.publicURL`); nil: from the request's Host header.
    public var publicURL: String?
    /// The OCDS ocid prefix (`ocds.prefix`), e.g. a registered `ocds-abcd12`.
    public var ocidPrefix: String = "ocds-yw0000"
    /// The consequence of a match on each credit list at registration, bidding and the award (`credit.policy`).
    public var creditPolicy: CreditPolicy = .standard
    /// Retries of webhook deliveries (`webhooks.*`).
    public var webhooks = WebhookPolicy()

    public init(maxUploadBytes: Int = 50 * 1024 * 1024, bcryptCost: UInt8 = 12, sessionHours: Int = 12) {
        self.maxUploadBytes = maxUploadBytes
        self.bcryptCost = bcryptCost
        self.sessionHours = sessionHours
    }
}

/// Who is acting: a signed-in account, or the platform itself (scheduler).
public struct Actor: Sendable, Equatable {
    public var accountID: String
    public var username: String
    public var role: Role
    public var partyID: String?
    public var displayName: String

    public static let system = Actor(accountID: "system", username: "system", role: .operator, partyID: nil, displayName: "系统")

    public init(accountID: String, username: String, role: Role, partyID: String?, displayName: String) {
        self.accountID = accountID
        self.username = username
        self.role = role
        self.partyID = partyID
        self.displayName = displayName
    }

    /// The name recorded in the witness log: the account id (never a password or personal data beyond it).
    var logName: String { self.accountID }
}

enum Identifiers {
    static func make() -> String { UUID().uuidString.lowercased() }
}

extension TradingError {
    static let signInRequired = TradingError(.unauthenticated, code: "sign-in-required", zh: "请先登录", en: "Please sign in")
}
