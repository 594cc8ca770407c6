import ExpertDraw
import Foundation
import SQLKit
import Storage
import TradingCore
import WitnessLog

extension ExpertDrawService {
    /// 承诺-揭示 — a named party reveals its 32-byte value; it must hash to the commitment logged before and
    /// come before the beacon round (and before the beacon is recorded). Anyone may post it: the hash decides.
    public func reveal(projectID: String, lotID: String, drawID: String, party: String, value: String, by actor: Actor) async throws -> DrawView {
        let platform = self.platform
        let (project, _) = try await self.projectAndLot(projectID, lotID, by: actor, runnerOnly: false)
        guard TenderService.runs(project, actor) || actor.role == .operator || actor.role == .regulator else {
            throw TradingError.forbidden("只有本项目的招标人、代理机构、交易中心或监管部门可以提交揭示值", en: "Only this project's runners, the operator or the regulator post reveals")
        }
        guard let bytes = DrawDigest(hex: value.lowercased())?.bytes else {
            throw TradingError.invalid("reveal-value", zh: "揭示值应为64位十六进制（32字节）", en: "The revealed value must be 64 hex digits (32 bytes)")
        }
        try await platform.engine.transaction { db in
            let draw = try await Self.lockedDraw(drawID, lotID: lotID, platform: platform, on: db)
            guard draw.status == "committed" else {
                throw TradingError.conflict("draw-done", zh: "抽取已完成，不能再揭示", en: "The draw is done; nothing can be revealed now")
            }
            let commitment = try Self.decode(DrawCommitment.self, draw.commitment)
            try Self.requireBeforeBeacon(commitment.beacon, now: platform.clock.now())
            guard let row = try await db.row(
                "SELECT * FROM draw_contributions WHERE draw_id = \(bind: drawID) AND party = \(bind: party)", as: DrawContributionRow.self
            ) else { throw TradingError.notFound("Contributing party", zh: "承诺方") }
            guard row.value == nil else { throw TradingError.conflict("reveal-repeated", zh: "\(party)已经揭示", en: "\(party) has already revealed") }
            do throws(DrawError) { try RevealedContribution(party: party, value: bytes, commitment: DrawDigest(hex: row.commitment)!).validate() } catch {
                throw Self.refusal(error)
            }
            let hex = DrawDigest(bytes: bytes)!.hex
            try await db.raw(
                "UPDATE draw_contributions SET value = \(bind: hex), revealed_at = \(bind: platform.nowMillis()) WHERE draw_id = \(bind: drawID) AND party = \(bind: party)"
            ).run()
            _ = try await LogRecords.append(
                LogEvent(type: "expert.draw-revealed", project: draw.projectId, lot: lotID, actor: actor.logName, time: platform.clock.now(),
                         data: ["draw": drawID, "party": party, "value": hex]),
                on: db
            )
        }
        return try await self.view(projectID: projectID, lotID: lotID, drawID: drawID, for: actor)
    }

    /// Records the beacon round as given (a drand round's JSON; nothing is fetched) and draws. Every contribution
    /// must be revealed first. Only the seed and the salted result hash are logged; drawn experts are notified.
    public func draw(projectID: String, lotID: String, drawID: String, beacon beaconJSON: Data?, by actor: Actor) async throws -> DrawView {
        let platform = self.platform
        _ = try await self.projectAndLot(projectID, lotID, by: actor, runnerOnly: true)
        try await platform.engine.transaction { db in
            let draw = try await Self.lockedDraw(drawID, lotID: lotID, platform: platform, on: db)
            guard draw.status == "committed" else { throw TradingError.conflict("draw-done", zh: "抽取已完成", en: "The draw is already done") }
            let commitment = try Self.decode(DrawCommitment.self, draw.commitment)
            let rows = try await db.rows("SELECT * FROM draw_contributions WHERE draw_id = \(bind: drawID) ORDER BY position", as: DrawContributionRow.self)
            let missing = rows.filter { $0.value == nil }.map(\.party)
            guard missing.isEmpty else {
                throw TradingError.conflict(
                    "draw-unrevealed", zh: "以下承诺方尚未揭示：\(missing.joined(separator: "、"))", en: "Not yet revealed: \(missing.joined(separator: ", "))"
                )
            }
            let beacon = try Self.beaconOutput(beaconJSON, committed: commitment.beacon)
            if beacon.network == DrandChain.quicknet.network, Int64(platform.clock.now().timeIntervalSince1970) < DrandChain.quicknet.time(of: beacon.round) {
                throw TradingError.conflict(
                    "draw-beacon-early", zh: "信标第\(beacon.round)轮尚未产生", en: "Beacon round \(beacon.round) has not been emitted yet"
                )
            }
            let randomness = DrawRandomness(beacon: beacon, contributions: rows.map {
                RevealedContribution(party: $0.party, value: DrawDigest(hex: $0.value!)!.bytes, commitment: DrawDigest(hex: $0.commitment)!)
            })
            let rules = try Self.rules(try Self.decode(DrawRequest.self, draw.request))
            let pool = try Self.decode([PoolEntry].self, draw.pool)
            let exclusions = try Self.decode([Exclusion].self, draw.exclusions)
            var bundle: DrawBundle
            do throws(DrawError) {
                bundle = try ExpertDraw.run(
                    drawID: drawID, pool: pool, exclusions: exclusions, rules: rules, randomness: randomness, commitment: commitment
                )
                var salt = [UInt8](repeating: 0, count: 32)
                var generator = SystemRandomNumberGenerator()
                for index in salt.indices { salt[index] = generator.next() }
                bundle.resultCommitment = try bundle.resultCommitment(salt: salt)
            } catch { throw Self.refusal(error) }
            let result = bundle.resultCommitment!
            try await db.raw(
                """
                UPDATE expert_draws SET status = 'drawn', bundle = \(bind: try Self.json(bundle)), salt = \(bind: DrawDigest(bytes: result.salt)!.hex),
                result_hash = \(bind: result.hash.hex), drawn_at = \(bind: platform.nowMillis()) WHERE id = \(bind: drawID)
                """
            ).run()
            var data = [
                "draw": drawID, "seed": bundle.seed.hex, "resultHash": result.hash.hex, "beacon": "\(beacon.network) \(beacon.round)",
                "beaconRandomness": DrawDigest(bytes: beacon.randomness)!.hex,
            ]
            let shortfall = bundle.result.shortfall(rules: bundle.rules)
            if !shortfall.isEmpty { data["shortfall"] = shortfall.sorted { $0.key < $1.key }.map { "\($0.key):\($0.value)" }.joined(separator: ",") }
            _ = try await LogRecords.append(
                LogEvent(type: "expert.drawn", project: draw.projectId, lot: lotID, actor: actor.logName, time: platform.clock.now(), data: data), on: db
            )
            for category in bundle.result.categories {
                for expertID in category.selected {
                    try await Self.invite(expertID, category: category.category, draw: draw, platform: platform, on: db)
                }
            }
        }
        return try await self.view(projectID: projectID, lotID: lotID, drawID: drawID, for: actor)
    }

    /// The beacon output for the committed reference: the given drand JSON for that round, or none at all when
    /// the draw relies on contributions alone (then 32 zero bytes at round 0 enter the seed).
    static func beaconOutput(_ json: Data?, committed: BeaconReference) throws -> BeaconOutput {
        if committed.network == Self.noBeacon {
            guard json == nil else {
                throw TradingError.invalid("draw-beacon", zh: "本次抽取未约定信标", en: "This draw committed to no beacon")
            }
            return BeaconOutput(network: Self.noBeacon, round: 0, randomness: [UInt8](repeating: 0, count: 32))
        }
        guard let json else {
            throw TradingError.invalid("draw-beacon", zh: "请提供第\(committed.round)轮信标数据", en: "Give the beacon output of round \(committed.round)")
        }
        let beacon: BeaconOutput
        do throws(DrawError) {
            beacon = try BeaconOutput(drandJSON: json, network: committed.network)
            try beacon.validate()
        } catch { throw Self.refusal(error) }
        guard beacon.round == committed.round else {
            throw TradingError.invalid(
                "draw-beacon-round", zh: "信标轮次应为事先承诺的第\(committed.round)轮，实为第\(beacon.round)轮",
                en: "The beacon must be the committed round \(committed.round), found \(beacon.round)"
            )
        }
        return beacon
    }

    /// Reveals must come before the committed drand round is emitted (checked for drand quicknet, whose schedule is known).
    static func requireBeforeBeacon(_ beacon: BeaconReference, now: Date) throws {
        guard beacon.network == DrandChain.quicknet.network else { return }
        if Int64(now.timeIntervalSince1970) >= DrandChain.quicknet.time(of: beacon.round) {
            throw TradingError.conflict(
                "reveal-too-late", zh: "信标第\(beacon.round)轮已产生，不能再揭示", en: "Beacon round \(beacon.round) has been emitted; reveals are closed"
            )
        }
    }

    static func lockedDraw(_ drawID: String, lotID: String, platform: Platform, on db: any SQLDatabase) async throws -> ExpertDrawRow {
        guard let draw = try await db.row(
            SQLQueryString("SELECT * FROM expert_draws WHERE id = ") + "\(bind: drawID) AND lot_id = \(bind: lotID)" + SQLQueryString(platform.engine.forUpdate),
            as: ExpertDrawRow.self
        ) else { throw TradingError.notFound("Draw", zh: "专家抽取") }
        return draw
    }
}
