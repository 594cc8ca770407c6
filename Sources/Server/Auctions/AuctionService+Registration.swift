import Auctions
import Foundation
import SQLKit
import Storage
import TradingCore

extension AuctionService {
    /// 竞买登记 — a bidder registers and gets its anonymous bidder number (竞买号). A party named as a 优先购买权人 in the
    /// auction's parameters is registered with its order; a judicial engine is rebuilt with the right while no bid
    /// has been made (after the first bid, a new pre-emption holder is refused).
    public func register(auctionID: String, by actor: Actor) async throws -> AuctionRegistrationView {
        guard actor.role == .bidder, let partyID = actor.partyID else {
            throw TradingError.forbidden("只有竞买人（企业或个人账户）可以登记", en: "Only bidder accounts register")
        }
        let platform = self.platform
        let (row, registration, published) = try await platform.engine.transaction { db in
            var row = try await Self.locked(auctionID, platform: platform, on: db)
            let now = Timestamps.date(Timestamps.millis(platform.clock.now()))
            guard row.status != "closed" else { throw AuctionRejection.closed.tradingError }
            guard row.kind != "reverse" else {
                throw TradingError.conflict("reverse-participants-fixed", zh: "反向竞价的参与人为开标的供应商，不接受登记", en: "A reverse auction's participants are the opened bidders; nobody registers")
            }
            guard let party = try await db.row("SELECT * FROM parties WHERE id = \(bind: partyID)", as: PartyRow.self) else { throw TradingError.notFound("Party", zh: "主体") }
            let parameters = try row.decodedParameters()
            var registry = try row.decodedRegistry()
            let order = parameters.preemption.first { $0.partyId == partyID }?.order
            let registration: AuctionRegistration
            do throws(RegistrationError) {
                registration = try registry.register(RegistrationID(Identifiers.make()), party: BidderParty(id: partyID, name: party.name), at: now, preemptionOrder: order)
            } catch {
                throw error.tradingError
            }
            var engine = try await Self.currentEngine(row, platform: platform, on: db)
            if order != nil, case .judicial = engine {
                guard engine.machine.acceptedBids.isEmpty, engine.status != "closed" else {
                    throw TradingError.conflict("preemption-after-bidding", zh: "已有出价，优先购买权人须在出价开始前登记", en: "Bidding has begun; pre-emption holders register before the first bid")
                }
                engine = try AuctionSetup.engine(parameters, reserve: try row.sealedReserve(), preemption: registry.preemptionRights)
                for qualified in registry.qualified { _ = engine.depositPaid(qualified.bidderID, now: now) }
            }
            let effects = engine.tick(now: now)
            row.registry = try Self.json(registry)
            let persisted = try await Self.persist(engine, effects: effects, row: &row, at: now, platform: platform, on: db)
            try await Self.logStateChanges(persisted, row: row, at: now, on: db)
            let position = try await LogRecords.append(
                LogEvent(type: "auction.registered", project: row.projectId, lot: row.lotId, actor: actor.logName, time: now,
                         data: ["auction": auctionID, "registration": registration.id.rawValue, "preemption": order.map(String.init) ?? ""]),
                on: db
            )
            try await db.insert("auction_registrations", AuctionRegistrationRow(
                id: registration.id.rawValue, auctionId: auctionID, partyId: partyID, accountId: actor.accountID, number: registration.number.digits,
                preemptionOrder: order.map(Int64.init), depositFen: nil, depositConfirmedBy: nil, depositConfirmedAt: nil,
                registeredAt: Timestamps.millis(now), logIndex: position.index
            ))
            return (row, registration, persisted)
        }
        platform.auctionHub.publish(auctionID, published)
        return AuctionRegistrationView(registration, auctionID: row.id, partyID: partyID)
    }

    /// The operator confirms that a registration's deposit arrived (no finance module yet); from then on the bidder may
    /// bid (竞买资格). The engine is told in the same transaction.
    public func confirmDeposit(auctionID: String, registrationID: String, amountFen: Int64, by actor: Actor) async throws -> AuctionRegistrationView {
        guard actor.role == .operator else {
            throw TradingError.forbidden("保证金到账由平台运营方确认", en: "The operator confirms deposits")
        }
        let platform = self.platform
        let (row, registration, published) = try await platform.engine.transaction { db in
            var row = try await Self.locked(auctionID, platform: platform, on: db)
            let now = Timestamps.date(Timestamps.millis(platform.clock.now()))
            guard row.status != "closed" else { throw AuctionRejection.closed.tradingError }
            var registry = try row.decodedRegistry()
            let registration: AuctionRegistration
            do throws(RegistrationError) {
                registration = try registry.confirmDeposit(of: RegistrationID(registrationID), amount: amountFen, confirmedBy: actor.accountID, at: now)
            } catch {
                if case .unknownRegistration = error { throw TradingError.notFound("Registration", zh: "竞买登记") }
                throw error.tradingError
            }
            var engine = try await Self.currentEngine(row, platform: platform, on: db)
            let effects = engine.depositPaid(registration.bidderID, now: now) + engine.tick(now: now)
            row.registry = try Self.json(registry)
            let persisted = try await Self.persist(engine, effects: effects, row: &row, at: now, platform: platform, on: db)
            try await Self.logStateChanges(persisted, row: row, at: now, on: db)
            _ = try await LogRecords.append(
                LogEvent(type: "auction.deposit-confirmed", project: row.projectId, lot: row.lotId, actor: actor.logName, time: now,
                         data: ["auction": auctionID, "registration": registrationID, "amountFen": "\(amountFen)"]),
                on: db
            )
            try await db.raw("""
                UPDATE auction_registrations SET deposit_fen = \(bind: amountFen), deposit_confirmed_by = \(bind: actor.accountID),
                deposit_confirmed_at = \(bind: Timestamps.millis(now)) WHERE id = \(bind: registrationID)
                """).run()
            return (row, registration, persisted)
        }
        platform.auctionHub.publish(auctionID, published)
        return AuctionRegistrationView(registration, auctionID: row.id, partyID: registration.party.id)
    }

    /// The registrations of an auction: the project's runners, the operator and the regulator see every one (with the
    /// party); a bidder sees its own.
    public func registrations(auctionID: String, by actor: Actor) async throws -> [AuctionRegistrationView] {
        try await self.platform.engine.read { db in
            guard let row = try await db.row("SELECT * FROM auctions WHERE id = \(bind: auctionID)", as: AuctionRow.self) else { throw TradingError.auctionNotFound }
            guard let project = try await db.row("SELECT * FROM projects WHERE id = \(bind: row.projectId)", as: ProjectRow.self) else { throw TradingError.auctionNotFound }
            let all = try row.decodedRegistry().registrations.map { AuctionRegistrationView($0, auctionID: row.id, partyID: $0.party.id) }
            if TenderService.oversees(project, actor) { return all }
            return all.filter { $0.partyId == actor.partyID && actor.role == .bidder }
        }
    }
}
