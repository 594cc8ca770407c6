import Auctions
import Foundation
import SQLKit
import Storage
import TradingCore

extension AuctionService {
    /// 多轮反向竞价 — a reverse auction on a procurement lot whose (unsealed) bids were opened: every supplier with an
    /// active opened bid takes part, starting from its opened price (初始报价), registered and qualified at once (its bid
    /// deposit stands for the auction's); nobody else may register. The turns fix the end: `closesAt` is the latest
    /// possible one (every turn used to its end). `incrementFen` is the minimum decrement (最小降价幅度).
    func createReverse(projectID: String, lotID: String, form: Form, by actor: Actor) async throws -> AuctionView {
        let opensAt = try APIController.instant(form.opensAt, field: "opensAt")
        guard form.closesAt == nil else {
            throw TradingError.invalid("reverse-closes-at", zh: "反向竞价的结束时间由报价轮次决定，请不要填写 closesAt", en: "A reverse auction's turns fix its end; leave closesAt out")
        }
        guard let decrement = form.incrementFen else {
            throw TradingError.invalid("increment-required", zh: "须给出最小降价幅度 incrementFen", en: "incrementFen (the minimum decrement) is required")
        }
        let kind = form.kindParameters
        let reserve = try AuctionSetup.reserve(form.reserveFen)
        let platform = self.platform
        let row = try await platform.engine.transaction { db in
            guard let project = try await db.row("SELECT * FROM projects WHERE id = \(bind: projectID)", as: ProjectRow.self) else {
                throw TradingError.notFound("Project", zh: "项目")
            }
            guard TenderService.runs(project, actor) || actor.role == .operator else {
                throw TradingError.forbidden("只有本项目的采购人、代理机构或平台运营方可以设置反向竞价", en: "Only the project's purchaser, its agency or the operator sets up a reverse auction")
            }
            guard project.tradingType == "procurement" else {
                throw TradingError.invalid("auction-trading-type", zh: "反向竞价只适用于政府采购项目", en: "Reverse auctions are for procurement projects")
            }
            guard project.sealingThreshold == nil else {
                throw TradingError.conflict("reverse-after-sealed-opening", zh: "不见面开标项目的反向竞价尚未支持", en: "Reverse auctions after a sealed-bid opening are not supported yet")
            }
            guard let lot = try await db.row("SELECT * FROM lots WHERE id = \(bind: lotID) AND project_id = \(bind: projectID)", as: LotRow.self) else {
                throw TradingError.notFound("Lot", zh: "标段")
            }
            guard BiddingService.isOpened(lot.phase) else {
                throw TradingError.conflict("lot-not-opened", zh: "开标后才能以开标报价进行反向竞价", en: "A reverse auction starts from the opened prices: open the bids first")
            }
            let bids = try await db.rows("SELECT * FROM bids WHERE lot_id = \(bind: lotID) AND status = 'active' ORDER BY submitted_at, id", as: BidRow.self)
            guard let highest = bids.map(\.priceFen).max() else {
                throw TradingError.conflict("no-opened-prices", zh: "本标段没有有效的开标报价", en: "The lot has no active opened prices")
            }
            let now = Timestamps.date(Timestamps.millis(platform.clock.now()))
            let turn = Int64(kind.turnSeconds ?? 120) * 1000
            let rounds = Int64(kind.rounds ?? 3)
            let latestEnd = Timestamps.millis(opensAt) + rounds * Int64(bids.count) * turn + max(rounds - 1, 0) * Int64(kind.pauseBetweenRoundsSeconds ?? 0) * 1000
            let parameters = AuctionParameters(
                kind: "reverse", startPriceFen: highest, incrementFen: decrement, depositFen: form.depositFen, appraisedValueFen: nil,
                opensAt: Timestamps.millis(opensAt), closesAt: latestEnd, countdownSeconds: nil, extensionSeconds: nil, maximumIncrementsPerBid: nil,
                relistingMaxCutPercent: nil, depositReleaseHours: form.depositReleaseHours, registrationClosesAt: nil, preemption: [], previousStartPriceFen: nil
            )
            let id = Identifiers.make()
            var registry = AuctionRegistry(
                auctionID: id, deposit: try AuctionSetup.deposit(parameters), numbering: try BidderNumberScheme(secret: (0..<32).map { _ in UInt8.random(in: 0...255) })
            )
            var initialPrices: [SealedInitialPrice] = []
            var registrations: [(AuctionRegistration, BidRow)] = []
            for bid in bids {
                guard let party = try await db.row("SELECT * FROM parties WHERE id = \(bind: bid.partyId)", as: PartyRow.self) else { throw TradingError.notFound("Party", zh: "主体") }
                do throws(RegistrationError) {
                    let registration = try registry.register(RegistrationID(Identifiers.make()), party: BidderParty(id: party.id, name: party.name), at: now)
                    let qualified = try registry.confirmDeposit(of: registration.id, amount: form.depositFen, confirmedBy: "bid:\(bid.id)", at: now)
                    registrations.append((qualified, bid))
                    initialPrices.append(SealedInitialPrice(bidder: qualified.bidderID, amount: bid.priceFen, submittedAt: Timestamps.date(bid.submittedAt)))
                } catch {
                    throw error.tradingError
                }
            }
            var engine = try AuctionSetup.engine(parameters, kind: kind, reserve: reserve, preemption: [], initialPrices: initialPrices)
            _ = engine.tick(now: now)
            let position = try await LogRecords.append(
                LogEvent(type: "auction.created", project: projectID, lot: lotID, actor: actor.logName, time: now, data: [
                    "auction": id, "kind": "reverse", "participants": "\(bids.count)", "minimumDecrementFen": "\(decrement)",
                    "opensAt": Timestamps.rfc3339(opensAt), "closesAt": Timestamps.rfc3339(Timestamps.date(latestEnd)), "reserve": reserve == nil ? "none" : "sealed",
                    "relistedFrom": "",
                ]),
                on: db
            )
            let row = AuctionRow(
                id: id, projectId: projectID, lotId: lotID, kind: "reverse", status: engine.status,
                parameters: try Self.json(StoredAuctionParameters(common: parameters, kind: kind)), reserveFen: form.reserveFen, registry: try Self.json(registry),
                machine: try engine.encoded(), seq: 0, nextDeadline: engine.machine.nextDeadline.map(Timestamps.millis),
                endsAt: engine.endsAt.map(Timestamps.millis), standingFen: nil, closeRecord: nil, relistedFrom: nil,
                createdBy: actor.accountID, createdAt: Timestamps.millis(now), updatedAt: Timestamps.millis(now), logIndex: position.index,
                version: 0, rebasedVersion: 0, snapshotBids: Int64(engine.machine.acceptedBids.count)
            )
            try await db.insert("auctions", row)
            for (registration, bid) in registrations {
                try await db.insert("auction_registrations", AuctionRegistrationRow(
                    id: registration.id.rawValue, auctionId: id, partyId: bid.partyId, accountId: bid.accountId, number: registration.number.digits,
                    preemptionOrder: nil, depositFen: form.depositFen, depositConfirmedBy: "bid:\(bid.id)", depositConfirmedAt: Timestamps.millis(now),
                    registeredAt: Timestamps.millis(now), logIndex: position.index
                ))
            }
            return row
        }
        return try AuctionView(row, engine: try row.decodedSnapshot(), registration: nil, now: platform.clock.now())
    }
}
