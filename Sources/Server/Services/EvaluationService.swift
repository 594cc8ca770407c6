import Crypto
import Foundation
import SQLKit
import Storage
import TradingCore
import WitnessLog

/// 评标 — the online evaluation of an opened lot by its drawn committee (the accepted experts of the lot's draw):
/// the tenderer's scoring sheet, the members' review votes and score sheets, the generated committee report and
/// the members' Ed25519 signatures. Every step is one transaction with its witness-log entry. When the report is
/// fully signed the lot's ranking comes from it (``TenderEvent/recordResult(_:)``).
public struct EvaluationService: Sendable {
    let platform: Platform

    /// The method and scoring sheet of a lot, set by the tenderer before the opening (or the catalog's default).
    public struct Sheet: Sendable, Codable, Equatable {
        /// `comprehensive` (综合评估法) or `lowest-price` (经评审的最低投标价法).
        public var method: String
        /// The criteria (综合评估法 only).
        public var criteria: [ScoringCriterion]
        /// The SME price deduction in basis points (财库〔2020〕46号; set per project).
        public var smeDeductionBasisPoints: Int
        /// Goods or services, for the price share of 87§55 (procurement only).
        public var object: ProcurementObject?

        /// Creates a ``Sheet`` from its fields.
        public init(method: String, criteria: [ScoringCriterion], smeDeductionBasisPoints: Int = 0, object: ProcurementObject? = nil) {
            self.method = method
            self.criteria = criteria
            self.smeDeductionBasisPoints = smeDeductionBasisPoints
            self.object = object
        }

        /// The default for a catalog method: 综合评估法 with price 30, technical 50, commercial 20 points.
        static func standard(method: String) -> Sheet {
            guard method == "comprehensive" else { return Sheet(method: "lowest-price", criteria: []) }
            return Sheet(method: method, criteria: [
                ScoringCriterion(id: "price", name: "价格", maxPoints: .points(30), kind: .price),
                ScoringCriterion(id: "technical", name: "技术方案", maxPoints: .points(50), kind: .subjective),
                ScoringCriterion(id: "commercial", name: "商务条款", maxPoints: .points(20), kind: .subjective),
            ])
        }

        func validate() throws {
            try SMEDeduction(basisPoints: self.smeDeductionBasisPoints).validate()
            switch self.method {
            case "comprehensive": try ScoringSheet(criteria: self.criteria).validate(object: self.object)
            case "lowest-price":
                guard self.criteria.isEmpty else {
                    throw TradingError.invalid("sheet-criteria", zh: "经评审的最低投标价法不设评分因素", en: "The lowest-evaluated-price method has no scoring criteria")
                }
            default:
                throw TradingError.invalid("evaluation-method", zh: "评标办法应为 comprehensive 或 lowest-price", en: "The method must be comprehensive or lowest-price")
            }
        }
    }

    /// A committee member as the evaluation sees it.
    struct Member: Sendable, Decodable { var id: String; var name: String; var accountId: String? }

    /// A lot with its project, checked to exist.
    struct Context: Sendable { var project: ProjectRow; var lot: LotRow; var draw: ExpertDrawRow; var members: [Member] }

    /// Registers (or replaces) the signed-in expert's Ed25519 public key (32 bytes, hex or base64) for signing reports.
    public func registerKey(_ text: String, by actor: Actor) async throws -> String {
        let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
        guard let raw = Self.bytes(trimmed), raw.count == 32, (try? Curve25519.Signing.PublicKey(rawRepresentation: raw)) != nil else {
            throw TradingError.invalid("expert-key", zh: "签名公钥应为32字节 Ed25519 公钥（十六进制或 Base64）", en: "The key must be a 32-byte Ed25519 public key in hex or base64")
        }
        let hex = Hash(bytes: raw).map(\.hex) ?? ""
        try await self.platform.engine.transaction { db in
            let expertID = try await self.platform.draws.expertID(of: actor, on: db)
            try await db.raw("DELETE FROM expert_keys WHERE expert_id = \(bind: expertID)").run()
            try await db.raw("INSERT INTO expert_keys (expert_id, public_key, registered_at) VALUES (\(bind: expertID), \(bind: hex), \(bind: self.platform.nowMillis()))").run()
            _ = try await LogRecords.append(
                LogEvent(type: "expert.key-registered", project: nil, actor: actor.logName, time: self.platform.clock.now(), data: ["keySha256": Hash.sha256(Data(raw)).hex]),
                on: db
            )
        }
        return hex
    }

    /// Sets the lot's method and scoring sheet; only the project's tenderer or agency, and only before the opening.
    public func setSheet(projectID: String, lotID: String, _ sheet: Sheet, by actor: Actor) async throws -> Sheet {
        try sheet.validate()
        let text = try ExpertDrawService.json(sheet)
        try await self.platform.engine.transaction { db in
            let project = try await TenderService.ownedProject(projectID, by: actor, on: db)
            guard let lot = try await db.row("SELECT * FROM lots WHERE id = \(bind: lotID) AND project_id = \(bind: project.id)", as: LotRow.self) else {
                throw TradingError.notFound("Lot", zh: "标段")
            }
            guard ["draft", "announced", "bidding-closed"].contains(lot.phase) else {
                throw TradingError.conflict("sheet-after-opening", zh: "开标后不得设置或修改评分标准", en: "The scoring sheet cannot change after the opening")
            }
            try await db.raw("DELETE FROM evaluation_sheets WHERE lot_id = \(bind: lot.id)").run()
            try await db.raw(
                "INSERT INTO evaluation_sheets (lot_id, sheet, set_by, set_at) VALUES (\(bind: lot.id), \(bind: text), \(bind: actor.accountID), \(bind: self.platform.nowMillis()))"
            ).run()
            _ = try await LogRecords.append(
                LogEvent(type: "evaluation.sheet-set", project: project.id, lot: lot.id, actor: actor.logName, time: self.platform.clock.now(),
                         data: ["method": sheet.method, "sheetSha256": Hash.sha256(Data(text.utf8)).hex]),
                on: db
            )
        }
        return sheet
    }

    /// The lot's sheet: the tenderer's, else the catalog default.
    static func sheet(project: ProjectRow, lotID: String, platform: Platform, on db: any SQLDatabase) async throws -> Sheet {
        struct Row: Decodable { var sheet: String }
        if let row = try await db.row("SELECT sheet FROM evaluation_sheets WHERE lot_id = \(bind: lotID)", as: Row.self) {
            return try ExpertDrawService.decode(Sheet.self, row.sheet)
        }
        return Sheet.standard(method: try await platform.catalog.entry(project.catalogCode).rules.evaluationMethod)
    }

    /// The drawn draw of a lot, if any: a lot with one is evaluated here, not ranked by hand.
    static func drawnDraw(lotID: String, on db: any SQLDatabase) async throws -> ExpertDrawRow? {
        try await db.row("SELECT * FROM expert_draws WHERE lot_id = \(bind: lotID) AND status = 'drawn' ORDER BY created_at DESC", as: ExpertDrawRow.self)
    }

    /// The lot, its draw and committee; `actor` must be a member (or the operator when `operatorMayRead`).
    func context(projectID: String, lotID: String, actor: Actor, operatorMayRead: Bool = false, on db: any SQLDatabase) async throws -> (Context, Member?) {
        guard let lot = try await db.row("SELECT * FROM lots WHERE id = \(bind: lotID) AND project_id = \(bind: projectID)", as: LotRow.self),
            let project = try await db.row("SELECT * FROM projects WHERE id = \(bind: projectID)", as: ProjectRow.self)
        else { throw TradingError.notFound("Lot", zh: "标段") }
        guard let draw = try await Self.drawnDraw(lotID: lot.id, on: db) else {
            throw TradingError.conflict("no-committee", zh: "本标段没有抽取的评标委员会", en: "This lot has no drawn committee")
        }
        let members = try await db.rows(
            """
            SELECT e.id, e.name, e.account_id FROM expert_invitations i JOIN experts e ON e.id = i.expert_id
            WHERE i.draw_id = \(bind: draw.id) AND i.status = 'accepted' ORDER BY e.id
            """, as: Member.self
        )
        let member = members.first { $0.accountId == actor.accountID && actor.role == .expert }
        if member == nil, !(operatorMayRead && actor.role == .operator) {
            throw TradingError.forbidden("只有本标段评标委员会成员可以评标", en: "Only this lot's committee members may evaluate it")
        }
        return (Context(project: project, lot: lot, draw: draw, members: members), member)
    }

    /// Refuses unless the lot is opened, every seat of the draw is taken by an accepting expert (none pending) and
    /// no report exists yet.
    static func requireOpen(_ context: Context, on db: any SQLDatabase) async throws {
        guard context.lot.phase == TenderPhase.opened.rawValue else {
            throw TradingError.conflict("evaluation-phase", zh: "标段未开标或评标已结束", en: "The lot is not open for evaluation")
        }
        struct Count: Decodable { var n: Int64 }
        let pending = try await db.row("SELECT COUNT(*) AS n FROM expert_invitations WHERE draw_id = \(bind: context.draw.id) AND status = 'pending'", as: Count.self)?.n ?? 0
        let seats = try ExpertDrawService.decode(ExpertDrawService.DrawRequest.self, context.draw.request).categories.reduce(0) { $0 + $1.count }
        guard pending == 0, !context.members.isEmpty, context.members.count == seats else {
            throw TradingError.conflict("committee-incomplete", zh: "评标委员会成员尚未全部确认参加", en: "Not every drawn expert has answered yet")
        }
        struct Ref: Decodable { var lotId: String }
        if try await db.row("SELECT lot_id FROM evaluation_reports WHERE lot_id = \(bind: context.lot.id)", as: Ref.self) != nil {
            throw TradingError.conflict("report-exists", zh: "评标报告已生成，不能再修改评审意见", en: "The report exists; reviews and scores are final")
        }
    }

    /// Hex or base64 bytes.
    static func bytes(_ text: String) -> [UInt8]? {
        if text.count % 2 == 0, text.allSatisfy(\.isHexDigit) {
            var bytes: [UInt8] = []
            var index = text.startIndex
            while index < text.endIndex {
                let next = text.index(index, offsetBy: 2)
                guard let byte = UInt8(text[index..<next], radix: 16) else { return nil }
                bytes.append(byte)
                index = next
            }
            return bytes
        }
        return Data(base64Encoded: text).map { Array($0) }
    }
}
