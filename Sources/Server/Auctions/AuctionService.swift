import Auctions
import Foundation
import SQLKit
import Storage
import TradingCore

/// 网络竞价 — online auctions of a lot in the server, driving the pure engines of the Auctions module. Every change is
/// ONE transaction that locks the auction row (PostgreSQL `SELECT … FOR UPDATE`; SQLite: the single writer), reads
/// the server clock inside the lock as the legal time, feeds the engine, and writes the engine snapshot, the stream
/// messages, the bid row and the witness-log entry together. Nothing in process memory decides the order of bids.
public struct AuctionService: Sendable {
    let platform: Platform

    /// Trading types whose projects may hold an auction (the ascending engines).
    static let tradingTypes: Set<String> = ["property", "assets", "land"]

    /// What a project's runner (or the operator) gives to open an auction on a lot.
    public struct Form: Sendable, Codable {
        /// The engine: `english`, `judicial`, `dutch` (降价拍卖) or `listing` (挂牌, land projects).
        public var kind: String
        /// 起始价 (起拍价), fen; left out for a reverse auction (its participants start from their opened prices).
        public var startPriceFen: Int64?
        /// 加价幅度 (增价幅度), fen; the minimum decrement (最小降价幅度) of a reverse auction; required except for a Dutch
        /// auction (which has `decrementFen`).
        public var incrementFen: Int64?
        /// 竞买保证金, fen.
        public var depositFen: Int64
        /// 保留价, fen — sealed: stored beside the auction, revealed only at the close (拍卖法§50).
        public var reserveFen: Int64?
        /// 评估价, fen (judicial).
        public var appraisedValueFen: Int64?
        /// Bidding opens (RFC 3339).
        public var opensAt: String
        /// The scheduled end of free bidding (English), of bidding (judicial) or of the listing; a Dutch clock fixes its
        /// own end (one step after the floor), so it may be left out there.
        public var closesAt: String?
        /// 限时报价期 countdown in seconds (English).
        public var countdownSeconds: Int?
        /// Extension window and length in seconds (judicial).
        public var extensionSeconds: Int?
        /// At most this many increments in one bid.
        public var maximumIncrementsPerBid: Int?
        /// The most a relisting may cut the start price, %.
        public var relistingMaxCutPercent: Int?
        /// Losers' deposits are released within this many hours.
        public var depositReleaseHours: Int?
        /// Registration closes here, if set.
        public var registrationClosesAt: String?
        /// 优先购买权人 and their order (judicial).
        public var preemption: [AuctionParameters.Preemption]?
        /// 降价幅度 (Dutch), fen.
        public var decrementFen: Int64?
        /// 降价周期 (Dutch), seconds.
        public var stepSeconds: Int?
        /// 最低价 (Dutch), fen.
        public var floorPriceFen: Int64?
        /// 现场竞价 starts this many seconds after the listing ends (listing; default 0).
        public var liveRoundDelaySeconds: Int?
        /// 现场竞价 countdown in seconds, restarted by each bid (listing; default 300).
        public var liveRoundCountdownSeconds: Int?
        /// The live round happens when at least this many bidders want to continue (listing; default 2).
        public var minimumBiddersForLiveRound: Int?
        /// 报价轮数 (reverse; default 3).
        public var rounds: Int?
        /// Each participant's turn in seconds (reverse; default 120).
        public var turnSeconds: Int?
        /// The pause between rounds in seconds (reverse; default 0).
        public var pauseBetweenRoundsSeconds: Int?
        /// Fewer opened prices than this → no auction, no award (reverse; default 2).
        public var minimumBidders: Int?

        var kindParameters: AuctionKindParameters {
            var kind = AuctionKindParameters()
            kind.decrementFen = self.decrementFen
            kind.stepSeconds = self.stepSeconds
            kind.floorPriceFen = self.floorPriceFen
            kind.liveRoundDelaySeconds = self.liveRoundDelaySeconds
            kind.liveRoundCountdownSeconds = self.liveRoundCountdownSeconds
            kind.minimumBiddersForLiveRound = self.minimumBiddersForLiveRound
            kind.rounds = self.rounds
            kind.turnSeconds = self.turnSeconds
            kind.pauseBetweenRoundsSeconds = self.pauseBetweenRoundsSeconds
            kind.minimumBidders = self.minimumBidders
            return kind
        }

        /// An English auction's form with the defaults for everything else (benchmarks, demos).
        public init(kind: String, startPriceFen: Int64, incrementFen: Int64, depositFen: Int64, opensAt: String, closesAt: String, countdownSeconds: Int? = nil) {
            self.kind = kind
            self.startPriceFen = startPriceFen
            self.incrementFen = incrementFen
            self.depositFen = depositFen
            self.opensAt = opensAt
            self.closesAt = closesAt
            self.countdownSeconds = countdownSeconds
        }
    }

    /// Creates an auction on a lot of a property, assets or land project. Refused (422) when the rules break the
    /// engine's checks (judicial: start ≥ 70 % of the appraisal, deposit 5–20 %, ≥ 24 h) — nothing is written then.
    public func create(projectID: String, lotID: String, form: Form, by actor: Actor) async throws -> AuctionView {
        if form.kind == "reverse" { return try await self.createReverse(projectID: projectID, lotID: lotID, form: form, by: actor) }
        guard let startPrice = form.startPriceFen else {
            throw TradingError.invalid("start-price-required", zh: "须给出起始价 startPriceFen", en: "startPriceFen is required")
        }
        let opensAt = try APIController.instant(form.opensAt, field: "opensAt")
        let closesAt = try form.closesAt.map { try APIController.instant($0, field: "closesAt") }
        let registrationCloses = try form.registrationClosesAt.map { try APIController.instant($0, field: "registrationClosesAt") }
        let increment: Int64
        if form.kind == "dutch" {
            guard form.incrementFen == nil else {
                throw TradingError.invalid("auction-kind-fields", zh: "降价拍卖没有加价幅度，请给出降价幅度 decrementFen", en: "A Dutch auction has no incrementFen; give decrementFen")
            }
            increment = 0
        } else {
            guard let given = form.incrementFen else { throw TradingError.invalid("increment-required", zh: "须给出加价幅度 incrementFen", en: "incrementFen is required") }
            increment = given
        }
        var parameters = AuctionParameters(
            kind: form.kind, startPriceFen: startPrice, incrementFen: increment, depositFen: form.depositFen,
            appraisedValueFen: form.appraisedValueFen, opensAt: Timestamps.millis(opensAt), closesAt: Timestamps.millis(opensAt),
            countdownSeconds: form.countdownSeconds, extensionSeconds: form.extensionSeconds,
            maximumIncrementsPerBid: form.maximumIncrementsPerBid, relistingMaxCutPercent: form.relistingMaxCutPercent,
            depositReleaseHours: form.depositReleaseHours, registrationClosesAt: registrationCloses.map(Timestamps.millis),
            preemption: form.preemption ?? [], previousStartPriceFen: nil
        )
        let kind = form.kindParameters
        parameters.closesAt = try AuctionSetup.closesAt(closesAt, parameters: parameters, kind: kind)
        return try await self.create(
            projectID: projectID, lotID: lotID, parameters: parameters, kind: kind, reserveFen: form.reserveFen, relistedFrom: nil, by: actor)
    }

    func create(
        projectID: String, lotID: String, parameters: AuctionParameters, kind: AuctionKindParameters, reserveFen: Int64?, relistedFrom: String?,
        by actor: Actor
    ) async throws -> AuctionView {
        let reserve = try AuctionSetup.reserve(reserveFen)
        let initial = try AuctionSetup.engine(parameters, kind: kind, reserve: reserve, preemption: [])
        if parameters.kind == "listing",
            !self.platform.calendar.periodHolds(from: Timestamps.date(parameters.opensAt), to: Timestamps.date(parameters.closesAt), atLeast: 10, .workingDays)
        {
            throw TradingError.invalid("listing-period", zh: "挂牌期间不得少于 10 个工作日", en: "A listing runs at least 10 working days")
        }
        let deposit = try AuctionSetup.deposit(parameters)
        _ = try AuctionSetup.depositRelease(parameters)
        let id = Identifiers.make()
        let secret = (0..<32).map { _ in UInt8.random(in: 0...255) }
        let registry = AuctionRegistry(
            auctionID: id, deposit: deposit, numbering: try BidderNumberScheme(secret: secret),
            closesAt: parameters.registrationClosesAt.map(Timestamps.date)
        )
        let platform = self.platform
        let row = try await platform.engine.transaction { db in
            guard let project = try await db.row("SELECT * FROM projects WHERE id = \(bind: projectID)", as: ProjectRow.self) else {
                throw TradingError.notFound("Project", zh: "项目")
            }
            guard TenderService.runs(project, actor) || actor.role == .operator else {
                throw TradingError.forbidden("只有本项目的出让方、代理机构或平台运营方可以设置竞价", en: "Only the project's owner, its agency or the operator sets up an auction")
            }
            guard Self.tradingTypes.contains(project.tradingType) else {
                throw TradingError.invalid("auction-trading-type", zh: "网络竞价只适用于产权、资产资源和土地使用权项目", en: "Online auctions are for property, assets and land projects")
            }
            guard parameters.kind != "listing" || project.tradingType == "land" else {
                throw TradingError.invalid("auction-trading-type", zh: "挂牌只适用于土地使用权项目", en: "Listings are for land projects")
            }
            guard try await db.row("SELECT * FROM lots WHERE id = \(bind: lotID) AND project_id = \(bind: projectID)", as: LotRow.self) != nil else {
                throw TradingError.notFound("Lot", zh: "标段")
            }
            let now = Timestamps.date(Timestamps.millis(platform.clock.now()))
            var engine = initial
            _ = engine.tick(now: now)
            let position = try await LogRecords.append(
                LogEvent(type: "auction.created", project: projectID, lot: lotID, actor: actor.logName, time: now, data: [
                    "auction": id, "kind": parameters.kind, "startPriceFen": "\(parameters.startPriceFen)", "incrementFen": "\(parameters.incrementFen)",
                    "depositFen": "\(parameters.depositFen)", "opensAt": Timestamps.rfc3339(Timestamps.date(parameters.opensAt)),
                    "closesAt": Timestamps.rfc3339(Timestamps.date(parameters.closesAt)), "reserve": reserve == nil ? "none" : "sealed",
                    "relistedFrom": relistedFrom ?? "",
                ]),
                on: db
            )
            let row = AuctionRow(
                id: id, projectId: projectID, lotId: lotID, kind: parameters.kind, status: engine.status,
                parameters: try Self.json(StoredAuctionParameters(common: parameters, kind: kind)), reserveFen: reserveFen, registry: try Self.json(registry),
                machine: try engine.encoded(), seq: 0, nextDeadline: engine.machine.nextDeadline.map(Timestamps.millis),
                endsAt: engine.endsAt.map(Timestamps.millis), standingFen: nil, closeRecord: nil, relistedFrom: relistedFrom,
                createdBy: actor.accountID, createdAt: Timestamps.millis(now), updatedAt: Timestamps.millis(now), logIndex: position.index,
                version: 0, rebasedVersion: 0, snapshotBids: Int64(engine.machine.acceptedBids.count)
            )
            try await db.insert("auctions", row)
            return row
        }
        return try AuctionView(row, engine: try row.decodedSnapshot(), registration: nil, now: platform.clock.now())
    }

    static func json(_ value: some Encodable) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        return String(decoding: try encoder.encode(value), as: UTF8.self)
    }

    /// The auction's row, locked for the rest of the transaction (PostgreSQL row lock; SQLite already holds the
    /// writer) — without the engine snapshot (`machine` is empty): the snapshot of a long auction is megabytes, and the
    /// bid path works on the kept engine (`currentEntry` reads the snapshot when it has to).
    static func locked(_ auctionID: String, platform: Platform, on db: any SQLDatabase) async throws -> AuctionRow {
        guard let row = try await Self.locked([auctionID], platform: platform, on: db)[auctionID] else { throw TradingError.auctionNotFound }
        return row
    }

    /// The rows of several auctions, locked as `locked` locks one, in id order (so that transactions locking several
    /// auctions — bid transactions of different processes — never wait on each other in a circle). Missing ids are
    /// left out.
    static func locked(_ auctionIDs: [String], platform: Platform, on db: any SQLDatabase) async throws -> [String: AuctionRow] {
        let query = SQLQueryString("SELECT " + AuctionRow.columnsWithoutSnapshot + " FROM auctions WHERE id IN ") + "(\(binds: auctionIDs))"
            + SQLQueryString(" ORDER BY id" + platform.engine.forUpdate)
        return Dictionary(try await db.rows(query, as: AuctionRow.self).map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
    }
}

